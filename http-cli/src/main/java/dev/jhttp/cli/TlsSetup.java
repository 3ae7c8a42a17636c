package dev.jhttp.cli;

import dev.jhttp.server.tls.ServerCertificate;
import dev.jhttp.server.tls.TlsConfig;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the {@code --tls-*} options into the server's TLS settings, or into the one line that says what is wrong
 * with them.
 */
final class TlsSetup {
    /** What the options asked for that cannot be served. */
    /** The https settings and the certificate they present first. */
    record Served(TlsConfig config, ServerCertificate certificate) {
    }

    private TlsSetup() {
    }

    /**
     * The TLS settings the options ask for; empty for cleartext. Warns on {@code err} about a certificate that has
     * expired or is not valid yet (a client will refuse it, but a test setup may want it).
     *
     * @throws Refused with a one-line reason
     */
    static Optional<Served> from(TlsOptions options, Map<String, String> environment, PrintWriter err)
            throws Refused {
        if (!options.enabled()) {
            return Optional.empty();
        }
        int sources = (options.certificate != null || options.key != null ? 1 : 0)
                + (options.keystore != null ? 1 : 0) + (options.selfSigned ? 1 : 0);
        if (sources > 1) {
            throw new Refused("choose one of --tls-cert/--tls-key, --tls-keystore and --tls-self-signed");
        }
        if (options.save != null && !options.selfSigned) {
            throw new Refused("--tls-save writes the --tls-self-signed certificate; use it with that option");
        }
        if (sources == 0) {
            throw new Refused("--hsts and --redirect-http need https: add --tls-self-signed, --tls-cert/--tls-key or "
                    + "--tls-keystore");
        }
        if (options.redirectHttp != null && (options.redirectHttp < 0 || options.redirectHttp > 65535)) {
            throw new Refused("--redirect-http must be a port from 0 to 65535, not " + options.redirectHttp);
        }
        ServerCertificate certificate;
        try {
            certificate = certificate(options, environment);
            if (options.save != null) {
                Files.createDirectories(options.save);
                Files.writeString(options.save.resolve("jhttp-localhost.pem"),
                        SelfSignedCertificate.pem(certificate.leaf()), StandardCharsets.US_ASCII);
            }
            warnIfOutOfDate(certificate, err);
            return Optional.of(new Served(TlsConfig.of(certificate), certificate));
        } catch (NoSuchFileException e) {
            throw new Refused("no such file: " + e.getFile());
        } catch (IOException | GeneralSecurityException e) {
            throw new Refused(e.getMessage());
        }
    }

    private static ServerCertificate certificate(TlsOptions options, Map<String, String> environment)
            throws Refused, IOException, GeneralSecurityException {
        if (options.selfSigned) {
            return SelfSignedCertificate.inCache(options.cache != null ? options.cache : defaultCache(environment));
        }
        if (options.keystore != null) {
            return ServerCertificate.fromPkcs12(options.keystore, keystorePassword(options, environment));
        }
        if (options.certificate == null || options.key == null) {
            throw new Refused("https needs both --tls-cert and --tls-key");
        }
        return ServerCertificate.fromPem(options.certificate, options.key);
    }

    private static char[] keystorePassword(TlsOptions options, Map<String, String> environment)
            throws Refused, IOException {
        if (options.keystorePasswordFile != null) {
            return Files.readString(options.keystorePasswordFile, StandardCharsets.UTF_8).strip().toCharArray();
        }
        String fromEnvironment = environment.get("JHTTP_TLS_KEYSTORE_PASSWORD");
        if (fromEnvironment == null) {
            throw new Refused("--tls-keystore needs its password: --tls-keystore-password-file FILE, or the "
                    + "JHTTP_TLS_KEYSTORE_PASSWORD variable");
        }
        return fromEnvironment.toCharArray();
    }

    /** {@code $XDG_CACHE_HOME/jhttp/tls}, or {@code ~/.cache/jhttp/tls}. */
    private static Path defaultCache(Map<String, String> environment) {
        String xdg = environment.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("jhttp").resolve("tls");
    }

    private static void warnIfOutOfDate(ServerCertificate certificate, PrintWriter err) {
        Instant now = Instant.now();
        if (certificate.leaf().getNotAfter().toInstant().isBefore(now)) {
            err.println("jhttp: warning: the TLS certificate expired on " + certificate.leaf().getNotAfter()
                    .toInstant() + "; clients will refuse it");
        } else if (certificate.leaf().getNotBefore().toInstant().isAfter(now)) {
            err.println("jhttp: warning: the TLS certificate is not valid before " + certificate.leaf()
                    .getNotBefore().toInstant() + "; clients will refuse it");
        }
    }
}
