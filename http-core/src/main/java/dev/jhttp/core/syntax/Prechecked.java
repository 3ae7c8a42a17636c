package dev.jhttp.core.syntax;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.RequestTarget;

/**
 * Lets the parser build models from input it has already checked, byte by byte, against the grammar, so that nothing
 * is checked twice: {@link Headers} over field lines whose values stay in the copied bytes until first read, and
 * {@link RequestTarget}s whose characters are known to be valid.
 *
 * <p>This is the shared-secrets idiom of the JDK ({@code jdk.internal.access.SharedSecrets}): the models keep those
 * constructors non-public, since a caller who passes unchecked input would get models that break their own rules,
 * and each model hands its constructor to this class once, from its static initialiser. The parser, in another
 * package of the same module, calls through here. The package is not exported, so no user of the library can; and a
 * second install is refused, so nothing can replace a factory after the model installed it.
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

    private static volatile HeadersFactory headers;
    private static volatile TargetFactory targets;

    private Prechecked() {
    }

    /**
     * Called once, by {@link Headers}' static initialiser.
     *
     * @throws IllegalStateException if a factory is installed already
     */
    public static synchronized void install(HeadersFactory factory) {
        if (headers != null) {
            throw new IllegalStateException("the Headers factory is installed already");
        }
        headers = factory;
    }

    /**
     * Called once, by {@link RequestTarget}'s static initialiser.
     *
     * @throws IllegalStateException if a factory is installed already
     */
    public static synchronized void install(TargetFactory factory) {
        if (targets != null) {
            throw new IllegalStateException("the RequestTarget factory is installed already");
        }
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
