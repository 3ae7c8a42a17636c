package dev.jhttp.server.internal;

import java.io.IOException;

/** What a handler's read or write meets once the client has reset its HTTP/2 stream, or the server has. */
final class StreamResetException extends IOException {
    StreamResetException(int streamId) {
        super("stream " + streamId + " was reset", null);
    }
}
