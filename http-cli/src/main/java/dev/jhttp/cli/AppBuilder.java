package dev.jhttp.cli;

import dev.jhttp.cli.demo.DemoRoutes;
import dev.jhttp.core.Body;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Method;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.Filter;
import dev.jhttp.server.Handler;
import dev.jhttp.server.filters.AccessLog;
import dev.jhttp.server.filters.Cors;
import dev.jhttp.server.filters.StrictTransportSecurity;
import dev.jhttp.server.filters.ErrorPages;
import dev.jhttp.server.routing.Router;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Wires the handler a command serves: demo routes and/or files, behind error pages, CORS and the access log. */
final class AppBuilder {
    private AppBuilder() {
    }

    /**
     * The handler for the {@code --route} values, with {@code files} (or null) answering the paths no route has: a
     * demo route by name ({@code /echo}), a demo route mounted elsewhere ({@code /echo@/}), or a fixed text
     * ({@code /path=TEXT}). Without routes, just {@code files}.
     *
     * @throws IllegalArgumentException naming the valid routes, if a value is not one
     */
    static Handler routes(List<String> values, Handler files) {
        if (values.isEmpty()) {
            return files;
        }
        Router.Builder router = Router.builder();
        for (String value : values) {
            int equals = value.indexOf('=');
            int at = value.indexOf('@');
            if (equals > 0 && (at < 0 || equals < at)) {
                fixedText(router, value.substring(0, equals), value.substring(equals + 1));
            } else if (at > 0) {
                mount(router, demoRoute(value.substring(0, at)), value.substring(at + 1));
            } else {
                DemoRoutes.Route route = demoRoute(value);
                for (Method method : List.of(Method.GET, Method.POST, Method.PUT, Method.PATCH, Method.DELETE)) {
                    router.route(method, route.pattern(), route.handler());
                }
            }
        }
        if (files != null) {
            router.orElse(files);
        }
        return router.build();
    }

    private static DemoRoutes.Route demoRoute(String name) {
        return DemoRoutes.named(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown route '" + name + "'; valid routes: " + DemoRoutes.catalogue().stream()
                        .map(DemoRoutes.Route::name).collect(Collectors.joining(", "))
                        + ", ROUTE@/mount/path, or /path=TEXT"));
    }

    /**
     * A fixed text for every method at {@code path}; request content is read and discarded, as nginx's
     * {@code return 200} does, so a client that sends some is answered all the same.
     */
    private static void fixedText(Router.Builder router, String path, String text) {
        Response fixed = Response.of(Status.OK_200, Headers.of("Content-Type", "text/plain; charset=utf-8"),
                Body.of(text + "\n"));
        router.any(path, Handler.nonBlocking(request -> {
            try (InputStream content = request.body().openStream()) {
                content.transferTo(OutputStream.nullOutputStream());
            }
            return fixed;
        }));
    }

    /**
     * {@code route} at {@code mount} instead of its own path, for every method: {@code /status@/s} answers
     * {@code /s/{code}}; a route with a fixed path ({@code /echo@/}) answers the mount path and every path below it.
     *
     * @throws IllegalArgumentException if {@code mount} is no path
     */
    private static void mount(Router.Builder router, DemoRoutes.Route route, String mount) {
        if (!mount.startsWith("/")) {
            throw new IllegalArgumentException("a mount path starts with '/': " + route.name() + "@" + mount);
        }
        String base = mount.endsWith("/") ? mount.substring(0, mount.length() - 1) : mount;
        String rest = route.pattern().substring(route.name().length());
        if (rest.isEmpty()) {
            if (!base.isEmpty()) {
                router.any(base, route.handler());
            }
            router.any(base + "/*", route.handler());
        } else {
            router.any(base + rest, route.handler());
        }
    }

    /** The max-age of {@code --hsts}: a year, as RFC 6797 §11.2 suggests for sites that mean it. */
    static final Duration HSTS_MAX_AGE = Duration.ofDays(365);

    static Handler withFilters(Handler app, ServerOptions options, PrintWriter out) {
        Filter chain = ErrorPages.negotiated();
        if (options.cors) {
            chain = chain.andThen(Cors.allowingAnyOrigin());
        }
        if (options.tls.hsts) {
            chain = chain.andThen(StrictTransportSecurity.of(HSTS_MAX_AGE));
        }
        if (!options.quiet && options.accessLog != ServerOptions.AccessLogFormat.off) {
            AccessLog log = options.accessLog == ServerOptions.AccessLogFormat.json
                    ? AccessLog.jsonLines(line -> println(out, line))
                    : AccessLog.commonLogFormat(line -> println(out, line));
            if (options.color.enabled(System.getenv("NO_COLOR"), Terminal.isInteractive())) {
                log = log.withAnsiColors();
            }
            chain = log.andThen(chain);
        }
        return chain.wrap(app);
    }

    private static void println(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
