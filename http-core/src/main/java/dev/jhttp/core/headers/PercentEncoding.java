package dev.jhttp.core.headers;

import dev.jhttp.core.syntax.Ascii;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Percent-decoding of URI components (RFC 3986 §2.1) into UTF-8 text. Decoding happens once: {@code %252e} becomes
 * {@code %2e}, never {@code .}. Malformed UTF-8 becomes U+FFFD, so a decoded path can never smuggle a byte sequence
 * that other layers would read differently.
 *
 * {@snippet :
 * String path = PercentEncoding.decode("/a%20b");           // "/a b"
 * String query = PercentEncoding.decodeQuery("x+y%21");    // "x y!"
 * String raw = PercentEncoding.encodePathSegment("a b");   // "a%20b"
 * }
 */
public final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /** Decodes {@code %XX} sequences; a {@code %} not followed by two hex digits stays as it is. */
    public static String decode(String encoded) {
        return decode(encoded, false);
    }

    /** Decodes a query component, where {@code +} also means a space (HTML form encoding). */
    public static String decodeQuery(String encoded) {
        return decode(encoded, true);
    }

    private static String decode(String encoded, boolean plusIsSpace) {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.indexOf('%') < 0 && (!plusIsSpace || encoded.indexOf('+') < 0)) {
            return encoded;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length() && Ascii.isHexDigit(encoded.charAt(i + 1))
                    && Ascii.isHexDigit(encoded.charAt(i + 2))) {
                bytes.write(Ascii.hexValue(encoded.charAt(i + 1)) * 16 + Ascii.hexValue(encoded.charAt(i + 2)));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                int end = i + 1;
                while (end < encoded.length() && encoded.charAt(end) != '%'
                        && (!plusIsSpace || encoded.charAt(end) != '+')) {
                    end++;
                }
                byte[] utf8 = encoded.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i = end - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Encodes text for use as one path segment: everything but RFC 3986 unreserved characters is escaped. */
    public static String encodePathSegment(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Ascii.isAlpha(c) || Ascii.isDigit(c) || c == '-' || c == '.' || c == '_' || c == '~')) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
