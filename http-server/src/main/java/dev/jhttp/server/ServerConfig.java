package dev.jhttp.server;

import dev.jhttp.core.parse.ParserLimits;
import dev.jhttp.server.tls.TlsConfig;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a server listens and what it tolerates. Start from {@link #defaults()} and change what you need.
 *
 * {@snippet :
 * ServerConfig config = ServerConfig.defaults()
 *         .withPort(0)                                  // any free port; HttpServer.port() tells which
 *         .withIdleTimeout(Duration.ofSeconds(5));
 * }
 *
 * @param address                  where to listen; port 0 picks a free port
 * @param maxConnections           open connections at once; more are answered 503 and closed
 * @param headTimeout              time from a request's first byte to the end of its head (slow-loris defence)
 * @param idleTimeout              time a keep-alive connection may wait for its next request
 * @param bodyTimeout              time one read of request content may wait
 * @param writeTimeout             time one response may take to write before the connection is dropped
 * @param maxRequestsPerConnection requests served on one connection before it is closed
 * @param limits                   the parser's limits
 * @param serverName               the {@code Server} header value, or empty for none
 * @param tls                      TLS for the listener (https), or empty for cleartext
 * @param http2                    HTTP/2 on the listener, and its limits
 * @param eventLoops               the event loops (I/O threads) that accept and serve connections, or 0 for the
 *                                 default count ({@link #eventLoopCount()})
 */
public record ServerConfig(InetSocketAddress address, int maxConnections, Duration headTimeout, Duration idleTimeout,
                           Duration bodyTimeout, Duration writeTimeout, int maxRequestsPerConnection,
                           ParserLimits limits, String serverName, Optional<TlsConfig> tls, Http2Config http2,
                           int eventLoops) {
    /** The most event loops a server may ask for: far more than cores only adds switching. */
    public static final int MAX_EVENT_LOOPS = 256;

    /**
     * @throws IllegalArgumentException if a count is below 1, a timeout is not positive, or {@code eventLoops} is
     *     outside 0 to {@link #MAX_EVENT_LOOPS}
     */
    public ServerConfig {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(http2, "http2");
        if (maxConnections < 1 || maxRequestsPerConnection < 1) {
            throw new IllegalArgumentException("maxConnections and maxRequestsPerConnection must be at least 1");
        }
        if (eventLoops < 0 || eventLoops > MAX_EVENT_LOOPS) {
            throw new IllegalArgumentException("eventLoops must be from 0 (the default count) to " + MAX_EVENT_LOOPS
                    + ", not " + eventLoops);
        }
        for (Duration timeout : new Duration[] {headTimeout, idleTimeout, bodyTimeout, writeTimeout}) {
            if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("timeouts must be positive and under 24 days: " + timeout);
            }
        }
    }

    /**
     * Loopback port 8080, 10,000 connections, head 10 s, idle 30 s, body read 30 s, write 60 s, 10,000 requests per
     * connection, default parser limits, {@code Server: jhttp}, cleartext, HTTP/2 (h2c) with its defaults, the default
     * count of event loops ({@link #eventLoopCount()}).
     */
    public static ServerConfig defaults() {
        return new ServerConfig(new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080), 10_000,
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60),
                10_000, ParserLimits.defaults(), "jhttp", Optional.empty(), Http2Config.defaults(), 0);
    }

    public ServerConfig withAddress(InetSocketAddress value) {
        return new ServerConfig(value, maxConnections, headTimeout, idleTimeout, bodyTimeout, writeTimeout,
                maxRequestsPerConnection, limits, serverName, tls, http2, eventLoops);
    }

    public ServerConfig withPort(int port) {
        return withAddress(new InetSocketAddress(address.getAddress(), port));
    }

    public ServerConfig withMaxConnections(int value) {
        return new ServerConfig(address, value, headTimeout, idleTimeout, bodyTimeout, writeTimeout,
                maxRequestsPerConnection, limits, serverName, tls, http2, eventLoops);
    }

    public ServerConfig withHeadTimeout(Duration value) {
        return new ServerConfig(address, maxConnections, value, idleTimeout, bodyTimeout, writeTimeout,
                maxRequestsPerConnection, limits, serverName, tls, http2, eventLoops);
    }

    public ServerConfig withIdleTimeout(Duration value) {
        return new ServerConfig(address, maxConnections, headTimeout, value, bodyTimeout, writeTimeout,
                maxRequestsPerConnection, limits, serverName, tls, http2, eventLoops);
    }

    public ServerConfig withBodyTimeout(Duration value) {
        return new ServerConfig(address, maxConnections, headTimeout, idleTimeout, value, writeTimeout,
                maxRequestsPerConnection, limits, serverName, tls, http2, eventLoops);
    }

    public ServerConfig withWriteTimeout(Duration value) {
        return new ServerConfig(address, maxConnections, headTimeout, idleTimeout, bodyTimeout, value,
                maxRequestsPerConnection, limits, serverName, tls, http2, eventLoops);
    }

    public ServerConfig withMaxRequestsPerConnection(int value) {
        return new ServerConfig(address, maxConnections, headTimeout, idleTimeout, bodyTimeout, writeTimeout,
                value, limits, serverName, tls, http2, eventLoops);
    }

    public ServerConfig withLimits(ParserLimits value) {
        return new ServerConfig(address, maxConnections, headTimeout, idleTimeout, bodyTimeout, writeTimeout,
                maxRequestsPerConnection, value, serverName, tls, http2, eventLoops);
    }

    public ServerConfig withServerName(String value) {
        return new ServerConfig(address, maxConnections, headTimeout, idleTimeout, bodyTimeout, writeTimeout,
                maxRequestsPerConnection, limits, value, tls, http2, eventLoops);
    }

    /** Serves https with {@code value}: every connection starts with a TLS handshake. */
    public ServerConfig withTls(TlsConfig value) {
        return new ServerConfig(address, maxConnections, headTimeout, idleTimeout, bodyTimeout, writeTimeout,
                maxRequestsPerConnection, limits, serverName, Optional.of(value), http2, eventLoops);
    }

    /** HTTP/2 as {@code value} says: on or off, h2c or not, and the limits. */
    public ServerConfig withHttp2(Http2Config value) {
        return new ServerConfig(address, maxConnections, headTimeout, idleTimeout, bodyTimeout, writeTimeout,
                maxRequestsPerConnection, limits, serverName, tls, value, eventLoops);
    }

    /** {@code value} event loops, or 0 for the default count ({@link #eventLoopCount()}). */
    public ServerConfig withEventLoops(int value) {
        return new ServerConfig(address, maxConnections, headTimeout, idleTimeout, bodyTimeout, writeTimeout,
                maxRequestsPerConnection, limits, serverName, tls, http2, value);
    }

    /**
     * The event loops the server runs: {@link #eventLoops()}, or for 0 one per core but one, and at least one. The
     * core left over serves the kernel's network work, the collector, the threads of handlers that block and whatever
     * else runs on the machine; more loops than that wait for a core (docs/engine.md).
     */
    public int eventLoopCount() {
        return eventLoops > 0 ? eventLoops : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }
}
