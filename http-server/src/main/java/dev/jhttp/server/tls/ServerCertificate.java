package dev.jhttp.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.UnrecoverableKeyException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A certificate chain with its private key: what a TLS server presents. Made from PEM files, a PKCS#12 keystore or
 * objects already in memory; the key is checked to belong to the first certificate. One made from files can be read
 * again when they change ({@link TlsConfig} does, for new connections).
 */
public final class ServerCertificate {
    private static final byte[] PROBE = "jhttp: does this key belong to this certificate?"
            .getBytes(StandardCharsets.US_ASCII);

    /** How to read the certificate again from where it came, or null when it came from memory. */
    @FunctionalInterface
    interface Source {
        ServerCertificate load() throws IOException, GeneralSecurityException;
    }

    private final List<X509Certificate> chain;
    private final PrivateKey key;
    private final List<Path> files;
    private final Source source;

    private ServerCertificate(List<X509Certificate> chain, PrivateKey key, List<Path> files, Source source) {
        this.chain = chain;
        this.key = key;
        this.files = files;
        this.source = source;
    }

    /**
     * {@code chain} (the server's certificate first) with its {@code key}.
     *
     * @throws GeneralSecurityException if the chain is empty or the key does not belong to its first certificate
     */
    public static ServerCertificate of(List<X509Certificate> chain, PrivateKey key) throws GeneralSecurityException {
        return checked(List.copyOf(chain), Objects.requireNonNull(key, "key"), List.of(), null);
    }

    /**
     * Reads a PEM certificate chain and its PKCS#8 (or PKCS#1 RSA) private key.
     *
     * @throws IOException if a file cannot be read
     * @throws GeneralSecurityException if a file is not what it should be, or the key does not fit the certificate;
     *                                  the message names the file
     */
    public static ServerCertificate fromPem(Path chainFile, Path keyFile) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain;
        PrivateKey key;
        try {
            chain = Pem.certificates(read(chainFile));
        } catch (PemException e) {
            throw new PemException(chainFile + ": " + e.getMessage(), e);
        }
        try {
            key = Pem.privateKey(read(keyFile));
        } catch (PemException e) {
            throw new PemException(keyFile + ": " + e.getMessage(), e);
        }
        return checked(chain, key, List.of(chainFile, keyFile), () -> fromPem(chainFile, keyFile));
    }

    /**
     * Reads the one private key entry of a PKCS#12 keystore, with its chain.
     *
     * @throws IOException if the file cannot be read, or the password is wrong (as the JDK reports it)
     * @throws GeneralSecurityException if the keystore holds no private key, or more than one
     */
    public static ServerCertificate fromPkcs12(Path file, char[] password) throws IOException,
            GeneralSecurityException {
        char[] kept = password.clone();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, kept);
        } catch (IOException e) {
            throw new IOException(file + ": " + (e.getCause() instanceof UnrecoverableKeyException
                    ? "wrong keystore password" : "not a PKCS#12 keystore, or wrong password"), e);
        }
        List<String> keyAliases = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                keyAliases.add(alias);
            }
        }
        if (keyAliases.size() != 1) {
            throw new PemException(file + ": expected one private key entry, found " + keyAliases.size());
        }
        String alias = keyAliases.getFirst();
        List<X509Certificate> chain = new ArrayList<>();
        for (var certificate : store.getCertificateChain(alias)) {
            chain.add((X509Certificate) certificate);
        }
        return checked(List.copyOf(chain), (PrivateKey) store.getKey(alias, kept), List.of(file),
                () -> fromPkcs12(file, kept));
    }

    /** The chain, the server's certificate first. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The server's own certificate. */
    public X509Certificate leaf() {
        return chain.getFirst();
    }

    public PrivateKey privateKey() {
        return key;
    }

    /** The files it was read from, to watch for changes; empty when it was made in memory. */
    public List<Path> files() {
        return files;
    }

    /** The SHA-256 fingerprint of the server's certificate, as colon-separated upper-case hex pairs. */
    public String fingerprintSha256() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(leaf().getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Reads it again from its files; the same object when it came from memory. */
    ServerCertificate reload() throws IOException, GeneralSecurityException {
        return source == null ? this : source.load();
    }

    private static ServerCertificate checked(List<X509Certificate> chain, PrivateKey key, List<Path> files,
                                             Source source) throws GeneralSecurityException {
        if (chain.isEmpty()) {
            throw new PemException("the certificate chain is empty");
        }
        if (!belongsTo(key, chain.getFirst())) {
            String where = files.isEmpty() ? "" : files.getLast() + ": ";
            throw new PemException(where + "the private key does not belong to the certificate "
                    + chain.getFirst().getSubjectX500Principal().getName());
        }
        return new ServerCertificate(chain, key, files, source);
    }

    /** Whether a signature made with {@code key} verifies with the certificate's public key. */
    private static boolean belongsTo(PrivateKey key, X509Certificate certificate) throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            default -> throw new PemException("unsupported key algorithm " + key.getAlgorithm()
                    + "; use an RSA, EC or EdDSA key");
        };
        if (!certificate.getPublicKey().getAlgorithm().equals(key.getAlgorithm())
                && !(algorithm.equals("EdDSA") && certificate.getPublicKey().getAlgorithm().startsWith("Ed"))) {
            return false;
        }
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        }
    }

    private static String read(Path file) throws IOException {
        if (Files.size(file) > Pem.MAX_LENGTH) {
            throw new IOException(file + ": larger than " + Pem.MAX_LENGTH + " bytes: not a certificate or key file");
        }
        return Files.readString(file, StandardCharsets.ISO_8859_1);
    }
}
