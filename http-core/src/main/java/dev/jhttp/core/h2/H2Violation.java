package dev.jhttp.core.h2;

import static dev.jhttp.core.h2.ErrorCode.ENHANCE_YOUR_CALM;
import static dev.jhttp.core.h2.ErrorCode.FLOW_CONTROL_ERROR;
import static dev.jhttp.core.h2.ErrorCode.FRAME_SIZE_ERROR;
import static dev.jhttp.core.h2.ErrorCode.PROTOCOL_ERROR;
import static dev.jhttp.core.h2.H2Violation.Scope.CONNECTION;
import static dev.jhttp.core.h2.H2Violation.Scope.STREAM;

/**
 * Every HTTP/2 rule jhttp enforces, with the error code it answers, whether it ends the stream (RST_STREAM) or the
 * connection (GOAWAY), and the RFC section it comes from.
 *
 * {@snippet :
 * H2Violation v = H2Violation.PING_WRONG_LENGTH;
 * ErrorCode code = v.code();          // FRAME_SIZE_ERROR
 * H2Violation.Scope s = v.scope();    // CONNECTION
 * String rule = v.rfc();              // "RFC 9113 §6.7"
 * }
 */
public enum H2Violation {
    FRAME_TOO_LARGE(FRAME_SIZE_ERROR, CONNECTION, "RFC 9113 §4.2", "frame larger than SETTINGS_MAX_FRAME_SIZE"),
    FRAME_TOO_SHORT(FRAME_SIZE_ERROR, CONNECTION, "RFC 9113 §4.2", "frame too short for its fields"),
    DATA_ON_STREAM_ZERO(PROTOCOL_ERROR, CONNECTION, "RFC 9113 §6.1", "DATA on stream 0"),
    DATA_PADDING_TOO_LONG(PROTOCOL_ERROR, CONNECTION, "RFC 9113 §6.1", "DATA padding fills the frame"),
    HEADERS_ON_STREAM_ZERO(PROTOCOL_ERROR, CONNECTION, "RFC 9113 §6.2", "HEADERS on stream 0"),
    HEADERS_PADDING_TOO_LONG(PROTOCOL_ERROR, CONNECTION, "RFC 9113 §6.2", "HEADERS padding fills the frame"),
    /**
     * A HEADERS priority signal naming its own stream (RFC 9113 keeps RFC 7540's handling). Its field block must
     * still be decoded, so jhttp ends the connection rather than the stream (RFC 9113 §5.4.1 allows it).
     */
    HEADERS_DEPENDS_ON_ITSELF(PROTOCOL_ERROR, CONNECTION, "RFC 7540 §5.3.1", "stream depends on itself"),
    PRIORITY_ON_STREAM_ZERO(PROTOCOL_ERROR, CONNECTION, "RFC 9113 §6.3", "PRIORITY on stream 0"),
    PRIORITY_DEPENDS_ON_ITSELF(PROTOCOL_ERROR, STREAM, "RFC 7540 §5.3.1", "stream depends on itself"),
    PRIORITY_WRONG_LENGTH(FRAME_SIZE_ERROR, STREAM, "RFC 9113 §6.3", "PRIORITY length is not 5"),
    RST_STREAM_ON_STREAM_ZERO(PROTOCOL_ERROR, CONNECTION, "RFC 9113 §6.4", "RST_STREAM on stream 0"),
    RST_STREAM_WRONG_LENGTH(FRAME_SIZE_ERROR, CONNECTION, "RFC 9113 §6.4", "RST_STREAM length is not 4"),
    SETTINGS_ON_A_STREAM(PROTOCOL_ERROR, CONNECTION, "RFC 9113 §6.5", "SETTINGS on a stream"),
    SETTINGS_ACK_WITH_PAYLOAD(FRAME_SIZE_ERROR, CONNECTION, "RFC 9113 §6.5", "SETTINGS acknowledgement with payload"),
    SETTINGS_WRONG_LENGTH(FRAME_SIZE_ERROR, CONNECTION, "RFC 9113 §6.5", "SETTINGS length not a multiple of 6"),
    SETTINGS_ENABLE_PUSH_INVALID(PROTOCOL_ERROR, CONNECTION, "RFC 9113 §6.5.2", "SETTINGS_ENABLE_PUSH not 0 or 1"),
    SETTINGS_WINDOW_TOO_LARGE(FLOW_CONTROL_ERROR, CONNECTION, "RFC 9113 §6.5.2",
            "SETTINGS_INITIAL_WINDOW_SIZE above 2^31-1"),
    SETTINGS_MAX_FRAME_SIZE_INVALID(PROTOCOL_ERROR, CONNECTION, "RFC 9113 §6.5.2",
            "SETTINGS_MAX_FRAME_SIZE outside 2^14..2^24-1"),
    PUSH_PROMISE_ON_STREAM_ZERO(PROTOCOL_ERROR, CONNECTION, "RFC 9113 §6.6", "PUSH_PROMISE on stream 0"),
    PUSH_PROMISE_PADDING_TOO_LONG(PROTOCOL_ERROR, CONNECTION, "RFC 9113 §6.6", "PUSH_PROMISE padding fills the frame"),
    PING_ON_A_STREAM(PROTOCOL_ERROR, CONNECTION, "RFC 9113 §6.7", "PING on a stream"),
    PING_WRONG_LENGTH(FRAME_SIZE_ERROR, CONNECTION, "RFC 9113 §6.7", "PING length is not 8"),
    GOAWAY_ON_A_STREAM(PROTOCOL_ERROR, CONNECTION, "RFC 9113 §6.8", "GOAWAY on a stream"),
    GOAWAY_TOO_SHORT(FRAME_SIZE_ERROR, CONNECTION, "RFC 9113 §6.8", "GOAWAY shorter than 8"),
    WINDOW_UPDATE_WRONG_LENGTH(FRAME_SIZE_ERROR, CONNECTION, "RFC 9113 §6.9", "WINDOW_UPDATE length is not 4"),
    WINDOW_UPDATE_ZERO_ON_CONNECTION(PROTOCOL_ERROR, CONNECTION, "RFC 9113 §6.9",
            "WINDOW_UPDATE of 0 for the connection"),
    WINDOW_UPDATE_ZERO_ON_STREAM(PROTOCOL_ERROR, STREAM, "RFC 9113 §6.9", "WINDOW_UPDATE of 0 for a stream"),
    /** A frame of another type or stream inside a field block. */
    CONTINUATION_EXPECTED(PROTOCOL_ERROR, CONNECTION, "RFC 9113 §6.10", "field block interrupted"),
    UNEXPECTED_CONTINUATION(PROTOCOL_ERROR, CONNECTION, "RFC 9113 §6.10", "CONTINUATION outside a field block"),
    /**
     * A field block larger than the reader's limit, or split into more frames than any honest sender needs: the
     * CONTINUATION flood of CVE-2024-27316 and its family.
     */
    FIELD_BLOCK_TOO_LARGE(ENHANCE_YOUR_CALM, CONNECTION, "RFC 9113 §10.5.1", "field block too large");

    /** What an error ends. */
    public enum Scope {
        /** The stream: answered with RST_STREAM (RFC 9113 §5.4.2). */
        STREAM,
        /** The connection: answered with GOAWAY, then closed (RFC 9113 §5.4.1). */
        CONNECTION
    }

    private final ErrorCode code;
    private final Scope scope;
    private final String rfc;
    private final String description;

    H2Violation(ErrorCode code, Scope scope, String rfc, String description) {
        this.code = code;
        this.scope = scope;
        this.rfc = rfc;
        this.description = description;
    }

    /** The error code sent in RST_STREAM or GOAWAY. */
    public ErrorCode code() {
        return code;
    }

    public Scope scope() {
        return scope;
    }

    /** The RFC section that states the rule, such as {@code RFC 9113 §6.5}. */
    public String rfc() {
        return rfc;
    }

    /** A short, fixed description, safe to send as GOAWAY debug data. */
    public String description() {
        return description;
    }
}
