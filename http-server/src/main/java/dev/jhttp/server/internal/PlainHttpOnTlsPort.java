package dev.jhttp.server.internal;

import javax.net.ssl.SSLHandshakeException;

/** A client spoke cleartext HTTP to a TLS listener: its first byte was a letter, not a TLS handshake record. */
final class PlainHttpOnTlsPort extends SSLHandshakeException {
    PlainHttpOnTlsPort() {
        super("plain HTTP sent to the TLS port");
    }
}
