package dev.jhttp.core.parse;

import dev.jhttp.core.syntax.Ascii;
import dev.jhttp.core.syntax.ByteScan;

/**
 * The request-line grammar, byte by byte: {@code method SP request-target SP HTTP-version} (RFC 9112 §3), with a
 * method of token characters (§3.1), a target of visible ASCII other than {@code #} with every {@code %} followed by
 * two hex digits (§3.2, RFC 3986 §2.1), and exactly {@code "HTTP/" DIGIT "." DIGIT} (§2.3). It records where the parts
 * lie; the target's form and authority are judged once the whole target is there.
 */
final class RequestLineCheck extends LineCheck {
    private static final byte[] HTTP_SLASH = {'H', 'T', 'T', 'P', '/'};

    private enum Part { METHOD, TARGET, PERCENT_FIRST, PERCENT_SECOND, VERSION }

    private Part part;
    private int lineStart;
    private int methodEnd;
    private int targetEnd;
    private int versionLength;

    @Override
    void restart(int lineStart) {
        this.lineStart = lineStart;
        part = Part.METHOD;
        versionLength = 0;
    }

    /** The index of the SP after the method. */
    int methodEnd() {
        return methodEnd;
    }

    /** The index of the SP after the target. */
    int targetEnd() {
        return targetEnd;
    }

    @Override
    int scan(byte[] b, int from, int to, boolean complete, Failure failure, long base, int firstControl) {
        int i = from;
        while (i < to) {
            byte c = b[i];
            if (c == '\r') {
                return carriageReturn(i, to, complete, failure, base);
            }
            switch (part) {
                case METHOD -> {
                    while (i < to && Ascii.isTokenChar(b[i])) {
                        i++;
                    }
                    if (i == to) {
                        break;
                    }
                    c = b[i];
                    if (c == '\r') {
                        continue;   // judged as a line end or a bare CR
                    }
                    if (c != ' ' || i == lineStart) {
                        return refuseMethod(c, i, failure, base);
                    }
                    methodEnd = i++;
                    part = Part.TARGET;
                }
                case TARGET -> {
                    int stop = ByteScan.firstNonPlainTargetByte(b, i, to);
                    if (stop < 0) {
                        i = to;
                    } else if (b[stop] == '%') {
                        i = stop + 1;
                        part = Part.PERCENT_FIRST;
                    } else if (b[stop] == ' ' && stop > methodEnd + 1) {
                        targetEnd = stop;
                        i = stop + 1;
                        part = Part.VERSION;
                    } else if (b[stop] == '\r') {
                        i = stop;   // judged as a line end or a bare CR
                    } else {
                        return refuseTarget(b[stop], stop, failure, base);
                    }
                }
                case PERCENT_FIRST, PERCENT_SECOND -> {
                    if (!Ascii.isHexDigit(c)) {
                        return fail(Violation.INVALID_REQUEST_TARGET, "'%' not followed by two hex digits", i,
                                failure, base);
                    }
                    part = part == Part.PERCENT_FIRST ? Part.PERCENT_SECOND : Part.TARGET;
                    i++;
                }
                case VERSION -> {
                    if (versionLength == 0 && to - i >= 8 && isWellFormedVersion1(b, i)) {
                        versionLength = 8;   // the usual HTTP/1.x at once
                        i += 8;
                        continue;
                    }
                    if (!checkVersionByte(b, c, i, failure, base)) {
                        return -1;
                    }
                    versionLength++;
                    i++;
                }
            }
        }
        return to;
    }

    private static int refuseMethod(byte c, int i, Failure failure, long base) {
        return c == ' ' ? fail(Violation.INVALID_REQUEST_LINE, "request line starts with SP", i, failure, base)
                : fail(Violation.INVALID_METHOD, "byte 0x%02X in method".formatted(c & 0xFF), i, failure, base);
    }

    private static int refuseTarget(byte c, int i, Failure failure, long base) {
        return c == ' ' ? fail(Violation.INVALID_REQUEST_LINE, "two SP after the method", i, failure, base)
                : fail(Violation.INVALID_REQUEST_TARGET, "byte 0x%02X in request-target".formatted(c & 0xFF), i,
                failure, base);
    }

    private static boolean isWellFormedVersion1(byte[] b, int i) {
        return b[i] == 'H' && b[i + 1] == 'T' && b[i + 2] == 'T' && b[i + 3] == 'P' && b[i + 4] == '/'
                && b[i + 5] == '1' && b[i + 6] == '.' && Ascii.isDigit(b[i + 7]);
    }

    // HTTP-version = "HTTP/" DIGIT "." DIGIT, case-sensitive (RFC 9112 §2.3); a well-formed version whose major
    // version is not 1 is refused at its last digit (RFC 9110 §6.2).
    private boolean checkVersionByte(byte[] b, byte c, int i, Failure failure, long base) {
        boolean expected = switch (versionLength) {
            case 0, 1, 2, 3, 4 -> c == HTTP_SLASH[versionLength];
            case 5, 7 -> Ascii.isDigit(c);
            case 6 -> c == '.';
            default -> false;
        };
        if (versionLength == 7 && expected && b[i - 2] != '1') {
            failure.set(Violation.UNSUPPORTED_VERSION, "major version " + (char) b[i - 2] + " is not 1", base + i - 2);
            return false;
        }
        if (!expected) {
            if (c == ' ' || versionLength == 0 && c != 'h') {
                // A third SP, or no attempt at a version after the second (a SP inside the target, say): not the
                // request-line's shape. A lower-case "http/" is a version with the wrong case.
                failure.set(Violation.INVALID_REQUEST_LINE, versionLength == 0
                        ? "the target's SP is not followed by HTTP-version (a SP inside a target is sent as %20)"
                        : "request line is not method SP target SP version", base + i);
            } else {
                failure.set(Violation.INVALID_VERSION, "version is not HTTP/DIGIT.DIGIT", base + i);
            }
        }
        return expected;
    }

    @Override
    boolean end(int to, Failure failure, long base) {
        if (to == lineStart || part == Part.VERSION && versionLength == 8) {
            // an empty line before the request-line is skipped (RFC 9112 §2.2)
            return true;
        }
        if (part == Part.VERSION) {
            failure.set(Violation.INVALID_VERSION, "version is not HTTP/DIGIT.DIGIT", base + to);
        } else {
            failure.set(Violation.INVALID_REQUEST_LINE, "request line is not method SP target SP version", base + to);
        }
        return false;
    }
}
