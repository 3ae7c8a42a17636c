package dev.jhttp.server;

import dev.jhttp.core.Request;
import dev.jhttp.core.Response;

import java.util.Objects;

/**
 * Answers a request with a response. Blocking is fine: a handler that may block runs on a virtual thread of its own.
 * Throw {@link HttpException} to answer with a status; any other exception becomes a 500 and is logged.
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

    /**
     * Whether handling {@code request} may block: wait on a lock, a timer, another service or the network. The server
     * answers a request without content whose handler says no on its I/O thread, without handing it to a thread of
     * its own, which is the cheapest way to serve it; the default says yes. A handler that says no returns promptly:
     * reading a local file, as {@code StaticFiles} does, is prompt; calling a database is not. Streamed response
     * bodies are written from a thread of their own either way, and request content is always read on one.
     */
    default boolean mayBlock(Request request) {
        return true;
    }

    /** {@code handler}, declared never to block (see {@link #mayBlock}). */
    static Handler nonBlocking(Handler handler) {
        Objects.requireNonNull(handler, "handler");
        return new Handler() {
            @Override
            public Response handle(Request request) throws Exception {
                return handler.handle(request);
            }

            @Override
            public boolean mayBlock(Request request) {
                return false;
            }
        };
    }
}
