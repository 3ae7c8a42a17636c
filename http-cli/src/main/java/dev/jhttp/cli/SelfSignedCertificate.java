package dev.jhttp.cli;

import dev.jhttp.server.tls.ServerCertificate;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * The certificate of {@code --tls-self-signed}: an EC P-256 key and a certificate for {@code localhost},
 * {@code 127.0.0.1} and {@code ::1}, valid for a year, made with Bouncy Castle (the JDK has no public API to make
 * one) and kept in a cache folder, so that trusting it once lasts until it is renewed.
 */
final class SelfSignedCertificate {
    static final String CERTIFICATE_FILE = "localhost-cert.pem";
    static final String KEY_FILE = "localhost-key.pem";
    private static final Duration VALIDITY = Duration.ofDays(365);
    /** A cached certificate this close to its end is made again. */
    private static final Duration RENEW_BEFORE = Duration.ofDays(7);

    private SelfSignedCertificate() {
    }

    /** The certificate kept in {@code folder}, or a new one written there when none is, or it is about to expire. */
    static ServerCertificate inCache(Path folder) throws IOException, GeneralSecurityException {
        Path certificate = folder.resolve(CERTIFICATE_FILE);
        Path key = folder.resolve(KEY_FILE);
        if (Files.isRegularFile(certificate) && Files.isRegularFile(key)) {
            try {
                ServerCertificate cached = ServerCertificate.fromPem(certificate, key);
                if (cached.leaf().getNotAfter().toInstant().isAfter(Instant.now().plus(RENEW_BEFORE))) {
                    return cached;
                }
            } catch (IOException | GeneralSecurityException unusable) {
                // made again below
            }
        }
        Files.createDirectories(folder);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Instant now = Instant.now();
        X509Certificate made = certificate(pair, now.minus(Duration.ofDays(1)), now.plus(VALIDITY));
        write(key, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        write(certificate, pem("CERTIFICATE", made.getEncoded()));
        return ServerCertificate.of(List.of(made), pair.getPrivate());
    }

    /** The PEM text of {@code certificate}, to save where clients can be told to trust it. */
    static String pem(X509Certificate certificate) throws GeneralSecurityException {
        return pem("CERTIFICATE", certificate.getEncoded());
    }

    /** A certificate for localhost with {@code pair}'s key, valid from {@code notBefore} to {@code notAfter}. */
    static X509Certificate certificate(KeyPair pair, Instant notBefore, Instant notAfter)
            throws GeneralSecurityException {
        X500Name name = new X500Name("O=jhttp self-signed,CN=localhost");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, new SecureRandom()).setBit(63), Date.from(notBefore), Date.from(notAfter), name,
                pair.getPublic());
        try {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.iPAddress, "::1")}));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("could not make a certificate: " + e.getMessage(), e);
        }
    }

    /** {@code der} as a PEM block labelled {@code label} (RFC 7468). */
    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /**
     * Writes {@code text} whole or not at all: a temporary file, which the JDK makes readable by its owner alone,
     * renamed into place.
     */
    private static void write(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
