package dev.jhttp.core.syntax;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Scans byte arrays eight bytes at a time: the parser's searches for line ends and its checks of field values run
 * over nearly every input byte.
 */
public final class ByteScan {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long SPACES = 0x2020202020202020L;
    private static final long DELETES = 0x7F7F7F7F7F7F7F7FL;
    private static final long ABOVE_SPACES = 0x2121212121212121L;
    private static final long HASHES = 0x2323232323232323L;
    private static final long PERCENTS = 0x2525252525252525L;

    private ByteScan() {
    }

    /** The index of the first {@code wanted} in {@code bytes[from, to)}, or -1. */
    public static int indexOf(byte[] bytes, int from, int to, byte wanted) {
        long pattern = ONES * (wanted & 0xFF);
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            // A zero byte where wanted is; little-endian, so the lowest flagged byte is the first in the array.
            long zeros = zeroBytes((long) LONGS.get(bytes, i) ^ pattern);
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code a[from, from + b.length)}, a range inside {@code a}, holds exactly the bytes of {@code b}. */
    public static boolean regionEquals(byte[] a, int from, byte[] b) {
        int length = b.length;
        if (length < Long.BYTES) {
            for (int i = 0; i < length; i++) {
                if (a[from + i] != b[i]) {
                    return false;
                }
            }
            return true;
        }
        // Eight bytes at a time, the last word overlapping the one before it.
        for (int i = 0; ; i += Long.BYTES) {
            int at = Math.min(i, length - Long.BYTES);
            if ((long) LONGS.get(a, from + at) != (long) LONGS.get(b, at)) {
                return false;
            }
            if (at == length - Long.BYTES) {
                return true;
            }
        }
    }

    /**
     * The end of a field value, checked by the parser, that starts at {@code start}: its line's CR (a checked line
     * holds no other) less trailing OWS (RFC 9110 §5.5).
     */
    public static int fieldValueEnd(byte[] bytes, int start) {
        int end = indexOf(bytes, start, bytes.length, (byte) '\r');
        while (end > start && (bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) {
            end--;
        }
        return end;
    }

    /**
     * The index of the first byte in {@code bytes[from, to)} that may not appear in a field value, or -1. A value
     * holds HTAB, SP, visible ASCII and obs-text (RFC 9110 §5.5): everything but the other controls and DEL.
     */
    public static int firstInvalidFieldByte(byte[] bytes, int from, int to) {
        int control = firstControl(bytes, from, to);
        while (control >= 0 && bytes[control] == '\t') {
            control = firstControl(bytes, control + 1, to);
        }
        return control;
    }

    /**
     * The index of the first byte in {@code bytes[from, to)} that is not a plain request-target character, or -1:
     * SP (which ends the target), a control, DEL, non-ASCII, {@code #}, or {@code %} (which needs a closer look).
     */
    public static int firstNonPlainTargetByte(byte[] bytes, int from, int to) {
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            long found = ((word - ABOVE_SPACES) & ~word & HIGHS) | (word & HIGHS)
                    | zeroBytes(word ^ DELETES) | zeroBytes(word ^ HASHES) | zeroBytes(word ^ PERCENTS);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            int b = bytes[i] & 0xFF;
            if (b <= ' ' || b >= 0x7F || b == '#' || b == '%') {
                return i;
            }
        }
        return -1;
    }

    // The lowest flagged byte is always a true zero: borrows only flag bytes above one.
    private static long zeroBytes(long word) {
        return (word - ONES) & ~word & HIGHS;
    }

    /**
     * The index of the first control byte (below 0x20) or DEL in {@code bytes[from, to)}, or -1. In a head these
     * are the line ends, and otherwise only HTAB is allowed, so one scan finds a line's end and checks its bytes.
     */
    public static int firstControl(byte[] bytes, int from, int to) {
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            // Bytes below 0x20 (obs-text, at 0x80 and above, never counts), or equal to DEL. The lowest flagged byte
            // of each test is a true match (as in zeroBytes), so the lowest of both is the first.
            long found = ((word - SPACES) & ~word & HIGHS) | zeroBytes(word ^ DELETES);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 || b == 0x7F) {
                return i;
            }
        }
        return -1;
    }
}
