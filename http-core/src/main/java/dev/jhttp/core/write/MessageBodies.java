package dev.jhttp.core.write;

import dev.jhttp.core.Body;
import dev.jhttp.core.Headers;

import java.io.IOException;
import java.io.OutputStream;

/** Writes content as its framing announces it: as is, or in chunked coding with trailers. */
final class MessageBodies {
    private MessageBodies() {
    }

    static void write(boolean chunkedCoding, Body body, Headers trailers, OutputStream out) throws IOException {
        if (!chunkedCoding) {
            body.writeTo(out);
            return;
        }
        ChunkedOutputStream chunked = new ChunkedOutputStream(out);
        body.writeTo(chunked);
        chunked.finish(trailers);
    }
}
