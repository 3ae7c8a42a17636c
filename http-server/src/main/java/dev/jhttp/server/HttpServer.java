package dev.jhttp.server;

import dev.jhttp.server.internal.Engine;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * An HTTP/1.1 server: event loops, with a virtual thread for each connection whose handlers may block; keep-alive and
 * pipelining, strict parsing by http-core.
 *
 * {@snippet :
 * try (HttpServer server = HttpServer.create(ServerConfig.defaults().withPort(0), handler).start()) {
 *     System.out.println("listening on " + server.port());
 * }
 * }
 */
public final class HttpServer implements AutoCloseable {
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final Engine engine;
    private volatile boolean started;

    private HttpServer(ServerConfig config, Handler handler) {
        this.engine = new Engine(config, handler);
    }

    /** A server that will answer with {@code handler} once {@link #start()}ed. */
    public static HttpServer create(ServerConfig config, Handler handler) {
        return new HttpServer(Objects.requireNonNull(config, "config"), Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Binds the address and starts accepting; returns once bound.
     *
     * @throws BindException if the port is in use or the address cannot be bound; the message names the address
     * @throws IOException if the listening socket cannot be opened
     * @throws IllegalStateException if already started
     */
    public HttpServer start() throws IOException {
        engine.start();
        started = true;
        return this;
    }

    /**
     * The port bound, which tells the real port when the configuration asked for port 0.
     *
     * @throws IllegalStateException if not started
     */
    public int port() {
        checkStarted();
        return engine.port();
    }

    /** The address bound. */
    public InetSocketAddress address() {
        checkStarted();
        return engine.address();
    }

    /** How many connections are open now. */
    public int openConnections() {
        return engine.openConnections();
    }

    /**
     * Stops accepting, closes idle connections at once, lets requests in flight finish within {@code grace}, then
     * closes every connection left. Returns when all are closed.
     */
    public void stop(Duration grace) {
        engine.stop(Objects.requireNonNull(grace, "grace"));
    }

    /** {@link #stop(Duration)} with a five-second grace period. */
    @Override
    public void close() {
        stop(CLOSE_GRACE);
    }

    private void checkStarted() {
        if (!started) {
            throw new IllegalStateException("server not started");
        }
    }
}
