package dev.jhttp.core.h2;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * An HTTP/2 frame (RFC 9113 §6), as {@link FrameReader} gives it and {@link FrameWriter} takes it. A field block
 * arrives whole: HEADERS or PUSH_PROMISE with its CONTINUATION frames is one {@link Headers} or {@link PushPromise}.
 * Padding is removed, but counted in {@link Data#flowControlledLength()}. Byte contents are read-only views that
 * compare by content.
 *
 * {@snippet :
 * switch (frame) {
 *     case Frame.Headers h -> openStream(h.streamId(), decoder.decode(h.block()), h.endStream());
 *     case Frame.Data d -> deliver(d.streamId(), d.data(), d.endStream());
 *     default -> handleControl(frame);
 * }
 * }
 */
public sealed interface Frame {

    /** The stream the frame belongs to; 0 for frames about the whole connection. */
    int streamId();

    /**
     * DATA (§6.1). {@code padding} counts the Pad Length octet and the padding after the data (0 when unpadded); a
     * writer pads with it, and it counts towards flow control.
     */
    record Data(int streamId, ByteBuffer data, boolean endStream, int padding) implements Frame {
        public Data {
            data = data.asReadOnlyBuffer();
            if (padding < 0 || padding > 256) {
                throw new IllegalArgumentException("padding not within 0..256: " + padding);
            }
        }

        public Data(int streamId, ByteBuffer data, boolean endStream) {
            this(streamId, data, endStream, 0);
        }

        @Override
        public ByteBuffer data() {
            return data.duplicate();
        }

        /** The whole payload, padding included, which is what flow control counts (§6.9.1). */
        public int flowControlledLength() {
            return data.remaining() + padding;
        }
    }

    /** A HEADERS frame with its CONTINUATION frames (§6.2, §6.10): one whole field block. */
    record Headers(int streamId, ByteBuffer block, boolean endStream) implements Frame {
        public Headers {
            block = block.asReadOnlyBuffer();
        }

        @Override
        public ByteBuffer block() {
            return block.duplicate();
        }
    }

    /** PRIORITY (§6.3), deprecated; read so it can be ignored. */
    record Priority(int streamId, int dependency, boolean exclusive, int weight) implements Frame {
    }

    /** RST_STREAM (§6.4). */
    record RstStream(int streamId, long errorCode) implements Frame {
        public RstStream(int streamId, ErrorCode error) {
            this(streamId, error.code());
        }

        /** The error, unknown codes read as {@link ErrorCode#INTERNAL_ERROR}. */
        public ErrorCode error() {
            return ErrorCode.of(errorCode);
        }
    }

    /** SETTINGS (§6.5), in the order sent; an acknowledgement has none. */
    record Settings(boolean ack, List<Setting> settings) implements Frame {
        /** The acknowledgement of a peer's SETTINGS. */
        public static final Settings ACK = new Settings(true, List.of());

        public Settings {
            settings = List.copyOf(settings);
            if (ack && !settings.isEmpty()) {
                throw new IllegalArgumentException("a SETTINGS acknowledgement carries no settings");
            }
        }

        @Override
        public int streamId() {
            return 0;
        }
    }

    /** A PUSH_PROMISE frame with its CONTINUATION frames (§6.6). Servers receive none: clients cannot push. */
    record PushPromise(int streamId, int promisedStreamId, ByteBuffer block) implements Frame {
        public PushPromise {
            block = block.asReadOnlyBuffer();
        }

        @Override
        public ByteBuffer block() {
            return block.duplicate();
        }
    }

    /** PING (§6.7) with its 8 octets of opaque data. */
    record Ping(boolean ack, long opaqueData) implements Frame {
        @Override
        public int streamId() {
            return 0;
        }
    }

    /** GOAWAY (§6.8): the last stream the sender may act on, why, and debug data that is never shown to users. */
    record GoAway(int lastStreamId, long errorCode, ByteBuffer debugData) implements Frame {
        public GoAway {
            debugData = debugData.asReadOnlyBuffer();
        }

        public GoAway(int lastStreamId, ErrorCode error) {
            this(lastStreamId, error.code(), ByteBuffer.allocate(0));
        }

        @Override
        public int streamId() {
            return 0;
        }

        /** The error, unknown codes read as {@link ErrorCode#INTERNAL_ERROR}. */
        public ErrorCode error() {
            return ErrorCode.of(errorCode);
        }

        @Override
        public ByteBuffer debugData() {
            return debugData.duplicate();
        }
    }

    /** WINDOW_UPDATE (§6.9): for stream 0 the connection's window, else the stream's. */
    record WindowUpdate(int streamId, int increment) implements Frame {
        public WindowUpdate {
            if (increment < 0) {
                throw new IllegalArgumentException("negative increment: " + increment);
            }
        }
    }
}
