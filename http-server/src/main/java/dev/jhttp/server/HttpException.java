package dev.jhttp.server;

import dev.jhttp.core.Headers;
import dev.jhttp.core.Status;

import java.util.Objects;

/**
 * Thrown by a handler to answer with a status, leaving the body to the server (or to an
 * {@link dev.jhttp.server.filters.ErrorPages} filter). The connection stays open; the message is logged at debug
 * level and never sent to the client. A {@linkplain #explained detail} is: it tells the client what to change, as
 * problem details' {@code detail} member (RFC 9457 §3.1.4) and as a line of the plain and HTML pages.
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
    private final String detail;

    public HttpException(Status status) {
        this(status, status.toString());
    }

    public HttpException(Status status, String message) {
        this(status, message, Headers.empty());
    }

    /** With header fields the answer must carry, such as {@code Allow} on a 405. */
    public HttpException(Status status, String message, Headers headers) {
        this(status, message, headers, "");
    }

    private HttpException(Status status, String message, Headers headers, String detail) {
        super(message, null, false, false);
        this.status = Objects.requireNonNull(status, "status");
        this.headers = Objects.requireNonNull(headers, "headers");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /**
     * An answer whose {@code detail} the client is shown (and the log too): say what the client can change, never
     * what the server's files or internals look like.
     */
    public static HttpException explained(Status status, String detail, Headers headers) {
        return new HttpException(status, detail, headers, detail);
    }

    /** What the client is told beside the status; empty for none. */
    public String detail() {
        return detail;
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
