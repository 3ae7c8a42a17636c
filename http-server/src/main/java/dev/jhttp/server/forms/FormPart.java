package dev.jhttp.server.forms;

import dev.jhttp.core.forms.PartHead;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * One part of a {@code multipart/form-data} body, as {@link MultipartParts} reaches it: its head, then its content
 * as a stream that ends where the part does. Valid until the next part is asked for; content left unread is skipped.
 */
public final class FormPart {
    private final PartHead head;
    private final InputStream content;

    FormPart(PartHead head, InputStream content) {
        this.head = head;
        this.content = content;
    }

    /** The part's fields, name and filename (as the client sent it: check it before using it as a path). */
    public PartHead head() {
        return head;
    }

    /**
     * The content, streamed from the request as it is read.
     *
     * @throws FormException from {@code read} when the content breaks a rule or a limit
     */
    public InputStream content() {
        return content;
    }

    /** The whole content as UTF-8 text: for fields, which the reader's field limit keeps small. */
    public String text() throws IOException {
        return new String(content.readAllBytes(), StandardCharsets.UTF_8);
    }
}
