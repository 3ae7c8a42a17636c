package dev.jhttp.core.h2;

import java.util.Objects;

/**
 * What a field section became: the message part it describes, or the rule that makes the message malformed, a
 * stream error (RFC 9113 §8.1.1) that the caller turns into an {@link H2Error} with the stream and frame offset.
 *
 * {@snippet :
 * switch (RequestFields.toRequest(fields)) {
 *     case FieldsResult.Valid<Request>(Request request) -> run(request);
 *     case FieldsResult.Malformed<Request> m -> reset(streamId, m.violation().code());
 * }
 * }
 *
 * @param <T> what the section describes: a {@link dev.jhttp.core.Request}, or {@link dev.jhttp.core.Headers} for
 *            trailers
 */
public sealed interface FieldsResult<T> {

    record Valid<T>(T value) implements FieldsResult<T> {
        public Valid {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The rule broken, and a detail for logs that never quotes the fields. */
    record Malformed<T>(H2Violation violation, String detail) implements FieldsResult<T> {
        public Malformed {
            Objects.requireNonNull(violation, "violation");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
