package dev.jhttp.server.routing;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.Handler;
import dev.jhttp.server.HttpException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Dispatches on method and path. The most specific matching pattern wins (literal before {@code {param}} before
 * {@code *}); among equals, the first registered. No path matches: an {@link HttpException} with 404. The path
 * matches but not the method: one with 405 and {@code Allow}. HEAD is answered by the GET route (the server drops
 * the body), and OPTIONS lists the allowed methods, unless routes for them exist.
 *
 * {@snippet :
 * Handler routes = Router.builder()
 *         .get("/users/{id}", (request, path) -> Response.of(Status.OK_200).withBody(Body.of(path.get("id"))))
 *         .post("/users", this::createUser)
 *         .build();
 * }
 */
public final class Router implements Handler {
    private record Route(Method method, PathPattern pattern, RouteHandler handler) {
    }

    private final List<Route> routes;

    private Router(List<Route> routes) {
        this.routes = routes;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Response handle(Request request) throws Exception {
        List<String> segments = request.target().pathSegments();
        Set<Method> allowed = new LinkedHashSet<>();
        Route fallback = null;
        PathParameters fallbackPath = null;
        for (Route route : routes) {
            Optional<PathParameters> path = route.pattern().match(segments);
            if (path.isEmpty()) {
                continue;
            }
            if (route.method().equals(request.method())) {
                return route.handler().handle(request, path.get());
            }
            if (fallback == null && request.method().equals(Method.HEAD) && route.method().equals(Method.GET)) {
                fallback = route;
                fallbackPath = path.get();
            }
            allowed.add(route.method());
        }
        if (fallback != null) {
            return fallback.handler().handle(request, fallbackPath);
        }
        if (allowed.isEmpty()) {
            throw new HttpException(Status.NOT_FOUND_404, "no route for " + request.target().rawPath());
        }
        if (allowed.contains(Method.GET)) {
            allowed.add(Method.HEAD);
        }
        allowed.add(Method.OPTIONS);
        String allow = String.join(", ", allowed.stream().map(Method::name).toList());
        if (request.method().equals(Method.OPTIONS)) {
            return Response.of(Status.NO_CONTENT_204).withHeader(HeaderName.ALLOW.name(), allow);
        }
        throw new HttpException(Status.METHOD_NOT_ALLOWED_405, request.method() + " not allowed on "
                + request.target().rawPath(), Headers.of(HeaderName.ALLOW.name(), allow));
    }

    /** Collects routes; {@link #build()} orders them by specificity. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();

        private Builder() {
        }

        /**
         * Routes {@code method} requests whose path matches {@code pattern}.
         *
         * @throws IllegalArgumentException if the pattern is invalid (see {@link PathPattern#of})
         */
        public Builder route(Method method, String pattern, RouteHandler handler) {
            routes.add(new Route(Objects.requireNonNull(method, "method"), PathPattern.of(pattern),
                    Objects.requireNonNull(handler, "handler")));
            return this;
        }

        /** Routes to a handler that needs no path parameters. */
        public Builder route(Method method, String pattern, Handler handler) {
            Objects.requireNonNull(handler, "handler");
            return route(method, pattern, (request, path) -> handler.handle(request));
        }

        public Builder get(String pattern, Handler handler) {
            return route(Method.GET, pattern, handler);
        }

        public Builder get(String pattern, RouteHandler handler) {
            return route(Method.GET, pattern, handler);
        }

        public Builder post(String pattern, Handler handler) {
            return route(Method.POST, pattern, handler);
        }

        public Builder post(String pattern, RouteHandler handler) {
            return route(Method.POST, pattern, handler);
        }

        public Builder put(String pattern, Handler handler) {
            return route(Method.PUT, pattern, handler);
        }

        public Builder put(String pattern, RouteHandler handler) {
            return route(Method.PUT, pattern, handler);
        }

        public Builder delete(String pattern, Handler handler) {
            return route(Method.DELETE, pattern, handler);
        }

        public Builder delete(String pattern, RouteHandler handler) {
            return route(Method.DELETE, pattern, handler);
        }

        public Router build() {
            List<Route> ordered = new ArrayList<>(routes);
            ordered.sort(Comparator.comparing(Route::pattern));
            return new Router(List.copyOf(ordered));
        }
    }
}
