package dev.jhttp.server.internal;

import dev.jhttp.core.Body;
import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.core.headers.QualityList;
import dev.jhttp.core.parse.ParseError;
import dev.jhttp.server.HttpException;

/** The short plain-text responses the server answers with by itself. They never quote the request. */
public final class StatusResponses {
    private static final String PLAIN_TEXT = "text/plain; charset=utf-8";

    private StatusResponses() {
    }

    public static Response of(Status status) {
        return plain(status, status.code() + " " + status.reason() + "\n");
    }

    /** The plain answer to an {@link HttpException}, with the fields it carries. */
    public static Response of(HttpException exception) {
        Response response = of(exception.status());
        Headers headers = response.headers();
        for (int i = 0; i < exception.headers().size(); i++) {
            headers = headers.with(exception.headers().name(i), exception.headers().value(i));
        }
        return response.withHeaders(headers);
    }

    /**
     * Names the broken rule, its RFC section and where parsing stopped: enough to debug a client by. A client that
     * accepts JSON (judged from the fields parsed before the failure) gets RFC 9457 problem details.
     */
    public static Response of(ParseError error, Headers partialHeaders) {
        Status status = error.status();
        QualityList accept = QualityList.parse(partialHeaders.first(HeaderName.ACCEPT).orElse(null));
        double json = Math.max(accept.qualityOfMediaType("application/problem+json"),
                accept.qualityOfMediaType("application/json"));
        if (json > accept.qualityOfMediaType("text/plain") && json > 0) {
            String body = "{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\","
                    + "\"violation\":\"%s\",\"rule\":\"%s\",\"offset\":%d}\n";
            return Response.of(status, Headers.of(HeaderName.CONTENT_TYPE.name(), "application/problem+json"),
                    Body.of(body.formatted(status.reason(), status.code(), error.violation().description(),
                            error.violation().name(), error.violation().rfc(), error.offset())));
        }
        return plain(status, "%d %s\n%s (%s) at byte %d\n".formatted(status.code(), status.reason(),
                error.violation().description(), error.violation().rfc(), error.offset()));
    }

    private static Response plain(Status status, String text) {
        return Response.of(status, Headers.of(HeaderName.CONTENT_TYPE.name(), PLAIN_TEXT), Body.of(text));
    }
}
