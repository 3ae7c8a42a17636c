package dev.jhttp.server.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP/2 request content the whole server holds for handlers that have not read it yet. Flow control bounds it
 * per stream and per connection; this bounds it across connections, which together could otherwise promise more
 * than the heap has.
 */
final class ContentBudget {
    private final long max;
    private final AtomicLong held = new AtomicLong();

    ContentBudget(long max) {
        this.max = max;
    }

    /** Takes {@code octets} if they fit; false, taking nothing, if they would pass the maximum. */
    boolean take(long octets) {
        long now;
        do {
            now = held.get();
            if (now + octets > max) {
                return false;
            }
        } while (!held.compareAndSet(now, now + octets));
        return true;
    }

    /** Returns octets a handler read or that were dropped. */
    void give(long octets) {
        held.addAndGet(-octets);
    }

    long max() {
        return max;
    }
}
