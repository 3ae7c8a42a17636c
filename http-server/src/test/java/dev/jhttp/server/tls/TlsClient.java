package dev.jhttp.server.tls;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;

/** A JDK TLS client for tests: trusts the test certificates, offers what a test asks, reads whole answers. */
final class TlsClient {
    private final TrustManager[] trust;

    private TlsClient(TrustManager[] trust) {
        this.trust = trust;
    }

    /** Trusts the certificates in these files under {@code src/test/resources/tls}. */
    static TlsClient trusting(String... certificateFiles) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        for (String file : certificateFiles) {
            X509Certificate certificate = Pem.certificates(Files.readString(PemTest.resource(file))).getFirst();
            trusted.setCertificateEntry(file, certificate);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        return new TlsClient(trust.getTrustManagers());
    }

    /**
     * A connected socket, its handshake done, with the JDK's parameters changed by {@code settings}. Each has a new
     * context, so no connection resumes another's session (the JDK's cache is per IP and port, not per host name).
     */
    SSLSocket connect(int port, Consumer<SSLParameters> settings) throws IOException {
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, trust, null);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        SSLParameters parameters = socket.getSSLParameters();
        settings.accept(parameters);
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    SSLSocket connect(int port) throws IOException {
        return connect(port, parameters -> { });
    }

    /** Asks for {@code serverName} by SNI. */
    static Consumer<SSLParameters> serverName(String serverName) {
        return parameters -> parameters.setServerNames(List.of(new SNIHostName(serverName)));
    }

    /** Sends a GET for {@code path} that closes the connection, and reads the whole answer. */
    static String get(SSLSocket socket, String path) throws IOException {
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return new String(readAll(socket.getInputStream()), StandardCharsets.ISO_8859_1);
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    /** The common name of the certificate the server presented. */
    static String presentedName(SSLSocket socket) throws IOException {
        return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
    }
}
