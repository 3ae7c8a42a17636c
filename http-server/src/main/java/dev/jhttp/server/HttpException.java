package dev.jhttp.server;

import dev.jhttp.core.Headers;
import dev.jhttp.core.Status;

import java.util.Objects;

/**
 * Thrown by a handler to answer with a status, leaving the body to the server (or to an
 * {@link dev.jhttp.server.filters.ErrorPages} filter). The connection stays open; the message is logged at debug
 * level and never sent to the client.
 *
 * {@snippet :
 * if (user == null) {
 *     throw new HttpException(Status.NOT_FOUND_404, "no user " + id);
 * }
 * }
 */
public class HttpException extends RuntimeException {
    private final Status status;
    private final Headers headers;

    public HttpException(Status status) {
        this(status, status.toString());
    }

    public HttpException(Status status, String message) {
        this(status, message, Headers.empty());
    }

    /** With header fields the answer must carry, such as {@code Allow} on a 405. */
    public HttpException(Status status, String message, Headers headers) {
        super(message, null, false, false);
        this.status = Objects.requireNonNull(status, "status");
        this.headers = Objects.requireNonNull(headers, "headers");
    }

    /** The status to answer with. */
    public Status status() {
        return status;
    }

    /** Fields the answer carries. */
    public Headers headers() {
        return headers;
    }
}
