package dev.jhttp.core.parse;

import dev.jhttp.core.syntax.Ascii;
import dev.jhttp.core.syntax.ByteScan;

/**
 * The field-line grammar, byte by byte: {@code field-name ":" OWS field-value OWS} (RFC 9112 §5), a name of token
 * characters directly followed by the colon (§5.1), a value of visible bytes, SP and HTAB (RFC 9110 §5.5), no line
 * that starts with whitespace (§5.2, and §2.2 after the start-line), and no field line past the count limit.
 */
final class FieldLineCheck extends LineCheck {
    private enum Part { FIRST, NAME, VALUE }

    private Part part;
    private int colon;
    private boolean afterStartLine;
    private boolean countReached;

    /**
     * Says what the next line follows before it starts.
     *
     * @param afterStartLine whether it follows the start-line, where leading whitespace has its own rule
     * @param countReached   whether the section already has as many field lines as allowed
     */
    void next(boolean afterStartLine, boolean countReached) {
        this.afterStartLine = afterStartLine;
        this.countReached = countReached;
    }

    @Override
    void restart(int lineStart) {
        part = Part.FIRST;
    }

    /** The index of the colon that ends the field name. */
    int colon() {
        return colon;
    }

    @Override
    int scan(byte[] b, int from, int to, boolean complete, Failure failure, long base, int firstControl) {
        int i = from;
        if (part == Part.FIRST && i < to) {
            if (b[i] == '\r') {
                return carriageReturn(i, to, complete, failure, base);
            }
            if (countReached || !Ascii.isTokenChar(b[i])) {
                return refuseFirst(b[i], i, failure, base);
            }
            part = Part.NAME;
            i++;
        }
        if (part == Part.NAME) {
            while (i < to && Ascii.isTokenChar(b[i])) {
                i++;
            }
            if (i == to) {
                return to;
            }
            if (b[i] != ':') {
                return b[i] == '\r' ? carriageReturn(i, to, complete, failure, base) : refuseName(b[i], i, failure,
                        base);
            }
            colon = i++;
            part = Part.VALUE;
        }
        // A line's first control byte is known from the search for its LF: a clean value needs no second look.
        int control = firstControl < 0 ? -1 : ByteScan.firstInvalidFieldByte(b, Math.max(i, firstControl), to);
        if (control < 0) {
            return to;
        }
        return b[control] == '\r' ? carriageReturn(control, to, complete, failure, base)
                : fail(Violation.INVALID_HEADER_VALUE, "control byte 0x%02X in field value".formatted(b[control] & 0xFF),
                control, failure, base);
    }

    private int refuseFirst(byte c, int i, Failure failure, long base) {
        if (countReached) {
            return fail(Violation.TOO_MANY_HEADERS, "too many field lines", i, failure, base);
        }
        if (Ascii.isWhitespace(c)) {
            // RFC 9112 §2.2 (first line) and §5.2 (later lines): reject rather than guess what was meant.
            return fail(afterStartLine ? Violation.WHITESPACE_AFTER_START_LINE : Violation.OBSOLETE_LINE_FOLDING,
                    "field line starts with whitespace", i, failure, base);
        }
        return fail(Violation.INVALID_HEADER_NAME, c == ':' ? "empty field name"
                : "byte 0x%02X in field name".formatted(c & 0xFF), i, failure, base);
    }

    private static int refuseName(byte c, int i, Failure failure, long base) {
        if (Ascii.isWhitespace(c)) {
            // RFC 9112 §5.1: no whitespace between the name and the colon (nor inside a name).
            return fail(Violation.WHITESPACE_BEFORE_COLON, "whitespace between a field name and its colon", i,
                    failure, base);
        }
        return fail(Violation.INVALID_HEADER_NAME, "byte 0x%02X in field name".formatted(c & 0xFF), i, failure, base);
    }

    @Override
    boolean end(int to, Failure failure, long base) {
        if (part == Part.NAME) {
            failure.set(Violation.INVALID_HEADER_NAME, "field line without colon", base + to);
            return false;
        }
        return true;
    }
}
