package dev.jhttp.core;

import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

import java.util.List;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

/** QuickTheories generators of valid messages, for properties such as "write then parse is identity". */
public final class MessageGenerators {
    private static final String TCHARS = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String PATH_CHARS = "abcXYZ019-._~!$&'()*+,;=:@/";
    private static final String HEX = "0123456789ABCDEFabcdef";
    private static final List<String> FRAMING = List.of("host", "content-length", "transfer-encoding");

    private MessageGenerators() {
    }

    public static Gen<String> tokens(int maxLength) {
        return stringOf(TCHARS, 1, maxLength);
    }

    /** Names a writer owns (framing) or a parser checks (Host) are left out. */
    public static Gen<String> headerNames() {
        return tokens(20).assuming(name -> !FRAMING.contains(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** field-content: visible ASCII and obs-text, with inner spaces and tabs but none at either end. */
    public static Gen<String> headerValues() {
        return in -> {
            int length = (int) in.next(Constraint.between(0, 40));
            StringBuilder value = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                boolean inner = i > 0 && i < length - 1;
                int kind = (int) in.next(Constraint.between(0, 9));
                if (inner && kind == 0) {
                    value.append(in.next(Constraint.between(0, 1)) == 0 ? ' ' : '\t');
                } else if (kind == 1) {
                    value.append((char) in.next(Constraint.between(0x80, 0xFF)));
                } else {
                    value.append((char) in.next(Constraint.between(0x21, 0x7E)));
                }
            }
            return value.toString();
        };
    }

    public static Gen<Headers> headers() {
        return in -> {
            int count = (int) in.next(Constraint.between(0, 12));
            Headers.Builder builder = Headers.builder().add(HeaderName.HOST, "example.com:8080");
            for (int i = 0; i < count; i++) {
                builder.add(headerNames().generate(in), headerValues().generate(in));
            }
            return builder.build();
        };
    }

    /** Origin-form targets with percent-escapes and an optional query. */
    public static Gen<String> originTargets() {
        return in -> {
            StringBuilder target = new StringBuilder("/");
            int length = (int) in.next(Constraint.between(0, 30));
            for (int i = 0; i < length; i++) {
                if (in.next(Constraint.between(0, 9)) == 0) {
                    target.append('%').append(pick(HEX, in)).append(pick(HEX, in));
                } else {
                    target.append(pick(PATH_CHARS, in));
                }
            }
            if (in.next(Constraint.between(0, 1)) == 1) {
                target.append('?').append(stringOf(PATH_CHARS + "?", 0, 20).generate(in));
            }
            return target.toString();
        };
    }

    public static Gen<Method> methods() {
        return arbitrary().pick(List.of(Method.GET, Method.POST, Method.PUT, Method.DELETE, Method.PATCH))
                .mix(tokens(12).map(Method::of), 20);
    }

    public static Gen<byte[]> contents() {
        return in -> {
            byte[] bytes = new byte[(int) in.next(Constraint.between(0, 300))];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) in.next(Constraint.between(0, 255));
            }
            return bytes;
        };
    }

    public static Gen<Integer> statusCodes() {
        return integers().between(200, 599).assuming(code -> code != 204 && code != 304);
    }

    private static Gen<String> stringOf(String alphabet, int minLength, int maxLength) {
        return in -> {
            int length = (int) in.next(Constraint.between(minLength, maxLength));
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(pick(alphabet, in));
            }
            return text.toString();
        };
    }

    private static char pick(String alphabet, org.quicktheories.core.RandomnessSource in) {
        return alphabet.charAt((int) in.next(Constraint.between(0, alphabet.length() - 1)));
    }
}
