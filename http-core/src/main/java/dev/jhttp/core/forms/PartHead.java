package dev.jhttp.core.forms;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;

import java.util.Objects;
import java.util.Optional;

/**
 * A part's header fields and what its {@code Content-Disposition} says (RFC 7578 §4.2): the field's name, and the
 * filename for a file, as the client sent it: deciding whether a filename is safe to store is the caller's business.
 */
public record PartHead(Headers headers, String name, Optional<String> filename) {
    public PartHead {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filename, "filename");
    }

    /** The part's media type; {@code text/plain} when it names none (RFC 7578 §4.4). */
    public String contentType() {
        return headers.first(HeaderName.CONTENT_TYPE).orElse("text/plain");
    }

    /** Whether the part is a file (it has a filename) rather than a field. */
    public boolean isFile() {
        return filename.isPresent();
    }
}
