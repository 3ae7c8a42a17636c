package dev.jhttp.core.parse;

/** The first error of a message, recorded by whichever part of a parser found it. */
final class Failure {
    private ParseError error;

    void set(Violation violation, String detail, long offset) {
        if (error == null) {
            error = new ParseError(violation, detail, offset);
        }
    }

    ParseError error() {
        return error;
    }

    boolean isSet() {
        return error != null;
    }

    void clear() {
        error = null;
    }
}
