package dev.jhttp.core.parse;

import dev.jhttp.core.internal.ByteScan;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Gathers the CRLF-terminated lines of a message head into one reusable buffer, whatever the input's chunking. Each
 * line has a byte budget that includes its line ending, so an over-long line is refused as soon as the budget is
 * spent, before its end arrives.
 */
final class LineReader {
    enum Outcome { LINE, NEED_MORE, OVER_BUDGET }

    private byte[] bytes = new byte[512];
    private int length;
    private int lineStart;
    private int lineEnd;

    /**
     * Copies bytes of the current line from {@code in}, up to and including its LF, taking at most {@code budget}
     * bytes for the whole line.
     */
    Outcome read(ByteBuffer in, int budget) {
        int taken = length - lineStart;
        if (taken >= budget) {
            return Outcome.OVER_BUDGET;
        }
        int allowed = Math.min(in.remaining(), budget - taken);
        int lf = indexOfLf(in, allowed);
        int count = lf < 0 ? allowed : lf + 1;
        ensureCapacity(length + count);
        in.get(bytes, length, count);
        length += count;
        if (lf >= 0) {
            lineEnd = length - 1;
            return Outcome.LINE;
        }
        return length - lineStart >= budget ? Outcome.OVER_BUDGET : Outcome.NEED_MORE;
    }

    /** Starts the next line after the one just read. */
    void nextLine() {
        lineStart = length;
    }

    /** Forgets everything: the next message starts. */
    void clear() {
        length = 0;
        lineStart = 0;
        lineEnd = 0;
    }

    byte[] bytes() {
        return bytes;
    }

    int lineStart() {
        return lineStart;
    }

    /** The index of the line's LF. */
    int lineEnd() {
        return lineEnd;
    }

    /** The bytes of the line so far, with its line ending. */
    int lineLength() {
        return length - lineStart;
    }

    /** Whether the line just read ends in CRLF (and not a bare LF). */
    boolean endsWithCrLf() {
        return lineEnd > lineStart && bytes[lineEnd - 1] == '\r';
    }

    /** The index just past the line's content, before its CRLF. */
    int contentEnd() {
        return lineEnd - 1;
    }

    private static int indexOfLf(ByteBuffer in, int limit) {
        int position = in.position();
        if (in.hasArray()) {
            int base = in.arrayOffset() + position;
            int lf = ByteScan.indexOf(in.array(), base, base + limit, (byte) '\n');
            return lf < 0 ? -1 : lf - base;
        }
        for (int i = 0; i < limit; i++) {
            if (in.get(position + i) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void ensureCapacity(int needed) {
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }
}
