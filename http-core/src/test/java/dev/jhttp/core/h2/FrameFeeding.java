package dev.jhttp.core.h2;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Feeds bytes to a {@link FrameReader} in pieces and collects what comes out: frames and errors, in order. */
final class FrameFeeding {
    private FrameFeeding() {
    }

    static byte[] hex(String digits) {
        return HexFormat.of().parseHex(digits.replace(" ", ""));
    }

    /** Everything read from {@code bytes} fed whole. */
    static List<Object> readWhole(byte[] bytes) {
        return read(bytes, bytes.length);
    }

    /** Everything read from {@code bytes} fed {@code piece} bytes at a time, stopping at a connection error. */
    static List<Object> read(byte[] bytes, int piece) {
        FrameReader reader = FrameReader.create(16_384, 64 * 1024);
        List<Object> out = new ArrayList<>();
        for (int start = 0; start < bytes.length; start += piece) {
            ByteBuffer in = ByteBuffer.wrap(bytes, start, Math.min(piece, bytes.length - start));
            if (!drain(reader, in, out)) {
                return out;
            }
        }
        return out;
    }

    /** Everything read from {@code bytes} cut at {@code cut}. */
    static List<Object> readCutAt(byte[] bytes, int cut) {
        FrameReader reader = FrameReader.create(16_384, 64 * 1024);
        List<Object> out = new ArrayList<>();
        if (drain(reader, ByteBuffer.wrap(bytes, 0, cut), out)) {
            drain(reader, ByteBuffer.wrap(bytes, cut, bytes.length - cut), out);
        }
        return out;
    }

    /** Reads until the buffer is empty; false after a connection error. */
    static boolean drain(FrameReader reader, ByteBuffer in, List<Object> out) {
        while (true) {
            switch (reader.read(in)) {
                case FrameResult.Read(Frame frame) -> out.add(frame);
                case FrameResult.Failed(H2Error error) -> {
                    out.add(error);
                    if (error.isConnectionError()) {
                        return false;
                    }
                }
                case FrameResult.NeedMore() -> {
                    return true;
                }
            }
        }
    }
}
