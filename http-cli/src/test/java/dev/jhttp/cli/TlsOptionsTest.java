package dev.jhttp.cli;

import dev.jhttp.server.tls.Pem;
import dev.jhttp.server.tls.ServerCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code jhttp serve} and {@code jhttp --route} over https: the {@code --tls-*} options and their errors. */
class TlsOptionsTest {
    @TempDir
    Path folder;

    /**
     * GET {@code path} over https from localhost:{@code port}, trusting only the certificate in {@code pemFile},
     * checking the host name as browsers do, and offering http/1.1 by ALPN (it speaks no other).
     */
    private static String get(Path pemFile, int port, String path) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("jhttp", Pem.certificates(Files.readString(pemFile)).getFirst());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            parameters.setApplicationProtocols(new String[] {"http/1.1"});
            socket.setSSLParameters(parameters);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void selfSignedServesHttpsWithACertificateKeptForTheNextStart() throws Exception {
        Path cache = folder.resolve("cache");
        Path saved = folder.resolve("saved");
        String fingerprint;
        try (CliRun run = CliRun.start("serve", folder.toString(), "--route", "/echo", "-p", "0", "--ready-json",
                "--tls-self-signed", "--tls-cache", cache.toString(), "--tls-save", saved.toString())) {
            int port = run.port();
            String echo = get(saved.resolve("jhttp-localhost.pem"), port, "/echo");

            assertThat(run.out()).contains("\"urls\":[\"https://127.0.0.1:" + port + "/\"]");
            assertThat(echo).contains("\"scheme\":\"https\"").contains("\"protocol\":\"TLSv1.3\"")
                    .contains("\"alpn\":\"http/1.1\"");
            fingerprint = run.out().replaceAll("(?s).*\"tlsSha256\":\"([0-9A-F:]+)\".*", "$1");
            assertThat(fingerprint).hasSize(95);
            assertThat(run.stop()).isZero();
        }
        X509Certificate certificate = Pem.certificates(Files.readString(cache.resolve("localhost-cert.pem")))
                .getFirst();
        assertThat(certificate.getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
                .containsExactly("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
        try (CliRun again = CliRun.start("--route", "/echo", "-p", "0", "--tls-self-signed", "--tls-cache",
                cache.toString())) {
            assertThat(again.awaitOutput("TLS certificate SHA-256: " + fingerprint)).as(again.out()).isTrue();
            assertThat(again.out()).contains("https://127.0.0.1:");
        }
    }

    @Test
    void servesAPemCertificateAndAPkcs12Keystore() throws Exception {
        ServerCertificate made = SelfSignedCertificate.inCache(folder);
        Path certificate = folder.resolve(SelfSignedCertificate.CERTIFICATE_FILE);
        Path key = folder.resolve(SelfSignedCertificate.KEY_FILE);
        Path keystore = folder.resolve("server.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", made.privateKey(), "pw".toCharArray(), new Certificate[] {made.leaf()});
        try (OutputStream out = Files.newOutputStream(keystore)) {
            store.store(out, "pw".toCharArray());
        }
        Path password = Files.writeString(folder.resolve("password"), "pw\n");

        try (CliRun pem = CliRun.start("--route", "/echo", "-p", "0", "--ready-json", "--tls-cert",
                certificate.toString(), "--tls-key", key.toString());
             CliRun p12 = CliRun.start("--route", "/echo", "-p", "0", "--ready-json", "--tls-keystore",
                     keystore.toString(), "--tls-keystore-password-file", password.toString())) {
            assertThat(get(certificate, pem.port(), "/echo")).contains("\"scheme\":\"https\"");
            assertThat(get(certificate, p12.port(), "/echo")).contains("\"scheme\":\"https\"");
        }
    }

    @Test
    void hstsAndAnHttpListenerThatRedirectsToHttps() throws Exception {
        Path cache = folder.resolve("cache");
        try (CliRun run = CliRun.start("--route", "/echo", "-p", "0", "--ready-json", "--tls-self-signed",
                "--tls-cache", cache.toString(), "--hsts", "--redirect-http", "0")) {
            int port = run.port();
            int redirectPort = Integer.parseInt(run.out().replaceAll("(?s).*\"redirectPort\":(\\d+).*", "$1"));
            String secure = get(cache.resolve(SelfSignedCertificate.CERTIFICATE_FILE), port, "/echo");
            String redirected;
            try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), redirectPort)) {
                plain.getOutputStream().write(("POST /echo?x=1 HTTP/1.1\r\nHost: 127.0.0.1:" + redirectPort
                        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                redirected = new String(plain.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            }

            assertThat(secure).contains("\r\nStrict-Transport-Security: max-age=31536000\r\n");
            assertThat(redirected).startsWith("HTTP/1.1 308 Permanent Redirect\r\n")
                    .contains("\r\nLocation: https://127.0.0.1:" + port + "/echo?x=1\r\n")
                    .doesNotContain("Strict-Transport-Security");
        }
        assertError(CliRun.finished("--route", "/echo", "--hsts"), "jhttp: --hsts and --redirect-http need https: "
                + "add --tls-self-signed, --tls-cert/--tls-key or --tls-keystore");
    }

    @Test
    void anExpiredCertificateIsServedWithAWarning() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Instant now = Instant.now();
        X509Certificate expired = SelfSignedCertificate.certificate(pair, now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(1)));
        Path certificate = Files.writeString(folder.resolve("expired.pem"), SelfSignedCertificate.pem(expired));
        Path key = Files.writeString(folder.resolve("expired-key.pem"),
                SelfSignedCertificate.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));

        try (CliRun run = CliRun.start("--route", "/echo", "-p", "0", "--ready-json", "--tls-cert",
                certificate.toString(), "--tls-key", key.toString())) {
            assertThat(run.port()).isPositive();
            assertThat(run.err()).startsWith("jhttp: warning: the TLS certificate expired on ")
                    .endsWith("; clients will refuse it" + System.lineSeparator());
        }
    }

    @Test
    void badTlsOptionsAreOneLineErrorsWithExit1() throws Exception {
        SelfSignedCertificate.inCache(folder.resolve("a"));
        SelfSignedCertificate.inCache(folder.resolve("b"));
        String certificate = folder.resolve("a").resolve(SelfSignedCertificate.CERTIFICATE_FILE).toString();
        String otherKey = folder.resolve("b").resolve(SelfSignedCertificate.KEY_FILE).toString();
        String missing = folder.resolve("missing.pem").toString();
        Path wrongPassword = Files.writeString(folder.resolve("password"), "nope");

        assertError(CliRun.finished("--route", "/echo", "--tls-cert", certificate), "jhttp: https needs both "
                + "--tls-cert and --tls-key");
        assertError(CliRun.finished("--route", "/echo", "--tls-cert", missing, "--tls-key", otherKey),
                "jhttp: no such file: " + missing);
        assertError(CliRun.finished("--route", "/echo", "--tls-cert", certificate, "--tls-key", otherKey),
                "jhttp: " + otherKey + ": the private key does not belong to the certificate CN=localhost,O=jhttp "
                        + "self-signed");
        assertError(CliRun.finished("--route", "/echo", "--tls-keystore", certificate), "jhttp: --tls-keystore "
                + "needs its password: --tls-keystore-password-file FILE, or the JHTTP_TLS_KEYSTORE_PASSWORD variable");
        assertError(CliRun.finished("--route", "/echo", "--tls-keystore", certificate,
                "--tls-keystore-password-file", wrongPassword.toString()), "jhttp: " + certificate + ": not a PKCS#12 "
                + "keystore, or wrong password");
        assertError(CliRun.finished("--route", "/echo", "--tls-self-signed", "--tls-cert", certificate),
                "jhttp: choose one of --tls-cert/--tls-key, --tls-keystore and --tls-self-signed");
        assertError(CliRun.finished("--route", "/echo", "--tls-save", folder.toString()), "jhttp: --tls-save "
                + "writes the --tls-self-signed certificate; use it with that option");
    }

    private static void assertError(CliRun run, String line) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(line + System.lineSeparator());
    }
}
