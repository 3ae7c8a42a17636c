package dev.jhttp.server.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Enforces read and write deadlines. Blocking socket writes have no timeout of their own, so a client that stops
 * reading would hold its connection forever; reads are left untimed because a timed read costs the virtual-thread
 * scheduler a timer each time. Every period this drops each connection whose write is overdue and ends each overdue
 * read.
 */
final class Sweeper implements AutoCloseable {
    private static final long MAX_PERIOD_MILLIS = 500;
    private static final long MIN_PERIOD_MILLIS = 10;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jhttp-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    /** Sweeps every quarter of the shortest timeout (so a deadline is overrun by at most a quarter), 10–500 ms. */
    Sweeper(ConnectionSet connections, Duration shortestTimeout) {
        long period = Math.clamp(shortestTimeout.toMillis() / 4, MIN_PERIOD_MILLIS, MAX_PERIOD_MILLIS);
        timer.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            for (Connection connection : connections.snapshot()) {
                connection.enforceDeadlines(now);
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
