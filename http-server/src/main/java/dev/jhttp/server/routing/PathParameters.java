package dev.jhttp.server.routing;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * What a route pattern captured from a request path: named {@code {param}} segments and the {@code *} remainder,
 * each percent-decoded.
 *
 * {@snippet :
 * // pattern "/users/{id}/files/*", path "/users/42/files/a/b%20c.txt"
 * String id = path.get("id");          // "42"
 * String rest = path.wildcard();       // "a/b c.txt"
 * }
 *
 * @param values   the named segments
 * @param wildcard the segments matched by a trailing {@code *}, joined with {@code /}; empty if none
 */
public record PathParameters(Map<String, String> values, String wildcard) {
    public PathParameters {
        values = Map.copyOf(values);
        Objects.requireNonNull(wildcard, "wildcard");
    }

    /**
     * The value of {@code {name}}.
     *
     * @throws NoSuchElementException if the pattern has no such parameter
     */
    public String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new NoSuchElementException("no path parameter {" + name + "} in this route");
        }
        return value;
    }
}
