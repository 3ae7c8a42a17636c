package dev.jhttp.server.internal;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.core.Version;
import dev.jhttp.server.RequestContentException;
import dev.jhttp.server.RequestContext;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;
import java.util.Optional;

/**
 * One call of the handler chain, wherever a request is served (on an event loop or a connection's own thread): the
 * request's {@link RequestContext} around it, and its failures turned into answers by the same mapping as the
 * {@code ErrorPages} filter (an {@code HttpException}'s status, else a logged 500).
 */
final class HandlerCall {
    private HandlerCall() {
    }

    /**
     * The handler's answer to {@code request}, or the error answer for its failure.
     *
     * @param content the request's content as the handler reads it, or null when it has none
     */
    static Response respond(Engine engine, Transport transport, long connectionId, int requestNumber,
                            Request request, ClientContent content) {
        Socket socket = transport.channel().socket();
        RequestContext context = new RequestContext((InetSocketAddress) socket.getRemoteSocketAddress(),
                (InetSocketAddress) socket.getLocalSocketAddress(), connectionId, requestNumber, Instant.now(),
                transport.tls());
        try {
            Response response = context.runWith(() -> engine.handler().handle(request));
            if (response == null) {
                throw new IllegalStateException("handler returned null for " + request.method() + " "
                        + request.target().rawPath());
            }
            return response;
        } catch (Exception e) {
            if (content != null && content.spoiledByClient()) {
                // The handler stumbled over the client's bad, late or cut-off content, perhaps wrapped in another
                // exception: the client's fault, answered by the caller from the content's state, with no stack trace.
                ServerLog.get().log(Level.DEBUG, () -> "connection " + connectionId + ": bad request content: " + e);
                return engine.errors().answer(request.headers(), Status.BAD_REQUEST_400, Headers.empty());
            }
            try {
                return engine.errors().answer(request, e);
            } catch (RequestContentException fromTheHandler) {
                return engine.errors().answer(request.headers(), Status.BAD_REQUEST_400, Headers.empty());
            }
        }
    }

    // RFC 9110 §10.1.1: only 100-continue is defined; a server may answer any other expectation with 417.
    static boolean expectationFailed(Request request) {
        Optional<String> expect = request.headers().first(HeaderName.EXPECT);
        return expect.isPresent() && !expect.get().equalsIgnoreCase("100-continue");
    }

    // RFC 9110 §10.1.1: a 1.0 client never gets 100 Continue.
    static boolean expectsContinue(Request head) {
        return head.version() == Version.HTTP_1_1 && head.headers().first(HeaderName.EXPECT).isPresent();
    }

    /** Whether the connection may stay open after answering {@code head} with {@code response}, as request number n. */
    static boolean persists(Engine engine, Request head, Response response, int requestNumber) {
        // Decided after the handler ran: a shutdown that began meanwhile closes this connection too.
        return requestNumber < engine.config().maxRequestsPerConnection() && !engine.isStopping()
                && Persistence.allowed(head, response);
    }
}
