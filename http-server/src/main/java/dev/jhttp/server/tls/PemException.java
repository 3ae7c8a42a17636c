package dev.jhttp.server.tls;

import java.security.GeneralSecurityException;

/** A certificate or key file that cannot be read as what it should be; the message says why, in one line. */
public final class PemException extends GeneralSecurityException {
    public PemException(String message) {
        super(message);
    }

    public PemException(String message, Throwable cause) {
        super(message, cause);
    }
}
