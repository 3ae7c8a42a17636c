package dev.jhttp.core;

import dev.jhttp.core.syntax.Ascii;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * A request method (RFC 9110 §9): a case-sensitive token. The standard methods are constants; any other valid token
 * is accepted too, since methods are an open set.
 *
 * {@snippet :
 * Method m = Method.of("GET");          // the GET constant
 * Method custom = Method.of("PURGE");   // any token is a method
 * boolean safe = m.isSafe();            // true
 * }
 */
public final class Method {
    public static final Method GET = new Method("GET");
    public static final Method HEAD = new Method("HEAD");
    public static final Method POST = new Method("POST");
    public static final Method PUT = new Method("PUT");
    public static final Method DELETE = new Method("DELETE");
    public static final Method CONNECT = new Method("CONNECT");
    public static final Method OPTIONS = new Method("OPTIONS");
    public static final Method TRACE = new Method("TRACE");
    public static final Method PATCH = new Method("PATCH");

    private static final Map<String, Method> STANDARD = Map.of(
            "GET", GET, "HEAD", HEAD, "POST", POST, "PUT", PUT, "DELETE", DELETE,
            "CONNECT", CONNECT, "OPTIONS", OPTIONS, "TRACE", TRACE, "PATCH", PATCH);

    /** Most frequent first, for {@link #ofAscii}. */
    private static final Method[] STANDARD_LIST = {GET, POST, HEAD, PUT, DELETE, OPTIONS, PATCH, CONNECT, TRACE};

    private final String name;

    private Method(String name) {
        this.name = name;
    }

    /**
     * The method named {@code token}: the constant for a standard method, a new value otherwise.
     *
     * @throws IllegalArgumentException if {@code token} is not a token (RFC 9110 §5.6.2)
     */
    public static Method of(String token) {
        Objects.requireNonNull(token, "token");
        Method standard = STANDARD.get(token);
        if (standard != null) {
            return standard;
        }
        if (!Ascii.isToken(token)) {
            throw new IllegalArgumentException("not a method token: \"" + token + "\"");
        }
        return new Method(token);
    }

    /**
     * The method in {@code bytes[offset, offset + length)}, read as ASCII: like {@link #of(String)}, but a standard
     * method costs no allocation, which matters to parsers.
     *
     * @throws IllegalArgumentException if the bytes are not a token
     */
    public static Method ofAscii(byte[] bytes, int offset, int length) {
        for (Method standard : STANDARD_LIST) {
            if (standard.name.length() == length && Ascii.spells(bytes, offset, standard.name)) {
                return standard;
            }
        }
        return of(new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
    }

    /** The method's name, exactly as sent (methods are case-sensitive). */
    public String name() {
        return name;
    }

    /** Whether the method is safe (RFC 9110 §9.2.1): GET, HEAD, OPTIONS or TRACE. */
    public boolean isSafe() {
        return this == GET || this == HEAD || this == OPTIONS || this == TRACE;
    }

    /** Whether the method is idempotent (RFC 9110 §9.2.2): the safe methods, PUT and DELETE. */
    public boolean isIdempotent() {
        return isSafe() || this == PUT || this == DELETE;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Method other && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
