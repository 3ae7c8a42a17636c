package dev.jhttp.server.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Enforces write deadlines. Blocking socket writes have no timeout of their own, so a client that stops reading
 * would hold its connection forever; twice a second this drops every connection whose write is overdue.
 */
final class Sweeper implements AutoCloseable {
    private static final long PERIOD_MILLIS = 500;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jhttp-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    Sweeper(ConnectionSet connections) {
        timer.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            for (Connection connection : connections.snapshot()) {
                connection.dropIfWriteOverdue(now);
            }
        }, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
