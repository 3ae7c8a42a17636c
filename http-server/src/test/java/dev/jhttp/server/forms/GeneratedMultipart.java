package dev.jhttp.server.forms;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A multipart body made as it is read, never held: a field, then one file part of {@code size} octets of a repeating
 * pattern (CR and dashes included, as a delimiter's start), then the close delimiter.
 */
final class GeneratedMultipart extends InputStream {
    static final String BOUNDARY = "gen-7f3a9c";
    private static final byte[] PATTERN = "0123456789\r\n--gen-7f3\r-abcdefghij".getBytes(StandardCharsets.US_ASCII);

    private final byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n"
            + "big one\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
            + "\r\n").getBytes(StandardCharsets.US_ASCII);
    private final byte[] content = period(1 << 16);
    private final byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    private final long size;
    private long position;

    GeneratedMultipart(long size) {
        this.size = size;
    }

    /** The content's first octets, a whole number of its repeating pattern and at most {@code atMost} of them. */
    static byte[] period(int atMost) {
        byte[] period = new byte[atMost - atMost % PATTERN.length];
        for (int i = 0; i < period.length; i += PATTERN.length) {
            System.arraycopy(PATTERN, 0, period, i, PATTERN.length);
        }
        return period;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        long total = head.length + size + tail.length;
        if (position == total) {
            return -1;
        }
        int n;
        if (position < head.length) {
            n = Math.min(length, head.length - (int) position);
            System.arraycopy(head, (int) position, into, offset, n);
        } else if (position < head.length + size) {
            int at = (int) ((position - head.length) % content.length);
            n = (int) Math.min(Math.min(length, content.length - at), head.length + size - position);
            System.arraycopy(content, at, into, offset, n);
        } else {
            n = Math.min(length, (int) (total - position));
            System.arraycopy(tail, (int) (position - head.length - size), into, offset, n);
        }
        position += n;
        return n;
    }
}
