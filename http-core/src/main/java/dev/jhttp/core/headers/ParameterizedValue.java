package dev.jhttp.core.headers;

import dev.jhttp.core.syntax.Ascii;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A field value of the shape {@code Content-Type} and {@code Content-Disposition} share: a leading value, then
 * {@code *( OWS ";" OWS name "=" ( token / quoted-string ) )} (RFC 9110 §5.6.6, §5.6.4). Names are case-insensitive
 * and may not repeat; a quoted value is unescaped. A name ending in {@code *} takes an RFC 8187 extended value, kept as
 * written up to the next {@code ;} for the caller to decode.
 *
 * {@snippet :
 * ParameterizedValue type = ParameterizedValue.parse("multipart/form-data; boundary=\"a;b\"").orElseThrow();
 * type.value();                  // "multipart/form-data"
 * type.parameter("Boundary");    // Optional[a;b]
 * }
 *
 * @param value      the leading value, tokens and {@code /}, as written
 * @param parameters by lower-cased name, in order
 */
public record ParameterizedValue(String value, Map<String, String> parameters) {
    public ParameterizedValue {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The value's parts; empty if it breaks the grammar or names a parameter twice. */
    public static Optional<ParameterizedValue> parse(String field) {
        Cursor at = new Cursor(field);
        at.skipWhitespace();
        int start = at.index;
        while (!at.done() && (at.peek() == '/' || Ascii.isTokenChar(at.peek()))) {
            at.index++;
        }
        String value = field.substring(start, at.index);
        Map<String, String> parameters = new LinkedHashMap<>();
        while (!value.isEmpty()) {
            at.skipWhitespace();
            if (at.done()) {
                return Optional.of(new ParameterizedValue(value, parameters));
            }
            if (!at.take(';')) {
                break;
            }
            at.skipWhitespace();
            String name = at.token().toLowerCase(Locale.ROOT);
            at.skipWhitespace();
            if (name.isEmpty() || !at.take('=')) {
                break;
            }
            at.skipWhitespace();
            boolean quoted = at.peek() == '"';
            String parameter = name.endsWith("*") ? at.upToSemicolon() : quoted ? at.quoted() : at.token();
            if (parameter == null || parameter.isEmpty() && !quoted || parameters.put(name, parameter) != null) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The parameter's value, its name matched case-insensitively. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Walks a field value; each step gives null or "" where the grammar is broken. */
    private static final class Cursor {
        private final String text;
        private int index;

        Cursor(String text) {
            this.text = text;
        }

        boolean done() {
            return index == text.length();
        }

        char peek() {
            return done() ? 0 : text.charAt(index);
        }

        boolean take(char c) {
            if (peek() != c || done()) {
                return false;
            }
            index++;
            return true;
        }

        void skipWhitespace() {
            while (!done() && Ascii.isWhitespace(peek())) {
                index++;
            }
        }

        /** A token; empty if there is none here. */
        String token() {
            int start = index;
            while (!done() && Ascii.isTokenChar(peek())) {
                index++;
            }
            return text.substring(start, index);
        }

        /** A quoted-string, unescaped; null if it is not closed. */
        String quoted() {
            StringBuilder value = new StringBuilder();
            index++;   // the opening quote
            while (!done()) {
                char c = text.charAt(index++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    if (done()) {
                        return null;
                    }
                    c = text.charAt(index++);
                }
                value.append(c);
            }
            return null;
        }

        /** An extended value as written, trailing whitespace left out. */
        String upToSemicolon() {
            int start = index;
            while (!done() && peek() != ';') {
                index++;
            }
            return Ascii.trimWhitespace(text.substring(start, index));
        }
    }
}
