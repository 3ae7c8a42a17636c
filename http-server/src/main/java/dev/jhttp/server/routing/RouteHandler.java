package dev.jhttp.server.routing;

import dev.jhttp.core.Request;
import dev.jhttp.core.Response;

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
     * @throws Exception as {@link dev.jhttp.server.Handler#handle}
     */
    Response handle(Request request, PathParameters path) throws Exception;
}
