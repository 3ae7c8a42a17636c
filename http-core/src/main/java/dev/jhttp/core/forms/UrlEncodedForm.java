package dev.jhttp.core.forms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code application/x-www-form-urlencoded} text, a request body or a query string, as the URL Standard's
 * parser does (§5.1): fields split on {@code &}, name from value on the first {@code =}, {@code +} as a space, then
 * percent-decoding and UTF-8. Where that parser repairs broken input (a {@code %} without two hex digits kept as it
 * is, bad UTF-8 replaced by U+FFFD), this one refuses it and names the octet: two readers of the same bytes can then
 * never disagree about what a field says.
 *
 * {@snippet :
 * FormResult result = UrlEncodedForm.parse("name=J%C3%BCrgen&tag=a&tag=b+c".getBytes(StandardCharsets.US_ASCII));
 * Form form = ((FormResult.Parsed) result).form();
 * form.first("name");   // Optional[Jürgen]
 * form.all("tag");      // [a, b c]
 * }
 */
public final class UrlEncodedForm {
    /** The fields a form may have unless the caller says otherwise. */
    public static final int DEFAULT_MAX_FIELDS = 1_000;

    private final byte[] input;
    private final int maxFields;
    private final ByteArrayOutputStream decoded = new ByteArrayOutputStream();
    private final Utf8Check utf8 = new Utf8Check();
    private FormError error;

    private UrlEncodedForm(byte[] input, int maxFields) {
        this.input = input;
        this.maxFields = maxFields;
    }

    /** Reads {@code input} with at most {@link #DEFAULT_MAX_FIELDS} fields. */
    public static FormResult parse(byte[] input) {
        return parse(input, DEFAULT_MAX_FIELDS);
    }

    /** Reads {@code input} with at most {@code maxFields} fields ({@link FormViolation#TOO_MANY_FIELDS} past it). */
    public static FormResult parse(byte[] input, int maxFields) {
        if (maxFields < 0) {
            throw new IllegalArgumentException("maxFields < 0: " + maxFields);
        }
        return new UrlEncodedForm(input, maxFields).read();
    }

    /**
     * Reads a query string as it stands in a request-target (after the {@code ?}, still percent-encoded), e.g.
     * {@code request.target().rawQuery()}.
     */
    public static FormResult parseQuery(String rawQuery) {
        return parse(rawQuery.getBytes(StandardCharsets.UTF_8));
    }

    private FormResult read() {
        List<Form.Field> fields = new ArrayList<>();
        int start = 0;
        while (start <= input.length) {
            int end = indexOf('&', start, input.length);
            if (end > start) {   // empty sequences (a&&b, a trailing &) are skipped
                if (fields.size() == maxFields) {
                    return failed(FormViolation.TOO_MANY_FIELDS, "more than " + maxFields + " fields", start);
                }
                int equals = indexOf('=', start, end);
                String name = decode(start, equals);
                String value = equals < end ? decode(equals + 1, end) : "";
                if (error != null) {
                    return new FormResult.Failed(error);
                }
                fields.add(new Form.Field(name, value));
            }
            start = end + 1;
        }
        return new FormResult.Parsed(Form.of(fields));
    }

    /** Decodes input[from, to): {@code +} as a space, escapes, then UTF-8; null (and {@link #error} set) if broken. */
    private String decode(int from, int to) {
        if (error != null) {
            return null;
        }
        decoded.reset();
        utf8.reset();
        for (int i = from; i < to; i++) {
            int octet = input[i] & 0xff;
            int at = i;
            if (octet == '+') {
                octet = ' ';
            } else if (octet == '%') {
                int high = i + 1 < to ? Character.digit(input[i + 1], 16) : -1;
                int low = i + 2 < to ? Character.digit(input[i + 2], 16) : -1;
                if (high < 0 || low < 0) {
                    error = new FormError(FormViolation.MALFORMED_ESCAPE, "'%' needs two hex digits", i);
                    return null;
                }
                octet = high << 4 | low;
                i += 2;
            }
            if (!utf8.accept(octet)) {
                error = new FormError(FormViolation.INVALID_UTF8, String.format("octet 0x%02x", octet), at);
                return null;
            }
            decoded.write(octet);
        }
        if (!utf8.complete()) {
            error = new FormError(FormViolation.INVALID_UTF8, "a UTF-8 sequence cut short", to);
            return null;
        }
        return decoded.toString(StandardCharsets.UTF_8);
    }

    private int indexOf(char wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (input[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    private FormResult failed(FormViolation violation, String detail, int offset) {
        return new FormResult.Failed(new FormError(violation, detail, offset));
    }
}
