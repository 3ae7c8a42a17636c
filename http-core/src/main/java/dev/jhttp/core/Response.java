package dev.jhttp.core;

import java.util.Objects;

/**
 * An HTTP response: the status line, the header section, the content and any trailer fields (RFC 9112 §2.1).
 * Framing headers ({@code Content-Length}, {@code Transfer-Encoding}) are the writer's job, derived from the body.
 *
 * {@snippet :
 * Response r = Response.of(Status.OK_200)
 *         .withHeader("Content-Type", "text/plain; charset=utf-8")
 *         .withBody(Body.of("hello"));
 * }
 *
 * @param trailers fields sent after chunked content (RFC 9112 §7.1.2)
 */
public record Response(Version version, Status status, Headers headers, Body body, Headers trailers) {
    public Response {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(trailers, "trailers");
    }

    /** An HTTP/1.1 response with this status, no headers and no content. */
    public static Response of(Status status) {
        return new Response(Version.HTTP_1_1, status, Headers.empty(), Body.empty(), Headers.empty());
    }

    /** An HTTP/1.1 response with this status, headers and content. */
    public static Response of(Status status, Headers headers, Body body) {
        return new Response(Version.HTTP_1_1, status, headers, body, Headers.empty());
    }

    /** A copy with one more header line; see {@link Headers#with(String, String)}. */
    public Response withHeader(String name, String value) {
        return withHeaders(headers.with(name, value));
    }

    public Response withHeaders(Headers newHeaders) {
        return new Response(version, status, newHeaders, body, trailers);
    }

    public Response withBody(Body newBody) {
        return new Response(version, status, headers, newBody, trailers);
    }

    public Response withStatus(Status newStatus) {
        return new Response(version, newStatus, headers, body, trailers);
    }

    public Response withTrailers(Headers newTrailers) {
        return new Response(version, status, headers, body, newTrailers);
    }

    @Override
    public String toString() {
        return version + " " + status + " " + headers + " " + body
                + (trailers.isEmpty() ? "" : " trailers " + trailers);
    }
}
