package dev.jhttp.cli;

import dev.jhttp.server.Http2Config;
import picocli.CommandLine.Option;

/** The HTTP/2 options of the serving commands; each can also come from a {@code JHTTP_*} environment variable. */
final class Http2Options {
    @Option(names = "--no-http2", defaultValue = "${env:JHTTP_NO_HTTP2:-false}",
            description = "Speak HTTP/1.1 only: no h2 by ALPN over https, no h2c in cleartext.")
    boolean off;

    @Option(names = "--no-h2c", defaultValue = "${env:JHTTP_NO_H2C:-false}",
            description = "No HTTP/2 in cleartext (h2c with prior knowledge); h2 over https stays.")
    boolean noCleartext;

    @Option(names = "--max-streams", paramLabel = "N", defaultValue = "${env:JHTTP_MAX_STREAMS:-100}",
            description = "HTTP/2 streams a client may have open at once; more are refused (default: "
                    + "${DEFAULT-VALUE}).")
    int maxStreams;

    @Option(names = "--stream-window", paramLabel = "BYTES", defaultValue = "${env:JHTTP_STREAM_WINDOW:-262144}",
            description = "Request content an HTTP/2 stream may send ahead of its handler reading it, at least "
                    + "16384 (default: ${DEFAULT-VALUE}).")
    int streamWindow;

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
