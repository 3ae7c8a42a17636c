package dev.jhttp.core.internal;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.RequestTarget;

/**
 * Lets the parser build models from input it has already checked, byte by byte, against the grammar, so that nothing
 * is checked twice: {@link Headers} over field lines whose values stay in the copied bytes until first read, and
 * {@link RequestTarget}s whose characters are known to be valid. The model classes install the factories when they
 * initialise; the package is not exported, so only http-core can use it.
 */
public final class Prechecked {
    /** Makes Headers over checked field lines; see {@link #headers}. */
    @FunctionalInterface
    public interface HeadersFactory {
        Headers create(HeaderName[] names, int size, byte[] source);
    }

    /** Makes a RequestTarget from checked characters; see {@link #target}. */
    @FunctionalInterface
    public interface TargetFactory {
        RequestTarget create(String raw);
    }

    private static HeadersFactory headers;
    private static TargetFactory targets;

    private Prechecked() {
    }

    /** Called once, by {@link Headers}' static initialiser. */
    public static void install(HeadersFactory factory) {
        headers = factory;
    }

    /** Called once, by {@link RequestTarget}'s static initialiser. */
    public static void install(TargetFactory factory) {
        targets = factory;
    }

    /**
     * Headers over the {@code size} field lines in {@code source}, each a valid {@code name ":" OWS value OWS CRLF},
     * line {@code i} named {@code names[i]}. The arrays are kept, not copied.
     */
    public static Headers headers(HeaderName[] names, int size, byte[] source) {
        if (headers == null) {
            Headers.empty();   // initialises Headers, which installs its factory
        }
        return headers.create(names, size, source);
    }

    /**
     * The origin-, absolute- or asterisk-form target {@code raw}, whose characters are target characters and whose
     * {@code %} are each followed by two hex digits; its form is still checked.
     *
     * @throws IllegalArgumentException if {@code raw} is none of those forms
     */
    public static RequestTarget target(String raw) {
        if (targets == null) {
            RequestTarget.of("*");   // initialises RequestTarget, which installs its factory
        }
        return targets.create(raw);
    }
}
