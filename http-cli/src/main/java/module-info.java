/** The {@code jhttp} command. */
module dev.jhttp.cli {
    requires dev.jhttp.server;
    requires info.picocli;
}
