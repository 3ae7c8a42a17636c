/** The {@code jhttp} command. */
module dev.jhttp.cli {
    requires dev.jhttp.server;
    requires info.picocli;

    opens dev.jhttp.cli to info.picocli;
    exports dev.jhttp.cli;
}
