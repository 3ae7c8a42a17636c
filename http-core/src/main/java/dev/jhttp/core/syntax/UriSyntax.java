package dev.jhttp.core.syntax;

import java.nio.charset.StandardCharsets;

/**
 * Syntax checks for request-targets and authorities (RFC 9112 §3.2, RFC 9110 §4.2 and §7.2, RFC 3986 §3.2). Each
 * check returns {@code null} when the text is valid, or a short reason for logs.
 */
public final class UriSyntax {
    private UriSyntax() {
    }

    /**
     * Checks the bytes every target form shares: visible ASCII except {@code #}, and {@code %} followed by two hex
     * digits. Browsers send {@code | ^ { } [ ] \} unencoded in queries, so RFC 3986's narrower set would refuse real
     * traffic; these characters carry no framing meaning, so accepting them is safe.
     */
    public static String checkTargetChars(CharSequence target) {
        int length = target.length();
        if (length == 0) {
            return "empty request-target";
        }
        for (int i = 0; i < length; i++) {
            char c = target.charAt(i);
            if (c > 0x7F || !Ascii.isTargetChar(c)) {
                return "byte 0x%02X not allowed in request-target at index %d".formatted((int) c, i);
            }
            if (c == '%' && (i + 2 >= length || !Ascii.isHexDigit(target.charAt(i + 1))
                    || !Ascii.isHexDigit(target.charAt(i + 2)))) {
                return "'%' not followed by two hex digits at index " + i;
            }
        }
        return null;
    }

    /** A URI scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3986 §3.1); {@code end} is exclusive. */
    public static boolean isScheme(CharSequence s, int end) {
        if (end < 1 || !Ascii.isAlpha(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < end; i++) {
            char c = s.charAt(i);
            if (!Ascii.isAlpha(c) && !Ascii.isDigit(c) && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks {@code uri-host [ ":" port ]}, the value of Host (RFC 9110 §7.2) and the authority of an http(s) URI.
     * Userinfo is refused: RFC 9110 §4.2.4 deprecates it and asks recipients to treat it as an error.
     *
     * @param portRequired true for the authority-form of CONNECT (RFC 9112 §3.2.3)
     */
    public static String checkHostAndPort(String value, boolean portRequired) {
        // A character above U+00FF becomes '?', which no host may hold either.
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        return checkHostAndPort(bytes, 0, bytes.length, portRequired);
    }

    /** Checks {@code uri-host [ ":" port ]} in {@code b[from, to)}; see {@link #checkHostAndPort(String, boolean)}. */
    public static String checkHostAndPort(byte[] b, int from, int to, boolean portRequired) {
        if (ByteScan.indexOf(b, from, to, (byte) '@') >= 0) {
            return "userinfo in authority (RFC 9110 §4.2.4)";
        }
        int hostEnd;
        if (from < to && b[from] == '[') {
            hostEnd = ByteScan.indexOf(b, from, to, (byte) ']');
            if (hostEnd < 0 || !IpLiterals.isValid(b, from + 1, hostEnd)) {
                return "invalid IP literal (RFC 3986 §3.2.2)";
            }
            hostEnd++;
        } else {
            hostEnd = ByteScan.indexOf(b, from, to, (byte) ':');
            if (hostEnd < 0) {
                hostEnd = to;
            }
            String reason = checkRegName(b, from, hostEnd);
            if (reason != null) {
                return reason;
            }
        }
        if (hostEnd == to) {
            return portRequired ? "missing port" : null;
        }
        if (b[hostEnd] != ':') {
            return "unexpected character after host";
        }
        int portStart = hostEnd + 1;
        if (portStart == to) {
            return portRequired ? "empty port" : null;
        }
        if (to - portStart > 5) {
            return "port too long";
        }
        int port = 0;
        for (int i = portStart; i < to; i++) {
            if (!Ascii.isDigit(b[i])) {
                return "non-digit in port";
            }
            port = port * 10 + b[i] - '0';
        }
        return port > 65535 ? "port out of range" : null;
    }

    // reg-name = *( unreserved / pct-encoded / sub-delims ); also covers IPv4address.
    private static String checkRegName(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xFF;
            if (c == '%') {
                if (i + 2 >= to || !Ascii.isHexDigit(b[i + 1]) || !Ascii.isHexDigit(b[i + 2])) {
                    return "'%' not followed by two hex digits in host";
                }
                i += 2;
            } else if (!isUnreserved(c) && !isSubDelim(c)) {
                return "invalid character in host at index " + (i - from);
            }
        }
        return null;
    }

    static boolean isSubDelim(int c) {
        return c < 0x80 && "!$&'()*+,;=".indexOf(c) >= 0;
    }

    static boolean isUnreserved(int c) {
        return c < 0x80 && (Ascii.isAlpha(c) || Ascii.isDigit(c) || c == '-' || c == '.' || c == '_' || c == '~');
    }
}
