package dev.jhttp.cli;

import picocli.CommandLine;

/** The {@code jhttp} entry point. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new JhttpCommand()).execute(args));
    }
}
