package dev.jhttp.core.h2;

import java.util.Objects;

/**
 * What one {@link FrameReader#read} gave: more bytes needed, a frame, or an error. After a connection error the
 * reader is finished; after a stream error it has consumed the offending frame and reads on.
 *
 * {@snippet :
 * switch (reader.read(buffer)) {
 *     case FrameResult.Read(Frame frame) -> dispatch(frame);
 *     case FrameResult.Failed(H2Error error) -> reject(error);
 *     case FrameResult.NeedMore() -> readMoreBytes();
 * }
 * }
 */
public sealed interface FrameResult {

    /** The bytes so far are a valid prefix of a frame; feed more. */
    record NeedMore() implements FrameResult {
        static final NeedMore INSTANCE = new NeedMore();
    }

    /** A whole frame; bytes after it are left in the buffer. */
    record Read(Frame frame) implements FrameResult {
        public Read {
            Objects.requireNonNull(frame, "frame");
        }
    }

    /** A frame broke a rule. */
    record Failed(H2Error error) implements FrameResult {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }
}
