package dev.jhttp.core.parse;

import dev.jhttp.core.syntax.Ascii;

/**
 * The chunk-ext grammar (RFC 9112 §7.1.1), one byte at a time:
 * {@code *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )}, where a value is a token or a quoted-string
 * (RFC 9110 §5.6.4). Whitespace must lead to a {@code ;} or {@code =}: none may end the line.
 */
final class ChunkExtensions {
    private enum State {
        NONE, BEFORE_SEMICOLON, BEFORE_NAME, NAME, AFTER_NAME, BEFORE_VALUE, TOKEN_VALUE, QUOTED, QUOTED_PAIR,
        AFTER_QUOTED, AFTER_VALUE
    }

    private State state = State.NONE;

    /** Back to the start of a chunk-size line's extensions. */
    void restart() {
        state = State.NONE;
    }

    /** Takes the next byte; false if it breaks the grammar. */
    boolean accept(byte c) {
        boolean ws = Ascii.isWhitespace(c);
        State next = switch (state) {
            case NONE, BEFORE_SEMICOLON, AFTER_VALUE, AFTER_QUOTED ->
                    c == ';' ? State.BEFORE_NAME : ws ? afterWhitespace() : null;
            case BEFORE_NAME -> ws ? State.BEFORE_NAME : Ascii.isTokenChar(c) ? State.NAME : null;
            case NAME -> Ascii.isTokenChar(c) ? State.NAME : ws ? State.AFTER_NAME : nameFollower(c);
            case AFTER_NAME -> ws ? State.AFTER_NAME : nameFollower(c);
            case BEFORE_VALUE -> ws ? State.BEFORE_VALUE : c == '"' ? State.QUOTED
                    : Ascii.isTokenChar(c) ? State.TOKEN_VALUE : null;
            case TOKEN_VALUE -> Ascii.isTokenChar(c) ? State.TOKEN_VALUE : c == ';' ? State.BEFORE_NAME
                    : ws ? State.AFTER_VALUE : null;
            case QUOTED -> c == '"' ? State.AFTER_QUOTED : c == '\\' ? State.QUOTED_PAIR
                    : Ascii.isFieldVisible(c) || ws ? State.QUOTED : null;
            case QUOTED_PAIR -> Ascii.isFieldVisible(c) || ws ? State.QUOTED : null;
        };
        if (next == null) {
            return false;
        }
        state = next;
        return true;
    }

    /** Whether the bytes taken make whole extensions (or none), so the line may end here. */
    boolean isComplete() {
        return state == State.NONE || state == State.NAME || state == State.TOKEN_VALUE
                || state == State.AFTER_QUOTED;
    }

    private State afterWhitespace() {
        return state == State.NONE ? State.BEFORE_SEMICOLON : state == State.AFTER_QUOTED ? State.AFTER_VALUE : state;
    }

    private static State nameFollower(byte c) {
        return c == '=' ? State.BEFORE_VALUE : c == ';' ? State.BEFORE_NAME : null;
    }
}
