package dev.jhttp.core.internal;

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

    private ByteScan() {
    }

    /** The index of the first {@code wanted} in {@code bytes[from, to)}, or -1. */
    public static int indexOf(byte[] bytes, int from, int to, byte wanted) {
        long pattern = ONES * (wanted & 0xFF);
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i) ^ pattern;   // a zero byte where wanted is
            // The lowest flagged byte is always a true zero (borrows only flag bytes above one); little-endian, so
            // it is the first in the array.
            long zeros = (word - ONES) & ~word & HIGHS;
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

    /**
     * The index of the first byte in {@code bytes[from, to)} that may not appear in a field value, or -1. A value
     * holds HTAB, SP, visible ASCII and obs-text (RFC 9110 §5.5): everything but the other controls and DEL.
     */
    public static int firstInvalidFieldByte(byte[] bytes, int from, int to) {
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            // Bytes below 0x20 (obs-text, at 0x80 and above, never counts), or equal to DEL: look closer.
            long controls = (word - SPACES) & ~word & HIGHS;
            long deletes = word ^ DELETES;
            if ((controls | ((deletes - ONES) & ~deletes & HIGHS)) != 0) {
                int invalid = firstInvalidFieldByteSlowly(bytes, i, i + Long.BYTES);
                if (invalid >= 0) {
                    return invalid;
                }
            }
        }
        return firstInvalidFieldByteSlowly(bytes, i, to);
    }

    private static int firstInvalidFieldByteSlowly(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 && b != '\t' || b == 0x7F) {
                return i;
            }
        }
        return -1;
    }
}
