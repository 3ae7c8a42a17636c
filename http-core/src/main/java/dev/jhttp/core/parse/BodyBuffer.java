package dev.jhttp.core.parse;

import dev.jhttp.core.Body;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Collects decoded content. It grows with the bytes that actually arrive, never with what a length field claims, so a
 * small message cannot make the parser reserve the whole body limit.
 */
final class BodyBuffer implements ContentSink {
    private static final byte[] EMPTY = new byte[0];

    private byte[] bytes = EMPTY;
    private int length;

    long length() {
        return length;
    }

    @Override
    public int room() {
        return Integer.MAX_VALUE - 8 - length;
    }

    @Override
    public void take(ByteBuffer in, int count) {
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + count, Math.min(bytes.length * 2, Integer.MAX_VALUE - 8)));
        }
        in.get(bytes, length, count);
        length += count;
    }

    Body toBody() {
        return Body.of(length == bytes.length ? bytes : Arrays.copyOf(bytes, length));
    }

    void clear() {
        if (length > 0) {
            bytes = EMPTY;
        }
        length = 0;
    }
}
