package dev.jhttp.core.parse;

/** How a message's content is delimited (RFC 9112 §6.3). */
record Framing(Kind kind, long length) {
    enum Kind { NONE, LENGTH, CHUNKED, UNTIL_CLOSE }

    static final Framing NONE = new Framing(Kind.NONE, 0);
    static final Framing CHUNKED = new Framing(Kind.CHUNKED, -1);
    static final Framing UNTIL_CLOSE = new Framing(Kind.UNTIL_CLOSE, -1);

    static Framing length(long length) {
        return length == 0 ? NONE : new Framing(Kind.LENGTH, length);
    }
}
