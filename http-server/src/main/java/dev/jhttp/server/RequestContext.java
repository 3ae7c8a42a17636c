package dev.jhttp.server;


import dev.jhttp.server.tls.TlsDetails;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server knows about the exchange a handler is answering: the peer, the local address, the connection and
 * when the request arrived. The server sets it on the connection's thread while the handler chain runs, so any
 * handler or filter can read it; outside a served request (a unit test calling a handler directly) it is empty.
 *
 * {@snippet :
 * Handler ip = request -> Response.of(Status.OK_200).withBody(Body.of(
 *         RequestContext.current().map(c -> c.remoteAddress().getAddress().getHostAddress()).orElse("unknown")));
 * }
 *
 * @param remoteAddress the client's address and port
 * @param localAddress  the server address the client connected to
 * @param connectionId  the connection's number, unique within the server
 * @param requestNumber 1 for the connection's first request, 2 for the next, and so on
 * @param received      when the request's head was complete
 * @param tls           what the connection's TLS handshake agreed on; empty for cleartext
 */
public record RequestContext(InetSocketAddress remoteAddress, InetSocketAddress localAddress, long connectionId,
                             int requestNumber, Instant received, Optional<TlsDetails> tls) {
    private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

    public RequestContext {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(tls, "tls");
    }

    /** The exchange being answered on this thread, if any. */
    public static Optional<RequestContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Runs {@code call} with this context as {@link #current()}; the server calls this around the handler chain.
     *
     * @throws Exception whatever the handler throws
     */
    public <T> T runWith(ContextualCall<T> call) throws Exception {
        RequestContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return call.call();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** A computation run inside a context. */
    @FunctionalInterface
    public interface ContextualCall<T> {
        T call() throws Exception;
    }
}
