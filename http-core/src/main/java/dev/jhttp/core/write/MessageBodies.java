package dev.jhttp.core.write;

import dev.jhttp.core.Body;
import dev.jhttp.core.Headers;

import java.io.IOException;
import java.io.OutputStream;

/** Writes content as its framed headers announce it: as is, or in chunked coding with trailers. */
final class MessageBodies {
    private MessageBodies() {
    }

    static void write(Headers framedHeaders, Body body, Headers trailers, OutputStream out) throws IOException {
        if (!Framing.isChunked(framedHeaders)) {
            body.writeTo(out);
            return;
        }
        ChunkedOutputStream chunked = new ChunkedOutputStream(out);
        body.writeTo(chunked);
        chunked.finish(trailers);
    }
}
