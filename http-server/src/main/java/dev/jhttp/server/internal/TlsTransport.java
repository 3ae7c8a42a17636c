package dev.jhttp.server.internal;

import dev.jhttp.server.tls.TlsDetails;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/**
 * TLS over a blocking socket, through an {@link SSLEngine}: the handshake, then records both ways. Input buffers
 * start small and grow to what the records need; output buffers come from pools shared by every connection; both
 * are let go while the connection is idle, so an idle TLS connection holds a few kilobytes, not the 50 KiB that
 * full-size record buffers take.
 *
 * <p>Refused, each closing the connection: a first byte that is not a handshake record (a letter means plain HTTP,
 * which {@link PlainHttpOnTlsPort} reports so that it can be answered in plain HTTP), TLS 1.2 renegotiation asked by
 * the client (RFC 5746 §4.4 lets a server refuse it; TLS 1.3 has none), and whatever the engine refuses (records
 * over the size limit, bad MACs, protocol versions and suites not configured).
 */
final class TlsTransport implements Transport {
    /** Enough for a ClientHello, even with a post-quantum key share: buffers grow from here only if records need it. */
    private static final int FIRST_BUFFER = 4 * 1024;
    /** The input buffers of an established connection: a small request fits; a larger record grows them. */
    private static final int IDLE_BUFFER = 1024;
    /** Room for one record as the engine writes it: 2^14 bytes of content and its overhead (RFC 8446 §5.2). */
    private static final int RECORD = 16 * 1024 + 512;
    /** Records written per socket write when a body is large. */
    private static final int RECORDS_PER_WRITE = 4;
    private static final int FILE_CHUNK = RECORDS_PER_WRITE * 16 * 1024;
    /** Output for one record at a time, and for several, with a file's chunk; shared by every TLS connection. */
    private static final BufferPool RECORDS = new BufferPool(RECORD, 256);
    private static final BufferPool BULK = new BufferPool(RECORDS_PER_WRITE * RECORD, 32);
    private static final byte HANDSHAKE_RECORD = 22;
    private static final ByteBuffer[] NOTHING = {ByteBuffer.allocate(0)};

    private final SocketChannel channel;
    private final SSLEngine engine;
    /** Bytes read from the socket and not yet decrypted, in write mode. */
    private ByteBuffer netIn = ByteBuffer.allocate(FIRST_BUFFER);
    /** Decrypted bytes not yet read, in read mode. */
    private ByteBuffer appIn = ByteBuffer.allocate(FIRST_BUFFER).flip();
    /** Records on their way to the socket, from one of the pools; taken on the first write, given back while idle. */
    private ByteBuffer netOut;
    /** A file's next bytes, outside the heap, from the bulk pool; given back while idle. */
    private ByteBuffer fileChunk;
    private TlsDetails details;

    TlsTransport(SocketChannel channel, SSLEngine engine) {
        this.channel = channel;
        this.engine = engine;
    }

    @Override
    public SocketChannel channel() {
        return channel;
    }

    @Override
    public void handshake() throws IOException {
        requireHandshakeRecord();
        try {
            engine.beginHandshake();
            drive();
        } catch (SSLException e) {
            sendAlert();
            throw e;
        } catch (RuntimeException e) {
            throw new SSLHandshakeException("the TLS engine failed: " + e);
        }
        SSLSession session = engine.getSession();
        Optional<String> serverName = session instanceof ExtendedSSLSession extended
                ? extended.getRequestedServerNames().stream().filter(SNIHostName.class::isInstance)
                        .map(name -> ((SNIHostName) name).getAsciiName()).findFirst()
                : Optional.empty();
        String alpn = engine.getApplicationProtocol();
        details = new TlsDetails(session.getProtocol(), session.getCipherSuite(), alpn == null ? "" : alpn,
                serverName);
        shrinkInput();
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        try {
            while (!appIn.hasRemaining()) {
                if (unwrap() < 0) {
                    return -1;
                }
                afterHandshakeMessage();
            }
        } catch (SSLException e) {
            sendAlert();
            throw e;
        } catch (RuntimeException e) {
            throw new SSLException("the TLS engine failed: " + e);
        }
        int count = Math.min(into.remaining(), appIn.remaining());
        into.put(into.position(), appIn, appIn.position(), count);
        into.position(into.position() + count);
        appIn.position(appIn.position() + count);
        return count;
    }

    @Override
    public int write(ByteBuffer from) throws IOException {
        return (int) write(new ByteBuffer[] {from}, 0, 1);
    }

    @Override
    public long write(ByteBuffer[] from) throws IOException {
        return write(from, 0, from.length);
    }

    /** Encrypts and writes all of {@code from}, in records of up to 16 KiB, a few records per socket write. */
    @Override
    public long write(ByteBuffer[] from, int offset, int length) throws IOException {
        long total = remaining(from, offset, length);
        long consumed = 0;
        try {
            while (consumed < total) {
                ByteBuffer out = outputFor(total - consumed);
                out.clear();
                while (consumed < total && out.remaining() >= engine.getSession().getPacketBufferSize()) {
                    SSLEngineResult result = engine.wrap(from, offset, length, out);
                    if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                        throw new SSLException("the TLS connection is closed");
                    }
                    if (result.bytesConsumed() == 0 && result.bytesProduced() == 0) {
                        throw new SSLException("the TLS engine cannot write now: " + result.getHandshakeStatus());
                    }
                    consumed += result.bytesConsumed();
                }
                out.flip();
                writeFully(out);
            }
        } catch (RuntimeException e) {
            throw new SSLException("the TLS engine failed: " + e);
        }
        return consumed;
    }

    /** Reads the file in chunks outside the heap and writes each as full-size records: TLS cannot use sendfile. */
    @Override
    public long transferFrom(FileChannel file, long position, long count) throws IOException {
        if (fileChunk == null) {
            fileChunk = BULK.take();
        }
        fileChunk.clear().limit((int) Math.min(FILE_CHUNK, count));
        int read = file.read(fileChunk, position);
        if (read <= 0) {
            return 0;
        }
        fileChunk.flip();
        return write(fileChunk);
    }

    @Override
    public void shutdownOutput() throws IOException {
        closeOutbound();
        writeFully(netOut);
        channel.shutdownOutput();
    }

    @Override
    public void release() {
        giveBackOutput();
        if (fileChunk != null) {
            BULK.give(fileChunk);
            fileChunk = null;
        }
        shrinkInput();
    }

    /** Back to small input buffers, where they hold nothing: most requests fit in one small record. */
    private void shrinkInput() {
        if (!appIn.hasRemaining() && appIn.capacity() > IDLE_BUFFER) {
            appIn = ByteBuffer.allocate(IDLE_BUFFER).flip();
        }
        if (netIn.position() == 0 && netIn.capacity() > IDLE_BUFFER) {
            netIn = ByteBuffer.allocate(IDLE_BUFFER);
        }
    }

    @Override
    public Optional<TlsDetails> tls() {
        return Optional.ofNullable(details);
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    /**
     * Sends close_notify if the socket takes it at once (a client that reads nothing is not waited for), then
     * closes the socket.
     */
    @Override
    public void close() throws IOException {
        try {
            if (channel.isOpen() && !engine.isOutboundDone()) {
                closeOutbound();
                channel.configureBlocking(false);
                channel.write(netOut);
            }
        } catch (IOException | RuntimeException bestEffort) {
            // the socket closes all the same
        } finally {
            channel.close();
            release();
        }
    }

    /** Reads until the first byte tells whether a TLS handshake is coming (RFC 8446 §5.1: a handshake record). */
    private void requireHandshakeRecord() throws IOException {
        while (netIn.position() == 0) {
            if (channel.read(netIn) < 0) {
                throw new EOFException("closed before a TLS handshake");
            }
        }
        byte first = netIn.get(0);
        if (first >= 'A' && first <= 'Z') {
            throw new PlainHttpOnTlsPort();
        }
        if (first != HANDSHAKE_RECORD) {
            throw new SSLHandshakeException(String.format("not a TLS handshake record: first byte 0x%02x", first));
        }
    }

    /**
     * Runs the handshake (or a post-handshake exchange) until the engine has nothing more to do for it. What the
     * server sends in a row (ServerHello to Finished) goes out in one write, before the next read.
     */
    private void drive() throws IOException {
        ByteBuffer out = null; // the records made since the last write, in write mode
        try {
            while (true) {
                switch (engine.getHandshakeStatus()) {
                    case NEED_TASK -> {
                        for (Runnable task = engine.getDelegatedTask(); task != null;
                             task = engine.getDelegatedTask()) {
                            task.run();
                        }
                    }
                    case NEED_WRAP -> {
                        if (out == null || out.remaining() < engine.getSession().getPacketBufferSize()) {
                            flush(out);
                            out = outputFor(0).clear();
                        }
                        if (engine.wrap(NOTHING, out).getStatus() == SSLEngineResult.Status.CLOSED) {
                            throw new SSLHandshakeException("the handshake failed (an alert was sent)");
                        }
                    }
                    case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                        flush(out);
                        out = null;
                        if (unwrap() < 0) {
                            throw new SSLHandshakeException("the client closed the connection during the "
                                    + "handshake");
                        }
                    }
                    default -> {
                        return; // NOT_HANDSHAKING
                    }
                }
            }
        } finally {
            flush(out);
        }
    }

    /** Writes the records in {@code out} (in write mode), if any. */
    private void flush(ByteBuffer out) throws IOException {
        if (out != null && out.position() > 0) {
            out.flip();
            writeFully(out);
            out.clear();
        }
    }

    /**
     * Decrypts one record into {@code appIn}, reading from the socket until one is complete: the bytes it gave (0
     * for a handshake or alert record), or -1 at the end of input or after the client's close_notify.
     */
    private int unwrap() throws IOException {
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
                    if (channel.read(netIn) < 0) {
                        return -1;
                    }
                }
            }
        }
    }

    /** After a record of the established connection: answers a TLS 1.3 key update, refuses a renegotiation. */
    private void afterHandshakeMessage() throws IOException {
        HandshakeStatus status = engine.getHandshakeStatus();
        if (status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED) {
            return;
        }
        if (!"TLSv1.3".equals(engine.getSession().getProtocol())) {
            throw new SSLException("client-initiated renegotiation refused (RFC 5746 §4.4)");
        }
        drive();
    }

    /**
     * After the engine refused what it read, sends what it still has queued (such as a ServerHello already made) and
     * the alert that says why. A failure in a delegated task is thrown again by the first wrap, which queues the alert.
     */
    private void sendAlert() {
        for (int attempt = 0; attempt < 4; attempt++) {
            try {
                ByteBuffer out = outputFor(0);
                out.clear();
                SSLEngineResult result = engine.wrap(NOTHING, out);
                out.flip();
                writeFully(out);
                if (result.bytesProduced() == 0 || result.getHandshakeStatus() != HandshakeStatus.NEED_WRAP) {
                    return;
                }
            } catch (IOException | RuntimeException bestEffort) {
                // try again while attempts last; the connection closes all the same
            }
        }
    }

    private void closeOutbound() throws SSLException {
        engine.closeOutbound();
        ByteBuffer out = outputFor(0);
        out.clear();
        engine.wrap(NOTHING, out);
        out.flip();
    }

    /** The output buffer, with room for one record, or a few when {@code pending} bytes are more than one holds. */
    private ByteBuffer outputFor(long pending) {
        int record = engine.getSession().getPacketBufferSize();
        boolean bulk = pending > engine.getSession().getApplicationBufferSize();
        int wanted = bulk ? RECORDS_PER_WRITE * record : record;
        if (netOut == null || netOut.capacity() < wanted) {
            giveBackOutput();
            // Records larger than the pools' (a peer allowed larger fragments) get a buffer of their own.
            netOut = record > RECORD ? ByteBuffer.allocate(wanted) : bulk ? BULK.take() : RECORDS.take();
        }
        return netOut;
    }

    private void giveBackOutput() {
        if (netOut != null && netOut.isDirect()) {
            (netOut.capacity() == BULK.size() ? BULK : RECORDS).give(netOut);
        }
        netOut = null;
    }

    private void writeFully(ByteBuffer out) throws IOException {
        while (out.hasRemaining()) {
            channel.write(out);
        }
    }

    private static long remaining(ByteBuffer[] buffers, int offset, int length) {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            total += buffers[i].remaining();
        }
        return total;
    }
}
