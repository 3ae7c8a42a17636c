package dev.jhttp.server.routing;

import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.server.Handler;

import java.util.Objects;

/**
 * A handler that also receives the values its route pattern captured.
 *
 * {@snippet :
 * RouteHandler user = (request, path) -> Response.of(Status.OK_200).withBody(Body.of("user " + path.get("id")));
 * Router.builder().get("/users/{id}", user).build();
 * }
 */
@FunctionalInterface
public interface RouteHandler {
    /**
     * @throws Exception as {@link Handler#handle}
     */
    Response handle(Request request, PathParameters path) throws Exception;

    /** As {@link Handler#mayBlock}: whether handling {@code request} may block; default yes. */
    default boolean mayBlock(Request request) {
        return true;
    }

    /** {@code handler}, which needs no path parameters, as a route handler that may block as it says. */
    static RouteHandler of(Handler handler) {
        Objects.requireNonNull(handler, "handler");
        return new RouteHandler() {
            @Override
            public Response handle(Request request, PathParameters path) throws Exception {
                return handler.handle(request);
            }

            @Override
            public boolean mayBlock(Request request) {
                return handler.mayBlock(request);
            }
        };
    }
}
