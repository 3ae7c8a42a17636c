package dev.jhttp.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The https options of the serving commands; each can also come from a {@code JHTTP_TLS_*} environment variable. */
final class TlsOptions {
    @Option(names = "--tls-cert", paramLabel = "FILE", defaultValue = "${env:JHTTP_TLS_CERT}",
            description = "Serve https with this PEM certificate chain (needs --tls-key).")
    Path certificate;

    @Option(names = "--tls-key", paramLabel = "FILE", defaultValue = "${env:JHTTP_TLS_KEY}",
            description = "The certificate's PEM private key (PKCS#8, or PKCS#1 for RSA).")
    Path key;

    @Option(names = "--tls-keystore", paramLabel = "FILE", defaultValue = "${env:JHTTP_TLS_KEYSTORE}",
            description = "Serve https with the key and chain in this PKCS#12 keystore; its password comes from "
                    + "--tls-keystore-password-file or the JHTTP_TLS_KEYSTORE_PASSWORD variable.")
    Path keystore;

    @Option(names = "--tls-keystore-password-file", paramLabel = "FILE",
            defaultValue = "${env:JHTTP_TLS_KEYSTORE_PASSWORD_FILE}",
            description = "A file holding the keystore's password (one line).")
    Path keystorePasswordFile;

    @Option(names = "--tls-self-signed", defaultValue = "${env:JHTTP_TLS_SELF_SIGNED:-false}",
            description = "Serve https with a certificate for localhost, 127.0.0.1 and ::1, made once and kept in "
                    + "--tls-cache, so a browser exception or a trust-store import lasts.")
    boolean selfSigned;

    @Option(names = "--tls-cache", paramLabel = "DIR", defaultValue = "${env:JHTTP_TLS_CACHE}",
            description = "Where --tls-self-signed keeps its certificate (default: $XDG_CACHE_HOME/jhttp/tls, or "
                    + "~/.cache/jhttp/tls).")
    Path cache;

    @Option(names = "--tls-save", paramLabel = "DIR", defaultValue = "${env:JHTTP_TLS_SAVE}",
            description = "Write the self-signed certificate to DIR/jhttp-localhost.pem, to trust it (curl --cacert, "
                    + "a browser, a JDK trust store).")
    Path save;

    @Option(names = "--hsts", defaultValue = "${env:JHTTP_HSTS:-false}",
            description = "Tell browsers to use https only for this host, for a year (Strict-Transport-Security).")
    boolean hsts;

    @Option(names = "--redirect-http", paramLabel = "PORT", defaultValue = "${env:JHTTP_REDIRECT_HTTP}",
            description = "Also listen for plain http on PORT and redirect every request there to https (308).")
    Integer redirectHttp;

    /** Whether any option asks for https (or for something only https can do). */
    boolean enabled() {
        return certificate != null || key != null || keystore != null || selfSigned || save != null || hsts
                || redirectHttp != null;
    }
}
