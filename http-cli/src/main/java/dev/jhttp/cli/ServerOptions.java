package dev.jhttp.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import static dev.jhttp.cli.CliModel.bound;
import static dev.jhttp.cli.CliModel.env;
import static dev.jhttp.cli.CliModel.flag;

/** The options every serving command shares; each can also come from a {@code JHTTP_*} environment variable. */
final class ServerOptions {
    enum AccessLogFormat { clf, json, off }

    int port;
    String bind;
    AccessLogFormat accessLog;
    ColorMode color;
    boolean quiet;
    boolean readyJson;
    boolean cors;
    int eventLoops;
    final AuthOptions auth = new AuthOptions();
    final TlsOptions tls = new TlsOptions();
    final Http2Options http2 = new Http2Options();

    /** Adds these options, and the auth, https and HTTP/2 ones, to {@code command}. */
    void addTo(CommandSpec command) {
        command.addOption(bound(OptionSpec.builder("-p", "--port").paramLabel("PORT")
                .defaultValue(env("JHTTP_PORT", "8000"))
                .description("Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})."),
                Integer.class, () -> port, value -> port = value));
        command.addOption(bound(OptionSpec.builder("-b", "--bind").paramLabel("ADDRESS")
                .defaultValue(env("JHTTP_BIND", "127.0.0.1"))
                .description("Address to bind; 0.0.0.0 shares on every network (default: ${DEFAULT-VALUE})."),
                String.class, () -> bind, value -> bind = value));
        command.addOption(bound(OptionSpec.builder("--access-log").paramLabel("FORMAT")
                .defaultValue(env("JHTTP_ACCESS_LOG", "clf"))
                .description("Access log on stdout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})."),
                AccessLogFormat.class, () -> accessLog, value -> accessLog = value));
        command.addOption(bound(OptionSpec.builder("--color").paramLabel("WHEN")
                .defaultValue(env("JHTTP_COLOR", "auto"))
                .description("Colour the access log's status: ${COMPLETION-CANDIDATES}; auto colours on a terminal "
                        + "unless NO_COLOR is set (default: ${DEFAULT-VALUE})."),
                ColorMode.class, () -> color, value -> color = value));
        command.addOption(flag("JHTTP_QUIET", () -> quiet, value -> quiet = value,
                "Print no banner and no access log.", "-q", "--quiet"));
        command.addOption(flag("JHTTP_READY_JSON", () -> readyJson, value -> readyJson = value,
                "Instead of the banner, print one JSON line (port, addresses, pid, root) once listening.",
                "--ready-json"));
        command.addOption(flag("JHTTP_CORS", () -> cors, value -> cors = value,
                "Allow cross-origin requests from any origin.", "--cors"));
        command.addOption(bound(OptionSpec.builder("--event-loops").paramLabel("N")
                .defaultValue(env("JHTTP_EVENT_LOOPS", "0"))
                .description("I/O threads that accept and serve connections; 0 is one per core but one, at least "
                        + "one (default: ${DEFAULT-VALUE})."),
                Integer.class, () -> eventLoops, value -> eventLoops = value));
        auth.addTo(command);
        tls.addTo(command);
        http2.addTo(command);
    }
}
