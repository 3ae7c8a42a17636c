package dev.jhttp.server.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads certificates and private keys in the PEM text format (RFC 7468): {@code CERTIFICATE} blocks, and a key as
 * {@code PRIVATE KEY} (PKCS#8, RFC 5208: RSA, EC, Ed25519, Ed448) or {@code RSA PRIVATE KEY} (PKCS#1, RFC 8017).
 * Text between blocks is ignored, as RFC 7468 §2 allows. Anything else fails with a {@link PemException} that says
 * what is wrong and on which line, never with another exception.
 */
public final class Pem {
    /** Larger than any certificate chain or key file; a bigger input is not one. */
    public static final int MAX_LENGTH = 1024 * 1024;

    private static final String[] KEY_ALGORITHMS = {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS"};
    /** The DER AlgorithmIdentifier of rsaEncryption (RFC 8017 §A.1): OID 1.2.840.113549.1.1.1 and NULL. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private Pem() {
    }

    /** One block: its label and its decoded bytes. */
    private record Block(String label, byte[] der, int line) {
    }

    /**
     * The certificates in {@code text}, in order: the server's own first, then the chain toward the root.
     *
     * @throws PemException if there are none, or a block is not a well-formed X.509 certificate
     */
    public static List<X509Certificate> certificates(String text) throws PemException {
        List<X509Certificate> chain = new ArrayList<>();
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new PemException("this JVM cannot read X.509 certificates", e);
        }
        for (Block block : blocks(text)) {
            if (!block.label().equals("CERTIFICATE")) {
                throw new PemException("line " + block.line() + ": expected a CERTIFICATE block, found "
                        + block.label());
            }
            try {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
            } catch (CertificateException | RuntimeException e) {
                throw new PemException("line " + block.line() + ": not a valid X.509 certificate", e);
            }
        }
        if (chain.isEmpty()) {
            throw new PemException("no CERTIFICATE block found");
        }
        return List.copyOf(chain);
    }

    /**
     * The one private key in {@code text}.
     *
     * @throws PemException if there is none, more than one, an encrypted or unsupported one, or it is malformed
     */
    public static PrivateKey privateKey(String text) throws PemException {
        List<Block> blocks = blocks(text);
        if (blocks.size() != 1) {
            throw new PemException(blocks.isEmpty() ? "no PRIVATE KEY block found"
                    : "expected one key, found " + blocks.size() + " blocks");
        }
        Block block = blocks.getFirst();
        return switch (block.label()) {
            case "PRIVATE KEY" -> pkcs8(block.der(), block.line());
            case "RSA PRIVATE KEY" -> pkcs8(rsaPkcs8(block.der()), block.line());
            case "ENCRYPTED PRIVATE KEY" -> throw new PemException("line " + block.line()
                    + ": the key is encrypted; decrypt it first (openssl pkey -in KEY -out PLAIN)");
            case "EC PRIVATE KEY" -> throw new PemException("line " + block.line()
                    + ": SEC1 'EC PRIVATE KEY' is not read; convert it to PKCS#8 (openssl pkcs8 -topk8 -nocrypt -in"
                    + " KEY -out KEY8)");
            default -> throw new PemException("line " + block.line() + ": expected a PRIVATE KEY block, found "
                    + block.label());
        };
    }

    private static PrivateKey pkcs8(byte[] der, int line) throws PemException {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (NoSuchAlgorithmException | InvalidKeySpecException | RuntimeException notThisOne) {
                // the next algorithm may read it
            }
        }
        throw new PemException("line " + line + ": not a PKCS#8 RSA, EC or EdDSA private key");
    }

    /** PKCS#1 RSAPrivateKey wrapped as PKCS#8 PrivateKeyInfo (RFC 5208 §5): version 0, rsaEncryption, the key. */
    private static byte[] rsaPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream info = new ByteArrayOutputStream(pkcs1.length + 32);
        info.writeBytes(new byte[] {0x02, 0x01, 0x00});
        info.writeBytes(RSA_ALGORITHM);
        info.writeBytes(derHeader(0x04, pkcs1.length));
        info.writeBytes(pkcs1);
        ByteArrayOutputStream sequence = new ByteArrayOutputStream(info.size() + 4);
        sequence.writeBytes(derHeader(0x30, info.size()));
        sequence.writeBytes(info.toByteArray());
        return sequence.toByteArray();
    }

    /** A DER tag and definite length (X.690 §8.1.3). */
    private static byte[] derHeader(int tag, int length) {
        if (length < 0x80) {
            return new byte[] {(byte) tag, (byte) length};
        }
        int octets = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
        byte[] header = new byte[2 + octets];
        header[0] = (byte) tag;
        header[1] = (byte) (0x80 | octets);
        for (int i = 0; i < octets; i++) {
            header[2 + i] = (byte) (length >>> (8 * (octets - 1 - i)));
        }
        return header;
    }

    /** The blocks of {@code text} (RFC 7468 §2 and §3): pre-encapsulation boundary, base64 lines, post-boundary. */
    private static List<Block> blocks(String text) throws PemException {
        if (text.length() > MAX_LENGTH) {
            throw new PemException("longer than " + MAX_LENGTH + " characters: not a certificate or key file");
        }
        List<Block> blocks = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String label = boundary(lines[i].strip(), "-----BEGIN ");
            if (label == null) {
                continue;
            }
            int begin = i;
            StringBuilder base64 = new StringBuilder();
            String end = null;
            for (i++; i < lines.length && end == null; i++) {
                String line = lines[i].strip();
                end = boundary(line, "-----END ");
                if (end == null) {
                    base64.append(line);
                }
            }
            i--;
            if (end == null) {
                throw new PemException("line " + (begin + 1) + ": BEGIN " + label + " has no END line");
            }
            if (!end.equals(label)) {
                throw new PemException("line " + (i + 1) + ": END " + end + " closes BEGIN " + label);
            }
            try {
                blocks.add(new Block(label, Base64.getDecoder().decode(base64.toString()), begin + 1));
            } catch (IllegalArgumentException e) {
                throw new PemException("line " + (begin + 1) + ": the " + label + " block is not valid base64");
            }
        }
        return blocks;
    }

    /** The label of a boundary line such as {@code -----BEGIN CERTIFICATE-----}, or null if it is not one. */
    private static String boundary(String line, String prefix) {
        if (!line.startsWith(prefix) || !line.endsWith("-----") || line.length() < prefix.length() + 5) {
            return null;
        }
        return line.substring(prefix.length(), line.length() - 5);
    }
}
