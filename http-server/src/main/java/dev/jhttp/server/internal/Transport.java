package dev.jhttp.server.internal;

import dev.jhttp.server.tls.TlsDetails;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/**
 * How a connection's bytes cross its socket: as they are ({@link PlainTransport}) or through TLS
 * ({@link TlsTransport}). Reads and writes carry the application's bytes; closing closes the socket (after a TLS
 * close_notify, if the client can take one).
 */
interface Transport extends ByteChannel, GatheringByteChannel {
    /** The socket underneath, for what the application's bytes do not concern: deadlines, lingering, closing. */
    SocketChannel channel();

    /**
     * Advances the handshake, if the transport has one, before the first read: on a blocking socket to its end; on a
     * non-blocking one as far as the socket allows now. True once it is complete.
     */
    boolean handshake() throws IOException;

    /** Whether bytes already read from the socket hold more for {@link #read} (TLS: whole records not yet decrypted). */
    boolean hasBufferedInput();

    /** Writes what the transport holds back (as much as a non-blocking socket takes); true when nothing is left. */
    boolean flush() throws IOException;

    /** Whether output waits for the socket to take it, after a write to a non-blocking socket. */
    boolean holdsOutput();

    @Override
    default int write(ByteBuffer from) throws IOException {
        return (int) write(new ByteBuffer[] {from}, 0, 1);
    }

    @Override
    default long write(ByteBuffer[] from) throws IOException {
        return write(from, 0, from.length);
    }

    /**
     * Sends up to {@code count} bytes of {@code file} from {@code position}: how many were sent (0 if the socket
     * took none now, or the file ended before).
     */
    long transferFrom(FileChannel file, long position, long count) throws IOException;

    /** Ends what the server sends (TLS: with close_notify); the client may still send. */
    void shutdownOutput() throws IOException;

    /** Drops buffers that can be made again, while the connection waits for its next request. */
    void release();

    /** What the TLS handshake agreed on; empty for cleartext. */
    Optional<TlsDetails> tls();
}
