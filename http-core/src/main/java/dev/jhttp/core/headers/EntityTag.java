package dev.jhttp.core.headers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An entity tag (RFC 9110 §8.8.3): an opaque quoted string, strong or weak ({@code W/"..."}), with the strong and
 * weak comparisons that conditional requests use (§8.8.3.2).
 *
 * {@snippet :
 * EntityTag tag = EntityTag.strong("5d8c72a5-1b3");
 * String header = tag.toString();                                    // "\"5d8c72a5-1b3\""
 * boolean match = EntityTag.matchesAny("W/\"5d8c72a5-1b3\"", tag, false);  // true: weak comparison
 * }
 *
 * @param opaque the characters between the quotes
 * @param weak   whether the tag is weak
 */
public record EntityTag(String opaque, boolean weak) {
    /**
     * @throws IllegalArgumentException if {@code opaque} holds a character etagc does not allow: a quote, a control
     *     character, a space or DEL
     */
    public EntityTag {
        Objects.requireNonNull(opaque, "opaque");
        for (int i = 0; i < opaque.length(); i++) {
            char c = opaque.charAt(i);
            // etagc = %x21 / %x23-7E / obs-text
            if (c == '"' || c < 0x21 || c == 0x7F || c > 0xFF) {
                throw new IllegalArgumentException("invalid entity-tag character at index " + i);
            }
        }
    }

    public static EntityTag strong(String opaque) {
        return new EntityTag(opaque, false);
    }

    public static EntityTag weak(String opaque) {
        return new EntityTag(opaque, true);
    }

    /** Parses one entity-tag; empty if {@code text} is not exactly one. */
    public static Optional<EntityTag> parse(String text) {
        String value = text.strip();
        boolean weak = value.startsWith("W/");
        String quoted = weak ? value.substring(2) : value;
        if (quoted.length() < 2 || quoted.charAt(0) != '"' || quoted.charAt(quoted.length() - 1) != '"') {
            return Optional.empty();
        }
        try {
            return Optional.of(new EntityTag(quoted.substring(1, quoted.length() - 1), weak));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses an {@code If-Match} / {@code If-None-Match} list of tags; {@code *} is not a tag and yields no element.
     * Unreadable elements are skipped.
     */
    public static List<EntityTag> parseList(String header) {
        List<EntityTag> tags = new ArrayList<>();
        int i = 0;
        while (i < header.length()) {
            int quote = header.indexOf('"', i);
            if (quote < 0) {
                break;
            }
            int close = header.indexOf('"', quote + 1);
            if (close < 0) {
                break;
            }
            boolean weak = quote >= 2 && header.startsWith("W/", quote - 2);
            parse((weak ? "W/" : "") + header.substring(quote, close + 1)).ifPresent(tags::add);
            i = close + 1;
        }
        return tags;
    }

    /**
     * Whether an {@code If-Match} or {@code If-None-Match} value matches {@code current}: {@code *} matches any
     * current tag; otherwise by strong comparison (If-Match, and If-Range) or weak comparison (If-None-Match).
     */
    public static boolean matchesAny(String header, EntityTag current, boolean strongComparison) {
        if (header.strip().equals("*")) {
            return true;
        }
        for (EntityTag tag : parseList(header)) {
            if (strongComparison ? tag.strongEquals(current) : tag.opaque.equals(current.opaque)) {
                return true;
            }
        }
        return false;
    }

    /** Strong comparison: both strong and the same opaque tag. */
    public boolean strongEquals(EntityTag other) {
        return !weak && !other.weak && opaque.equals(other.opaque);
    }

    /** The tag as a header value: {@code "abc"} or {@code W/"abc"}. */
    @Override
    public String toString() {
        return (weak ? "W/\"" : "\"") + opaque + "\"";
    }
}
