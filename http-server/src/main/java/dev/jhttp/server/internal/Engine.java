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
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The connection engine behind {@code HttpServer}: it owns the listening socket, the accept loop, every connection
 * and shutdown. Each accepted socket gets a virtual thread named {@code jhttp-conn-N}.
 */
public final class Engine {
    private static final int BACKLOG = 1024;

    private final ServerConfig config;
    private final Handler handler;
    private final ResponseWriter writer = ResponseWriter.create();
    /** The server's own error answers: the same renderer and handler-failure mapping as the ErrorPages filter. */
    private final ErrorPages errors = ErrorPages.negotiated();
    private final ConnectionSet connections = new ConnectionSet();
    private final Semaphore permits;
    private final AtomicLong nextId = new AtomicLong();
    private ServerSocketChannel serverSocket;
    private Thread acceptor;
    private Sweeper sweeper;
    private volatile boolean stopping;

    public Engine(ServerConfig config, Handler handler) {
        this.config = config;
        this.handler = handler;
        this.permits = new Semaphore(config.maxConnections());
    }

    /**
     * Binds and starts accepting; returns once the socket is bound.
     *
     * @throws BindException if the address is in use or cannot be bound, with a message that says which
     */
    public synchronized void start() throws IOException {
        if (serverSocket != null) {
            throw new IllegalStateException("already started");
        }
        // A channel, not a plain ServerSocket: accepted sockets then have channels, which file bodies need for
        // zero-copy transfer.
        ServerSocketChannel socket = ServerSocketChannel.open();
        try {
            socket.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            socket.bind(config.address(), BACKLOG);
        } catch (IOException e) {
            socket.close();
            InetSocketAddress address = config.address();
            BindException clear = new BindException("cannot listen on " + address.getHostString() + ":"
                    + address.getPort() + ": " + e.getMessage());
            clear.initCause(e);
            throw clear;
        }
        serverSocket = socket;
        sweeper = new Sweeper(connections, Stream.of(config.headTimeout(), config.idleTimeout(),
                config.bodyTimeout(), config.writeTimeout()).min(Duration::compareTo).orElseThrow());
        acceptor = Thread.ofPlatform().name("jhttp-acceptor-" + port()).daemon(false).start(this::acceptLoop);
    }

    public int port() {
        return address().getPort();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverSocket.socket().getLocalSocketAddress();
    }

    /** Open connections now. */
    public int openConnections() {
        return connections.size();
    }

    private void acceptLoop() {
        while (!stopping) {
            SocketChannel channel;
            try {
                channel = serverSocket.accept();
            } catch (IOException e) {
                if (!stopping) {
                    ServerLog.get().log(Level.ERROR, "accept failed; the server stops accepting", e);
                }
                return;
            }
            Socket socket = channel.socket();
            if (!permits.tryAcquire()) {
                Thread.ofVirtual().name("jhttp-refuse").start(() -> refuse(socket));
                continue;
            }
            try {
                socket.setTcpNoDelay(true);
            } catch (IOException e) {
                ServerLog.get().log(Level.DEBUG, () -> "could not set TCP_NODELAY: " + e);
            }
            long id = nextId.incrementAndGet();
            Connection connection = new Connection(channel, id, this);
            connections.add(connection);
            Thread.ofVirtual().name("jhttp-conn-" + id).start(() -> {
                try {
                    connection.run();
                } finally {
                    permits.release();
                }
            });
        }
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
            if (stopping || serverSocket == null) {
                return;
            }
            stopping = true;
        }
        try {
            serverSocket.close();
        } catch (IOException e) {
            ServerLog.get().log(Level.DEBUG, () -> "closing the listening socket: " + e);
        }
        for (Connection connection : connections.snapshot()) {
            connection.stopIfIdle();
        }
        try {
            if (!connections.awaitEmpty(System.nanoTime() + grace.toNanos())) {
                connections.snapshot().forEach(Connection::closeQuietly);
                connections.awaitEmpty(System.nanoTime() + Duration.ofSeconds(1).toNanos());
            }
            acceptor.join(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            connections.snapshot().forEach(Connection::closeQuietly);
            Thread.currentThread().interrupt();
        } finally {
            sweeper.close();
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
}
