package dev.jhttp.server.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A TLS connection's encrypted records on their way to the socket. On a blocking socket each flush writes them all;
 * on a non-blocking one, what the socket takes now, and the rest waits for the next flush. The buffer comes from
 * one of two pools shared by every connection (room for one record, or for several when a body is large) and goes
 * back when the connection is idle, so idle connections hold none.
 */
final class TlsOutput {
    /** Room for one record as the engine writes it: 2^14 bytes of content and its overhead (RFC 8446 §5.2). */
    static final int RECORD = 16 * 1024 + 512;
    /** Records written per socket write when a body is large. */
    static final int RECORDS_PER_WRITE = 4;
    private static final BufferPool RECORDS = new BufferPool(RECORD, 256);
    private static final BufferPool BULK = new BufferPool(RECORDS_PER_WRITE * RECORD, 32);

    private final SocketChannel channel;
    /** Records made and not yet written are its first {@code position()} bytes (write mode); null when idle. */
    private ByteBuffer buffer;

    TlsOutput(SocketChannel channel) {
        this.channel = channel;
    }

    /**
     * A buffer with room for at least one record of {@code recordSize} bytes after those waiting, in write mode;
     * null when the records waiting fill it and a non-blocking socket takes none of them now.
     *
     * @param bulk whether several records are about to be written
     */
    ByteBuffer room(int recordSize, boolean bulk) throws IOException {
        int wanted = bulk ? RECORDS_PER_WRITE * recordSize : recordSize;
        if (buffer == null || buffer.position() == 0 && buffer.capacity() < wanted) {
            giveBack();
            // Records larger than the pools' (a peer that allowed larger fragments) get a buffer of their own.
            buffer = recordSize > RECORD ? ByteBuffer.allocate(wanted) : bulk ? BULK.take() : RECORDS.take();
        }
        if (buffer.remaining() < recordSize && !flush()) {
            return null;
        }
        return buffer.remaining() < recordSize ? null : buffer;
    }

    /** Writes the records waiting (all of them, on a blocking socket); true when none is left. */
    boolean flush() throws IOException {
        if (buffer == null || buffer.position() == 0) {
            return true;
        }
        buffer.flip();
        try {
            if (channel.isBlocking()) {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } else {
                while (buffer.hasRemaining() && channel.write(buffer) > 0) {
                    // the socket takes more
                }
            }
        } finally {
            buffer.compact();
        }
        return buffer.position() == 0;
    }

    /** Whether records wait for the socket. */
    boolean waiting() {
        return buffer != null && buffer.position() > 0;
    }

    /** Gives the buffer back to its pool, unless records still wait in it. */
    void release() {
        if (!waiting()) {
            giveBack();
        }
    }

    /** Gives the buffer back to its pool whatever it holds: the connection is closed. */
    void discard() {
        giveBack();
    }

    /** A chunk of a file's bytes, outside the heap, from the bulk pool; see {@link #giveBackChunk}. */
    static ByteBuffer takeChunk() {
        return BULK.take();
    }

    static void giveBackChunk(ByteBuffer chunk) {
        BULK.give(chunk);
    }

    private void giveBack() {
        if (buffer != null && buffer.isDirect()) {
            (buffer.capacity() == BULK.size() ? BULK : RECORDS).give(buffer);
        }
        buffer = null;
    }
}
