package dev.jhttp.core.write;

import dev.jhttp.core.Headers;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes the chunked transfer coding (RFC 9112 §7.1): every non-empty write becomes one chunk; {@link #finish}
 * writes the last chunk and the trailer section. Closing finishes the coding but leaves the underlying stream open.
 *
 * {@snippet :
 * try (var chunked = new ChunkedOutputStream(socketOut)) {
 *     chunked.write("hello".getBytes(StandardCharsets.US_ASCII));   // 5\r\nhello\r\n
 * }                                                                 // 0\r\n\r\n
 * }
 */
public final class ChunkedOutputStream extends FilterOutputStream {
    private boolean finished;

    public ChunkedOutputStream(OutputStream out) {
        super(Objects.requireNonNull(out, "out"));
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (finished) {
            throw new IOException("chunked coding already finished");
        }
        if (length == 0) {
            return; // a zero-size chunk would end the content
        }
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes, offset, length);
        out.write('\r');
        out.write('\n');
    }

    /**
     * Writes the last chunk and {@code trailers}; later calls do nothing.
     *
     * @throws IOException if writing fails
     */
    public void finish(Headers trailers) throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        new HeadEncoder(16 + trailers.size() * 32).line("0").fields(trailers).crlf().writeTo(out);
        out.flush();
    }

    /** Finishes the coding without trailers; the underlying stream stays open. */
    @Override
    public void close() throws IOException {
        finish(Headers.empty());
    }
}
