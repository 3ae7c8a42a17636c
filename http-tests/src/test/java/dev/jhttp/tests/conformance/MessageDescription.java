package dev.jhttp.tests.conformance;

import dev.jhttp.core.Body;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Request;
import dev.jhttp.core.RequestTarget;
import dev.jhttp.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed message as the table's expected lines: {@code ok} start line, {@code path} (decoded, for origin and
 * absolute forms), one {@code hdr} per field in received order and case, {@code body} when there is one, and one
 * {@code trailer} per trailer field. Bytes outside printable ASCII appear in {@link Escapes} notation.
 */
final class MessageDescription {
    private MessageDescription() {
    }

    static List<String> of(Request request, byte[] body) {
        return of(request, body, request.trailers());
    }

    /** For a server's request, whose streamed content brings its trailers only once read. */
    static List<String> of(Request request, byte[] body, Headers trailers) {
        List<String> lines = new ArrayList<>();
        lines.add("ok " + request.method() + " "
                + Escapes.encode(request.target().raw().getBytes(StandardCharsets.ISO_8859_1)) + " " + request.version());
        RequestTarget.Form form = request.target().form();
        if (form == RequestTarget.Form.ORIGIN || form == RequestTarget.Form.ABSOLUTE) {
            lines.add("path " + Escapes.encode(request.target().path().getBytes(StandardCharsets.UTF_8)));
        }
        addRest(lines, request.headers(), body, trailers);
        return lines;
    }

    static List<String> of(Response response) {
        List<String> lines = new ArrayList<>();
        lines.add("ok " + response.version() + " " + response.status().code());
        addRest(lines, response.headers(), bytes(response.body()), response.trailers());
        return lines;
    }

    static byte[] bytes(Body body) {
        try (InputStream in = body.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An expected line in its canonical spelling, so {@code \x41} and {@code A} compare equal. */
    static String canonical(String line) {
        int space = line.indexOf(' ');
        String key = space < 0 ? line : line.substring(0, space);
        if (space < 0) {
            return line;
        }
        return key + " " + Escapes.encode(Escapes.decode(line.substring(space + 1)));
    }

    private static void addRest(List<String> lines, Headers headers, byte[] body, Headers trailers) {
        addFields(lines, "hdr ", headers);
        if (body.length > 0) {
            lines.add("body " + Escapes.encode(body));
        }
        addFields(lines, "trailer ", trailers);
    }

    private static void addFields(List<String> lines, String key, Headers fields) {
        for (int i = 0; i < fields.size(); i++) {
            lines.add(key + fields.name(i) + ": "
                    + Escapes.encode(fields.value(i).getBytes(StandardCharsets.ISO_8859_1)));
        }
    }
}
