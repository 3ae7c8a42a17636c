package dev.jhttp.server.tls;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How a listener speaks TLS: the certificates it presents (one by default, others by SNI host name), the protocol
 * versions and cipher suites it accepts, and how long a handshake may take.
 *
 * <p>Without further settings it accepts TLS 1.3 and 1.2 only, with forward-secret AEAD suites only (ECDHE with
 * AES-GCM or ChaCha20-Poly1305: no RSA key exchange, no CBC, no SHA-1 MACs), in the server's order of preference;
 * session resumption is on (the JDK's session cache and TLS 1.3 tickets). A certificate read from files follows
 * them: when they are replaced, new connections get the new one.
 *
 * {@snippet :
 * TlsConfig tls = TlsConfig.of(ServerCertificate.fromPem(Path.of("cert.pem"), Path.of("key.pem")))
 *         .withCertificate("api.example.com", ServerCertificate.fromPem(Path.of("api.pem"), Path.of("api-key.pem")));
 * HttpServer server = HttpServer.create(ServerConfig.defaults().withPort(8443).withTls(tls), handler);
 * }
 */
public final class TlsConfig {
    /** TLS 1.3 and 1.2: the versions without known weaknesses (RFC 8996 deprecates 1.0 and 1.1). */
    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /** TLS 1.3's AEAD suites, then TLS 1.2's ECDHE suites with AEAD ciphers, AES-128-GCM first (RFC 9325 §4.2). */
    public static final List<String> DEFAULT_CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    /** Sessions kept for resumption by session ID. */
    private static final int SESSION_CACHE = 2048;
    /** The protocols ALPN (RFC 7301) offers by default. */
    private static final List<String> HTTP_1_1 = List.of("http/1.1");

    private final ServerCertificate certificate;
    private final Map<String, ServerCertificate> byHost;
    private final SSLContext context;
    private final List<String> protocols;
    private final List<String> cipherSuites;
    private final Duration handshakeTimeout;
    /** The suites this JDK has, of those configured, for each new engine. */
    private final String[] enabledSuites;

    private TlsConfig(ServerCertificate certificate, Map<String, ServerCertificate> byHost, SSLContext context,
                      List<String> protocols, List<String> cipherSuites, Duration handshakeTimeout) {
        this.certificate = certificate;
        this.byHost = byHost;
        this.context = context;
        this.protocols = protocols;
        this.cipherSuites = cipherSuites;
        this.handshakeTimeout = handshakeTimeout;
        List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getCipherSuites());
        this.enabledSuites = cipherSuites.stream().filter(supported::contains).toArray(String[]::new);
    }

    /**
     * Presents {@code certificate} to every client, with the defaults above.
     *
     * @throws GeneralSecurityException if the JDK has no TLS implementation to use it with
     */
    public static TlsConfig of(ServerCertificate certificate) throws GeneralSecurityException {
        Objects.requireNonNull(certificate, "certificate");
        return new TlsConfig(certificate, Map.of(), context(certificate, Map.of()), DEFAULT_PROTOCOLS,
                DEFAULT_CIPHER_SUITES, DEFAULT_HANDSHAKE_TIMEOUT);
    }

    /**
     * Uses a ready {@code context}, with its own key managers (no SNI choice, no reloading by jhttp); the protocols,
     * suites and timeout are still this configuration's.
     */
    public static TlsConfig of(SSLContext context) {
        return new TlsConfig(null, Map.of(), Objects.requireNonNull(context, "context"), DEFAULT_PROTOCOLS,
                DEFAULT_CIPHER_SUITES, DEFAULT_HANDSHAKE_TIMEOUT);
    }

    /**
     * Presents {@code hostCertificate} to clients that ask for {@code hostName} by SNI: an exact name such as
     * {@code api.example.com}, or {@code *.example.com} for every name one label below it.
     *
     * @throws IllegalStateException if this configuration was made from an {@code SSLContext}
     * @throws GeneralSecurityException if the JDK has no TLS implementation to use it with
     */
    public TlsConfig withCertificate(String hostName, ServerCertificate hostCertificate)
            throws GeneralSecurityException {
        if (certificate == null) {
            throw new IllegalStateException("an SSLContext given whole chooses its own certificates");
        }
        Map<String, ServerCertificate> hosts = new LinkedHashMap<>(byHost);
        hosts.put(hostName.toLowerCase(Locale.ROOT), Objects.requireNonNull(hostCertificate, "hostCertificate"));
        return new TlsConfig(certificate, Map.copyOf(hosts), context(certificate, hosts), protocols, cipherSuites,
                handshakeTimeout);
    }

    /**
     * Accepts these protocol versions only ({@code TLSv1.3}, {@code TLSv1.2}…).
     *
     * @throws IllegalArgumentException if one is unknown to the JDK, or none is given
     */
    public TlsConfig withProtocols(String... values) {
        List<String> chosen = supported(values, context.getSupportedSSLParameters().getProtocols(), "protocol");
        return new TlsConfig(certificate, byHost, context, chosen, cipherSuites, handshakeTimeout);
    }

    /**
     * Accepts these cipher suites only, in this order of preference (IANA names, as the JDK spells them).
     *
     * @throws IllegalArgumentException if one is unknown to the JDK, or none is given
     */
    public TlsConfig withCipherSuites(String... values) {
        List<String> chosen = supported(values, context.getSupportedSSLParameters().getCipherSuites(),
                "cipher suite");
        return new TlsConfig(certificate, byHost, context, protocols, chosen, handshakeTimeout);
    }

    /** How long a client may take, from connecting, to complete its handshake; then the connection closes. */
    public TlsConfig withHandshakeTimeout(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the handshake timeout must be positive: " + value);
        }
        return new TlsConfig(certificate, byHost, context, protocols, cipherSuites, value);
    }

    public List<String> protocols() {
        return protocols;
    }

    public List<String> cipherSuites() {
        return cipherSuites;
    }

    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /** A server-side engine for one connection that offers only {@code http/1.1}; see {@link #newEngine(List)}. */
    public SSLEngine newEngine() {
        return newEngine(HTTP_1_1);
    }

    /**
     * A server-side engine for one connection, with these settings and ALPN: the first of {@code applicationProtocols} (the
     * server's order of preference, such as {@code h2, http/1.1}) that the client offers; none when the client
     * offers none; a {@code no_application_protocol} alert when it offers only others (RFC 7301 §3.2).
     */
    public SSLEngine newEngine(List<String> applicationProtocols) {
        List<String> preferred = List.copyOf(applicationProtocols);
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(this.protocols.toArray(String[]::new));
        parameters.setCipherSuites(enabledSuites);
        parameters.setUseCipherSuitesOrder(true);
        engine.setSSLParameters(parameters);
        engine.setHandshakeApplicationProtocolSelector((ignored, offered) -> {
            if (offered.isEmpty()) {
                return "";
            }
            return preferred.stream().filter(offered::contains).findFirst().orElse(null);
        });
        return engine;
    }

    private static SSLContext context(ServerCertificate certificate, Map<String, ServerCertificate> byHost)
            throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {new SniKeyManager(certificate, byHost)}, null, null);
        // Resumption mostly uses stateless tickets; the cache serves clients that resume by session ID. The JDK's
        // default of 20,480 sessions grows the heap by tens of megabytes under a stream of new connections.
        context.getServerSessionContext().setSessionCacheSize(SESSION_CACHE);
        return context;
    }

    private static List<String> supported(String[] values, String[] known, String what) {
        if (values.length == 0) {
            throw new IllegalArgumentException("at least one " + what + " is needed");
        }
        List<String> knownList = Arrays.asList(known);
        for (String value : values) {
            if (!knownList.contains(value)) {
                throw new IllegalArgumentException("unknown TLS " + what + ": " + value);
            }
        }
        return List.of(values);
    }
}
