package dev.jhttp.core.h2;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.jhttp.core.h2.FrameTypes.CONTINUATION;
import static dev.jhttp.core.h2.FrameTypes.DATA;
import static dev.jhttp.core.h2.FrameTypes.FLAG_ACK;
import static dev.jhttp.core.h2.FrameTypes.FLAG_END_HEADERS;
import static dev.jhttp.core.h2.FrameTypes.FLAG_END_STREAM;
import static dev.jhttp.core.h2.FrameTypes.FLAG_PADDED;
import static dev.jhttp.core.h2.FrameTypes.FLAG_PRIORITY;
import static dev.jhttp.core.h2.FrameTypes.GOAWAY;
import static dev.jhttp.core.h2.FrameTypes.HEADERS;
import static dev.jhttp.core.h2.FrameTypes.PING;
import static dev.jhttp.core.h2.FrameTypes.PRIORITY;
import static dev.jhttp.core.h2.FrameTypes.PUSH_PROMISE;
import static dev.jhttp.core.h2.FrameTypes.RST_STREAM;
import static dev.jhttp.core.h2.FrameTypes.SETTINGS;
import static dev.jhttp.core.h2.FrameTypes.WINDOW_UPDATE;

/**
 * Reads HTTP/2 frames (RFC 9113 §4–6) from bytes that arrive in any pieces: any split of the same bytes gives the
 * same frames and errors. Each frame is checked against the rules of its type as soon as its 9-octet header is in,
 * so an oversized or misplaced frame is refused before its payload is read. Field blocks are reassembled from
 * HEADERS or PUSH_PROMISE and their CONTINUATION frames, within a size limit; frames of unknown types are skipped
 * (§5.5). The connection preface is not a frame: match it with {@link ConnectionPreface} first. Bad input never
 * throws.
 *
 * {@snippet :
 * FrameReader reader = FrameReader.create(16_384, 64 * 1024);
 * FrameResult result = reader.read(buffer);   // consumes what it used; call again while frames come out
 * }
 */
public final class FrameReader {
    /** More frames per field block than any honest sender needs: 64 KiB in 512-byte pieces. */
    static final int MAX_FIELD_BLOCK_FRAMES = 128;

    private enum State { HEADER, PAYLOAD, SKIP }

    private final int maxFrameSize;
    private final int maxFieldBlockSize;
    private final byte[] header = new byte[FrameTypes.HEADER_LENGTH];
    private State state = State.HEADER;
    private int filled;
    private long offset;
    private H2Error connectionError;

    private long frameOffset;
    private int length;
    private int type;
    private int flags;
    private int streamId;
    private byte[] payload;

    private int blockStreamId;
    private int blockPromisedStreamId;
    private boolean blockIsPushPromise;
    private boolean blockEndsStream;
    private byte[] block = FrameTypes.NO_BYTES;
    private int blockLength;
    private int blockFrames;

    private FrameReader(int maxFrameSize, int maxFieldBlockSize) {
        this.maxFrameSize = maxFrameSize;
        this.maxFieldBlockSize = maxFieldBlockSize;
    }

    /**
     * A reader that accepts frame payloads up to {@code maxFrameSize} octets (the SETTINGS_MAX_FRAME_SIZE this side
     * sends) and field blocks up to {@code maxFieldBlockSize} octets, compressed, in at most 128 frames.
     *
     * @throws IllegalArgumentException if {@code maxFrameSize} is outside 2^14..2^24-1 (RFC 9113 §4.2) or the
     *     field block limit is below it
     */
    public static FrameReader create(int maxFrameSize, int maxFieldBlockSize) {
        if (maxFrameSize < FrameTypes.MIN_MAX_FRAME_SIZE || maxFrameSize > FrameTypes.MAX_MAX_FRAME_SIZE) {
            throw new IllegalArgumentException("max frame size outside 2^14..2^24-1: " + maxFrameSize);
        }
        if (maxFieldBlockSize < maxFrameSize) {
            throw new IllegalArgumentException("field block limit below the frame size: " + maxFieldBlockSize);
        }
        return new FrameReader(maxFrameSize, maxFieldBlockSize);
    }

    /** How many bytes the reader has consumed. */
    public long offset() {
        return offset;
    }

    /**
     * Reads from the buffer's position up to the next whole frame or error, leaving the rest in the buffer.
     *
     * @throws IllegalStateException after a connection error
     */
    public FrameResult read(ByteBuffer in) {
        if (connectionError != null) {
            throw new IllegalStateException("connection error earlier: " + connectionError);
        }
        while (in.hasRemaining()) {
            FrameResult result = switch (state) {
                case HEADER -> readHeader(in);
                case PAYLOAD -> readPayload(in);
                case SKIP -> skip(in);
            };
            if (result != null) {
                return result;
            }
        }
        return FrameResult.NeedMore.INSTANCE;
    }

    private FrameResult readHeader(ByteBuffer in) {
        filled += take(in, header, filled, FrameTypes.HEADER_LENGTH - filled);
        if (filled < FrameTypes.HEADER_LENGTH) {
            return null;
        }
        frameOffset = offset - FrameTypes.HEADER_LENGTH;
        length = (header[0] & 0xff) << 16 | (header[1] & 0xff) << 8 | header[2] & 0xff;
        type = header[3] & 0xff;
        flags = header[4] & 0xff;
        streamId = FrameTypes.int31(header, 5);   // §4.1: the reserved bit is ignored
        filled = 0;
        H2Violation violation = HeaderRules.check(this);
        if (violation != null) {
            state = State.SKIP;
            return fail(violation, "type " + type + ", length " + length + ", flags 0x" + Integer.toHexString(flags));
        }
        if (!FrameTypes.isKnown(type)) {
            state = State.SKIP;   // §5.5: unknown frame types are ignored
            return null;
        }
        payload = length == 0 ? FrameTypes.NO_BYTES : new byte[length];
        state = State.PAYLOAD;
        return length == 0 ? readPayload(in) : null;
    }

    private FrameResult readPayload(ByteBuffer in) {
        filled += take(in, payload, filled, length - filled);
        if (filled < length) {
            return null;
        }
        filled = 0;
        state = State.HEADER;
        return switch (type) {
            case DATA -> data();
            case HEADERS -> headers();
            case PRIORITY -> priority();
            case RST_STREAM -> new FrameResult.Read(new Frame.RstStream(streamId, FrameTypes.uint32(payload, 0)));
            case SETTINGS -> settings();
            case PUSH_PROMISE -> pushPromise();
            case PING -> new FrameResult.Read(new Frame.Ping((flags & FLAG_ACK) != 0, FrameTypes.int64(payload, 0)));
            case GOAWAY -> new FrameResult.Read(new Frame.GoAway(FrameTypes.int31(payload, 0),
                    FrameTypes.uint32(payload, 4), ByteBuffer.wrap(payload, 8, length - 8).slice()));
            case WINDOW_UPDATE -> windowUpdate();
            case CONTINUATION -> continuation();
            default -> throw new IllegalStateException("unknown frame types are skipped: " + type);
        };
    }

    private FrameResult skip(ByteBuffer in) {
        int n = Math.min(in.remaining(), length - filled);
        in.position(in.position() + n);
        offset += n;
        filled += n;
        if (filled == length) {
            filled = 0;
            state = State.HEADER;
        }
        return null;
    }

    private FrameResult data() {
        int padding = padLength();
        if (padding > length - padded()) {
            return fail(H2Violation.DATA_PADDING_TOO_LONG, "pad length " + padding + " of " + length);
        }
        ByteBuffer data = ByteBuffer.wrap(payload, padded(), length - padded() - padding).slice();
        return new FrameResult.Read(new Frame.Data(streamId, data, (flags & FLAG_END_STREAM) != 0,
                padded() + padding));
    }

    private FrameResult headers() {
        int padding = padLength();
        int start = padded() + ((flags & FLAG_PRIORITY) != 0 ? 5 : 0);
        if (padding > length - start) {
            return fail(H2Violation.HEADERS_PADDING_TOO_LONG, "pad length " + padding + " of " + length);
        }
        if ((flags & FLAG_PRIORITY) != 0 && FrameTypes.int31(payload, padded()) == streamId) {
            return fail(H2Violation.HEADERS_DEPENDS_ON_ITSELF, "stream " + streamId);
        }
        return startBlock(false, 0, start, length - padding, (flags & FLAG_END_STREAM) != 0);
    }

    private FrameResult pushPromise() {
        int padding = padLength();
        int start = padded() + 4;
        if (padding > length - start) {
            return fail(H2Violation.PUSH_PROMISE_PADDING_TOO_LONG, "pad length " + padding + " of " + length);
        }
        return startBlock(true, FrameTypes.int31(payload, padded()), start, length - padding, false);
    }

    private FrameResult startBlock(boolean pushPromise, int promised, int from, int to, boolean endStream) {
        if ((flags & FLAG_END_HEADERS) != 0) {
            ByteBuffer fields = ByteBuffer.wrap(payload, from, to - from).slice();
            return new FrameResult.Read(pushPromise
                    ? new Frame.PushPromise(streamId, promised, fields)
                    : new Frame.Headers(streamId, fields, endStream));
        }
        blockIsPushPromise = pushPromise;
        blockPromisedStreamId = promised;
        blockEndsStream = endStream;
        blockStreamId = streamId;
        blockLength = 0;
        blockFrames = 0;
        return appendToBlock(from, to);
    }

    private FrameResult continuation() {
        return appendToBlock(0, length);
    }

    private FrameResult appendToBlock(int from, int to) {
        int n = to - from;
        if (blockLength + n > block.length) {
            block = Arrays.copyOf(block, Math.min(Math.max(blockLength + n, block.length * 2), maxFieldBlockSize));
        }
        System.arraycopy(payload, from, block, blockLength, n);
        blockLength += n;
        blockFrames++;
        if ((flags & FLAG_END_HEADERS) == 0) {
            return null;
        }
        ByteBuffer fields = ByteBuffer.wrap(Arrays.copyOf(block, blockLength));
        if (block.length > 4096) {
            block = FrameTypes.NO_BYTES;   // an idle connection keeps no large buffer
        }
        int stream = blockStreamId;
        blockStreamId = 0;
        return new FrameResult.Read(blockIsPushPromise
                ? new Frame.PushPromise(stream, blockPromisedStreamId, fields)
                : new Frame.Headers(stream, fields, blockEndsStream));
    }

    private FrameResult priority() {
        int dependency = FrameTypes.int31(payload, 0);
        if (dependency == streamId) {
            return fail(H2Violation.PRIORITY_DEPENDS_ON_ITSELF, "stream " + streamId);
        }
        return new FrameResult.Read(new Frame.Priority(streamId, dependency, payload[0] < 0, payload[4] & 0xff));
    }

    private FrameResult settings() {
        List<Setting> settings = new ArrayList<>(length / 6);
        for (int at = 0; at < length; at += 6) {
            int id = (payload[at] & 0xff) << 8 | payload[at + 1] & 0xff;
            long value = FrameTypes.uint32(payload, at + 2);
            // §6.5.2: the values a receiver must refuse.
            if (id == Setting.ENABLE_PUSH && value > 1) {
                return fail(H2Violation.SETTINGS_ENABLE_PUSH_INVALID, "value " + value);
            }
            if (id == Setting.INITIAL_WINDOW_SIZE && value > Integer.MAX_VALUE) {
                return fail(H2Violation.SETTINGS_WINDOW_TOO_LARGE, "value " + value);
            }
            if (id == Setting.MAX_FRAME_SIZE
                    && (value < FrameTypes.MIN_MAX_FRAME_SIZE || value > FrameTypes.MAX_MAX_FRAME_SIZE)) {
                return fail(H2Violation.SETTINGS_MAX_FRAME_SIZE_INVALID, "value " + value);
            }
            settings.add(new Setting(id, value));
        }
        return new FrameResult.Read(new Frame.Settings((flags & FLAG_ACK) != 0, settings));
    }

    private FrameResult windowUpdate() {
        int increment = FrameTypes.int31(payload, 0);
        if (increment == 0) {
            return fail(streamId == 0 ? H2Violation.WINDOW_UPDATE_ZERO_ON_CONNECTION
                    : H2Violation.WINDOW_UPDATE_ZERO_ON_STREAM, "increment 0");
        }
        return new FrameResult.Read(new Frame.WindowUpdate(streamId, increment));
    }

    /** 1 if the frame has a Pad Length octet, else 0. */
    private int padded() {
        return (flags & FLAG_PADDED) != 0 ? 1 : 0;
    }

    private int padLength() {
        return padded() == 1 ? payload[0] & 0xff : 0;
    }

    private FrameResult fail(H2Violation violation, String detail) {
        H2Error error = new H2Error(violation, streamId, detail, frameOffset);
        if (error.isConnectionError()) {
            connectionError = error;
        }
        return new FrameResult.Failed(error);
    }

    private int take(ByteBuffer in, byte[] into, int at, int wanted) {
        int n = Math.min(wanted, in.remaining());
        in.get(into, at, n);
        offset += n;
        return n;
    }

    int maxFrameSize() {
        return maxFrameSize;
    }

    int maxFieldBlockSize() {
        return maxFieldBlockSize;
    }

    int length() {
        return length;
    }

    int type() {
        return type;
    }

    int flags() {
        return flags;
    }

    int streamId() {
        return streamId;
    }

    /** The stream of the field block being reassembled, or 0 when none is. */
    int blockStreamId() {
        return blockStreamId;
    }

    int blockLength() {
        return blockLength;
    }

    int blockFrames() {
        return blockFrames;
    }
}
