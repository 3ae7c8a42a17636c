package dev.jhttp.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Path;

import static dev.jhttp.cli.CliModel.bound;
import static dev.jhttp.cli.CliModel.env;
import static dev.jhttp.cli.CliModel.flag;

/** The https options of the serving commands; each can also come from a {@code JHTTP_TLS_*} environment variable. */
final class TlsOptions {
    Path certificate;
    Path key;
    Path keystore;
    Path keystorePasswordFile;
    boolean selfSigned;
    Path cache;
    Path save;
    boolean hsts;
    Integer redirectHttp;

    void addTo(CommandSpec command) {
        command.addOption(bound(OptionSpec.builder("--tls-cert").paramLabel("FILE").defaultValue(env("JHTTP_TLS_CERT"))
                .description("Serve https with this PEM certificate chain (needs --tls-key)."),
                Path.class, () -> certificate, value -> certificate = value));
        command.addOption(bound(OptionSpec.builder("--tls-key").paramLabel("FILE").defaultValue(env("JHTTP_TLS_KEY"))
                .description("The certificate's PEM private key (PKCS#8, or PKCS#1 for RSA)."),
                Path.class, () -> key, value -> key = value));
        command.addOption(bound(OptionSpec.builder("--tls-keystore").paramLabel("FILE")
                .defaultValue(env("JHTTP_TLS_KEYSTORE"))
                .description("Serve https with the key and chain in this PKCS#12 keystore; its password comes from "
                        + "--tls-keystore-password-file or the JHTTP_TLS_KEYSTORE_PASSWORD variable."),
                Path.class, () -> keystore, value -> keystore = value));
        command.addOption(bound(OptionSpec.builder("--tls-keystore-password-file").paramLabel("FILE")
                .defaultValue(env("JHTTP_TLS_KEYSTORE_PASSWORD_FILE"))
                .description("A file holding the keystore's password (one line)."),
                Path.class, () -> keystorePasswordFile, value -> keystorePasswordFile = value));
        command.addOption(flag("JHTTP_TLS_SELF_SIGNED", () -> selfSigned, value -> selfSigned = value,
                "Serve https with a certificate for localhost, 127.0.0.1 and ::1, made once and kept in --tls-cache, "
                        + "so a browser exception or a trust-store import lasts.", "--tls-self-signed"));
        command.addOption(bound(OptionSpec.builder("--tls-cache").paramLabel("DIR").defaultValue(env("JHTTP_TLS_CACHE"))
                .description("Where --tls-self-signed keeps its certificate (default: $XDG_CACHE_HOME/jhttp/tls, or "
                        + "~/.cache/jhttp/tls)."),
                Path.class, () -> cache, value -> cache = value));
        command.addOption(bound(OptionSpec.builder("--tls-save").paramLabel("DIR").defaultValue(env("JHTTP_TLS_SAVE"))
                .description("Write the self-signed certificate to DIR/jhttp-localhost.pem, to trust it (curl "
                        + "--cacert, a browser, a JDK trust store)."),
                Path.class, () -> save, value -> save = value));
        command.addOption(flag("JHTTP_HSTS", () -> hsts, value -> hsts = value,
                "Tell browsers to use https only for this host, for a year (Strict-Transport-Security).", "--hsts"));
        command.addOption(bound(OptionSpec.builder("--redirect-http").paramLabel("PORT")
                .defaultValue(env("JHTTP_REDIRECT_HTTP"))
                .description("Also listen for plain http on PORT and redirect every request there to https (308)."),
                Integer.class, () -> redirectHttp, value -> redirectHttp = value));
    }

    /** Whether any option asks for https (or for something only https can do). */
    boolean enabled() {
        return certificate != null || key != null || keystore != null || selfSigned || save != null || hsts
                || redirectHttp != null;
    }
}
