package dev.jhttp.server.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One of the engine's I/O threads (one per core but one, by default): a selector over the listening socket and the
 * connections it accepted. It serves a connection's requests itself while they need no thread
 * ({@link LoopConnection}), hands a connection to a virtual thread of its own when one does ({@link Connection}, or
 * {@link H2Connection} for HTTP/2), and enforces the deadlines of every connection it accepted, wherever served.
 * Serving on the loop saves what a thread per connection costs on each request: the read that finds nothing,
 * re-arming the poller, parking and waking the thread, often on another core.
 */
final class EventLoop implements Runnable {
    /** Connections accepted in a row before the loop serves the ones it has. */
    private static final int ACCEPT_BATCH = 64;

    /** A connection going to a thread named {@code name}, which runs {@code serve}. */
    private record HandOff(OpenConnection connection, String name, Runnable serve) {
    }

    private final Engine engine;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final long sweepNanos;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Every connection this loop accepted that is still open, served here or on a thread: for deadlines. */
    private final Set<OpenConnection> watched = new HashSet<>();
    /** Connections with requests read and not yet served, in the order they fell behind; each once. */
    private final Set<LoopConnection> pipelined = new LinkedHashSet<>();
    private final List<HandOff> handOffs = new ArrayList<>();
    private long nextSweep;

    EventLoop(Engine engine, ServerSocketChannel server, long sweepNanos) throws IOException {
        this.engine = engine;
        this.server = server;
        this.sweepNanos = sweepNanos;
        this.selector = Selector.open();
        server.register(selector, SelectionKey.OP_ACCEPT);
    }

    @Override
    public void run() {
        nextSweep = System.nanoTime() + sweepNanos;
        try {
            while (!(engine.isStopping() && watched.isEmpty())) {
                long wait = Math.max(1, (nextSweep - System.nanoTime()) / 1_000_000);
                if (pipelined.isEmpty() && tasks.isEmpty()) {
                    selector.select(wait);
                } else {
                    selector.selectNow();
                }
                serveSelected();
                runTasks();
                servePipelined();
                finishHandOffs();
                sweep();
            }
        } catch (IOException | RuntimeException e) {
            ServerLog.get().log(Level.ERROR, "event loop failed; its connections close", e);
            watched.forEach(OpenConnection::closeQuietly);
        } finally {
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing is best effort
            }
        }
    }

    /** Runs {@code task} on this loop's thread, soon. */
    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Wakes the loop, to notice that the engine stops. */
    void wakeUp() {
        selector.wakeup();
    }

    /** A connection of this loop closed: the engine forgets it. Loop thread only. */
    void forget(LoopConnection connection) {
        watched.remove(connection);
        engine.closed(connection);
    }

    /** A thread-served connection of this loop closed; any thread. */
    void forgetThreaded(OpenConnection connection) {
        execute(() -> watched.remove(connection));
    }

    /**
     * {@code from}, whose key is cancelled, goes to a virtual thread named {@code name} as {@code to} once the
     * selector has let go of its channel; that thread runs {@code serve}.
     */
    void handOff(OpenConnection to, LoopConnection from, String name, Runnable serve) {
        engine.adopt(to, from);
        watched.remove(from);
        watched.add(to);
        handOffs.add(new HandOff(to, name, serve));
    }

    private void serveSelected() throws IOException {
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            if (!key.isValid()) {
                continue;
            }
            if (key.attachment() instanceof LoopConnection connection) {
                connection.onReady();
                if (connection.hasBufferedRequests()) {
                    pipelined.add(connection);
                }
            } else if (key.isAcceptable()) {
                accept(key);
            }
        }
    }

    private void accept(SelectionKey key) {
        for (int i = 0; i < ACCEPT_BATCH; i++) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (ClosedChannelException e) {
                return; // stopping
            } catch (IOException e) {
                ServerLog.get().log(Level.ERROR, "accept failed; this loop stops accepting", e);
                key.cancel();
                return;
            }
            if (channel == null) {
                return; // another loop took it, or none is left
            }
            LoopConnection connection = engine.admit(channel, this);
            if (connection != null) {
                try {
                    connection.attach(channel.register(selector, SelectionKey.OP_READ, connection));
                    watched.add(connection);
                } catch (IOException e) {
                    connection.close();
                }
            }
        }
    }

    private void servePipelined() {
        if (pipelined.isEmpty()) {
            return;
        }
        List<LoopConnection> turn = new ArrayList<>(pipelined);
        pipelined.clear();
        for (LoopConnection connection : turn) {
            try {
                connection.serveBuffered();
            } catch (IOException | RuntimeException e) {
                connection.close();
            }
            if (connection.hasBufferedRequests()) {
                pipelined.add(connection);
            }
        }
    }

    private void runTasks() {
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            task.run();
        }
    }

    /** Starts the threads of the connections handed off, once the selector has deregistered their channels. */
    private void finishHandOffs() throws IOException {
        if (handOffs.isEmpty()) {
            return;
        }
        selector.selectNow(); // completes the cancellation of their keys; what it selects is served next turn
        for (HandOff handOff : handOffs) {
            engine.startThread(handOff.connection(), this, handOff.name(), handOff.serve());
        }
        handOffs.clear();
    }

    private void sweep() {
        long now = System.nanoTime();
        if (now - nextSweep < 0) {
            return;
        }
        nextSweep = now + sweepNanos;
        for (OpenConnection connection : List.copyOf(watched)) {
            connection.enforceDeadlines(now);
        }
    }
}
