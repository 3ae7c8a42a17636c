package dev.jhttp.core.parse;

/**
 * Checks one kind of line as its bytes arrive, so that a message fails at the first byte that breaks the line's
 * grammar, not when the line's end arrives: a client that sends a bad byte and then waits gets its answer at once.
 * The checks run over the same bytes in the same order however the input is cut, so every cut gets the same verdict,
 * and a line that passes needs no second look at its bytes.
 *
 * <p>A CR is a line's end only when LF follows it (RFC 9112 §2.2): one still waiting for its next byte is left to the
 * next read, and one followed by anything else is a bare CR.
 */
abstract class LineCheck {
    private int next;

    /** Starts a line at index {@code lineStart} of the line buffer. */
    final void start(int lineStart) {
        next = lineStart;
        restart(lineStart);
    }

    /**
     * Checks what the line buffer holds of the current line after a read with {@code outcome}: every byte of a line
     * still arriving or over its budget, or a CRLF line's content and then its end. A line ending in a bare LF is
     * checked up to its LF, byte by byte only; its ending is refused next.
     *
     * @param base the message offset of the line buffer's index 0
     * @return false with {@code failure} set
     */
    final boolean afterRead(LineReader lines, LineReader.Outcome outcome, Failure failure, long base) {
        boolean crlf = outcome == LineReader.Outcome.LINE && lines.endsWithCrLf();
        int to = outcome != LineReader.Outcome.LINE ? lines.length() : crlf ? lines.contentEnd() : lines.lineEnd();
        int stop = scan(lines.bytes(), next, to, crlf, failure, base, lines.firstControl());
        if (stop < 0) {
            return false;
        }
        next = stop;
        return !crlf || end(to, failure, base);
    }

    /** Prepares the state for a line that starts at {@code lineStart}. */
    abstract void restart(int lineStart);

    /**
     * Checks {@code b[from, to)}.
     *
     * @param complete     whether {@code to} is the end of the line's content (its CRLF follows)
     * @param firstControl the index of the line's first control byte or DEL, or -1: none comes before it
     * @return where the check stopped ({@code to}, or a CR still waiting for its LF), or -1 with {@code failure} set
     */
    abstract int scan(byte[] b, int from, int to, boolean complete, Failure failure, long base, int firstControl);

    /** The line's content ended at {@code to}: whether that makes a whole line of its kind. */
    abstract boolean end(int to, Failure failure, long base);

    /** A CR at {@code i}: still waiting for its LF (returns {@code i}), or bare (-1, failure set). */
    static int carriageReturn(int i, int to, boolean complete, Failure failure, long base) {
        if (!complete && i == to - 1) {
            return i;
        }
        failure.set(Violation.BARE_CR, "CR not followed by LF", base + i);
        return -1;
    }

    /** Records a violation at {@code i}; returns -1, as {@link #scan} does then. */
    static int fail(Violation violation, String detail, int i, Failure failure, long base) {
        failure.set(violation, detail, base + i);
        return -1;
    }

    /** The check of a line whose other rules wait for its end: only a bare CR fails early. */
    static LineCheck bareCrOnly() {
        return new LineCheck() {
            @Override
            void restart(int lineStart) {
            }

            @Override
            int scan(byte[] b, int from, int to, boolean complete, Failure failure, long base, int firstControl) {
                for (int i = firstControl < 0 ? to : Math.max(from, firstControl); i < to; i++) {
                    if (b[i] == '\r') {
                        return carriageReturn(i, to, complete, failure, base);
                    }
                }
                return to;
            }

            @Override
            boolean end(int to, Failure failure, long base) {
                return true;
            }
        };
    }
}
