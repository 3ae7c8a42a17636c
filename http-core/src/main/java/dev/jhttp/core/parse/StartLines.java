package dev.jhttp.core.parse;

import dev.jhttp.core.Version;
import dev.jhttp.core.syntax.Ascii;

/** The HTTP-version grammar shared by request-lines and status-lines (RFC 9112 §2.3). */
final class StartLines {
    private static final byte[] HTTP_SLASH = {'H', 'T', 'T', 'P', '/'};

    private StartLines() {
    }

    /**
     * Parses exactly {@code "HTTP/" DIGIT "." DIGIT} in {@code b[from, to)}. HTTP-name is case-sensitive. A 1.x minor
     * version above 1 is treated as 1.1 (RFC 9110 §6.2). Returns {@code null} with {@code failure} set otherwise.
     */
    static Version parseVersion(byte[] b, int from, int to, Failure failure) {
        boolean shaped = to - from == 8 && Ascii.isDigit(b[from + 5]) && b[from + 6] == '.'
                && Ascii.isDigit(b[from + 7]);
        for (int i = 0; shaped && i < HTTP_SLASH.length; i++) {
            shaped = b[from + i] == HTTP_SLASH[i];
        }
        if (!shaped) {
            failure.set(Violation.INVALID_VERSION, "version is not HTTP/DIGIT.DIGIT", from);
            return null;
        }
        if (b[from + 5] != '1') {
            failure.set(Violation.UNSUPPORTED_VERSION, "major version " + (char) b[from + 5] + " is not 1", from + 5);
            return null;
        }
        return b[from + 7] == '0' ? Version.HTTP_1_0 : Version.HTTP_1_1;
    }
}
