package dev.jhttp.server.tls;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import java.util.Objects;
import java.util.Optional;

/**
 * What a TLS connection agreed on in its handshake, as a handler sees it through {@code RequestContext}.
 *
 * @param protocol            the TLS version, as the JDK names it ({@code TLSv1.3})
 * @param cipherSuite         the cipher suite ({@code TLS_AES_128_GCM_SHA256})
 * @param applicationProtocol the protocol chosen by ALPN ({@code http/1.1}), empty when the client offered none
 * @param serverName          the host name the client asked for by SNI, if it did
 */
public record TlsDetails(String protocol, String cipherSuite, String applicationProtocol,
                         Optional<String> serverName) {
    public TlsDetails {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        Objects.requireNonNull(applicationProtocol, "applicationProtocol");
        Objects.requireNonNull(serverName, "serverName");
    }

    /** What {@code engine}'s completed handshake agreed on. */
    public static TlsDetails of(SSLEngine engine) {
        SSLSession session = engine.getSession();
        Optional<String> serverName = session instanceof ExtendedSSLSession extended
                ? extended.getRequestedServerNames().stream().filter(SNIHostName.class::isInstance)
                        .map(name -> ((SNIHostName) name).getAsciiName()).findFirst()
                : Optional.empty();
        String alpn = engine.getApplicationProtocol();
        return new TlsDetails(session.getProtocol(), session.getCipherSuite(), alpn == null ? "" : alpn, serverName);
    }
}
