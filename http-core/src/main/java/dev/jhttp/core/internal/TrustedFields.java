package dev.jhttp.core.internal;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;

/**
 * Lets the parser append field lines it has already checked against the field grammar to a {@link Headers.Builder}
 * without the builder checking every byte again. {@link Headers} installs the implementation when it initialises;
 * the package is not exported, so only http-core can use it.
 */
public final class TrustedFields {
    /** Appends a field line whose value is known to be valid and trimmed. */
    @FunctionalInterface
    public interface Appender {
        void add(Headers.Builder builder, HeaderName name, String value);
    }

    private static Appender appender;

    private TrustedFields() {
    }

    /** Called once, by {@link Headers}' static initialiser. */
    public static void install(Appender implementation) {
        appender = implementation;
    }

    /** Appends a checked field line; see {@link Appender}. */
    public static void add(Headers.Builder builder, HeaderName name, String value) {
        appender.add(builder, name, value);
    }
}
