package dev.jhttp.core;

import java.util.Objects;

/**
 * An HTTP request: the request line, the header section, the content and any trailer fields (RFC 9112 §2.1).
 *
 * {@snippet :
 * Request r = Request.of(Method.GET, "/search?q=jhttp").withHeader("Host", "example.com");
 * String q = r.target().queryParameter("q").orElse("");     // "jhttp"
 * boolean hasHost = r.headers().contains(HeaderName.HOST);  // true
 * }
 *
 * @param trailers fields sent after chunked content (RFC 9112 §7.1.2); empty for other framings, and for content
 *                 that streams in (see {@link #trailers()})
 */
public record Request(Method method, RequestTarget target, Version version, Headers headers, Body body,
                      Headers trailers) {
    public Request {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(trailers, "trailers");
    }

    /**
     * The trailer fields, the one place they are kept: those given, or for content that streams in as it is read
     * (a server's request, {@link Body#ofInputStream(java.io.InputStream, long, java.util.function.Supplier)}),
     * those that have arrived, all of them once the body has been read to its end.
     */
    @Override
    public Headers trailers() {
        return trailers.isEmpty() && body instanceof Body.Stream stream ? stream.trailers() : trailers;
    }

    /** A request without trailers. */
    public Request(Method method, RequestTarget target, Version version, Headers headers, Body body) {
        this(method, target, version, headers, body, Headers.empty());
    }

    /**
     * An HTTP/1.1 request with no headers and no content.
     *
     * @throws IllegalArgumentException if {@code target} is not a valid request-target for {@code method}
     */
    public static Request of(Method method, String target) {
        RequestTarget parsed = method.equals(Method.CONNECT)
                ? RequestTarget.authorityForm(target)
                : RequestTarget.of(target);
        return new Request(method, parsed, Version.HTTP_1_1, Headers.empty(), Body.empty());
    }

    /** A copy with one more header line; see {@link Headers#with(String, String)}. */
    public Request withHeader(String name, String value) {
        return withHeaders(headers.with(name, value));
    }

    public Request withHeaders(Headers newHeaders) {
        return new Request(method, target, version, newHeaders, body, trailers);
    }

    public Request withBody(Body newBody) {
        return new Request(method, target, version, headers, newBody, trailers);
    }

    public Request withVersion(Version newVersion) {
        return new Request(method, target, newVersion, headers, body, trailers);
    }

    public Request withTrailers(Headers newTrailers) {
        return new Request(method, target, version, headers, body, newTrailers);
    }

    @Override
    public String toString() {
        return method + " " + target + " " + version + " " + headers + " " + body
                + (trailers.isEmpty() ? "" : " trailers " + trailers);
    }
}
