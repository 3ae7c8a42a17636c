package dev.jhttp.core.h2;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The client connection preface of RFC 9113 §3.4, {@code PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n}, which starts every HTTP/2
 * connection before the first SETTINGS frame. A cleartext server tells h2c with prior knowledge (§3.3) from HTTP/1.1
 * by its first bytes.
 *
 * {@snippet :
 * switch (ConnectionPreface.match(buffer)) {
 *     case COMPLETE -> startHttp2();          // the preface was consumed
 *     case PARTIAL -> readMoreBytes();
 *     case MISMATCH -> startHttp11();         // nothing was consumed
 * }
 * }
 */
public final class ConnectionPreface {
    private static final byte[] BYTES = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** How the start of a buffer compares with the preface. */
    public enum Match {
        /** The buffer starts with the whole preface, now consumed. */
        COMPLETE,
        /** The buffer holds a proper prefix of the preface; nothing consumed. */
        PARTIAL,
        /** The buffer's first bytes differ from the preface; nothing consumed. */
        MISMATCH
    }

    private ConnectionPreface() {
    }

    /** The 24 octets of the preface. */
    public static byte[] bytes() {
        return BYTES.clone();
    }

    /** Compares the buffer from its position with the preface, consuming the preface only when it is all there. */
    public static Match match(ByteBuffer in) {
        int n = Math.min(in.remaining(), BYTES.length);
        for (int i = 0; i < n; i++) {
            if (in.get(in.position() + i) != BYTES[i]) {
                return Match.MISMATCH;
            }
        }
        if (n < BYTES.length) {
            return Match.PARTIAL;
        }
        in.position(in.position() + BYTES.length);
        return Match.COMPLETE;
    }
}
