package dev.jhttp.server;

import dev.jhttp.core.Request;
import dev.jhttp.core.Response;

/**
 * Answers a request with a response. Handlers run on the connection's virtual thread, so blocking is fine. Throw
 * {@link HttpException} to answer with a status; any other exception becomes a 500 and is logged.
 *
 * {@snippet :
 * Handler hello = request -> Response.of(Status.OK_200).withBody(Body.of("hello"));
 * HttpServer server = HttpServer.create(ServerConfig.defaults().withPort(0), hello).start();
 * }
 */
@FunctionalInterface
public interface Handler {
    /**
     * @throws Exception anything; the server maps {@link HttpException} to its status and the rest to 500
     */
    Response handle(Request request) throws Exception;
}
