package dev.jhttp.server.internal;

import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Direct buffers of one size, kept for reuse up to a bound: a busy TLS server would otherwise allocate a record
 * buffer for every response and leave its native memory to the collector. A buffer is taken for a response and
 * given back when the connection goes idle, so idle connections hold none.
 */
final class BufferPool {
    private final int size;
    private final int bound;
    private final Queue<ByteBuffer> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger kept = new AtomicInteger();

    BufferPool(int size, int bound) {
        this.size = size;
        this.bound = bound;
    }

    int size() {
        return size;
    }

    /** A cleared buffer of this pool's size. */
    ByteBuffer take() {
        ByteBuffer buffer = free.poll();
        if (buffer == null) {
            return ByteBuffer.allocateDirect(size);
        }
        kept.decrementAndGet();
        return buffer.clear();
    }

    /** Gives {@code buffer}, taken from this pool and no longer used, back for reuse (or drops it, past the bound). */
    void give(ByteBuffer buffer) {
        if (kept.incrementAndGet() <= bound) {
            free.offer(buffer);
        } else {
            kept.decrementAndGet();
        }
    }
}
