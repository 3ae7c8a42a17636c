package dev.jhttp.core.h2;

import static dev.jhttp.core.h2.ErrorCode.COMPRESSION_ERROR;
import static dev.jhttp.core.h2.ErrorCode.ENHANCE_YOUR_CALM;
import static dev.jhttp.core.h2.ErrorCode.FLOW_CONTROL_ERROR;
import static dev.jhttp.core.h2.ErrorCode.FRAME_SIZE_ERROR;
import static dev.jhttp.core.h2.ErrorCode.PROTOCOL_ERROR;
import static dev.jhttp.core.h2.ErrorCode.REFUSED_STREAM;
import static dev.jhttp.core.h2.ErrorCode.SETTINGS_TIMEOUT;
import static dev.jhttp.core.h2.ErrorCode.STREAM_CLOSED;
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
    /** The connection did not start with {@code PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n}. */
    INVALID_PREFACE(PROTOCOL_ERROR, CONNECTION, "RFC 9113 §3.4", "invalid connection preface"),
    SETTINGS_NOT_FIRST(PROTOCOL_ERROR, CONNECTION, "RFC 9113 §3.4", "first frame is not SETTINGS"),
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
    FIELD_BLOCK_TOO_LARGE(ENHANCE_YOUR_CALM, CONNECTION, "RFC 9113 §10.5.1", "field block too large"),
    /** A stream opened with an even identifier, which only servers use. */
    EVEN_STREAM_ID(PROTOCOL_ERROR, CONNECTION, "RFC 9113 §5.1.1", "client stream with an even identifier"),
    /** A new stream whose identifier is not above every stream the client opened before. */
    STREAM_ID_NOT_INCREASING(PROTOCOL_ERROR, CONNECTION, "RFC 9113 §5.1.1", "stream identifier not increasing"),
    /** DATA, RST_STREAM or WINDOW_UPDATE on a stream the client has not opened. */
    FRAME_ON_IDLE_STREAM(PROTOCOL_ERROR, CONNECTION, "RFC 9113 §5.1", "frame on an idle stream"),
    /** DATA on a stream the client has ended (half-closed remote) or that is closed. */
    DATA_ON_CLOSED_STREAM(STREAM_CLOSED, STREAM, "RFC 9113 §5.1", "DATA on a closed stream"),
    /** HEADERS on a stream that is closed, or whose client side has ended. */
    HEADERS_ON_CLOSED_STREAM(STREAM_CLOSED, CONNECTION, "RFC 9113 §5.1", "HEADERS on a closed stream"),
    /** A second HEADERS (trailers) without END_STREAM. */
    TRAILERS_WITHOUT_END_STREAM(PROTOCOL_ERROR, STREAM, "RFC 9113 §8.1", "trailers without END_STREAM"),
    PUSH_PROMISE_FROM_CLIENT(PROTOCOL_ERROR, CONNECTION, "RFC 9113 §8.4", "PUSH_PROMISE from a client"),
    /** More streams open at once than SETTINGS_MAX_CONCURRENT_STREAMS allows. */
    TOO_MANY_STREAMS(REFUSED_STREAM, STREAM, "RFC 9113 §5.1.2", "too many concurrent streams"),
    /** The server as a whole holds as many streams as it has room for; the request was not processed. */
    SERVER_BUSY(REFUSED_STREAM, STREAM, "RFC 9113 §8.7", "the server holds as many streams as it has room for"),
    /** Request content waiting for handlers, across the server, is at its limit; this stream's DATA would pass it. */
    SERVER_CONTENT_FULL(ENHANCE_YOUR_CALM, STREAM, "RFC 9113 §10.5",
            "more request content waiting for handlers than the server holds"),
    STREAM_WINDOW_EXCEEDED(FLOW_CONTROL_ERROR, STREAM, "RFC 9113 §6.9.1", "DATA beyond the stream's window"),
    CONNECTION_WINDOW_EXCEEDED(FLOW_CONTROL_ERROR, CONNECTION, "RFC 9113 §6.9.1",
            "DATA beyond the connection's window"),
    STREAM_WINDOW_OVERFLOW(FLOW_CONTROL_ERROR, STREAM, "RFC 9113 §6.9.1", "stream window above 2^31-1"),
    CONNECTION_WINDOW_OVERFLOW(FLOW_CONTROL_ERROR, CONNECTION, "RFC 9113 §6.9.1",
            "connection window above 2^31-1"),
    /** A new SETTINGS_INITIAL_WINDOW_SIZE that takes a stream's window above 2^31-1. */
    SETTINGS_WINDOW_OVERFLOW(FLOW_CONTROL_ERROR, CONNECTION, "RFC 9113 §6.9.2", "stream window above 2^31-1"),
    /** A field block HPACK could not decode; the compression context is lost. */
    HPACK_FAILED(COMPRESSION_ERROR, CONNECTION, "RFC 9113 §4.3", "field block could not be decoded"),
    SETTINGS_NOT_ACKNOWLEDGED(SETTINGS_TIMEOUT, CONNECTION, "RFC 9113 §6.5.3", "SETTINGS not acknowledged in time"),
    /**
     * PING, SETTINGS, PRIORITY, WINDOW_UPDATE, empty DATA, or streams opened and reset, faster than any honest
     * client sends them: the floods of CVE-2019-9512/9515/9518 and the rapid reset of CVE-2023-44487.
     */
    FLOOD(ENHANCE_YOUR_CALM, CONNECTION, "RFC 9113 §10.5", "too many frames that cost work and do nothing"),
    /** A field name that is empty, holds a character outside {@code tchar}, or a colon. */
    INVALID_FIELD_NAME(PROTOCOL_ERROR, STREAM, "RFC 9113 §8.2.1", "invalid field name"),
    UPPERCASE_FIELD_NAME(PROTOCOL_ERROR, STREAM, "RFC 9113 §8.2", "uppercase field name"),
    /** A field value with a control character (NUL, CR and LF among them) or leading or trailing whitespace. */
    INVALID_FIELD_VALUE(PROTOCOL_ERROR, STREAM, "RFC 9113 §8.2.1", "invalid field value"),
    /** Connection, Keep-Alive, Proxy-Connection, Transfer-Encoding or Upgrade. */
    CONNECTION_SPECIFIC_FIELD(PROTOCOL_ERROR, STREAM, "RFC 9113 §8.2.2", "connection-specific field"),
    TE_NOT_TRAILERS(PROTOCOL_ERROR, STREAM, "RFC 9113 §8.2.2", "TE other than trailers"),
    PSEUDO_HEADER_AFTER_FIELD(PROTOCOL_ERROR, STREAM, "RFC 9113 §8.3", "pseudo-header after a regular field"),
    /** A pseudo-header not defined for requests, {@code :status} included. */
    UNKNOWN_PSEUDO_HEADER(PROTOCOL_ERROR, STREAM, "RFC 9113 §8.3", "undefined pseudo-header"),
    DUPLICATE_PSEUDO_HEADER(PROTOCOL_ERROR, STREAM, "RFC 9113 §8.3", "repeated pseudo-header"),
    PSEUDO_HEADER_IN_TRAILERS(PROTOCOL_ERROR, STREAM, "RFC 9113 §8.1", "pseudo-header in trailers"),
    MISSING_PSEUDO_HEADER(PROTOCOL_ERROR, STREAM, "RFC 9113 §8.3.1", "missing :method, :scheme or :path"),
    /** A response without one {@code :status} of three digits. */
    INVALID_STATUS(PROTOCOL_ERROR, STREAM, "RFC 9113 §8.3.2", "missing or invalid :status"),
    /** A {@code :method}, {@code :scheme}, {@code :authority} or {@code :path} outside its grammar. */
    INVALID_PSEUDO_HEADER(PROTOCOL_ERROR, STREAM, "RFC 9113 §8.3.1", "invalid pseudo-header value"),
    /** A CONNECT request with {@code :scheme} or {@code :path}, or without {@code :authority}. */
    INVALID_CONNECT(PROTOCOL_ERROR, STREAM, "RFC 9113 §8.5", "malformed CONNECT request"),
    HOST_DIFFERS_FROM_AUTHORITY(PROTOCOL_ERROR, STREAM, "RFC 9113 §8.3.1", "Host differs from :authority"),
    /** A content-length that is not one decimal number, or that differs from the length of the DATA received. */
    CONTENT_LENGTH_MISMATCH(PROTOCOL_ERROR, STREAM, "RFC 9113 §8.1.1", "content-length does not match");

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
