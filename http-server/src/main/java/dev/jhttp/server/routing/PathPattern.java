package dev.jhttp.server.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route pattern, parsed once into segments: literals ({@code users}), parameters ({@code {id}}) and a final
 * wildcard ({@code *}) that matches the rest of the path, including nothing. Matching compares decoded segments one
 * by one; no regular expressions.
 *
 * {@snippet :
 * PathPattern p = PathPattern.of("/users/{id}");
 * Optional<PathParameters> m = p.match(List.of("users", "42"));   // id = 42
 * }
 */
public final class PathPattern implements Comparable<PathPattern> {
    private sealed interface Segment {
        /** Sort rank: literals are more specific than parameters, parameters than a wildcard. */
        int rank();
    }

    private record Literal(String text) implements Segment {
        public int rank() {
            return 0;
        }
    }

    private record Param(String name) implements Segment {
        public int rank() {
            return 1;
        }
    }

    private record Wildcard() implements Segment {
        public int rank() {
            return 3;
        }
    }

    /** Where a pattern ends, when compared with a longer one: more specific than a wildcard there. */
    private static final int END_RANK = 2;

    private final String text;
    private final List<Segment> segments;

    private PathPattern(String text, List<Segment> segments) {
        this.text = text;
        this.segments = segments;
    }

    /**
     * Parses {@code pattern}: it starts with {@code /}; a segment is literal text, {@code {name}}, or a final
     * {@code *}.
     *
     * @throws IllegalArgumentException if the pattern breaks these rules or repeats a parameter name
     */
    public static PathPattern of(String pattern) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("route pattern must start with '/': " + pattern);
        }
        String[] parts = pattern.substring(1).split("/", -1);
        List<Segment> segments = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.equals("*")) {
                if (i != parts.length - 1) {
                    throw new IllegalArgumentException("'*' must be the last segment: " + pattern);
                }
                segments.add(new Wildcard());
            } else if (part.startsWith("{") && part.endsWith("}") && part.length() > 2) {
                String name = part.substring(1, part.length() - 1);
                if (segments.contains(new Param(name))) {
                    throw new IllegalArgumentException("parameter {" + name + "} appears twice: " + pattern);
                }
                segments.add(new Param(name));
            } else if (part.contains("{") || part.contains("}") || part.contains("*")) {
                throw new IllegalArgumentException("a segment is literal, {name} or a final '*': " + pattern);
            } else {
                segments.add(new Literal(part));
            }
        }
        return new PathPattern(pattern, List.copyOf(segments));
    }

    /** The captured values if {@code pathSegments} (decoded, without the leading empty one) match. */
    public Optional<PathParameters> match(List<String> pathSegments) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment instanceof Wildcard) {
                return Optional.of(new PathParameters(values,
                        String.join("/", pathSegments.subList(Math.min(i, pathSegments.size()), pathSegments.size()))));
            }
            if (i >= pathSegments.size()) {
                return Optional.empty();
            }
            String actual = pathSegments.get(i);
            switch (segment) {
                case Literal literal when !literal.text().equals(actual) -> {
                    return Optional.empty();
                }
                case Param param when actual.isEmpty() -> {
                    return Optional.empty();
                }
                case Param param -> values.put(param.name(), actual);
                default -> {
                    // a matching literal
                }
            }
        }
        return segments.size() == pathSegments.size()
                ? Optional.of(new PathParameters(values, ""))
                : Optional.empty();
    }

    /**
     * More specific patterns first: segment by segment, a literal before a parameter before the pattern's end
     * before a wildcard. Not consistent with equals; it orders routes.
     */
    @Override
    public int compareTo(PathPattern other) {
        for (int i = 0; i < Math.max(segments.size(), other.segments.size()); i++) {
            int byRank = Integer.compare(rankAt(i), other.rankAt(i));
            if (byRank != 0) {
                return byRank;
            }
        }
        return 0;
    }

    private int rankAt(int index) {
        return index < segments.size() ? segments.get(index).rank() : END_RANK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathPattern other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
