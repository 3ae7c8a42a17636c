package dev.jhttp.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every serving command shares; each can also come from a {@code JHTTP_*} environment variable. */
final class ServerOptions {
    enum AccessLogFormat { clf, json, off }

    @Option(names = {"-p", "--port"}, defaultValue = "${env:JHTTP_PORT:-8000}",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = {"-b", "--bind"}, defaultValue = "${env:JHTTP_BIND:-127.0.0.1}",
            description = "Address to bind; 0.0.0.0 shares on every network (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--access-log", defaultValue = "${env:JHTTP_ACCESS_LOG:-clf}",
            description = "Access log on stdout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    AccessLogFormat accessLog;

    @Option(names = "--color", defaultValue = "${env:JHTTP_COLOR:-auto}",
            description = "Colour the access log's status: ${COMPLETION-CANDIDATES}; auto colours on a terminal "
                    + "unless NO_COLOR is set (default: ${DEFAULT-VALUE}).")
    ColorMode color;

    @Option(names = {"-q", "--quiet"}, defaultValue = "${env:JHTTP_QUIET:-false}",
            description = "Print no banner and no access log.")
    boolean quiet;

    @Option(names = "--ready-json", defaultValue = "${env:JHTTP_READY_JSON:-false}",
            description = "Instead of the banner, print one JSON line (port, addresses, pid, root) once listening.")
    boolean readyJson;

    @Option(names = "--cors", defaultValue = "${env:JHTTP_CORS:-false}",
            description = "Allow cross-origin requests from any origin.")
    boolean cors;

    @Mixin
    AuthOptions auth = new AuthOptions();

    @Mixin
    TlsOptions tls = new TlsOptions();

    @Mixin
    Http2Options http2 = new Http2Options();
}
