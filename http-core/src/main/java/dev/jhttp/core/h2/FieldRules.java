package dev.jhttp.core.h2;

import dev.jhttp.core.hpack.HeaderField;
import dev.jhttp.core.syntax.Ascii;

import java.util.Set;

/** The rules every regular field of an HTTP/2 message obeys (RFC 9113 §8.2), in requests, responses and trailers. */
final class FieldRules {
    /** RFC 9113 §8.2.2, after RFC 9110 §7.6.1. */
    private static final Set<String> CONNECTION_SPECIFIC =
            Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade");

    private FieldRules() {
    }

    /** The rule a regular (not pseudo-header) field breaks, or null. */
    static H2Violation check(HeaderField field) {
        String name = field.name();
        if (name.isEmpty()) {
            return H2Violation.INVALID_FIELD_NAME;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return H2Violation.UPPERCASE_FIELD_NAME;   // §8.2: names are lowercase in HTTP/2
            }
            if (c > 0xff || !Ascii.isTokenChar(c)) {
                return H2Violation.INVALID_FIELD_NAME;   // §8.2.1, and RFC 9110 §5.1's token
            }
        }
        if (!validValue(field.value())) {
            return H2Violation.INVALID_FIELD_VALUE;
        }
        if (CONNECTION_SPECIFIC.contains(name)) {
            return H2Violation.CONNECTION_SPECIFIC_FIELD;
        }
        if (name.equals("te") && !field.value().equals("trailers")) {
            return H2Violation.TE_NOT_TRAILERS;
        }
        return null;
    }

    /**
     * RFC 9113 §8.2.1: no NUL, CR or LF, no leading or trailing whitespace; and, as strict as the HTTP/1.1 parser,
     * no other control character (RFC 9110 §5.5).
     */
    static boolean validValue(String value) {
        int last = value.length() - 1;
        if (last >= 0 && (Ascii.isWhitespace(value.charAt(0)) || Ascii.isWhitespace(value.charAt(last)))) {
            return false;
        }
        for (int i = 0; i <= last; i++) {
            char c = value.charAt(i);
            if (c > 0xff || (c != '\t' && c != ' ' && !Ascii.isFieldVisible(c))) {
                return false;
            }
        }
        return true;
    }
}
