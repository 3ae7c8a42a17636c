package dev.jhttp.core.write;

import dev.jhttp.core.Request;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Serializes requests (RFC 9112 §3 and §6), for clients and round-trip tests: request-line, fields, framing derived
 * from the body (Content-Length when known, chunked otherwise, nothing for empty content), then the content.
 *
 * {@snippet :
 * Request r = Request.of(Method.POST, "/echo").withHeader("Host", "localhost").withBody(Body.of("hi"));
 * RequestWriter.write(r, socketOut);     // POST /echo HTTP/1.1, Host, Content-Length: 2, "hi"
 * }
 */
public final class RequestWriter {
    private RequestWriter() {
    }

    /** The request as it will be written: its framing fields derived from the body. */
    public static Request prepare(Request request) {
        return request.withHeaders(FramingFields.apply(request.headers(), request.body(), true, false, true));
    }

    /**
     * Writes the prepared request.
     *
     * @throws IOException if writing to {@code out} or reading the body fails
     */
    public static void write(Request request, OutputStream out) throws IOException {
        Request prepared = prepare(request);
        String requestLine = prepared.method().name() + " " + prepared.target().raw() + " " + prepared.version().text();
        out.write(HeadEncoder.encode(requestLine, prepared.headers()));
        MessageBodies.write(FramingFields.isChunked(prepared.headers()), prepared.body(), prepared.trailers(), out);
        out.flush();
    }
}
