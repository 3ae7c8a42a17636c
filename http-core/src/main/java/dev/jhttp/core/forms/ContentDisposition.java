package dev.jhttp.core.forms;

import dev.jhttp.core.headers.ParameterizedValue;
import dev.jhttp.core.syntax.Ascii;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The {@code Content-Disposition} of a {@code multipart/form-data} part (RFC 7578 §4.2, in the grammar of RFC 6266
 * §4.1): type {@code form-data}, a {@code name}, and perhaps a {@code filename}, which {@code filename*} (RFC 8187)
 * overrides. Parameter values may be tokens or quoted strings; raw octets above 0x7F, which browsers send, must be
 * UTF-8.
 */
record ContentDisposition(String name, String filename) {

    /** Thrown while parsing; the reader turns it into a {@link FormError} at the part's offset. */
    static final class Invalid extends Exception {
        private final FormViolation violation;

        Invalid(FormViolation violation, String detail) {
            super(detail, null, false, false);
            this.violation = violation;
        }

        FormViolation violation() {
            return violation;
        }
    }

    /** Parses a field value (as the field section holds it: one char per octet). */
    static ContentDisposition parse(String value) throws Invalid {
        ParameterizedValue disposition = ParameterizedValue.parse(value).orElseThrow(() -> invalid(
                "not a type with parameters, each named once (RFC 6266 §4.1)"));
        if (!disposition.value().equalsIgnoreCase("form-data")) {
            throw invalid("the type is not form-data");
        }
        String name = disposition.parameter("name").orElseThrow(() -> invalid("no name parameter"));
        Optional<String> extended = disposition.parameter("filename*");
        Optional<String> plain = disposition.parameter("filename");
        String filename = extended.isPresent() ? extValue(extended.get())
                : plain.isPresent() ? utf8(plain.get()) : null;
        return new ContentDisposition(utf8(name), filename);
    }

    /** RFC 8187 §3.2.1: charset "'" [ language ] "'" value-chars, with UTF-8 or ISO-8859-1. */
    private static String extValue(String value) throws Invalid {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            throw new Invalid(FormViolation.INVALID_EXT_VALUE, "no charset'language' prefix");
        }
        String charset = value.substring(0, first);
        boolean latin1 = charset.equalsIgnoreCase("ISO-8859-1");
        if (!latin1 && !charset.equalsIgnoreCase("UTF-8")) {
            throw new Invalid(FormViolation.INVALID_EXT_VALUE, "charset neither UTF-8 nor ISO-8859-1");
        }
        java.io.ByteArrayOutputStream octets = new java.io.ByteArrayOutputStream();
        for (int i = second + 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                int high = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(value.charAt(i + 2), 16);
                if (low < 0) {
                    throw new Invalid(FormViolation.INVALID_EXT_VALUE, "'%' needs two hex digits");
                }
                octets.write(high << 4 | low);
                i += 2;
            } else if (isAttrChar(c)) {
                octets.write(c);
            } else {
                throw new Invalid(FormViolation.INVALID_EXT_VALUE,
                        String.format("0x%02x is not an attr-char", (int) c));
            }
        }
        byte[] bytes = octets.toByteArray();
        return latin1 ? new String(bytes, StandardCharsets.ISO_8859_1)
                : decodeUtf8(bytes, FormViolation.INVALID_EXT_VALUE);
    }

    // attr-char = ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
    private static boolean isAttrChar(char c) {
        return c < 0x80 && (Ascii.isAlpha(c) || Ascii.isDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0);
    }

    /** A value as octets (one char each) that must be UTF-8, as browsers send names and filenames. */
    private static String utf8(String octets) throws Invalid {
        return decodeUtf8(octets.getBytes(StandardCharsets.ISO_8859_1), FormViolation.INVALID_CONTENT_DISPOSITION);
    }

    private static String decodeUtf8(byte[] bytes, FormViolation violation) throws Invalid {
        Utf8Check check = new Utf8Check();
        for (byte b : bytes) {
            if (!check.accept(b & 0xff)) {
                throw new Invalid(violation, "not UTF-8");
            }
        }
        if (!check.complete()) {
            throw new Invalid(violation, "a UTF-8 sequence cut short");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Invalid invalid(String detail) {
        return new Invalid(FormViolation.INVALID_CONTENT_DISPOSITION, detail);
    }
}
