package dev.jhttp.server;

import dev.jhttp.core.Status;

import java.util.Objects;

/**
 * Thrown by a handler to answer with a status instead of a response. The connection stays open; the message is
 * logged at debug level and never sent to the client.
 *
 * {@snippet :
 * if (user == null) {
 *     throw new HttpException(Status.NOT_FOUND_404, "no user " + id);
 * }
 * }
 */
public class HttpException extends RuntimeException {
    private final Status status;

    public HttpException(Status status) {
        this(status, status.toString());
    }

    public HttpException(Status status, String message) {
        super(message, null, false, false);
        this.status = Objects.requireNonNull(status, "status");
    }

    /** The status to answer with. */
    public Status status() {
        return status;
    }
}
