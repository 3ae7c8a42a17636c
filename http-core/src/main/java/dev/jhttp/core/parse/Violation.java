package dev.jhttp.core.parse;

import dev.jhttp.core.Status;

/**
 * Every rule the parsers enforce, with the status a server answers and the RFC section the rule comes from.
 *
 * {@snippet :
 * Violation v = Violation.OBSOLETE_LINE_FOLDING;
 * int code = v.status().code();   // 400
 * String rule = v.rfc();          // "RFC 9112 §5.2"
 * }
 */
public enum Violation {
    /** The request-line (with any empty lines before it) is longer than {@link ParserLimits#maxRequestLineLength}. */
    REQUEST_LINE_TOO_LONG(Status.URI_TOO_LONG_414, "RFC 9112 §3", "request line too long"),
    /** The request-line is not {@code method SP request-target SP HTTP-version}, with single spaces. */
    INVALID_REQUEST_LINE(Status.BAD_REQUEST_400, "RFC 9112 §3", "malformed request line"),
    /** The method is not a token. */
    INVALID_METHOD(Status.BAD_REQUEST_400, "RFC 9112 §3.1", "invalid method"),
    /** The request-target has a byte outside its grammar, or a broken percent-escape. */
    INVALID_REQUEST_TARGET(Status.BAD_REQUEST_400, "RFC 9112 §3.2", "invalid request target"),
    /** A target form the method may not use: authority-form without CONNECT, asterisk-form without OPTIONS. */
    TARGET_FORM_NOT_ALLOWED(Status.BAD_REQUEST_400, "RFC 9112 §3.2.3", "request target form not allowed"),
    /** The version is not exactly {@code HTTP/} DIGIT {@code .} DIGIT. */
    INVALID_VERSION(Status.BAD_REQUEST_400, "RFC 9112 §2.3", "invalid HTTP version"),
    /** A well-formed version whose major number is not 1. */
    UNSUPPORTED_VERSION(Status.HTTP_VERSION_NOT_SUPPORTED_505, "RFC 9110 §15.6.6", "HTTP version not supported"),
    /** A CR not followed by LF. */
    BARE_CR(Status.BAD_REQUEST_400, "RFC 9112 §2.2", "bare CR"),
    /**
     * An LF not preceded by CR. RFC 9112 §2.2 lets a recipient accept it; jhttp does not, because peers that
     * disagree on line endings disagree on where a message ends, which is how requests get smuggled.
     */
    BARE_LF(Status.BAD_REQUEST_400, "RFC 9112 §2.2", "bare LF"),
    /** Whitespace between the start-line and the first field line. */
    WHITESPACE_AFTER_START_LINE(Status.BAD_REQUEST_400, "RFC 9112 §2.2", "whitespace after start line"),
    /** The header section is larger than {@link ParserLimits#maxHeaderSectionSize}. */
    HEADER_SECTION_TOO_LARGE(Status.REQUEST_HEADER_FIELDS_TOO_LARGE_431, "RFC 6585 §5",
            "header section too large"),
    /** More field lines than {@link ParserLimits#maxHeaderCount}. */
    TOO_MANY_HEADERS(Status.REQUEST_HEADER_FIELDS_TOO_LARGE_431, "RFC 6585 §5", "too many header fields"),
    /** A field name that is empty, not a token, or a line without a colon. */
    INVALID_HEADER_NAME(Status.BAD_REQUEST_400, "RFC 9112 §5", "invalid header field name"),
    /** Whitespace between a field name and its colon. */
    WHITESPACE_BEFORE_COLON(Status.BAD_REQUEST_400, "RFC 9112 §5.1", "whitespace before colon"),
    /** A field line continued on the next line with leading whitespace. */
    OBSOLETE_LINE_FOLDING(Status.BAD_REQUEST_400, "RFC 9112 §5.2", "obsolete line folding"),
    /** A field value holding NUL, DEL or another control byte other than HTAB. */
    INVALID_HEADER_VALUE(Status.BAD_REQUEST_400, "RFC 9110 §5.5", "invalid header field value"),
    /** An HTTP/1.1 request without a Host field. */
    MISSING_HOST(Status.BAD_REQUEST_400, "RFC 9112 §3.2", "missing Host header"),
    /** More than one Host field line. */
    DUPLICATE_HOST(Status.BAD_REQUEST_400, "RFC 9112 §3.2", "duplicate Host header"),
    /** A Host value that is not {@code uri-host [":" port]}. */
    INVALID_HOST(Status.BAD_REQUEST_400, "RFC 9110 §7.2", "invalid Host header"),
    /** A Content-Length that is not digits only. */
    INVALID_CONTENT_LENGTH(Status.BAD_REQUEST_400, "RFC 9110 §8.6", "invalid Content-Length"),
    /** Content-Length values that differ. */
    CONFLICTING_CONTENT_LENGTH(Status.BAD_REQUEST_400, "RFC 9112 §6.3", "conflicting Content-Length values"),
    /** Both Transfer-Encoding and Content-Length: the classic request-smuggling ambiguity. */
    CONTENT_LENGTH_WITH_TRANSFER_ENCODING(Status.BAD_REQUEST_400, "RFC 9112 §6.3",
            "both Transfer-Encoding and Content-Length"),
    /** Transfer-Encoding in an HTTP/1.0 message, whose framing then cannot be trusted. */
    TRANSFER_ENCODING_IN_HTTP_1_0(Status.BAD_REQUEST_400, "RFC 9112 §6.1", "Transfer-Encoding in HTTP/1.0"),
    /** A Transfer-Encoding list that is not a list of tokens, or applies chunked twice. */
    INVALID_TRANSFER_ENCODING(Status.BAD_REQUEST_400, "RFC 9112 §6.1", "invalid Transfer-Encoding"),
    /** A request Transfer-Encoding whose final coding is not chunked. */
    CHUNKED_NOT_FINAL(Status.BAD_REQUEST_400, "RFC 9112 §6.3", "chunked is not the final transfer coding"),
    /** A transfer coding other than chunked. */
    UNSUPPORTED_TRANSFER_CODING(Status.NOT_IMPLEMENTED_501, "RFC 9112 §6.1", "unsupported transfer coding"),
    /** Content larger than {@link ParserLimits#maxBodySize}. */
    BODY_TOO_LARGE(Status.CONTENT_TOO_LARGE_413, "RFC 9110 §15.5.14", "content too large"),
    /** A chunk size that is not hex digits, or that overflows. */
    INVALID_CHUNK_SIZE(Status.BAD_REQUEST_400, "RFC 9112 §7.1", "invalid chunk size"),
    /** A chunk extension outside the grammar. */
    INVALID_CHUNK_EXTENSION(Status.BAD_REQUEST_400, "RFC 9112 §7.1.1", "invalid chunk extension"),
    /** Chunk extensions longer than {@link ParserLimits#maxChunkExtensionLength}. */
    CHUNK_EXTENSION_TOO_LONG(Status.BAD_REQUEST_400, "RFC 9112 §7.1.1", "chunk extension too long"),
    /** Chunk data not followed by CRLF. */
    MISSING_CHUNK_DATA_END(Status.BAD_REQUEST_400, "RFC 9112 §7.1", "chunk data not followed by CRLF"),
    /** The input ended inside a message. */
    INCOMPLETE_MESSAGE(Status.BAD_REQUEST_400, "RFC 9112 §8", "message ended early"),
    /** A status-line that is not {@code HTTP-version SP status-code SP [reason-phrase]}. */
    INVALID_STATUS_LINE(Status.BAD_GATEWAY_502, "RFC 9112 §4", "malformed status line");

    private final Status status;
    private final String rfc;
    private final String description;

    Violation(Status status, String rfc, String description) {
        this.status = status;
        this.rfc = rfc;
        this.description = description;
    }

    /** The status a server answers a request with when it breaks this rule. */
    public Status status() {
        return status;
    }

    /** The RFC section that states the rule, such as {@code RFC 9112 §6.3}. */
    public String rfc() {
        return rfc;
    }

    /** A short, fixed description, safe to show to clients. */
    public String description() {
        return description;
    }
}
