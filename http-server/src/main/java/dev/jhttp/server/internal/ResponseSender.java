package dev.jhttp.server.internal;

import dev.jhttp.core.Body;
import dev.jhttp.core.Response;
import dev.jhttp.core.Version;
import dev.jhttp.core.write.ResponseWriter;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Writes a connection's responses, in as few system calls as their bodies allow: the head and a small body in one
 * gathering write, a large file by zero-copy transfer after its head, a streamed body through a buffer. Each write
 * has a deadline, which the event loop that accepted the connection enforces by closing the socket (see
 * {@link #writeOverdue}).
 */
final class ResponseSender {
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int WRITE_BUFFER = 8 * 1024;
    /** Up to this size a file is read and written with its head, above it sent by zero-copy transfer. */
    static final int SMALL_FILE = 16 * 1024;
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private final SocketChannel channel;
    private final Socket socket;
    private final ResponseWriter writer;
    private final long timeoutNanos;
    /** Buffers a streamed response into few writes; dropped while idle to keep idle connections small. */
    private OutputStream out;
    private volatile long writeDeadline;

    ResponseSender(SocketChannel channel, ResponseWriter writer, Duration writeTimeout) {
        this.channel = channel;
        this.socket = channel.socket();
        this.writer = writer;
        this.timeoutNanos = writeTimeout.toNanos();
    }

    /**
     * Sends {@code response}, whose fields are final, to a client speaking {@code version}.
     *
     * @param content whether the body goes out (not for HEAD, nor for statuses without content)
     */
    void send(Response response, Version version, boolean content) throws IOException {
        armDeadline();
        try {
            Body body = response.body();
            if (!content || body instanceof Body.Empty || body instanceof Body.Bytes) {
                ByteBuffer head = writer.head(response, version);
                writeFully(head, content && body instanceof Body.Bytes bytes ? bytes.asByteBuffer() : NOTHING);
            } else if (body instanceof Body.FileRegion region) {
                ByteBuffer head = writer.head(response, version);
                if (region.length() <= SMALL_FILE) {
                    // A small file goes out with its head in one write: cheaper than a separate sendfile.
                    writeFully(head, readSmall(region));
                } else {
                    writeFully(head, NOTHING);
                    transfer(region);
                }
            } else {
                writer.write(response, version, output());
            }
        } finally {
            writeDeadline = 0;
        }
    }

    /** Sends {@code response} (whose fields are final) and shuts the output: nothing follows it. */
    void sendLast(Response response) throws IOException {
        armDeadline();
        try {
            writer.write(response, output());
            socket.shutdownOutput();
        } finally {
            writeDeadline = 0;
        }
    }

    /** Tells the client to send its content (RFC 9110 §10.1.1). */
    void sendContinue() throws IOException {
        armDeadline();
        try {
            output().write(CONTINUE);
            output().flush();
        } finally {
            writeDeadline = 0;
        }
    }

    /** Drops the write buffer: an idle connection holds little. */
    void release() {
        out = null;
    }

    /** Whether a write has run past its deadline at {@code now}; its event loop then closes the socket. */
    boolean writeOverdue(long now) {
        long deadline = writeDeadline;
        return deadline != 0 && now - deadline > 0;
    }

    private void armDeadline() {
        writeDeadline = System.nanoTime() + timeoutNanos;
    }

    private OutputStream output() throws IOException {
        if (out == null) {
            out = new BufferedOutputStream(socket.getOutputStream(), WRITE_BUFFER);
        }
        return out;
    }

    private void writeFully(ByteBuffer head, ByteBuffer content) throws IOException {
        ByteBuffer[] parts = {head, content};
        while (content.hasRemaining() || head.hasRemaining()) {
            channel.write(parts);
        }
    }

    /** The bytes of a small file region. */
    static ByteBuffer readSmall(Body.FileRegion region) throws IOException {
        byte[] bytes = new byte[(int) region.length()];
        try (RandomAccessFile file = new RandomAccessFile(region.path().toFile(), "r")) {
            if (region.offset() > 0) {
                file.seek(region.offset());
            }
            file.readFully(bytes);
        } catch (EOFException e) {
            throw new IOException("file " + region.path() + " shrank while being sent", e);
        }
        return ByteBuffer.wrap(bytes);
    }

    /** Sends a file region by zero-copy transfer from the file to the socket (sendfile where the OS has it). */
    private void transfer(Body.FileRegion region) throws IOException {
        try (FileChannel file = FileChannel.open(region.path(), StandardOpenOption.READ)) {
            long position = region.offset();
            long end = region.offset() + region.length();
            while (position < end) {
                long sent = file.transferTo(position, end - position, channel);
                if (sent <= 0 && file.size() <= position) {
                    throw new IOException("file " + region.path() + " shrank while being sent");
                }
                position += sent;
            }
        }
    }
}
