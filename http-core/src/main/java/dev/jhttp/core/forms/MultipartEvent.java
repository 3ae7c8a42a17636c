package dev.jhttp.core.forms;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * What one {@link MultipartReader#read} found. A body reads as, for each part, {@link PartStarted}, any number of
 * {@link Content} pieces and {@link PartEnded}; then {@link Finished}. Content may come in different pieces for
 * different cuts of the same bytes; its concatenation, and every other event, is the same.
 */
public sealed interface MultipartEvent {

    /** A part's header section was read. */
    record PartStarted(PartHead head) implements MultipartEvent {
        public PartStarted {
            Objects.requireNonNull(head, "head");
        }
    }

    /** Content of the current part: read-only, valid until the next {@code read}. */
    record Content(ByteBuffer bytes) implements MultipartEvent {
        public Content {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** The current part's content ended. */
    record PartEnded() implements MultipartEvent {
    }

    /** The close delimiter: the body is complete, and whatever follows it (the epilogue) is ignored. */
    record Finished() implements MultipartEvent {
    }

    /** Everything given was used; read again with more. */
    record NeedMore() implements MultipartEvent {
    }

    /** The content broke a rule; every later read gives the same. */
    record Failed(FormError error) implements MultipartEvent {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }
}
