package dev.jhttp.server;

import dev.jhttp.core.parse.ParseError;

import java.io.IOException;
import java.util.Optional;

/**
 * Thrown to a handler reading request content that breaks the framing rules, or that stops arriving within the
 * body timeout. The fault is the client's: the server answers it (with the violation's status, or 408) and closes
 * the connection, whatever the handler returns, so handlers and filters should let it pass.
 *
 * {@snippet :
 * try (InputStream in = request.body().openStream()) {
 *     in.transferTo(out);               // may throw RequestContentException
 * }
 * }
 */
public final class RequestContentException extends IOException {
    private final transient ParseError violation;

    private RequestContentException(String message, ParseError violation) {
        super(message, null);
        this.violation = violation;
    }

    /** Content that broke a rule. */
    public static RequestContentException of(ParseError violation) {
        return new RequestContentException(violation.violation().description(), violation);
    }

    /** Content that stopped arriving. */
    public static RequestContentException timedOut() {
        return new RequestContentException("request content timed out", null);
    }

    /** The rule broken; empty when the content timed out. */
    public Optional<ParseError> violation() {
        return Optional.ofNullable(violation);
    }
}
