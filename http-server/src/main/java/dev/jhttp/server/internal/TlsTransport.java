package dev.jhttp.server.internal;

import dev.jhttp.server.tls.TlsDetails;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/**
 * TLS through an {@link SSLEngine}, over a non-blocking socket on an event loop or a blocking one on a connection's
 * thread: the handshake, then records both ways ({@link TlsInput}, {@link TlsOutput}). Non-blocking, each call goes
 * as far as the socket allows now (a handshake step, the records that have arrived, what the socket takes) and
 * {@link #holdsOutput} tells the loop to wait for the socket to take the rest.
 *
 * <p>Refused, each closing the connection: a first byte that is not a handshake record (a letter means plain HTTP,
 * which {@link PlainHttpOnTlsPort} reports so that it can be answered in plain HTTP), TLS 1.2 renegotiation asked by
 * the client (RFC 5746 §4.4 lets a server refuse it; TLS 1.3 has none), and whatever the engine refuses (records
 * over the size limit, bad MACs, protocol versions and suites not configured), with the engine's alert.
 */
final class TlsTransport implements Transport {
    private static final int FILE_CHUNK = TlsOutput.RECORDS_PER_WRITE * 16 * 1024;
    private static final ByteBuffer[] NOTHING = {ByteBuffer.allocate(0)};

    private final SocketChannel channel;
    private final SSLEngine engine;
    private final TlsInput input;
    private final TlsOutput output;
    /** A file's next bytes, outside the heap; given back while idle. */
    private ByteBuffer fileChunk;
    private boolean started;
    private TlsDetails details;

    TlsTransport(SocketChannel channel, SSLEngine engine) {
        this.channel = channel;
        this.engine = engine;
        this.input = new TlsInput(channel, engine);
        this.output = new TlsOutput(channel);
    }

    @Override
    public SocketChannel channel() {
        return channel;
    }

    @Override
    public boolean handshake() throws IOException {
        if (details != null) {
            return true;
        }
        try {
            if (!started) {
                if (!input.handshakeRecordComing()) {
                    return false;
                }
                engine.beginHandshake();
                started = true;
            }
            if (!drive()) {
                return false;
            }
        } catch (SSLException e) {
            sendAlert();
            throw e;
        } catch (RuntimeException e) {
            throw new SSLHandshakeException("the TLS engine failed: " + e);
        }
        details = TlsDetails.of(engine);
        input.shrink();
        return true;
    }

    /**
     * Decrypts into {@code into} what has arrived: it reads the socket (waiting, if it blocks) until one record is
     * whole, then takes only the records already read. Returns the bytes given, 0 if no record is whole yet on a
     * non-blocking socket, or -1 at the end of input.
     */
    @Override
    public int read(ByteBuffer into) throws IOException {
        int given = 0;
        try {
            while (into.hasRemaining()) {
                if (input.hasDecrypted()) {
                    given += input.give(into);
                    continue;
                }
                // Once some bytes are given, only records read already: a blocking read would wait for the next
                // request, a non-blocking one would mostly find nothing (the selector tells when more comes).
                int produced = input.unwrap(given == 0);
                if (produced == -1) {
                    return given > 0 ? given : -1;
                }
                if (produced == TlsInput.NEED_INPUT || !afterHandshakeMessage()) {
                    break;
                }
            }
        } catch (SSLException e) {
            sendAlert();
            throw e;
        } catch (RuntimeException e) {
            throw new SSLException("the TLS engine failed: " + e);
        }
        return given;
    }

    @Override
    public boolean hasBufferedInput() {
        return input.hasBuffered();
    }

    /**
     * Encrypts {@code from} in records of up to 16 KiB, a few records per socket write: all of it on a blocking
     * socket; on a non-blocking one, until the socket takes no more (0 when records from before still wait).
     */
    @Override
    public long write(ByteBuffer[] from, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            total += from[i].remaining();
        }
        long consumed = 0;
        try {
            if (!output.flush()) {
                return 0;
            }
            while (consumed < total) {
                int record = engine.getSession().getPacketBufferSize();
                ByteBuffer out = output.room(record, total - consumed > engine.getSession()
                        .getApplicationBufferSize());
                if (out == null) {
                    break;
                }
                while (consumed < total && out.remaining() >= record) {
                    SSLEngineResult result = engine.wrap(from, offset, length, out);
                    if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                        throw new SSLException("the TLS connection is closed");
                    }
                    if (result.bytesConsumed() == 0 && result.bytesProduced() == 0) {
                        throw new SSLException("the TLS engine cannot write now: " + result.getHandshakeStatus());
                    }
                    consumed += result.bytesConsumed();
                }
                if (!output.flush()) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            throw new SSLException("the TLS engine failed: " + e);
        }
        return consumed;
    }

    /** Reads the file in chunks outside the heap and writes each as full-size records: TLS cannot use sendfile. */
    @Override
    public long transferFrom(FileChannel file, long position, long count) throws IOException {
        if (!output.flush()) {
            return 0;
        }
        if (fileChunk == null) {
            fileChunk = TlsOutput.takeChunk();
        }
        fileChunk.clear().limit((int) Math.min(FILE_CHUNK, count));
        if (file.read(fileChunk, position) <= 0) {
            return 0;
        }
        return write(fileChunk.flip()); // what the socket did not take is read again from the file next time
    }

    @Override
    public boolean flush() throws IOException {
        return output.flush();
    }

    @Override
    public boolean holdsOutput() {
        return output.waiting();
    }

    @Override
    public void shutdownOutput() throws IOException {
        closeOutbound();
        output.flush();
        channel.shutdownOutput();
    }

    @Override
    public void release() {
        output.release();
        if (fileChunk != null) {
            TlsOutput.giveBackChunk(fileChunk);
            fileChunk = null;
        }
        input.shrink();
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
                output.flush();
            }
        } catch (IOException | RuntimeException bestEffort) {
            // the socket closes all the same
        } finally {
            channel.close();
            output.discard();
            release();
        }
    }

    /**
     * Runs the handshake (or a post-handshake exchange) until the engine has nothing more to do for it: true then,
     * false when a non-blocking socket must first take what the server sends or bring what the client sends. What
     * the server sends in a row (ServerHello to Finished) goes out in one write, before the next read.
     */
    private boolean drive() throws IOException {
        while (true) {
            switch (engine.getHandshakeStatus()) {
                case NEED_TASK -> {
                    for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                        task.run();
                    }
                }
                case NEED_WRAP -> {
                    ByteBuffer out = output.room(engine.getSession().getPacketBufferSize(), false);
                    if (out == null) {
                        return false;
                    }
                    if (engine.wrap(NOTHING, out).getStatus() == SSLEngineResult.Status.CLOSED) {
                        output.flush();
                        throw new SSLHandshakeException("the handshake failed (an alert was sent)");
                    }
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    if (!output.flush()) {
                        return false;
                    }
                    int produced = input.unwrap(true);
                    if (produced == TlsInput.NEED_INPUT) {
                        return false;
                    }
                    if (produced == -1) {
                        throw new SSLHandshakeException("the client closed the connection during the handshake");
                    }
                }
                default -> {
                    return output.flush(); // NOT_HANDSHAKING
                }
            }
        }
    }

    /**
     * After a record of the established connection: answers a TLS 1.3 key update, refuses a renegotiation. False
     * when the answer still waits for a non-blocking socket.
     */
    private boolean afterHandshakeMessage() throws IOException {
        HandshakeStatus status = engine.getHandshakeStatus();
        if (status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED) {
            return true;
        }
        if (!"TLSv1.3".equals(engine.getSession().getProtocol())) {
            throw new SSLException("client-initiated renegotiation refused (RFC 5746 §4.4)");
        }
        return drive();
    }

    /**
     * After the engine refused what it read, sends what it still has queued (such as a ServerHello already made) and
     * the alert that says why. A failure in a delegated task is thrown again by the first wrap, which queues the alert.
     */
    private void sendAlert() {
        for (int attempt = 0; attempt < 4; attempt++) {
            try {
                ByteBuffer out = output.room(engine.getSession().getPacketBufferSize(), false);
                if (out == null) {
                    return;
                }
                SSLEngineResult result = engine.wrap(NOTHING, out);
                output.flush();
                if (result.bytesProduced() == 0 || result.getHandshakeStatus() != HandshakeStatus.NEED_WRAP) {
                    return;
                }
            } catch (IOException | RuntimeException bestEffort) {
                // try again while attempts last; the connection closes all the same
            }
        }
    }

    /** Queues close_notify (RFC 8446 §6.1) for the next flush. */
    private void closeOutbound() throws IOException {
        engine.closeOutbound();
        ByteBuffer out = output.room(engine.getSession().getPacketBufferSize(), false);
        if (out != null) {
            engine.wrap(NOTHING, out);
        }
    }
}
