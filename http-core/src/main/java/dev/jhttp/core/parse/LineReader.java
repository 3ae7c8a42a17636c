package dev.jhttp.core.parse;

import dev.jhttp.core.syntax.ByteScan;

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
    /** The index of the current line's first control byte or DEL (its CR, in a clean line), or -1 if none yet. */
    private int firstControl = -1;

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
        int lf = scanForLf(in, allowed);
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
        firstControl = -1;
    }

    /** Forgets everything: the next message starts. */
    void clear() {
        length = 0;
        lineStart = 0;
        lineEnd = 0;
        firstControl = -1;
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

    /** The index just past the bytes read so far. */
    int length() {
        return length;
    }

    /** The index of the current line's first control byte or DEL so far, or -1. */
    int firstControl() {
        return firstControl;
    }

    /**
     * The offset of the first LF among the next {@code limit} bytes of {@code in}, or -1; notes the first control
     * byte on the way (the bytes are copied next, to index {@code length} on).
     */
    private int scanForLf(ByteBuffer in, int limit) {
        int position = in.position();
        if (in.hasArray()) {
            byte[] array = in.array();
            int base = in.arrayOffset() + position;
            int end = base + limit;
            for (int at = base; ; ) {
                int control = ByteScan.firstControl(array, at, end);
                noteControl(control, base);
                if (control < 0 || array[control] == '\n') {
                    return control < 0 ? -1 : control - base;
                }
                if (array[control] == '\r' && control + 1 < end && array[control + 1] == '\n') {
                    return control + 1 - base;   // the usual CRLF, without scanning again
                }
                at = control + 1;
            }
        }
        for (int i = 0; i < limit; i++) {
            int b = in.get(position + i) & 0xFF;
            if (b < 0x20 || b == 0x7F) {
                noteControl(i, 0);
                if (b == '\n') {
                    return i;
                }
            }
        }
        return -1;
    }

    private void noteControl(int index, int base) {
        if (firstControl < 0 && index >= 0) {
            firstControl = length + index - base;
        }
    }

    private void ensureCapacity(int needed) {
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }
}
