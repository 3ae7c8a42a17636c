package dev.jhttp.core.forms;

import dev.jhttp.core.Status;

import java.util.Objects;

/**
 * Why a form was rejected: the rule it broke, a detail for logs that never quotes the input, and the byte offset
 * (from the start of the input) of the octet that decided it.
 */
public record FormError(FormViolation violation, String detail, long offset) {
    public FormError {
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
        return violation + " at byte " + offset + " (" + violation.rule() + "): " + detail;
    }
}
