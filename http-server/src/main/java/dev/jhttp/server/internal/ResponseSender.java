package dev.jhttp.server.internal;

import dev.jhttp.core.Response;
import dev.jhttp.core.Version;
import dev.jhttp.core.write.ResponseWriter;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Writes a connection's responses with blocking writes: whole bodies as {@link PendingOutput} lays them out, a
 * streamed body through a buffer. Each write
 * has a deadline, which the event loop that accepted the connection enforces by closing the socket (see
 * {@link #writeOverdue}).
 */
final class ResponseSender {
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int WRITE_BUFFER = 8 * 1024;

    private final Transport transport;
    private final ResponseWriter writer;
    private final long timeoutNanos;
    /** Buffers a streamed response into few writes; dropped while idle to keep idle connections small. */
    private OutputStream out;
    private volatile long writeDeadline;

    ResponseSender(Transport transport, ResponseWriter writer, Duration writeTimeout) {
        this.transport = transport;
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
        try (PendingOutput whole = PendingOutput.of(writer, response, version, content)) {
            if (whole == null) {
                writer.write(response, version, output());
            } else {
                while (!whole.writeTo(transport)) {
                    // a blocking channel takes everything; a transfer cut short goes on where it stopped
                }
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
            transport.shutdownOutput();
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

    /** Drops the write buffers: an idle connection holds little. */
    void release() {
        out = null;
        transport.release();
    }

    /** Whether a write has run past its deadline at {@code now}; its event loop then closes the socket. */
    boolean writeOverdue(long now) {
        long deadline = writeDeadline;
        return deadline != 0 && now - deadline > 0;
    }

    private void armDeadline() {
        writeDeadline = System.nanoTime() + timeoutNanos;
    }

    private OutputStream output() {
        if (out == null) {
            out = new BufferedOutputStream(Channels.newOutputStream(transport), WRITE_BUFFER);
        }
        return out;
    }
}
