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
 * {@code *}); among equals, the first registered. No path matches: the fallback handler if there is one
 * ({@link Builder#orElse}), else an {@link HttpException} with 404. The path matches but not the method: one with 405
 * and {@code Allow}. HEAD is answered by the GET route (the server drops the body), and OPTIONS lists the allowed
 * methods, unless routes for them exist.
 *
 * {@snippet :
 * Handler routes = Router.builder()
 *         .get("/users/{id}", (request, path) -> Response.of(Status.OK_200).withBody(Body.of(path.get("id"))))
 *         .post("/users", this::createUser)
 *         .build();
 * }
 */
public final class Router implements Handler {
    /** {@code method} is null for a route that takes every method. */
    private record Route(Method method, PathPattern pattern, RouteHandler handler) {
        boolean takes(Method requested) {
            return method == null || method.equals(requested);
        }
    }

    private final List<Route> routes;
    private final Handler fallback;

    private Router(List<Route> routes, Handler fallback) {
        this.routes = routes;
        this.fallback = fallback;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Where a request goes: {@code route} with its {@code path} parameters; else, when no route has the path
     * ({@code allowed} empty), the fallback or 404; else 405, or the OPTIONS answer, naming the {@code allowed}
     * methods.
     */
    private record Match(Route route, PathParameters path, Set<Method> allowed) {
    }

    @Override
    public Response handle(Request request) throws Exception {
        Match match = match(request);
        if (match.route() != null) {
            return match.route().handler().handle(request, match.path());
        }
        if (match.allowed().isEmpty()) {
            if (fallback != null) {
                return fallback.handle(request);
            }
            throw new HttpException(Status.NOT_FOUND_404, "no route for " + request.target().rawPath());
        }
        String allow = String.join(", ", match.allowed().stream().map(Method::name).toList());
        if (request.method().equals(Method.OPTIONS)) {
            return Response.of(Status.NO_CONTENT_204).withHeader(HeaderName.ALLOW.name(), allow);
        }
        throw new HttpException(Status.METHOD_NOT_ALLOWED_405, request.method() + " not allowed on "
                + request.target().rawPath(), Headers.of(HeaderName.ALLOW.name(), allow));
    }

    /** Whether the route {@code request} goes to may block; the router's own 404, 405 and OPTIONS answers do not. */
    @Override
    public boolean mayBlock(Request request) {
        Match match = match(request);
        if (match.route() != null) {
            return match.route().handler().mayBlock(request);
        }
        return match.allowed().isEmpty() && fallback != null && fallback.mayBlock(request);
    }

    private Match match(Request request) {
        List<String> segments = request.target().pathSegments();
        Set<Method> allowed = null; // made only when a path matches another method: routing asks for every request
        Route getForHead = null;
        PathParameters getForHeadPath = null;
        for (Route route : routes) {
            Optional<PathParameters> path = route.pattern().match(segments);
            if (path.isEmpty()) {
                continue;
            }
            if (route.takes(request.method())) {
                return new Match(route, path.get(), Set.of());
            }
            if (getForHead == null && request.method().equals(Method.HEAD) && route.method().equals(Method.GET)) {
                getForHead = route;
                getForHeadPath = path.get();
            }
            if (allowed == null) {
                allowed = new LinkedHashSet<>();
            }
            allowed.add(route.method());
        }
        if (getForHead != null) {
            return new Match(getForHead, getForHeadPath, Set.of());
        }
        if (allowed == null) {
            return new Match(null, null, Set.of());
        }
        if (allowed.contains(Method.GET)) {
            allowed.add(Method.HEAD);
        }
        allowed.add(Method.OPTIONS);
        return new Match(null, null, allowed);
    }

    /** Collects routes; {@link #build()} orders them by specificity. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();
        private Handler fallback;

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

        /** Routes requests of every method whose path matches {@code pattern}; see {@link #route}. */
        public Builder any(String pattern, RouteHandler handler) {
            routes.add(new Route(null, PathPattern.of(pattern), Objects.requireNonNull(handler, "handler")));
            return this;
        }

        /**
         * Sends requests whose path no route matches to {@code handler} (static files behind an API, say) instead
         * of answering 404. A path that matches with the wrong method still gets 405.
         */
        public Builder orElse(Handler handler) {
            this.fallback = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** Routes requests of every method to a handler that needs no path parameters; see {@link #route}. */
        public Builder any(String pattern, Handler handler) {
            return any(pattern, RouteHandler.of(handler));
        }

        /** Routes to a handler that needs no path parameters; it may block as {@code handler} says. */
        public Builder route(Method method, String pattern, Handler handler) {
            return route(method, pattern, RouteHandler.of(handler));
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
            return new Router(List.copyOf(ordered), fallback);
        }
    }
}
