package dev.jhttp.cli;

/** The {@code jhttp} entry point. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(JhttpCommand.commandLine().execute(args));
    }
}
