package dev.jhttp.server.filters;

import dev.jhttp.core.Body;
import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.core.headers.QualityList;
import dev.jhttp.server.Filter;
import dev.jhttp.server.Handler;
import dev.jhttp.server.HttpException;
import dev.jhttp.server.RequestContentException;
import dev.jhttp.server.internal.JsonText;
import dev.jhttp.server.internal.ServerLog;

import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Turns errors into bodies the client asked for: HTML for browsers, RFC 9457 {@code application/problem+json} for
 * clients that accept JSON, plain text otherwise. It answers {@link HttpException}s (the router's 404 and 405
 * included) and handler failures (500, logged with their stack trace); responses a handler returns pass untouched.
 * A custom body per status replaces the generated one.
 *
 * {@snippet :
 * Filter errors = ErrorPages.negotiated().withPage(Status.NOT_FOUND_404, "text/html", Body.of(notFoundHtml));
 * Handler app = errors.wrap(routes);
 * }
 */
public final class ErrorPages implements Filter {
    private static final String HTML = "text/html; charset=utf-8";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PLAIN = "text/plain; charset=utf-8";

    private record Page(String contentType, Body body) {
    }

    private final Map<Integer, Page> pages;

    private ErrorPages(Map<Integer, Page> pages) {
        this.pages = Map.copyOf(pages);
    }

    /** Generated pages in the format each client prefers. */
    public static ErrorPages negotiated() {
        return new ErrorPages(Map.of());
    }

    /** A copy that answers {@code status} with this body, whatever the client accepts. */
    public ErrorPages withPage(Status status, String contentType, Body body) {
        Map<Integer, Page> copy = new HashMap<>(pages);
        copy.put(status.code(), new Page(Objects.requireNonNull(contentType), Objects.requireNonNull(body)));
        return new ErrorPages(copy);
    }

    @Override
    public Response apply(Request request, Handler next) throws Exception {
        try {
            return next.handle(request);
        } catch (HttpException e) {
            return render(request, e.status(), e.headers());
        } catch (RequestContentException e) {
            throw e; // the client's fault: the server answers it and closes the connection
        } catch (Exception e) {
            ServerLog.get().log(Level.WARNING,
                    "handler failed on " + request.method() + " " + request.target().rawPath(), e);
            return render(request, Status.INTERNAL_SERVER_ERROR_500, Headers.empty());
        }
    }

    private Response render(Request request, Status status, Headers extra) {
        Page page = pages.get(status.code());
        if (page == null) {
            page = generated(request, status);
        }
        Headers headers = extra.withReplaced(HeaderName.CONTENT_TYPE, page.contentType());
        return Response.of(status, headers, page.body());
    }

    private static Page generated(Request request, Status status) {
        QualityList accept = QualityList.parse(request.headers().first(HeaderName.ACCEPT).orElse(null));
        String title = status.code() + " " + status.reason();
        if (accept.isEmpty()) {
            return new Page(PLAIN, Body.of(title + "\n"));
        }
        double plain = accept.qualityOfMediaType("text/plain");
        double html = accept.qualityOfMediaType("text/html");
        // A client that takes application/json gets problem details, which are JSON.
        double json = Math.max(accept.qualityOfMediaType(PROBLEM_JSON), accept.qualityOfMediaType("application/json"));
        if (json > plain && json > html) {
            return new Page(PROBLEM_JSON, Body.of("{\"type\":\"about:blank\",\"title\":\""
                    + JsonText.escape(status.reason()) + "\",\"status\":" + status.code() + "}\n"));
        }
        if (html > plain) {
            return new Page(HTML, Body.of("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<link rel=\"icon\" href=\"data:,\"><title>" + title + "</title></head>\n<body><h1>" + title
                    + "</h1></body></html>\n"));
        }
        return new Page(PLAIN, Body.of(title + "\n"));
    }
}
