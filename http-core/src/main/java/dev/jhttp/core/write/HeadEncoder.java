package dev.jhttp.core.write;

import dev.jhttp.core.Headers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Encodes a start-line and field lines as ISO-8859-1 bytes, the octets header values stand for (RFC 9110 §5.5). */
final class HeadEncoder {
    private HeadEncoder() {
    }

    static byte[] encode(String startLine, Headers headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + headers.size() * 32);
        appendLine(out, startLine);
        appendFields(out, headers);
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }

    /** Field lines, each ending in CRLF, without the empty line after them. */
    static void appendFields(ByteArrayOutputStream out, Headers headers) {
        for (int i = 0; i < headers.size(); i++) {
            appendLine(out, headers.name(i).name() + ": " + headers.value(i));
        }
    }

    private static void appendLine(ByteArrayOutputStream out, String line) {
        out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
        out.write('\r');
        out.write('\n');
    }
}
