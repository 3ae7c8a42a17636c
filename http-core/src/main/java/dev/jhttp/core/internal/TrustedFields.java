package dev.jhttp.core.internal;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;

/**
 * Lets the parser make {@link Headers} over field lines it has already checked against the field grammar: the values
 * stay in the copied bytes until first read, and nothing is checked again. {@link Headers} installs the
 * implementation when it initialises; the package is not exported, so only http-core can use it.
 */
public final class TrustedFields {
    /** Makes Headers over checked field lines; see {@link #headers}. */
    @FunctionalInterface
    public interface Factory {
        Headers create(HeaderName[] names, int size, byte[] source);
    }

    private static Factory factory;

    private TrustedFields() {
    }

    /** Called once, by {@link Headers}' static initialiser. */
    public static void install(Factory implementation) {
        factory = implementation;
    }

    /**
     * Headers over the {@code size} field lines in {@code source}, each a valid {@code name ":" OWS value OWS CRLF},
     * line {@code i} named {@code names[i]}. The arrays are kept, not copied.
     */
    public static Headers headers(HeaderName[] names, int size, byte[] source) {
        if (factory == null) {
            Headers.empty();   // initialises Headers, which installs the factory
        }
        return factory.create(names, size, source);
    }
}
