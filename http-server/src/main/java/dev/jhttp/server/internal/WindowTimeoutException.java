package dev.jhttp.server.internal;

import java.io.IOException;

/** A response's writer waited for HTTP/2 flow-control window past the write timeout: the client keeps it shut. */
final class WindowTimeoutException extends IOException {
    WindowTimeoutException(int streamId) {
        super("stream " + streamId + ": flow-control window stayed shut past the write timeout", null);
    }
}
