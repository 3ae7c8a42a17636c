package dev.jhttp.core.hpack;

import java.util.Objects;

/**
 * Why a field block could not be decoded: the rule it broke, a detail for logs that never quotes the block, and the
 * byte offset in the block where decoding stopped.
 *
 * {@snippet :
 * if (decoder.decode(block) instanceof HpackResult.Failed(HpackError e)) {
 *     log.warn(e.toString());   // "INDEX_OUT_OF_RANGE at byte 3 (RFC 7541 §2.3.3): index 90 ..."
 * }
 * }
 */
public record HpackError(HpackViolation violation, String detail, long offset) {
    public HpackError {
        Objects.requireNonNull(violation, "violation");
        Objects.requireNonNull(detail, "detail");
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset: " + offset);
        }
    }

    @Override
    public String toString() {
        return violation + " at byte " + offset + " (" + violation.rfc() + "): " + detail;
    }
}
