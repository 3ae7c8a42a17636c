package dev.jhttp.server.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading certificates and keys (RFC 7468 PEM; PKCS#8, PKCS#1) and pairing them. The files under
 * {@code src/test/resources/tls} were made with {@code openssl req -x509 -days 36500} (RSA 2048 for localhost and
 * {@code *.wild.test}, EC P-256 for {@code api.test}).
 */
class PemTest {
    static Path resource(String name) {
        try {
            return Path.of(PemTest.class.getResource("/tls/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String name) throws IOException {
        return Files.readString(resource(name));
    }

    @Test
    void readsACertificateAndItsPkcs8Key() throws Exception {
        List<X509Certificate> chain = Pem.certificates(text("localhost-cert.pem"));
        PrivateKey rsa = Pem.privateKey(text("localhost-key.pem"));
        PrivateKey ec = Pem.privateKey(text("api-key.pem"));

        assertThat(chain).singleElement().satisfies(certificate ->
                assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=localhost"));
        assertThat(rsa.getAlgorithm()).isEqualTo("RSA");
        assertThat(ec.getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void readsAPkcs1RsaKeyAsTheSameKey() throws Exception {
        assertThat(Pem.privateKey(text("localhost-key-pkcs1.pem")).getEncoded())
                .isEqualTo(Pem.privateKey(text("localhost-key.pem")).getEncoded());
    }

    @Test
    void readsAChainInOrderAndIgnoresTextBetweenBlocks() throws Exception {
        String bundle = "server:\n" + text("localhost-cert.pem") + "\nissuer (here another leaf):\r\n"
                + text("api-cert.pem").replace("\n", "\r\n");

        assertThat(Pem.certificates(bundle)).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=localhost", "CN=api.test");
    }

    @Test
    void saysWhatIsWrongWithAFileThatIsNotOne() throws Exception {
        String certificate = text("localhost-cert.pem");
        String key = text("localhost-key.pem");

        assertThatThrownBy(() -> Pem.certificates("hello")).isInstanceOf(PemException.class)
                .hasMessage("no CERTIFICATE block found");
        assertThatThrownBy(() -> Pem.certificates(key)).hasMessage("line 1: expected a CERTIFICATE block, found "
                + "PRIVATE KEY");
        assertThatThrownBy(() -> Pem.certificates(certificate.replace("END CERTIFICATE", "END X509 CRL")))
                .hasMessageContaining("END X509 CRL closes BEGIN CERTIFICATE");
        assertThatThrownBy(() -> Pem.certificates(certificate.substring(0, 200))).hasMessage("line 1: BEGIN "
                + "CERTIFICATE has no END line");
        assertThatThrownBy(() -> Pem.certificates(certificate.replace("M", "!"))).hasMessage("line 1: the "
                + "CERTIFICATE block is not valid base64");
        assertThatThrownBy(() -> Pem.certificates("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
                .hasMessage("line 1: not a valid X.509 certificate");
        assertThatThrownBy(() -> Pem.privateKey(key + key)).hasMessage("expected one key, found 2 blocks");
        assertThatThrownBy(() -> Pem.privateKey(text("api-key-sec1.pem"))).hasMessageContaining("openssl pkcs8 "
                + "-topk8");
        assertThatThrownBy(() -> Pem.privateKey(key.replace("PRIVATE KEY", "ENCRYPTED PRIVATE KEY")))
                .hasMessageContaining("the key is encrypted");
        assertThatThrownBy(() -> Pem.privateKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .hasMessage("line 1: not a PKCS#8 RSA, EC or EdDSA private key");
    }

    @Test
    void aKeyMustBelongToItsCertificate() {
        assertThatThrownBy(() -> ServerCertificate.fromPem(resource("localhost-cert.pem"), resource("wild-key.pem")))
                .isInstanceOf(PemException.class)
                .hasMessageEndingWith("wild-key.pem: the private key does not belong to the certificate CN=localhost");
        assertThatThrownBy(() -> ServerCertificate.fromPem(resource("localhost-cert.pem"), resource("api-key.pem")))
                .hasMessageContaining("does not belong");
    }

    @Test
    void aFileNamesItselfInItsError(@TempDir Path folder) throws Exception {
        Path empty = Files.writeString(folder.resolve("cert.pem"), "");

        assertThatThrownBy(() -> ServerCertificate.fromPem(empty, resource("localhost-key.pem")))
                .hasMessage(empty + ": no CERTIFICATE block found");
        assertThatThrownBy(() -> ServerCertificate.fromPem(folder.resolve("missing.pem"),
                resource("localhost-key.pem"))).isInstanceOf(IOException.class);
    }

    @Test
    void readsAPkcs12KeystoreWithItsPassword() throws Exception {
        ServerCertificate fromStore = ServerCertificate.fromPkcs12(resource("localhost.p12"), "secret".toCharArray());
        ServerCertificate fromPem = ServerCertificate.fromPem(resource("localhost-cert.pem"),
                resource("localhost-key.pem"));

        assertThat(fromStore.fingerprintSha256()).isEqualTo(fromPem.fingerprintSha256()).hasSize(95);
        assertThatThrownBy(() -> ServerCertificate.fromPkcs12(resource("localhost.p12"), "wrong".toCharArray()))
                .isInstanceOf(IOException.class).hasMessageContaining("localhost.p12: wrong keystore password");
    }
}
