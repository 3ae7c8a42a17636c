package dev.jhttp.core.syntax;

/**
 * The inside of an IP-literal, {@code IPv6address / IPvFuture} (RFC 3986 §3.2.2): eight groups of one to four hex
 * digits, the last two of which may be an IPv4 address, with one {@code ::} standing for one or more zero groups;
 * or {@code "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )}. Zone identifiers (RFC 6874) are not accepted.
 */
final class IpLiterals {
    private static final int GROUPS = 8;

    private IpLiterals() {
    }

    /** Whether {@code b[from, to)} is an IPv6address or an IPvFuture. */
    static boolean isValid(byte[] b, int from, int to) {
        return from < to && (b[from] == 'v' || b[from] == 'V') ? isFuture(b, from + 1, to) : isIpv6(b, from, to);
    }

    private static boolean isIpv6(byte[] b, int from, int to) {
        int groups = 0;
        boolean compressed = false;
        int i = from;
        if (to - i >= 2 && b[i] == ':' && b[i + 1] == ':') {
            compressed = true;
            i += 2;
        }
        while (i < to) {
            int start = i;
            while (i < to && i - start < 5 && Ascii.isHexDigit(b[i])) {
                i++;
            }
            if (i < to && b[i] == '.') {
                // ls32 = ( h16 ":" h16 ) / IPv4address: only at the end
                return isIpv4(b, start, to) && (compressed ? groups + 2 < GROUPS : groups + 2 == GROUPS);
            }
            if (i == start || i - start > 4) {
                return false;
            }
            groups++;
            if (i == to) {
                break;
            }
            if (b[i++] != ':' || i == to) {
                return false;   // not a separator, or a single colon at the end
            }
            if (b[i] == ':') {
                if (compressed) {
                    return false;   // "::" at most once
                }
                compressed = true;
                i++;
            }
        }
        return compressed ? groups < GROUPS : groups == GROUPS;
    }

    // IPv4address = dec-octet "." dec-octet "." dec-octet "." dec-octet, with no leading zeros
    private static boolean isIpv4(byte[] b, int from, int to) {
        int octets = 0;
        int i = from;
        while (octets < 4) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 3 && Ascii.isDigit(b[i])) {
                value = value * 10 + b[i++] - '0';
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || digits > 1 && b[start] == '0') {
                return false;
            }
            octets++;
            if (octets < 4 && (i == to || b[i++] != '.')) {
                return false;
            }
        }
        return i == to;
    }

    // IPvFuture after its "v": 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
    private static boolean isFuture(byte[] b, int from, int to) {
        int i = from;
        while (i < to && Ascii.isHexDigit(b[i])) {
            i++;
        }
        if (i == from || i == to || b[i] != '.' || i + 1 == to) {
            return false;
        }
        for (i++; i < to; i++) {
            int c = b[i] & 0xFF;
            if (c != ':' && !UriSyntax.isUnreserved(c) && !UriSyntax.isSubDelim(c)) {
                return false;
            }
        }
        return true;
    }
}
