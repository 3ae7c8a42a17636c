package dev.jhttp.server.internal;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A TLS connection's records on their way from the socket: read into a buffer, decrypted by the engine into another,
 * handed out from there. Both buffers start small and grow to what records need (a full record is 16 KiB), and are
 * made small again while the connection is idle.
 */
final class TlsInput {
    /** What {@link #unwrap} says when a record is incomplete and the socket has no more now. */
    static final int NEED_INPUT = -2;
    /** Enough for a ClientHello, even with a post-quantum key share. */
    private static final int FIRST_BUFFER = 4 * 1024;
    /** The buffers of an established connection: a small request fits; a larger record grows them. */
    private static final int IDLE_BUFFER = 1024;
    private static final byte HANDSHAKE_RECORD = 22;
    private static final int RECORD_HEADER = 5;

    private final SocketChannel channel;
    private final SSLEngine engine;
    /** Bytes read from the socket and not yet decrypted, in write mode. */
    private ByteBuffer netIn = ByteBuffer.allocate(FIRST_BUFFER);
    /** Decrypted bytes not yet handed out, in read mode. */
    private ByteBuffer appIn = ByteBuffer.allocate(FIRST_BUFFER).flip();

    TlsInput(SocketChannel channel, SSLEngine engine) {
        this.channel = channel;
        this.engine = engine;
    }

    /**
     * Reads until the first byte tells whether a TLS handshake is coming (RFC 8446 §5.1: a handshake record); false
     * when a non-blocking socket has no byte yet.
     *
     * @throws PlainHttpOnTlsPort if the first byte is a letter: the client speaks plain HTTP
     */
    boolean handshakeRecordComing() throws IOException {
        while (netIn.position() == 0) {
            int read = channel.read(netIn);
            if (read < 0) {
                throw new EOFException("closed before a TLS handshake");
            }
            if (read == 0) {
                return false;
            }
        }
        byte first = netIn.get(0);
        if (first >= 'A' && first <= 'Z') {
            throw new PlainHttpOnTlsPort();
        }
        if (first != HANDSHAKE_RECORD) {
            throw new SSLHandshakeException(String.format("not a TLS handshake record: first byte 0x%02x", first));
        }
        return true;
    }

    /** Whether decrypted bytes wait to be handed out. */
    boolean hasDecrypted() {
        return appIn.hasRemaining();
    }

    /** Hands out decrypted bytes into {@code into}: how many. */
    int give(ByteBuffer into) {
        int count = Math.min(into.remaining(), appIn.remaining());
        into.put(into.position(), appIn, appIn.position(), count);
        into.position(into.position() + count);
        appIn.position(appIn.position() + count);
        return count;
    }

    /** Whether decrypted bytes, or a whole record to decrypt, wait here. */
    boolean hasBuffered() {
        if (appIn.hasRemaining()) {
            return true;
        }
        int have = netIn.position();
        return have >= RECORD_HEADER
                && have >= RECORD_HEADER + (((netIn.get(3) & 0xff) << 8) | (netIn.get(4) & 0xff));
    }

    /**
     * Decrypts one record, reading from the socket while it is incomplete if {@code mayRead}: the bytes it gave (0
     * for a handshake or alert record), -1 at the end of input or after the client's close_notify, or
     * {@link #NEED_INPUT} when the record is incomplete and the socket has no more now (or may not be read).
     */
    int unwrap(boolean mayRead) throws IOException {
        while (true) {
            netIn.flip();
            appIn.compact();
            SSLEngineResult result;
            try {
                result = engine.unwrap(netIn, appIn);
            } finally {
                netIn.compact();
                appIn.flip();
            }
            switch (result.getStatus()) {
                case OK -> {
                    return result.bytesProduced();
                }
                case CLOSED -> {
                    return -1;
                }
                case BUFFER_OVERFLOW -> appIn = ByteBuffer.allocate(appIn.remaining()
                        + engine.getSession().getApplicationBufferSize()).put(appIn).flip();
                case BUFFER_UNDERFLOW -> {
                    if (!netIn.hasRemaining()) {
                        int needed = engine.getSession().getPacketBufferSize();
                        if (netIn.capacity() >= needed) {
                            throw new SSLException("a TLS record larger than the protocol allows");
                        }
                        netIn = ByteBuffer.allocate(needed).put(netIn.flip());
                    }
                    int read = mayRead ? channel.read(netIn) : 0;
                    if (read < 0) {
                        return -1;
                    }
                    if (read == 0) {
                        return NEED_INPUT;
                    }
                }
            }
        }
    }

    /** Back to small buffers, where they hold nothing: most requests fit in one small record. */
    void shrink() {
        if (!appIn.hasRemaining() && appIn.capacity() > IDLE_BUFFER) {
            appIn = ByteBuffer.allocate(IDLE_BUFFER).flip();
        }
        if (netIn.position() == 0 && netIn.capacity() > IDLE_BUFFER) {
            netIn = ByteBuffer.allocate(IDLE_BUFFER);
        }
    }
}
