package dev.jhttp.core.h2;

import java.util.Objects;

/**
 * An HTTP/2 connection or stream error: the rule broken, the stream it concerns (0 for the connection), a detail for
 * logs that never quotes the input, and the byte offset, from the reader's first byte, of the frame that broke it.
 *
 * {@snippet :
 * if (reader.read(buffer) instanceof FrameResult.Failed(H2Error e)) {
 *     log.warn(e.toString());   // "PING_WRONG_LENGTH at byte 9 on stream 0 (RFC 9113 §6.7): length 7"
 *     send(new Frame.GoAway(lastStream, e.code()));
 * }
 * }
 */
public record H2Error(H2Violation violation, int streamId, String detail, long offset) {
    public H2Error {
        Objects.requireNonNull(violation, "violation");
        Objects.requireNonNull(detail, "detail");
        if (streamId < 0 || offset < 0) {
            throw new IllegalArgumentException("negative stream or offset: " + streamId + ", " + offset);
        }
    }

    /** The error code to send. */
    public ErrorCode code() {
        return violation.code();
    }

    /** Whether the whole connection ends (GOAWAY) rather than one stream (RST_STREAM). */
    public boolean isConnectionError() {
        return violation.scope() == H2Violation.Scope.CONNECTION;
    }

    @Override
    public String toString() {
        return violation + " at byte " + offset + " on stream " + streamId + " (" + violation.rfc() + "): " + detail;
    }
}
