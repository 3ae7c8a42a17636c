package dev.jhttp.server.filters;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.server.Filter;
import dev.jhttp.server.Handler;
import dev.jhttp.server.RequestContext;
import dev.jhttp.server.text.JsonText;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Logs one line per exchange, in Common Log Format or as JSON lines, with the time the handler chain took to produce
 * the response. Lines go to a sink of your choice; the filter never prints by itself, and takes the sink to be
 * prompt (a console, a buffered file), so it may run on the server's I/O threads. Request text in a line is
 * escaped (quotes, controls, non-ASCII), so a client can never forge a line. A handler that throws is logged with
 * status 500, and the exception goes on to the server.
 *
 * {@snippet :
 * Filter log = AccessLog.commonLogFormat(System.out::println);
 * // 127.0.0.1 - - [30/Nov/2026:08:49:37 +0000] "GET /hello HTTP/1.1" 200 5 0.412ms
 * Handler app = log.wrap(routes);
 * }
 */
public final class AccessLog implements Filter {
    private static final DateTimeFormatter CLF_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private static final String ANSI_RESET = "\u001b[0m";

    private enum Format { COMMON, JSON }

    private final Format format;
    private final Consumer<String> sink;
    private final Clock clock;
    private final boolean colored;

    private AccessLog(Format format, Consumer<String> sink, Clock clock, boolean colored) {
        this.format = format;
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.colored = colored;
    }

    /** Common Log Format, with the time taken appended in milliseconds. */
    public static AccessLog commonLogFormat(Consumer<String> sink) {
        return new AccessLog(Format.COMMON, sink, Clock.systemUTC(), false);
    }

    /** One JSON object per line. */
    public static AccessLog jsonLines(Consumer<String> sink) {
        return new AccessLog(Format.JSON, sink, Clock.systemUTC(), false);
    }

    /** The same format, stamping times from {@code clock}. */
    public AccessLog withClock(Clock newClock) {
        return new AccessLog(format, sink, newClock, colored);
    }

    /**
     * The same format with the status coloured by its class (ANSI escapes: 2xx green, 3xx cyan, 4xx yellow, 5xx red),
     * for a terminal. JSON lines are never coloured: they are meant for programs.
     */
    public AccessLog withAnsiColors() {
        return new AccessLog(format, sink, clock, true);
    }

    /** Takes the sink to be prompt; see the class comment. */
    @Override
    public boolean mayBlock(Request request) {
        return false;
    }

    @Override
    public Response apply(Request request, Handler next) throws Exception {
        long start = System.nanoTime();
        int status = 500;
        long bytes = -1;
        try {
            Response response = next.handle(request);
            status = response.status().code();
            bytes = response.body().length();
            return response;
        } finally {
            double millis = (System.nanoTime() - start) / 1e6;
            sink.accept(format == Format.COMMON ? common(request, status, bytes, millis)
                    : json(request, status, bytes, millis));
        }
    }

    private String common(Request request, int status, long bytes, double millis) {
        String statusText = colored ? ansiColor(status) + status + ANSI_RESET : Integer.toString(status);
        return String.format(Locale.ROOT, "%s - - [%s] \"%s %s %s\" %s %s %.3fms", remote(),
                CLF_TIME.format(clock.instant()), request.method(), JsonText.escape(request.target().raw()),
                request.version(), statusText, bytes < 0 ? "-" : Long.toString(bytes), millis);
    }

    private static String ansiColor(int status) {
        return switch (status / 100) {
            case 2 -> "\u001b[32m";
            case 3 -> "\u001b[36m";
            case 4 -> "\u001b[33m";
            case 5 -> "\u001b[31m";
            default -> "\u001b[0m";
        };
    }

    private String json(Request request, int status, long bytes, double millis) {
        String userAgent = request.headers().first(HeaderName.USER_AGENT)
                .map(ua -> "\"" + JsonText.escape(ua) + "\"").orElse("null");
        return String.format(Locale.ROOT, "{\"time\":\"%s\",\"remote\":\"%s\",\"method\":\"%s\",\"target\":\"%s\","
                + "\"version\":\"%s\",\"status\":%d,\"bytes\":%s,\"durationMs\":%.3f,\"userAgent\":%s}",
                clock.instant(), remote(), JsonText.escape(request.method().name()),
                JsonText.escape(request.target().raw()), request.version(), status,
                bytes < 0 ? "null" : Long.toString(bytes), millis, userAgent);
    }

    private static String remote() {
        return RequestContext.current().map(c -> c.remoteAddress().getAddress().getHostAddress()).orElse("-");
    }
}
