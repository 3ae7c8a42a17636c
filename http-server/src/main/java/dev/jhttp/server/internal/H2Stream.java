package dev.jhttp.server.internal;

import dev.jhttp.core.Headers;
import dev.jhttp.core.parse.ParseError;
import dev.jhttp.core.parse.Violation;
import dev.jhttp.server.RequestContentException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One HTTP/2 stream while the server serves it: the request content the reader thread receives, handed to the
 * handler's thread as an {@link InputStream}, and the stream's send window, which {@link H2Output} guards. The
 * receive window is the connection reader's alone: it shrinks as DATA arrives and grows as the handler reads.
 */
final class H2Stream {
    private final int id;
    private final H2Streams streams;
    /** The server's hold on content waiting for handlers: taken by the caller of {@link #receive}, returned here. */
    private final ContentBudget budget;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<ByteBuffer> received = new ArrayDeque<>();
    private boolean remoteEnded;
    private volatile boolean reset;
    /** Whether the server's side of the stream has ended (END_STREAM sent, or the stream closed). */
    private final AtomicBoolean localEnded = new AtomicBoolean();
    /** Set when the content passed the server's limit: reads fail, and what arrives later is dropped. */
    private volatile ParseError tooLarge;
    private Headers trailers = Headers.empty();
    /** Guarded by the connection's {@link H2Output} lock. */
    private long sendWindow;

    // Guarded by the flow lock of the connection's H2Streams:
    private long receiveWindow;
    /** Content (and padding) taken from the windows that the handler has not read yet. */
    private long unread;
    /** Content the handler has read and the client has not yet been given back as window. */
    private long unacknowledged;

    // The reader thread's alone:
    private final long declaredLength;
    private long receivedLength;

    H2Stream(int id, H2Streams streams, ContentBudget budget, long sendWindow, long receiveWindow,
             long declaredLength) {
        this.id = id;
        this.streams = streams;
        this.sendWindow = sendWindow;
        this.receiveWindow = receiveWindow;
        this.declaredLength = declaredLength;
        this.budget = budget;
    }

    int id() {
        return id;
    }

    boolean isReset() {
        return reset;
    }

    /**
     * The server's END_STREAM is about to go out, or the stream closed: once, the stream stops counting against the
     * client's concurrency limit, before the client can see it end and open the next (RFC 9113 §5.1.2).
     */
    void endLocally() {
        if (localEnded.compareAndSet(false, true)) {
            streams.endedLocally();
        }
    }

    // --- send window, under the output lock

    long sendWindow() {
        return sendWindow;
    }

    void consumeSendWindow(int size) {
        sendWindow -= size;
    }

    boolean openSendWindow(int increment) {
        if (sendWindow + increment > Integer.MAX_VALUE) {
            return false;
        }
        sendWindow += increment;
        return true;
    }

    void adjustSendWindow(long delta) {
        sendWindow += delta;
    }

    // --- receive window, under the connection's flow lock

    long receiveWindow() {
        return receiveWindow;
    }

    /** DATA of {@code flowLength} octets took window; {@code padding} of them are given back at once. */
    void takeReceiveWindow(int flowLength, int padding) {
        receiveWindow -= flowLength;
        unread += flowLength - padding;
        unacknowledged += padding;
    }

    /** The handler read {@code n} octets; returns the window to give back now, or 0 to wait for more. */
    long consumed(int n, long threshold) {
        unread -= n;
        unacknowledged += n;
        if (unacknowledged < threshold) {
            return 0;
        }
        long increment = unacknowledged;
        unacknowledged = 0;
        receiveWindow += increment;
        return increment;
    }

    /** What the connection gets back when the stream ends: content nobody will read. */
    long unread() {
        return unread;
    }

    // --- receiving, on the reader thread

    /** Whether DATA of this length would pass the declared content-length (RFC 9113 §8.1.1). */
    boolean passesDeclaredLength(int length) {
        return declaredLength >= 0 && receivedLength + length > declaredLength;
    }

    /** Whether the content, ending after {@code more} octets, falls short of its declared length. */
    boolean endsShort(int more) {
        return declaredLength >= 0 && receivedLength + more != declaredLength;
    }

    /** Whether DATA of this length would take the content past {@code limit} octets (RFC 9110 §15.5.14). */
    boolean passesLimit(int length, long limit) {
        return receivedLength + length > limit;
    }

    /** The content passed the limit: the handler's reads fail with 413's reason from now on. */
    void refuseContent(long limit) {
        tooLarge = new ParseError(Violation.BODY_TOO_LARGE, "content exceeds " + limit + " bytes", limit);
        lock.lock();
        try {
            drop();
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The stream left the open ones: content nobody will read is dropped, and the server's hold on it returned. */
    void discardContent() {
        lock.lock();
        try {
            drop();
        } finally {
            lock.unlock();
        }
    }

    private void drop() {
        long octets = 0;
        for (ByteBuffer piece : received) {
            octets += piece.remaining();
        }
        received.clear();
        budget.give(octets);
    }

    boolean contentRefused() {
        return tooLarge != null;
    }

    boolean remoteEnded() {
        lock.lock();
        try {
            return remoteEnded;
        } finally {
            lock.unlock();
        }
    }

    /** DATA for the handler, after the caller took its length from the windows. */
    void receive(ByteBuffer data, boolean end) {
        receivedLength += data.remaining();
        lock.lock();
        try {
            if (data.hasRemaining()) {
                received.add(data);
            }
            remoteEnded |= end;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The trailer section, which ends the content. */
    void receiveTrailers(Headers fields) {
        lock.lock();
        try {
            trailers = fields;
            remoteEnded = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The client reset the stream, or the connection ended: the handler's reads and writes fail from now on. */
    void reset() {
        lock.lock();
        try {
            reset = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    Headers trailers() {
        lock.lock();
        try {
            return trailers;
        } finally {
            lock.unlock();
        }
    }

    /** The request content as the handler reads it, waiting up to {@code timeoutNanos} for each piece. */
    InputStream content(long timeoutNanos) {
        return new Content(timeoutNanos);
    }

    /** Reads what has arrived; the connection gives the window back as the handler consumes it. */
    private final class Content extends InputStream {
        private final long timeoutNanos;

        Content(long timeoutNanos) {
            this.timeoutNanos = timeoutNanos;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int n;
            lock.lock();
            try {
                long left = timeoutNanos;
                while (received.isEmpty() && !remoteEnded && !reset && tooLarge == null) {
                    if (left <= 0) {
                        throw new SocketTimeoutException("request content timed out");
                    }
                    left = arrived.awaitNanos(left);
                }
                if (reset) {
                    throw new StreamResetException(id);
                }
                if (tooLarge != null) {
                    throw RequestContentException.of(tooLarge);
                }
                if (received.isEmpty()) {
                    return -1;
                }
                ByteBuffer head = received.peek();
                n = Math.min(length, head.remaining());
                head.get(into, offset, n);
                if (!head.hasRemaining()) {
                    received.poll();
                }
                budget.give(n);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted reading request content");
            } finally {
                lock.unlock();
            }
            streams.consumed(H2Stream.this, n);
            return n;
        }

        @Override
        public int available() {
            lock.lock();
            try {
                return received.isEmpty() ? 0 : received.peek().remaining();
            } finally {
                lock.unlock();
            }
        }
    }
}
