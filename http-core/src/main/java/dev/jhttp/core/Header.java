package dev.jhttp.core;

import java.util.Objects;

/**
 * One header field line: a name and its value (RFC 9110 §5). {@link Headers} validates values when it takes them.
 *
 * {@snippet :
 * for (Header h : request.headers()) {
 *     System.out.println(h.name() + ": " + h.value());
 * }
 * }
 */
public record Header(HeaderName name, String value) {
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
