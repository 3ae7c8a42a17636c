package dev.jhttp.core.hpack;

import java.util.List;
import java.util.Objects;

/**
 * What decoding one field block gave: its fields; or, when they add up to more than the header list limit, only
 * their size (the block was still decoded to the end, so the table stays in step with the peer's); or an error
 * after which the connection's decoding state is lost.
 *
 * {@snippet :
 * switch (decoder.decode(block)) {
 *     case HpackResult.Decoded(List<HeaderField> fields) -> handle(fields);
 *     case HpackResult.TooLarge(long size) -> refuse431();
 *     case HpackResult.Failed(HpackError error) -> goAway(COMPRESSION_ERROR);
 * }
 * }
 */
public sealed interface HpackResult {

    /** The block's fields in order. */
    record Decoded(List<HeaderField> fields) implements HpackResult {
        public Decoded {
            fields = List.copyOf(fields);
        }
    }

    /**
     * The fields add up to more than the limit (RFC 9113 §6.5.2 counts each as name, value and 32 octets), so they
     * were not kept; {@code size} is their total. Decoding went on to the end of the block (RFC 9113 §4.3).
     */
    record TooLarge(long size) implements HpackResult {
    }

    /** The block broke a rule; the decoder cannot be used again. */
    record Failed(HpackError error) implements HpackResult {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }
}
