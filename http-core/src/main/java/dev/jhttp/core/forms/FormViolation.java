package dev.jhttp.core.forms;

import dev.jhttp.core.Status;

/**
 * Every rule the form readers enforce, with the status a server answers and where the rule comes from.
 *
 * {@snippet :
 * FormViolation v = FormViolation.MALFORMED_ESCAPE;
 * int code = v.status().code();   // 400
 * String rule = v.rule();         // "URL Standard §5.1, RFC 3986 §2.1"
 * }
 */
public enum FormViolation {
    /** A {@code %} not followed by two hexadecimal digits (which the URL Standard would keep as it is). */
    MALFORMED_ESCAPE(Status.BAD_REQUEST_400, "URL Standard §5.1, RFC 3986 §2.1", "malformed percent-escape"),
    /** A name or value whose octets, once percent-decoded, are not well-formed UTF-8 (which it would replace). */
    INVALID_UTF8(Status.BAD_REQUEST_400, "URL Standard §5.1, RFC 3629 §4", "not UTF-8"),
    /** More fields than the reader's limit. */
    TOO_MANY_FIELDS(Status.CONTENT_TOO_LARGE_413, "RFC 9110 §15.5.14", "too many form fields"),
    /** A boundary delimiter followed by something other than padding and CRLF, or {@code --}. */
    MALFORMED_DELIMITER(Status.BAD_REQUEST_400, "RFC 2046 §5.1.1", "malformed multipart delimiter"),
    /** The content ended before the close delimiter. */
    TRUNCATED_MULTIPART(Status.BAD_REQUEST_400, "RFC 2046 §5.1.1", "multipart content cut short"),
    /** A part's header section breaks the field rules a request's does; the detail names the rule. */
    INVALID_PART_HEADER(Status.BAD_REQUEST_400, "RFC 7578 §4.8, RFC 9112 §5", "invalid part header"),
    /** A part without a {@code Content-Disposition} of type {@code form-data} with a {@code name}, or a broken one. */
    INVALID_CONTENT_DISPOSITION(Status.BAD_REQUEST_400, "RFC 7578 §4.2, RFC 6266 §4.1",
            "invalid Content-Disposition"),
    /** A {@code filename*} that is not a well-formed extended value in UTF-8 or ISO-8859-1. */
    INVALID_EXT_VALUE(Status.BAD_REQUEST_400, "RFC 8187 §3.2.1", "invalid extended parameter value"),
    /** More parts than the reader's limit. */
    TOO_MANY_PARTS(Status.CONTENT_TOO_LARGE_413, "RFC 7578 §4.4, RFC 9110 §15.5.14", "too many parts"),
    /** A part without a filename (a field, held in memory) larger than the reader's limit. */
    FIELD_TOO_LARGE(Status.CONTENT_TOO_LARGE_413, "RFC 9110 §15.5.14", "form field too large"),
    /** Multipart content larger than the reader's limit. */
    MULTIPART_TOO_LARGE(Status.CONTENT_TOO_LARGE_413, "RFC 9110 §15.5.14", "multipart content too large");

    private final Status status;
    private final String rule;
    private final String description;

    FormViolation(Status status, String rule, String description) {
        this.status = status;
        this.rule = rule;
        this.description = description;
    }

    public Status status() {
        return status;
    }

    /** The specification and section the rule comes from. */
    public String rule() {
        return rule;
    }

    /** A short description, safe to send to a client. */
    public String description() {
        return description;
    }
}
