package dev.jhttp.core.h2;

import java.nio.ByteBuffer;

import static dev.jhttp.core.h2.FrameTypes.CONTINUATION;
import static dev.jhttp.core.h2.FrameTypes.DATA;
import static dev.jhttp.core.h2.FrameTypes.FLAG_ACK;
import static dev.jhttp.core.h2.FrameTypes.FLAG_END_HEADERS;
import static dev.jhttp.core.h2.FrameTypes.FLAG_END_STREAM;
import static dev.jhttp.core.h2.FrameTypes.FLAG_PADDED;
import static dev.jhttp.core.h2.FrameTypes.GOAWAY;
import static dev.jhttp.core.h2.FrameTypes.HEADERS;
import static dev.jhttp.core.h2.FrameTypes.PING;
import static dev.jhttp.core.h2.FrameTypes.PRIORITY;
import static dev.jhttp.core.h2.FrameTypes.PUSH_PROMISE;
import static dev.jhttp.core.h2.FrameTypes.RST_STREAM;
import static dev.jhttp.core.h2.FrameTypes.SETTINGS;
import static dev.jhttp.core.h2.FrameTypes.WINDOW_UPDATE;

/**
 * Writes HTTP/2 frames (RFC 9113 §4.1, §6) within the peer's SETTINGS_MAX_FRAME_SIZE: a field block too large for
 * one frame goes out as HEADERS or PUSH_PROMISE plus CONTINUATION frames; DATA is never split, as flow control
 * decides its pieces.
 *
 * {@snippet :
 * FrameWriter writer = FrameWriter.create(16_384);
 * byte[] bytes = writer.toBytes(new Frame.Headers(1, ByteBuffer.wrap(block), false));
 * writer.setMaxFrameSize(peerMaxFrameSize);   // when the peer's SETTINGS change it
 * }
 */
public final class FrameWriter {
    private int maxFrameSize;

    private FrameWriter(int maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    /**
     * A writer for a peer that accepts payloads of {@code maxFrameSize} octets (16,384 until its SETTINGS).
     *
     * @throws IllegalArgumentException if the size is outside 2^14..2^24-1
     */
    public static FrameWriter create(int maxFrameSize) {
        FrameWriter writer = new FrameWriter(FrameTypes.MIN_MAX_FRAME_SIZE);
        writer.setMaxFrameSize(maxFrameSize);
        return writer;
    }

    /** @throws IllegalArgumentException if the size is outside 2^14..2^24-1 */
    public void setMaxFrameSize(int size) {
        if (size < FrameTypes.MIN_MAX_FRAME_SIZE || size > FrameTypes.MAX_MAX_FRAME_SIZE) {
            throw new IllegalArgumentException("max frame size outside 2^14..2^24-1: " + size);
        }
        maxFrameSize = size;
    }

    public int maxFrameSize() {
        return maxFrameSize;
    }

    /** The bytes {@link #write} puts out for {@code frame}, frame headers included. */
    public int size(Frame frame) {
        return switch (frame) {
            case Frame.Data d -> FrameTypes.HEADER_LENGTH + d.flowControlledLength();
            case Frame.Headers h -> blockSize(h.block().remaining(), 0);
            case Frame.PushPromise p -> blockSize(p.block().remaining(), 4);
            case Frame.Priority p -> FrameTypes.HEADER_LENGTH + 5;
            case Frame.RstStream r -> FrameTypes.HEADER_LENGTH + 4;
            case Frame.Settings s -> FrameTypes.HEADER_LENGTH + 6 * s.settings().size();
            case Frame.Ping p -> FrameTypes.HEADER_LENGTH + 8;
            case Frame.GoAway g -> FrameTypes.HEADER_LENGTH + 8 + g.debugData().remaining();
            case Frame.WindowUpdate w -> FrameTypes.HEADER_LENGTH + 4;
        };
    }

    /** The frame's bytes. */
    public byte[] toBytes(Frame frame) {
        ByteBuffer out = ByteBuffer.allocate(size(frame));
        write(frame, out);
        return out.array();
    }

    /**
     * Puts the frame's bytes into {@code out}.
     *
     * @throws java.nio.BufferOverflowException if {@code out} has less room than {@link #size}
     * @throws IllegalArgumentException if a DATA, SETTINGS or GOAWAY payload exceeds the frame size
     */
    public void write(Frame frame, ByteBuffer out) {
        switch (frame) {
            case Frame.Data d -> {
                checkFits(d.flowControlledLength());
                int flags = (d.endStream() ? FLAG_END_STREAM : 0) | (d.padding() > 0 ? FLAG_PADDED : 0);
                header(out, d.flowControlledLength(), DATA, flags, d.streamId());
                if (d.padding() > 0) {
                    out.put((byte) (d.padding() - 1));
                }
                out.put(d.data());
                out.put(new byte[Math.max(0, d.padding() - 1)]);
            }
            case Frame.Headers h -> block(out, HEADERS, h.endStream() ? FLAG_END_STREAM : 0, h.streamId(), -1,
                    h.block());
            case Frame.PushPromise p -> block(out, PUSH_PROMISE, 0, p.streamId(), p.promisedStreamId(), p.block());
            case Frame.Priority p -> {
                header(out, 5, PRIORITY, 0, p.streamId());
                out.putInt(p.dependency() | (p.exclusive() ? 0x8000_0000 : 0)).put((byte) p.weight());
            }
            case Frame.RstStream r -> header(out, 4, RST_STREAM, 0, r.streamId()).putInt((int) r.errorCode());
            case Frame.Settings s -> {
                checkFits(6 * s.settings().size());
                header(out, 6 * s.settings().size(), SETTINGS, s.ack() ? FLAG_ACK : 0, 0);
                s.settings().forEach(setting -> out.putShort((short) setting.id()).putInt((int) setting.value()));
            }
            case Frame.Ping p -> header(out, 8, PING, p.ack() ? FLAG_ACK : 0, 0).putLong(p.opaqueData());
            case Frame.GoAway g -> {
                checkFits(8 + g.debugData().remaining());
                header(out, 8 + g.debugData().remaining(), GOAWAY, 0, 0)
                        .putInt(g.lastStreamId()).putInt((int) g.errorCode()).put(g.debugData());
            }
            case Frame.WindowUpdate w -> header(out, 4, WINDOW_UPDATE, 0, w.streamId()).putInt(w.increment());
        }
    }

    /** The first frame carries the promised stream (PUSH_PROMISE) and as much of the block as fits; then CONTINUATION. */
    private void block(ByteBuffer out, int type, int flags, int streamId, int promised, ByteBuffer block) {
        int extra = promised >= 0 ? 4 : 0;
        int first = Math.min(block.remaining(), maxFrameSize - extra);
        boolean whole = first == block.remaining();
        header(out, first + extra, type, flags | (whole ? FLAG_END_HEADERS : 0), streamId);
        if (promised >= 0) {
            out.putInt(promised);
        }
        out.put(block.slice(block.position(), first));
        block.position(block.position() + first);
        while (block.hasRemaining()) {
            int next = Math.min(block.remaining(), maxFrameSize);
            boolean last = next == block.remaining();
            header(out, next, CONTINUATION, last ? FLAG_END_HEADERS : 0, streamId);
            out.put(block.slice(block.position(), next));
            block.position(block.position() + next);
        }
    }

    private int blockSize(int blockLength, int extra) {
        int first = Math.min(blockLength, maxFrameSize - extra);
        int rest = blockLength - first;
        int continuations = (rest + maxFrameSize - 1) / maxFrameSize;
        return FrameTypes.HEADER_LENGTH * (1 + continuations) + extra + blockLength;
    }

    private void checkFits(int payloadLength) {
        if (payloadLength > maxFrameSize) {
            throw new IllegalArgumentException("payload of " + payloadLength + " exceeds frame size " + maxFrameSize);
        }
    }

    private static ByteBuffer header(ByteBuffer out, int length, int type, int flags, int streamId) {
        return out.put((byte) (length >>> 16)).put((byte) (length >>> 8)).put((byte) length)
                .put((byte) type).put((byte) flags).putInt(streamId);
    }
}
