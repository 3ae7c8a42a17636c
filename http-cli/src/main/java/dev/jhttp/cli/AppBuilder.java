package dev.jhttp.cli;

import dev.jhttp.cli.demo.DemoRoutes;
import dev.jhttp.core.Body;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Method;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.Filter;
import dev.jhttp.server.Handler;
import dev.jhttp.server.HttpException;
import dev.jhttp.server.filters.AccessLog;
import dev.jhttp.server.filters.Cors;
import dev.jhttp.server.filters.ErrorPages;
import dev.jhttp.server.routing.Router;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** Wires the handler a command serves: demo routes and/or files, behind error pages, CORS and the access log. */
final class AppBuilder {
    private AppBuilder() {
    }

    /**
     * A router for the {@code --route} values, or {@code null} when there are none.
     *
     * @throws IllegalArgumentException naming the valid routes, if a value is not one
     */
    static Router routes(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        Router.Builder router = Router.builder();
        for (String value : values) {
            int equals = value.indexOf('=');
            if (equals > 0) {
                Response fixed = Response.of(Status.OK_200, Headers.of("Content-Type", "text/plain; charset=utf-8"),
                        Body.of(value.substring(equals + 1) + "\n"));
                router.get(value.substring(0, equals), request -> fixed);
                continue;
            }
            DemoRoutes.Route route = DemoRoutes.named(value).orElseThrow(() -> new IllegalArgumentException(
                    "unknown route '" + value + "'; valid routes: " + DemoRoutes.catalogue().stream()
                            .map(DemoRoutes.Route::name).collect(Collectors.joining(", "))
                            + ", or /path=TEXT"));
            for (Method method : List.of(Method.GET, Method.POST, Method.PUT, Method.PATCH, Method.DELETE)) {
                router.route(method, route.pattern(), route.handler());
            }
        }
        return router.build();
    }

    /** Routes first; where they have no path, {@code fallback} (files) answers. */
    static Handler routesThenFiles(Router routes, Handler files) {
        if (routes == null) {
            return files;
        }
        if (files == null) {
            return routes;
        }
        return request -> {
            try {
                return routes.handle(request);
            } catch (HttpException e) {
                if (e.status().code() == 404) {
                    return files.handle(request);
                }
                throw e;
            }
        };
    }

    static Handler withFilters(Handler app, ServerOptions options, PrintWriter out) {
        Filter chain = ErrorPages.negotiated();
        if (options.cors) {
            chain = chain.andThen(Cors.allowingAnyOrigin());
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
