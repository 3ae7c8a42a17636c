package dev.jhttp.core.internal;

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
        int hostEnd;
        if (value.startsWith("[")) {
            hostEnd = value.indexOf(']');
            if (hostEnd < 0 || !isIpLiteralBody(value, 1, hostEnd)) {
                return "invalid IP literal";
            }
            hostEnd++;
        } else {
            hostEnd = value.indexOf(':');
            if (hostEnd < 0) {
                hostEnd = value.length();
            }
            String reason = checkRegName(value, hostEnd);
            if (reason != null) {
                return reason;
            }
        }
        if (hostEnd == value.length()) {
            return portRequired ? "missing port" : null;
        }
        if (value.charAt(hostEnd) != ':') {
            return "unexpected character after host";
        }
        int portStart = hostEnd + 1;
        if (portStart == value.length()) {
            return portRequired ? "empty port" : null;
        }
        if (value.length() - portStart > 5) {
            return "port too long";
        }
        for (int i = portStart; i < value.length(); i++) {
            if (!Ascii.isDigit(value.charAt(i))) {
                return "non-digit in port";
            }
        }
        return Integer.parseInt(value, portStart, value.length(), 10) > 65535 ? "port out of range" : null;
    }

    // reg-name = *( unreserved / pct-encoded / sub-delims ); also covers IPv4address.
    private static String checkRegName(String value, int end) {
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= end || !Ascii.isHexDigit(value.charAt(i + 1)) || !Ascii.isHexDigit(value.charAt(i + 2))) {
                    return "'%' not followed by two hex digits in host";
                }
                i += 2;
            } else if (!isUnreserved(c) && "!$&'()*+,;=".indexOf(c) < 0) {
                return c == '@' ? "userinfo in authority" : "invalid character in host at index " + i;
            }
        }
        return null;
    }

    // IP-literal = "[" ( IPv6address / IPvFuture ) "]"; checked loosely by character class, never by resolution.
    private static boolean isIpLiteralBody(String value, int start, int end) {
        if (start >= end) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (!Ascii.isHexDigit(c) && c != ':' && c != '.' && c != 'v' && c != 'V' && !isUnreserved(c)
                    && "!$&'()*+,;=".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnreserved(char c) {
        return c < 0x80 && (Ascii.isAlpha(c) || Ascii.isDigit(c) || c == '-' || c == '.' || c == '_' || c == '~');
    }
}
