package dev.jhttp.server.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The open connections of a server, so shutdown can reach them and wait for them. */
final class ConnectionSet {
    private final Set<OpenConnection> open = new HashSet<>();

    synchronized void add(OpenConnection connection) {
        open.add(connection);
    }

    synchronized void remove(OpenConnection connection) {
        open.remove(connection);
        if (open.isEmpty()) {
            notifyAll();
        }
    }

    synchronized List<OpenConnection> snapshot() {
        return new ArrayList<>(open);
    }

    synchronized int size() {
        return open.size();
    }

    /** Waits until every connection has closed or {@code deadlineNanos} (of {@link System#nanoTime}) passes. */
    synchronized boolean awaitEmpty(long deadlineNanos) throws InterruptedException {
        while (!open.isEmpty()) {
            long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return false;
            }
            wait(remainingMillis);
        }
        return true;
    }
}
