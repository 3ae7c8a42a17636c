package dev.jhttp.tests.conformance;

import java.io.ByteArrayOutputStream;

/**
 * The table's byte notation: text is sent as ISO-8859-1, with {@code \r \n \t \0 \\ \xHH} escapes and
 * {@code {N*text}} for {@code text} repeated N times (how the limit rows reach kilobytes).
 */
final class Escapes {
    private Escapes() {
    }

    static byte[] decode(String notation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < notation.length(); i++) {
            char c = notation.charAt(i);
            if (c == '{' && isRepetition(notation, i)) {
                int star = notation.indexOf('*', i);
                int close = notation.indexOf('}', star);
                int times = Integer.parseInt(notation.substring(i + 1, star));
                byte[] unit = decode(notation.substring(star + 1, close));
                for (int n = 0; n < times; n++) {
                    out.writeBytes(unit);
                }
                i = close;
            } else if (c == '\\') {
                char e = notation.charAt(++i);
                switch (e) {
                    case 'r' -> out.write('\r');
                    case 'n' -> out.write('\n');
                    case 't' -> out.write('\t');
                    case '0' -> out.write(0);
                    case '\\' -> out.write('\\');
                    case 'x' -> {
                        out.write(Integer.parseInt(notation.substring(i + 1, i + 3), 16));
                        i += 2;
                    }
                    default -> throw new IllegalArgumentException("unknown escape \\" + e + " in " + notation);
                }
            } else if (c > 0xff) {
                throw new IllegalArgumentException("not a byte: " + c + " in " + notation);
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /** {@code {123*} opens a repetition; any other brace is a plain byte. */
    private static boolean isRepetition(String notation, int open) {
        int star = notation.indexOf('*', open);
        return star > open + 1 && notation.substring(open + 1, star).chars().allMatch(Character::isDigit)
                && notation.indexOf('}', star) > 0;
    }

    /** The notation for {@code bytes}: printable ASCII as is, everything else escaped. */
    static String encode(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            switch (c) {
                case '\r' -> text.append("\\r");
                case '\n' -> text.append("\\n");
                case '\t' -> text.append("\\t");
                case '\\' -> text.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        text.append(String.format("\\x%02x", c));
                    } else {
                        text.append((char) c);
                    }
                }
            }
        }
        return text.toString();
    }
}
