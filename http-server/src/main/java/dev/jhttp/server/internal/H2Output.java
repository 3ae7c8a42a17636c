package dev.jhttp.server.internal;

import dev.jhttp.core.h2.Frame;
import dev.jhttp.core.h2.FrameWriter;
import dev.jhttp.core.hpack.HeaderField;
import dev.jhttp.core.hpack.HpackEncoder;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sending side of an HTTP/2 connection, shared by the reader and every stream's thread: one lock orders the
 * frames, so a field block is encoded and written in the order the peer decodes it; flow control (RFC 9113 §5.2,
 * §6.9) makes a stream's writer wait, within the write timeout, until both its window and the connection's have
 * room. Frames gather in a buffer and go out at the end of each piece of work, so a small response is one write.
 */
final class H2Output {
    /** The window every stream and the connection start with, before SETTINGS or WINDOW_UPDATE (§6.9.2). */
    static final int DEFAULT_WINDOW = 65_535;
    /** Room for one DATA frame of the default size with its header: what a connection starts with. */
    private static final int BUFFER = 16 * 1024 + 9;
    /** What a busy connection's buffer grows to, so many small responses go out in one write. */
    private static final int BUSY_BUFFER = 64 * 1024;
    private static final ByteBuffer NONE = ByteBuffer.allocate(0);

    private final Transport transport;
    private final long timeoutNanos;
    private final FrameWriter frames = FrameWriter.create(16_384);
    private final HpackEncoder encoder = HpackEncoder.create(4096);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition windowChanged = lock.newCondition();
    /**
     * Frames gathered for the next write: none while the connection has no stream, as thousands may be idle; 16 KiB
     * while its answers go out one by one (or wait for window); 64 KiB once they gather faster than they are written.
     */
    private ByteBuffer buffer = NONE;
    private long connectionWindow = DEFAULT_WINDOW;
    private long initialStreamWindow = DEFAULT_WINDOW;
    private boolean broken;
    private volatile long writeDeadline;

    H2Output(Transport transport, long timeoutNanos) {
        this.transport = transport;
        this.timeoutNanos = timeoutNanos;
    }

    /** Sends a frame that is not flow-controlled, now. */
    void send(Frame frame) throws IOException {
        lock.lock();
        try {
            append(frame);
            flush();
        } finally {
            lock.unlock();
        }
    }

    /** Encodes and sends a field block; held back until the next flush when {@code more} follows at once. */
    void sendHeaders(H2Stream stream, List<HeaderField> fields, boolean endStream, boolean more) throws IOException {
        lock.lock();
        try {
            byte[] block = encoder.encode(fields);
            append(new Frame.Headers(stream.id(), ByteBuffer.wrap(block), endStream));
            if (endStream) {
                stream.endLocally();
            }
            if (!more) {
                flush();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends {@code data} on the stream as DATA frames, each as large as the windows and the peer's frame size allow,
     * waiting for WINDOW_UPDATE as needed; the last frame carries END_STREAM if {@code endStream}.
     *
     * @throws IOException if the connection failed, the stream was reset, or the windows stayed shut past the
     *     write timeout
     */
    void sendData(H2Stream stream, ByteBuffer data, boolean endStream) throws IOException {
        lock.lock();
        try {
            do {
                int size = reserve(stream, data.remaining());
                ByteBuffer piece = data.slice(data.position(), size);
                data.position(data.position() + size);
                append(new Frame.Data(stream.id(), piece, endStream && !data.hasRemaining()));
            } while (data.hasRemaining());
            if (endStream) {
                stream.endLocally();
            }
            flush();
        } finally {
            lock.unlock();
        }
    }

    /** Room for up to {@code wanted} bytes of DATA; waits for window while there is none. Lock held. */
    private int reserve(H2Stream stream, int wanted) throws IOException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (wanted > 0 && (connectionWindow <= 0 || stream.sendWindow() <= 0)) {
            check(stream);
            flush();   // what is gathered goes out while this stream waits
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new WindowTimeoutException(stream.id());
            }
            try {
                windowChanged.awaitNanos(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted waiting for window");
            }
        }
        check(stream);
        int size = (int) Math.min(Math.min(wanted, frames.maxFrameSize()),
                Math.min(connectionWindow, stream.sendWindow()));
        connectionWindow -= size;
        stream.consumeSendWindow(size);
        return size;
    }

    private void check(H2Stream stream) throws IOException {
        if (broken) {
            throw new IOException("connection closed");
        }
        if (stream.isReset()) {
            throw new StreamResetException(stream.id());
        }
    }

    /**
     * What a WINDOW_UPDATE did: opened window the server had used, opened window it had not touched (a frame that
     * costs work and gives none when it repeats, RFC 9113 §10.5), or would pass 2^31-1 (§6.9.1).
     */
    enum WindowOutcome { REFILLED, UNUSED, OVERFLOW }

    /** WINDOW_UPDATE for the connection. */
    WindowOutcome openConnectionWindow(int increment) {
        lock.lock();
        try {
            if (connectionWindow + increment > Integer.MAX_VALUE) {
                return WindowOutcome.OVERFLOW;
            }
            boolean unused = connectionWindow >= DEFAULT_WINDOW;
            connectionWindow += increment;
            windowChanged.signalAll();
            return unused ? WindowOutcome.UNUSED : WindowOutcome.REFILLED;
        } finally {
            lock.unlock();
        }
    }

    /** WINDOW_UPDATE for a stream. */
    WindowOutcome openStreamWindow(H2Stream stream, int increment) {
        lock.lock();
        try {
            boolean unused = stream.sendWindow() >= initialStreamWindow;
            if (!stream.openSendWindow(increment)) {
                return WindowOutcome.OVERFLOW;
            }
            windowChanged.signalAll();
            return unused ? WindowOutcome.UNUSED : WindowOutcome.REFILLED;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A new SETTINGS_INITIAL_WINDOW_SIZE: every open stream's window moves by the difference (§6.9.2); false if one
     * would pass 2^31-1.
     */
    boolean changeInitialWindow(long newSize, Iterable<H2Stream> streams) {
        lock.lock();
        try {
            long delta = newSize - initialStreamWindow;
            for (H2Stream stream : streams) {
                if (stream.sendWindow() + delta > Integer.MAX_VALUE) {
                    return false;
                }
            }
            initialStreamWindow = newSize;
            for (H2Stream stream : streams) {
                stream.adjustSendWindow(delta);
            }
            windowChanged.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The window a new stream starts with. */
    long initialStreamWindow() {
        lock.lock();
        try {
            return initialStreamWindow;
        } finally {
            lock.unlock();
        }
    }

    void setMaxFrameSize(int size) {
        lock.lock();
        try {
            frames.setMaxFrameSize(size);
        } finally {
            lock.unlock();
        }
    }

    void setHeaderTableSize(long size) {
        lock.lock();
        try {
            encoder.setMaxTableSize(size);
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the streams waiting for window: a stream was reset, or the connection ends. */
    void wakeWaiters(boolean connectionEnds) {
        lock.lock();
        try {
            broken |= connectionEnds;
            windowChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether a write has run past its deadline at {@code now}; the connection's event loop then closes it. */
    boolean writeOverdue(long now) {
        long deadline = writeDeadline;
        return deadline != 0 && now - deadline > 0;
    }

    private void append(Frame frame) throws IOException {
        int size = frames.size(frame);
        if (buffer.remaining() < size) {
            if (buffer.position() > 0 && buffer.position() + size <= BUSY_BUFFER) {
                buffer = ByteBuffer.allocate(BUSY_BUFFER).put(buffer.flip());   // frames are gathering: grow
            } else {
                flush();
                if (buffer.capacity() < size) {
                    buffer = ByteBuffer.allocate(Math.max(size, BUFFER));
                }
            }
        }
        frames.write(frame, buffer);
    }

    /** Lets the buffer go if nothing is gathered in it: called when the connection has no stream open. */
    void release() {
        if (lock.tryLock()) {
            try {
                if (buffer.position() == 0) {
                    buffer = NONE;
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private void flush() throws IOException {
        if (buffer.position() == 0) {
            return;
        }
        if (broken) {
            throw new IOException("connection closed");
        }
        buffer.flip();
        writeDeadline = System.nanoTime() + timeoutNanos;
        try {
            while (buffer.hasRemaining()) {
                transport.write(buffer);
            }
        } catch (IOException e) {
            broken = true;
            windowChanged.signalAll();
            throw e;
        } finally {
            writeDeadline = 0;
            buffer.clear();
        }
        if (buffer.capacity() > BUSY_BUFFER) {
            buffer = ByteBuffer.allocate(BUSY_BUFFER);   // a frame larger than the peer's default had its own
        }
    }
}
