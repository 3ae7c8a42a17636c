package dev.jhttp.server.internal;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Status;
import dev.jhttp.core.write.ResponseWriter;
import dev.jhttp.server.Handler;
import dev.jhttp.server.ServerConfig;
import dev.jhttp.server.filters.ErrorPages;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The connection engine behind {@code HttpServer}: it owns the listening socket, the event loops that accept and
 * serve connections ({@link EventLoop}; one per core but one, by default), every connection and shutdown. A
 * connection that needs a thread of its own gets a virtual thread named {@code jhttp-conn-N}.
 */
public final class Engine {
    /** What ALPN offers (RFC 7301), in the server's order of preference. */
    private static final List<String> H2_AND_HTTP_1_1 = List.of("h2", "http/1.1");
    private static final List<String> HTTP_1_1 = List.of("http/1.1");
    private static final long MAX_SWEEP_MILLIS = 500;
    private static final long MIN_SWEEP_MILLIS = 10;

    private final ServerConfig config;
    private final Handler handler;
    private final ResponseWriter writer = ResponseWriter.create();
    /** The server's own error answers: the same renderer and handler-failure mapping as the ErrorPages filter. */
    private final ErrorPages errors = ErrorPages.negotiated();
    private final ConnectionSet connections = new ConnectionSet();
    private final Semaphore permits;
    /** HTTP/2 streams open across every connection ({@code Http2Config.maxServerStreams}). */
    private final Semaphore streamPermits;
    private final ContentBudget contentBudget;
    private final AtomicLong nextId = new AtomicLong();
    private Listeners listeners;
    private final List<EventLoop> loops = new ArrayList<>();
    private final List<Thread> loopThreads = new ArrayList<>();
    private volatile boolean stopping;

    public Engine(ServerConfig config, Handler handler) {
        this.config = config;
        this.handler = handler;
        this.permits = new Semaphore(config.maxConnections());
        this.streamPermits = new Semaphore(config.http2().maxServerStreams());
        this.contentBudget = new ContentBudget(config.http2().maxServerContent());
    }

    /**
     * Binds and starts accepting; returns once the socket is bound.
     *
     * @throws BindException if the address is in use or cannot be bound, with a message that says which
     */
    public synchronized void start() throws IOException {
        if (listeners != null) {
            throw new IllegalStateException("already started");
        }
        // Channels, not plain ServerSockets: accepted sockets then have channels, which the event loops and
        // zero-copy file transfer need.
        int loopCount = config.eventLoopCount();
        listeners = Listeners.bind(config.address(), loopCount);
        // Deadlines are checked every quarter of the shortest timeout, so one is overrun by at most a quarter.
        long shortest = Stream.of(config.headTimeout(), config.idleTimeout(), config.bodyTimeout(),
                config.writeTimeout()).min(Duration::compareTo).orElseThrow().toMillis();
        long sweepNanos = Math.clamp(shortest / 4, MIN_SWEEP_MILLIS, MAX_SWEEP_MILLIS) * 1_000_000;
        for (int i = 0; i < loopCount; i++) {
            loops.add(new EventLoop(this, listeners.forLoop(i), sweepNanos));
        }
        for (int i = 0; i < loops.size(); i++) {
            loopThreads.add(Thread.ofPlatform().name("jhttp-loop-" + port() + "-" + i).daemon(false)
                    .start(loops.get(i)));
        }
    }

    public int port() {
        return address().getPort();
    }

    public InetSocketAddress address() {
        return listeners.address();
    }

    /** Open connections now. */
    public int openConnections() {
        return connections.size();
    }

    /**
     * A connection {@code loop} accepted, to serve there (over TLS when the listener speaks it); or, when the server
     * is at capacity, none (a cleartext client is told 503 first).
     */
    LoopConnection admit(SocketChannel channel, EventLoop loop) {
        Socket socket = channel.socket();
        if (!permits.tryAcquire()) {
            if (config.tls().isEmpty()) {
                Thread.ofVirtual().name("jhttp-refuse").start(() -> refuse(socket));
            } else {
                closeQuietly(channel); // a TLS client would read a plain 503 as garbage
            }
            return null;
        }
        try {
            channel.configureBlocking(false);
        } catch (IOException e) {
            ServerLog.get().log(Level.DEBUG, () -> "dropped an accepted connection: " + e);
            closeQuietly(channel);
            permits.release();
            return null;
        }
        try {
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            ServerLog.get().log(Level.DEBUG, () -> "could not set TCP_NODELAY: " + e);
        }
        Transport transport = config.tls().<Transport>map(tls -> new TlsTransport(channel,
                        tls.newEngine(config.http2().offeredOn(true) ? H2_AND_HTTP_1_1 : HTTP_1_1)))
                .orElseGet(() -> new PlainTransport(channel));
        LoopConnection connection = new LoopConnection(transport, nextId.incrementAndGet(), this, loop);
        connections.add(connection);
        return connection;
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // it is broken already
        }
    }

    /** A connection served on a loop closed. */
    void closed(LoopConnection connection) {
        connections.remove(connection);
        permits.release();
    }

    /** {@code from} goes on as {@code to}, on a thread of its own; its permit goes with it. */
    void adopt(OpenConnection to, LoopConnection from) {
        connections.add(to);
        connections.remove(from);
    }

    /** Starts the thread, named {@code name}, that serves a connection {@code loop} handed off. */
    void startThread(OpenConnection connection, EventLoop loop, String name, Runnable serve) {
        Thread.ofVirtual().name(name).start(() -> {
            try {
                serve.run();
            } finally {
                permits.release();
                loop.forgetThreaded(connection);
            }
        });
    }

    /** Over capacity: a short 503 and a close, rather than leaving the client waiting in the backlog. */
    private void refuse(Socket socket) {
        try (socket) {
            socket.setSoTimeout((int) config.writeTimeout().toMillis());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            writer.write(errors.answer(Headers.empty(), Status.SERVICE_UNAVAILABLE_503,
                    Headers.of(HeaderName.CONNECTION.name(), "close", HeaderName.RETRY_AFTER.name(), "1")), out);
        } catch (IOException e) {
            ServerLog.get().log(Level.DEBUG, () -> "refused connection closed: " + e);
        }
    }

    /**
     * Stops accepting, closes idle connections at once, lets exchanges in flight finish within {@code grace}, then
     * closes whatever is left.
     */
    public void stop(Duration grace) {
        synchronized (this) {
            if (stopping || listeners == null) {
                return;
            }
            stopping = true;
        }
        try {
            listeners.close();
        } catch (IOException e) {
            ServerLog.get().log(Level.DEBUG, () -> "closing the listening socket: " + e);
        }
        for (OpenConnection connection : connections.snapshot()) {
            connection.stopIfIdle();
        }
        loops.forEach(EventLoop::wakeUp);
        try {
            if (!connections.awaitEmpty(System.nanoTime() + grace.toNanos())) {
                connections.snapshot().forEach(OpenConnection::closeQuietly);
                connections.awaitEmpty(System.nanoTime() + Duration.ofSeconds(1).toNanos());
            }
            for (Thread thread : loopThreads) {
                thread.join(Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            connections.snapshot().forEach(OpenConnection::closeQuietly);
            Thread.currentThread().interrupt();
        }
    }

    boolean isStopping() {
        return stopping;
    }

    ServerConfig config() {
        return config;
    }

    Handler handler() {
        return handler;
    }

    ErrorPages errors() {
        return errors;
    }

    ResponseWriter writer() {
        return writer;
    }

    ConnectionSet connections() {
        return connections;
    }

    Semaphore streamPermits() {
        return streamPermits;
    }

    ContentBudget contentBudget() {
        return contentBudget;
    }
}
