package dev.jhttp.core.parse;

import dev.jhttp.core.internal.Ascii;

/**
 * The chunk-ext grammar (RFC 9112 §7.1.1):
 * {@code *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )}, where a value is a token or a
 * quoted-string.
 */
final class ChunkExtensions {
    private ChunkExtensions() {
    }

    /** The index of the first byte that breaks the grammar in {@code b[from, to)}, or -1 if all is valid. */
    static int firstInvalid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            i = skipWhitespace(b, i, to);
            if (i == to || b[i] != ';') {
                return i;
            }
            i = skipWhitespace(b, i + 1, to);
            int nameEnd = skipToken(b, i, to);
            if (nameEnd == i) {
                return i;
            }
            i = skipWhitespace(b, nameEnd, to);
            if (i < to && b[i] == '=') {
                i = skipWhitespace(b, i + 1, to);
                int valueEnd = i < to && b[i] == '"' ? skipQuotedString(b, i, to) : skipToken(b, i, to);
                if (valueEnd < 0 || valueEnd == i) {
                    return i;
                }
                i = valueEnd;
            }
        }
        return -1;
    }

    private static int skipWhitespace(byte[] b, int i, int to) {
        while (i < to && Ascii.isWhitespace(b[i])) {
            i++;
        }
        return i;
    }

    private static int skipToken(byte[] b, int i, int to) {
        while (i < to && Ascii.isTokenChar(b[i])) {
            i++;
        }
        return i;
    }

    // quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE (RFC 9110 §5.6.4); -1 if unterminated or invalid.
    private static int skipQuotedString(byte[] b, int i, int to) {
        for (int j = i + 1; j < to; j++) {
            int c = b[j] & 0xFF;
            if (c == '"') {
                return j + 1;
            }
            if (c == '\\') {
                j++;
                if (j == to || !(Ascii.isFieldVisible(b[j]) || Ascii.isWhitespace(b[j]))) {
                    return -1;
                }
            } else if (!Ascii.isFieldVisible(c) && !Ascii.isWhitespace(c)) {
                return -1;
            }
        }
        return -1;
    }
}
