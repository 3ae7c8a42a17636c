package dev.jhttp.core.parse;

import java.util.Objects;

/**
 * What one {@code feed} of bytes produced: more bytes needed, a complete message, or a failure that says which rule
 * the input broke.
 *
 * {@snippet :
 * switch (parser.feed(buffer)) {
 *     case ParseResult.Complete<Request>(Request request) -> handle(request);
 *     case ParseResult.Failed<Request>(ParseError error) -> reject(error.status());
 *     case ParseResult.NeedMore<Request>() -> readMore();
 * }
 * }
 *
 * @param <T> the message type: {@link dev.jhttp.core.Request} or {@link dev.jhttp.core.Response}
 */
public sealed interface ParseResult<T> {

    /** The shared "need more bytes" result. */
    @SuppressWarnings("unchecked")
    static <T> ParseResult<T> needMore() {
        return (ParseResult<T>) NeedMore.INSTANCE;
    }

    /** The bytes so far are a valid prefix of a message; feed more. */
    record NeedMore<T>() implements ParseResult<T> {
        private static final NeedMore<Object> INSTANCE = new NeedMore<>();
    }

    /** A whole message; the bytes after it are left in the buffer. */
    record Complete<T>(T message) implements ParseResult<T> {
        public Complete {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The input broke a rule; the connection's framing can no longer be trusted. */
    record Failed<T>(ParseError error) implements ParseResult<T> {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }
}
