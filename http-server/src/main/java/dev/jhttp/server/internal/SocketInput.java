package dev.jhttp.server.internal;

import dev.jhttp.core.Headers;
import dev.jhttp.core.Request;
import dev.jhttp.core.h2.ConnectionPreface;
import dev.jhttp.core.h2.FrameReader;
import dev.jhttp.core.h2.FrameResult;
import dev.jhttp.core.parse.ContentDecoder;
import dev.jhttp.core.parse.ParseResult;
import dev.jhttp.core.parse.RequestParser;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/**
 * A connection's input: the bytes read and not yet parsed, in a buffer that stays small while the connection is idle
 * and grows while content streams in. The buffer never leaves this class: the parser and the content decoder are fed
 * from it here, so nobody can hold a buffer that a later read has replaced.
 *
 * <p>On a connection's own thread ({@link Connection}) reads block and are untimed, which spares the virtual-thread
 * scheduler a timer per read; each has a deadline that the connection's event loop enforces through
 * {@link #endOverdueRead}, by shutting the input, and the reader then reports the timeout. On an event loop ({@link LoopConnection}) the channel
 * is non-blocking and {@link #fillAvailable} takes what has arrived. The buffer goes with the connection when a loop
 * hands it to a thread.
 */
final class SocketInput {
    /** Idle connections hold only this much; a read that fills the buffer doubles it, up to the maximum. */
    private static final int MIN_BUFFER = 2 * 1024;
    private static final int MAX_BUFFER = 64 * 1024;
    private static final long TIMED_OUT = Long.MIN_VALUE;
    private static final VarHandle READ_DEADLINE;

    static {
        try {
            READ_DEADLINE = MethodHandles.lookup().findVarHandle(SocketInput.class, "readDeadline", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Transport transport;
    private ByteBuffer buffer = ByteBuffer.allocate(MIN_BUFFER).flip();
    /** When the blocked read must end (System.nanoTime), 0 when none is, or TIMED_OUT once the loop ended it. */
    private volatile long readDeadline;

    SocketInput(Transport transport) {
        this.transport = transport;
    }

    /** Feeds the buffered bytes to {@code parser}, if there are any; null when there are none. */
    ParseResult<Request> feedHead(RequestParser parser) {
        return buffer.hasRemaining() ? parser.feedHead(buffer) : null;
    }

    /** Feeds the buffered bytes to an HTTP/2 frame reader. */
    FrameResult readFrame(FrameReader reader) {
        return reader.read(buffer);
    }

    /** How the buffered bytes compare with the HTTP/2 connection preface, which is consumed when complete. */
    ConnectionPreface.Match matchPreface() {
        return ConnectionPreface.match(buffer);
    }

    /** Decodes buffered content into {@code out}. */
    ParseResult<Headers> decode(ContentDecoder decoder, ByteBuffer out) {
        return decoder.decode(buffer, out);
    }

    /** Whether bytes of a next request are buffered already (pipelined). */
    boolean hasBuffered() {
        return buffer.hasRemaining();
    }

    /**
     * Reads what the socket has into the buffer, by {@code deadlineNanos}; false at end of input.
     *
     * @throws SocketTimeoutException if the deadline passes first
     */
    boolean fill(long deadlineNanos) throws IOException {
        return fill(deadlineNanos, true) > 0;
    }

    /** Reads what has arrived on the non-blocking channel into the buffer: how many bytes, 0 if none, -1 at its end. */
    int fillAvailable() throws IOException {
        return fill(0, false);
    }

    private int fill(long deadlineNanos, boolean blocking) throws IOException {
        buffer.compact();
        int room = buffer.remaining();
        int read;
        try {
            read = blocking ? read(buffer, deadlineNanos) : transport.read(buffer);
        } finally {
            buffer.flip();
        }
        if (read == room && buffer.capacity() < MAX_BUFFER) {
            // A full read suggests more is streaming in (a large body): read in bigger steps.
            buffer = ByteBuffer.allocate(buffer.capacity() * 2).put(buffer).flip();
        }
        return read;
    }

    /**
     * Reads and drops up to {@code limit} bytes until end of input or {@code deadlineNanos}, whichever is first. The
     * socket's bytes are dropped as they are: nothing read after a last answer is decrypted.
     */
    void discard(int limit, long deadlineNanos) throws IOException {
        ByteBuffer scratch = ByteBuffer.allocate(4096);
        for (int total = 0; total < limit && System.nanoTime() - deadlineNanos < 0; ) {
            ByteBuffer into = scratch.clear();
            int read = guarded(deadlineNanos, () -> transport.channel().read(into));
            if (read < 0) {
                return;
            }
            total += read;
        }
    }

    /**
     * Reads and drops what has arrived on the non-blocking channel, and whatever was buffered: how many bytes were
     * read, 0 if none, -1 at the end of input.
     */
    int discardAvailable() throws IOException {
        buffer.clear();
        try {
            return transport.channel().read(buffer);
        } finally {
            buffer.clear().flip();
        }
    }

    /** Back to the small buffer, when nothing is buffered: an idle connection holds little. */
    void shrink() {
        if (!buffer.hasRemaining() && buffer.capacity() > MIN_BUFFER) {
            buffer = ByteBuffer.allocate(MIN_BUFFER).flip();
        }
    }

    /** Called by the event loop's sweep: ends a read that has run past its deadline, by shutting the input. */
    void endOverdueRead(long now) throws IOException {
        long deadline = readDeadline;
        if (deadline != 0 && deadline != TIMED_OUT && now - deadline > 0
                && READ_DEADLINE.compareAndSet(this, deadline, TIMED_OUT)) {
            transport.channel().shutdownInput();
        }
    }

    /** Brings the deadline of a blocked read forward to {@code deadlineNanos}, if it is later; from any thread. */
    void shortenRead(long deadlineNanos) {
        long deadline = readDeadline;
        while (deadline != 0 && deadline != TIMED_OUT && deadlineNanos - deadline < 0
                && !READ_DEADLINE.compareAndSet(this, deadline, deadlineNanos)) {
            deadline = readDeadline;
        }
    }

    private int read(ByteBuffer into, long deadlineNanos) throws IOException {
        return guarded(deadlineNanos, () -> transport.read(into));
    }

    /** Runs a blocking {@code call} that the event loop ends, by shutting the input, if it runs past the deadline. */
    private int guarded(long deadlineNanos, BlockingRead call) throws IOException {
        if (deadlineNanos - System.nanoTime() <= 0) {
            throw new SocketTimeoutException("read deadline passed");
        }
        readDeadline = deadlineNanos;
        int read;
        try {
            read = call.run();
        } catch (IOException e) {
            if (endRead()) {
                throw new SocketTimeoutException("read timed out");
            }
            throw e;
        }
        if (endRead()) {
            throw new SocketTimeoutException("read timed out");
        }
        return read;
    }

    /** A read that blocks. */
    @FunctionalInterface
    private interface BlockingRead {
        int run() throws IOException;
    }

    /** Clears the read deadline; true if the loop had already ended the read. */
    private boolean endRead() {
        return (long) READ_DEADLINE.getAndSet(this, 0L) == TIMED_OUT;
    }
}
