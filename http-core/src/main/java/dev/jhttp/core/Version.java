package dev.jhttp.core;

/**
 * An HTTP protocol version (RFC 9110 §2.5, RFC 9112 §2.3). A 1.x message with a higher minor version is handled as
 * HTTP/1.1, the highest minor version this library implements (RFC 9110 §6.2). HTTP/2 messages carry no version on
 * the wire; they are {@link #HTTP_2} (RFC 9113 §8.3.1).
 *
 * {@snippet :
 * Version v = Version.HTTP_1_1;
 * String wire = v.text();                 // "HTTP/1.1"
 * boolean persistent = v.keepsAliveByDefault();  // true
 * }
 */
public enum Version {
    HTTP_1_0("HTTP/1.0"),
    HTTP_1_1("HTTP/1.1"),
    HTTP_2("HTTP/2");

    private final String text;

    Version(String text) {
        this.text = text;
    }

    /** The version as it appears on the wire, e.g. {@code HTTP/1.1}. */
    public String text() {
        return text;
    }

    /**
     * Whether connections are persistent unless a {@code Connection: close} says otherwise (RFC 9112 §9.3); HTTP/2
     * connections always are.
     */
    public boolean keepsAliveByDefault() {
        return this != HTTP_1_0;
    }

    @Override
    public String toString() {
        return text;
    }
}
