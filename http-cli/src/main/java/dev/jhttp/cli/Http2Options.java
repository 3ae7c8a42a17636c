package dev.jhttp.cli;

import dev.jhttp.server.Http2Config;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import static dev.jhttp.cli.CliModel.bound;
import static dev.jhttp.cli.CliModel.env;
import static dev.jhttp.cli.CliModel.flag;

/** The HTTP/2 options of the serving commands; each can also come from a {@code JHTTP_*} environment variable. */
final class Http2Options {
    boolean off;
    boolean noCleartext;
    int maxStreams;
    int streamWindow;

    void addTo(CommandSpec command) {
        command.addOption(flag("JHTTP_NO_HTTP2", () -> off, value -> off = value,
                "Speak HTTP/1.1 only: no h2 by ALPN over https, no h2c in cleartext.", "--no-http2"));
        command.addOption(flag("JHTTP_NO_H2C", () -> noCleartext, value -> noCleartext = value,
                "No HTTP/2 in cleartext (h2c with prior knowledge); h2 over https stays.", "--no-h2c"));
        command.addOption(bound(OptionSpec.builder("--max-streams").paramLabel("N")
                .defaultValue(env("JHTTP_MAX_STREAMS", "100"))
                .description("HTTP/2 streams a client may have open at once; more are refused (default: "
                        + "${DEFAULT-VALUE})."),
                Integer.class, () -> maxStreams, value -> maxStreams = value));
        command.addOption(bound(OptionSpec.builder("--stream-window").paramLabel("BYTES")
                .defaultValue(env("JHTTP_STREAM_WINDOW", "262144"))
                .description("Request content an HTTP/2 stream may send ahead of its handler reading it, at least "
                        + "16384 (default: ${DEFAULT-VALUE})."),
                Integer.class, () -> streamWindow, value -> streamWindow = value));
    }

    /**
     * The settings these options ask for.
     *
     * @throws IllegalArgumentException with a one-line reason when a value is out of range
     */
    Http2Config config() {
        if (maxStreams < 1) {
            throw new IllegalArgumentException("--max-streams must be at least 1, not " + maxStreams);
        }
        if (streamWindow < 16_384) {
            throw new IllegalArgumentException("--stream-window must be at least 16384, not " + streamWindow);
        }
        Http2Config defaults = Http2Config.defaults();
        return defaults.withEnabled(!off).withCleartext(!noCleartext).withMaxConcurrentStreams(maxStreams)
                .withInitialWindowSize(streamWindow)
                .withConnectionWindowSize(Math.max(defaults.connectionWindowSize(), streamWindow));
    }
}
