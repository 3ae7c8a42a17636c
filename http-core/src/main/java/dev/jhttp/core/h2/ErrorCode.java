package dev.jhttp.core.h2;

/**
 * The error codes of RFC 9113 §7, carried by RST_STREAM and GOAWAY.
 *
 * {@snippet :
 * ErrorCode code = ErrorCode.of(0x8);   // CANCEL
 * long wire = code.code();              // 8
 * ErrorCode unknown = ErrorCode.of(0x99);   // INTERNAL_ERROR, as §7 allows
 * }
 */
public enum ErrorCode {
    NO_ERROR(0x0),
    PROTOCOL_ERROR(0x1),
    INTERNAL_ERROR(0x2),
    FLOW_CONTROL_ERROR(0x3),
    SETTINGS_TIMEOUT(0x4),
    STREAM_CLOSED(0x5),
    FRAME_SIZE_ERROR(0x6),
    REFUSED_STREAM(0x7),
    CANCEL(0x8),
    COMPRESSION_ERROR(0x9),
    CONNECT_ERROR(0xa),
    ENHANCE_YOUR_CALM(0xb),
    INADEQUATE_SECURITY(0xc),
    HTTP_1_1_REQUIRED(0xd);

    private static final ErrorCode[] BY_CODE = values();

    private final long code;

    ErrorCode(long code) {
        this.code = code;
    }

    /** The 32-bit code on the wire. */
    public long code() {
        return code;
    }

    /** The error with this code; an unknown code is read as {@link #INTERNAL_ERROR} (RFC 9113 §7). */
    public static ErrorCode of(long code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[(int) code] : INTERNAL_ERROR;
    }
}
