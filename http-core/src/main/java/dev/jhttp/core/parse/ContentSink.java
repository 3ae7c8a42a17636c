package dev.jhttp.core.parse;

import java.nio.ByteBuffer;

/** Where decoded content goes: the parser's own buffer, or a caller's buffer when content is streamed. */
interface ContentSink {
    /** How many bytes the sink takes now. */
    int room();

    /** Moves {@code count} bytes from {@code in} into the sink. */
    void take(ByteBuffer in, int count);

    /** A sink over a caller's buffer, taking what fits in its remaining space. */
    static ContentSink of(ByteBuffer out) {
        return new ContentSink() {
            @Override
            public int room() {
                return out.remaining();
            }

            @Override
            public void take(ByteBuffer in, int count) {
                out.put(out.position(), in, in.position(), count);
                out.position(out.position() + count);
                in.position(in.position() + count);
            }
        };
    }
}
