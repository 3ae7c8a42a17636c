package dev.jhttp.server.filters;

import dev.jhttp.core.Body;
import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.core.forms.FormError;
import dev.jhttp.core.headers.QualityList;
import dev.jhttp.core.parse.ParseError;
import dev.jhttp.server.Filter;
import dev.jhttp.server.Handler;
import dev.jhttp.server.HttpException;
import dev.jhttp.server.RequestContentException;
import dev.jhttp.server.forms.FormException;
import dev.jhttp.server.text.HtmlText;
import dev.jhttp.server.text.JsonText;

import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Turns errors into bodies the client asked for: HTML for browsers, RFC 9457 {@code application/problem+json} for
 * clients that accept JSON, plain text otherwise. It answers {@link HttpException}s (the router's 404 and 405
 * included) and handler failures (500, logged with their stack trace); responses a handler returns pass untouched.
 * A custom body per status replaces the generated one. The server answers its own errors (a refused request, a
 * timeout, a failing handler without this filter) the same way, so every error body has one source.
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

    /** Its own work never blocks. */
    @Override
    public boolean mayBlock(Request request) {
        return false;
    }

    @Override
    public Response apply(Request request, Handler next) throws Exception {
        try {
            return next.handle(request);
        } catch (Exception e) {
            return answer(request, e);
        }
    }

    /**
     * The answer to a handler's failure, the one mapping the server has: an {@link HttpException} answers its status
     * with its fields (its message logged at DEBUG); anything else is logged with its stack trace and answers 500.
     *
     * @throws RequestContentException if the failure comes from the request's content, perhaps wrapped in another
     *     exception: the client's fault, which the server answers from the content's state before it closes
     */
    public Response answer(Request request, Exception failure) throws RequestContentException {
        if (failure instanceof FormException e) {
            Log.LOGGER.log(Level.DEBUG, () -> request.method() + " " + request.target().rawPath() + ": "
                    + e.getMessage());
            return answer(e.error(), request.headers());
        }
        if (failure instanceof HttpException e) {
            Log.LOGGER.log(Level.DEBUG, () -> request.method() + " " + request.target().rawPath() + ": "
                    + e.getMessage());
            return e.detail().isEmpty() ? answer(request.headers(), e.status(), e.headers())
                    : explained(request.headers(), e.status(), e.detail(), e.headers());
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestContentException content) {
                throw content;
            }
        }
        Log.LOGGER.log(Level.WARNING, "handler failed on " + request.method() + " " + request.target().rawPath(),
                failure);
        return answer(request.headers(), Status.INTERNAL_SERVER_ERROR_500, Headers.empty());
    }

    /**
     * The answer with {@code status} to a client that sent {@code requestHeaders} (their {@code Accept} decides the
     * format), carrying {@code fields} too.
     */
    public Response answer(Headers requestHeaders, Status status, Headers fields) {
        return page(requestHeaders, status, "", "", fields);
    }

    /**
     * The answer to a request the parser refused: besides the status, it names the broken rule, its RFC section and
     * the byte offset where parsing stopped (problem details carry them as members), enough to debug a client by. It
     * never quotes the request. {@code requestHeaders} are the fields parsed before the failure.
     */
    public Response answer(ParseError error, Headers requestHeaders) {
        return refusal(error.status(), error.violation().description(), error.violation().name(),
                error.violation().rfc(), error.offset(), requestHeaders);
    }

    /** The answer to a form the reader refused, naming the rule and the byte as a parser refusal does. */
    public Response answer(FormError error, Headers requestHeaders) {
        return refusal(error.status(), error.violation().description(), error.violation().name(),
                error.violation().rule(), error.offset(), requestHeaders);
    }

    /** An answer with a line that tells the client what went wrong, in whichever format it takes. */
    private Response explained(Headers requestHeaders, Status status, String detail, Headers fields) {
        return page(requestHeaders, status, detail + "\n", ",\"detail\":\"" + JsonText.escape(detail) + "\"", fields);
    }

    private Response refusal(Status status, String description, String violation, String rule, long offset,
                             Headers requestHeaders) {
        String text = "%s (%s) at byte %d\n".formatted(description, rule, offset);
        String members = ",\"detail\":\"%s\",\"violation\":\"%s\",\"rule\":\"%s\",\"offset\":%d".formatted(
                JsonText.escape(description), violation, JsonText.escape(rule), offset);
        return page(requestHeaders, status, text, members, Headers.empty());
    }

    /** The configured page for {@code status}, else a generated one with {@code text} and {@code members}. */
    private Response page(Headers requestHeaders, Status status, String text, String members, Headers fields) {
        Page page = pages.get(status.code());
        if (page == null) {
            page = generated(requestHeaders, status, text, members);
        }
        return Response.of(status, fields.withReplaced(HeaderName.CONTENT_TYPE, page.contentType()), page.body());
    }

    /** A generated page; {@code text} adds lines to the plain and HTML forms, {@code members} to problem details. */
    private static Page generated(Headers requestHeaders, Status status, String text, String members) {
        QualityList accept = QualityList.parse(requestHeaders.first(HeaderName.ACCEPT).orElse(null));
        String title = status.code() + " " + status.reason();
        double plain = accept.isEmpty() ? 1 : accept.qualityOfMediaType("text/plain");
        double html = accept.qualityOfMediaType("text/html");
        // A client that takes application/json gets problem details, which are JSON.
        double json = Math.max(accept.qualityOfMediaType(PROBLEM_JSON), accept.qualityOfMediaType("application/json"));
        if (json > plain && json > html) {
            return new Page(PROBLEM_JSON, Body.of("{\"type\":\"about:blank\",\"title\":\""
                    + JsonText.escape(status.reason()) + "\",\"status\":" + status.code() + members + "}\n"));
        }
        if (html > plain) {
            return new Page(HTML, Body.of("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<link rel=\"icon\" href=\"data:,\"><title>" + title + "</title></head>\n<body><h1>" + title
                    + "</h1>" + (text.isEmpty() ? "" : "<p>" + HtmlText.escape(text.strip()) + "</p>")
                    + "</body></html>\n"));
        }
        return new Page(PLAIN, Body.of(title + "\n" + text));
    }

    /** The server's logger, looked up when a failure is first logged. */
    private static final class Log {
        static final System.Logger LOGGER = System.getLogger("dev.jhttp.server");
    }
}
