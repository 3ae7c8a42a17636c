package dev.jhttp.server.internal;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Version;

/**
 * Whether a connection persists after an exchange, and the fields that tell the client (RFC 9112 §9.3): HTTP/1.1
 * persists unless either side says {@code Connection: close}; HTTP/1.0 only when the client asks with
 * {@code keep-alive} and the response can be delimited without chunked coding.
 */
final class Persistence {
    private Persistence() {
    }

    /** Whether both the request and the response let the connection stay open. */
    static boolean allowed(Request request, Response response) {
        Headers headers = request.headers();
        boolean requested = request.version().keepsAliveByDefault()
                ? !headers.hasToken(HeaderName.CONNECTION, "close")
                : headers.hasToken(HeaderName.CONNECTION, "keep-alive");
        return requested && !response.headers().hasToken(HeaderName.CONNECTION, "close")
                && !closeDelimited(request, response);
    }

    /** Whether the response's body carries content at all (RFC 9110 §9.3.2, §15). */
    static boolean carriesContent(Request request, Response response) {
        return response.status().permitsContent() && !request.method().equals(Method.HEAD);
    }

    /**
     * The response's fields as sent: {@code Server} when it has none, and {@code Connection: close} when the
     * connection ends after it, or {@code keep-alive} to an HTTP/1.0 client when it does not.
     */
    static Response finish(Response response, Version version, boolean persist, String serverName) {
        Headers result = response.headers();
        if (!serverName.isEmpty() && !result.contains(HeaderName.SERVER)) {
            result = result.with(HeaderName.SERVER, serverName);
        }
        if (!persist && !result.hasToken(HeaderName.CONNECTION, "close")) {
            result = result.with(HeaderName.CONNECTION, "close");
        } else if (persist && version == Version.HTTP_1_0) {
            result = result.withReplaced(HeaderName.CONNECTION, "keep-alive");
        }
        return result == response.headers() ? response : response.withHeaders(result);
    }

    // An HTTP/1.0 client cannot read chunked coding: content of unknown length ends at close instead (RFC 9112 §6.3).
    private static boolean closeDelimited(Request request, Response response) {
        return request.version() == Version.HTTP_1_0 && response.body().length() < 0
                && carriesContent(request, response);
    }
}
