package dev.jhttp.core.h2;

import static dev.jhttp.core.h2.FrameTypes.CONTINUATION;
import static dev.jhttp.core.h2.FrameTypes.DATA;
import static dev.jhttp.core.h2.FrameTypes.FLAG_ACK;
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

/** The rules a frame's 9-octet header alone decides (RFC 9113 §4.2, §6, §6.10), checked before its payload is read. */
final class HeaderRules {
    private HeaderRules() {
    }

    /** The rule the frame header now in {@code reader} breaks, or null. */
    static H2Violation check(FrameReader reader) {
        int type = reader.type();
        int length = reader.length();
        int flags = reader.flags();
        int stream = reader.streamId();
        int padded = (flags & FLAG_PADDED) != 0 ? 1 : 0;
        if (reader.blockStreamId() != 0) {
            // §6.10: a field block is a contiguous run of frames on one stream.
            if (type != CONTINUATION || stream != reader.blockStreamId()) {
                return H2Violation.CONTINUATION_EXPECTED;
            }
            if (reader.blockLength() + length > reader.maxFieldBlockSize()
                    || reader.blockFrames() >= FrameReader.MAX_FIELD_BLOCK_FRAMES) {
                return H2Violation.FIELD_BLOCK_TOO_LARGE;
            }
        }
        if (length > reader.maxFrameSize()) {
            return H2Violation.FRAME_TOO_LARGE;
        }
        return switch (type) {
            case DATA -> stream == 0 ? H2Violation.DATA_ON_STREAM_ZERO : shortBy(length, padded);
            case HEADERS -> stream == 0 ? H2Violation.HEADERS_ON_STREAM_ZERO
                    : shortBy(length, padded + ((flags & FLAG_PRIORITY) != 0 ? 5 : 0));
            case PRIORITY -> stream == 0 ? H2Violation.PRIORITY_ON_STREAM_ZERO
                    : length != 5 ? H2Violation.PRIORITY_WRONG_LENGTH : null;
            case RST_STREAM -> stream == 0 ? H2Violation.RST_STREAM_ON_STREAM_ZERO
                    : length != 4 ? H2Violation.RST_STREAM_WRONG_LENGTH : null;
            case SETTINGS -> stream != 0 ? H2Violation.SETTINGS_ON_A_STREAM
                    : (flags & FLAG_ACK) != 0 && length != 0 ? H2Violation.SETTINGS_ACK_WITH_PAYLOAD
                    : length % 6 != 0 ? H2Violation.SETTINGS_WRONG_LENGTH : null;
            case PUSH_PROMISE -> stream == 0 ? H2Violation.PUSH_PROMISE_ON_STREAM_ZERO : shortBy(length, padded + 4);
            case PING -> stream != 0 ? H2Violation.PING_ON_A_STREAM
                    : length != 8 ? H2Violation.PING_WRONG_LENGTH : null;
            case GOAWAY -> stream != 0 ? H2Violation.GOAWAY_ON_A_STREAM
                    : length < 8 ? H2Violation.GOAWAY_TOO_SHORT : null;
            case WINDOW_UPDATE -> length != 4 ? H2Violation.WINDOW_UPDATE_WRONG_LENGTH : null;
            case CONTINUATION -> reader.blockStreamId() == 0 ? H2Violation.UNEXPECTED_CONTINUATION : null;
            default -> null;
        };
    }

    /** §4.2: a frame too small to contain its mandatory fields. */
    private static H2Violation shortBy(int length, int mandatory) {
        return length < mandatory ? H2Violation.FRAME_TOO_SHORT : null;
    }
}
