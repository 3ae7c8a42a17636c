package dev.jhttp.core.parse;

import dev.jhttp.core.Status;

import java.util.Objects;

/**
 * Why a message was rejected: the rule it broke, a detail for logs, and the byte offset (from the start of the
 * message) where parsing stopped. The detail never quotes the input, so it is safe to log; still, send clients only
 * the status and the violation's description.
 *
 * {@snippet :
 * ParseError e = failed.error();
 * Status answer = e.status();                   // e.g. 400 Bad Request
 * log.warn(e.violation().rfc() + ": " + e);     // "RFC 9112 §5.1: WHITESPACE_BEFORE_COLON at byte 25 ..."
 * }
 */
public record ParseError(Violation violation, String detail, long offset) {
    public ParseError {
        Objects.requireNonNull(violation, "violation");
        Objects.requireNonNull(detail, "detail");
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset: " + offset);
        }
    }

    /** The status a server answers with (from the violation). */
    public Status status() {
        return violation.status();
    }

    @Override
    public String toString() {
        return violation + " at byte " + offset + " (" + violation.rfc() + "): " + detail;
    }
}
