package dev.jhttp.core.syntax;

/**
 * Byte-class tables for the HTTP grammar (RFC 9110 §5.6, RFC 9112 §2.2). Every check is one array load, and case
 * folding is ASCII-only, so nothing here depends on the default locale.
 */
public final class Ascii {
    private static final int TCHAR = 1;
    private static final int FIELD_VCHAR = 2;
    private static final int HEX = 4;
    private static final int TARGET = 8;
    private static final int DIGIT = 16;

    private static final byte[] CLASSES = new byte[256];

    static {
        for (int b = '0'; b <= '9'; b++) {
            CLASSES[b] |= TCHAR | HEX | DIGIT;
        }
        for (int b = 'a'; b <= 'z'; b++) {
            CLASSES[b] |= TCHAR;
            CLASSES[b - 32] |= TCHAR;
        }
        for (int b = 'a'; b <= 'f'; b++) {
            CLASSES[b] |= HEX;
            CLASSES[b - 32] |= HEX;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            CLASSES[c] |= TCHAR;
        }
        // field-vchar = VCHAR / obs-text (RFC 9110 §5.5)
        for (int b = 0x21; b <= 0xFF; b++) {
            if (b != 0x7F) {
                CLASSES[b] |= FIELD_VCHAR;
            }
        }
        // Request-target bytes: visible ASCII except '#', which never goes on the wire (RFC 9112 §3.2).
        for (int b = 0x21; b <= 0x7E; b++) {
            if (b != '#') {
                CLASSES[b] |= TARGET;
            }
        }
    }

    private Ascii() {
    }

    /** {@code tchar} of RFC 9110 §5.6.2. */
    public static boolean isTokenChar(int b) {
        return (CLASSES[b & 0xFF] & TCHAR) != 0;
    }

    /** {@code field-vchar} of RFC 9110 §5.5: visible ASCII or obs-text. */
    public static boolean isFieldVisible(int b) {
        return (CLASSES[b & 0xFF] & FIELD_VCHAR) != 0;
    }

    /** A byte that may appear in a request-target. */
    public static boolean isTargetChar(int b) {
        return (CLASSES[b & 0xFF] & TARGET) != 0;
    }

    public static boolean isHexDigit(int b) {
        return (CLASSES[b & 0xFF] & HEX) != 0;
    }

    public static boolean isDigit(int b) {
        return (CLASSES[b & 0xFF] & DIGIT) != 0;
    }

    public static boolean isAlpha(int b) {
        int lower = b | 0x20;
        return lower >= 'a' && lower <= 'z';
    }

    /** The value of a hex digit; only meaningful after {@link #isHexDigit}. */
    public static int hexValue(int b) {
        return b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
    }

    public static boolean isWhitespace(int b) {
        return b == ' ' || b == '\t';
    }

    public static boolean isToken(CharSequence s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0x7F || !isTokenChar(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code bytes} from {@code offset} spell exactly {@code text} (ASCII), for as long as the text. */
    public static boolean spells(byte[] bytes, int offset, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (bytes[offset + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code bytes} from {@code offset} spell {@code lower}, a lower-case ASCII text, in any case, for as long
     * as the text.
     */
    public static boolean equalsIgnoringCase(byte[] bytes, int offset, byte[] lower) {
        for (int i = 0; i < lower.length; i++) {
            int b = bytes[offset + i];
            if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != lower[i]) {
                return false;
            }
        }
        return true;
    }

    /** Lower-cases ASCII letters only; returns {@code s} itself when nothing changes. */
    public static String toLowerCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    char d = chars[j];
                    if (d >= 'A' && d <= 'Z') {
                        chars[j] = (char) (d + 32);
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }

    /** Strips leading and trailing SP and HTAB (the OWS of RFC 9110 §5.6.3). */
    public static String trimWhitespace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }
}
