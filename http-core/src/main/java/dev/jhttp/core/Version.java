package dev.jhttp.core;

/**
 * An HTTP/1.x protocol version (RFC 9110 §2.5, RFC 9112 §2.3). A 1.x message with a higher minor version is
 * handled as HTTP/1.1, the highest minor version this library implements (RFC 9110 §6.2).
 *
 * {@snippet :
 * Version v = Version.HTTP_1_1;
 * String wire = v.text();                 // "HTTP/1.1"
 * boolean persistent = v.keepsAliveByDefault();  // true
 * }
 */
public enum Version {
    HTTP_1_0("HTTP/1.0"),
    HTTP_1_1("HTTP/1.1");

    private final String text;

    Version(String text) {
        this.text = text;
    }

    /** The version as it appears on the wire, e.g. {@code HTTP/1.1}. */
    public String text() {
        return text;
    }

    /** Whether connections are persistent unless a {@code Connection: close} says otherwise (RFC 9112 §9.3). */
    public boolean keepsAliveByDefault() {
        return this == HTTP_1_1;
    }

    @Override
    public String toString() {
        return text;
    }
}
