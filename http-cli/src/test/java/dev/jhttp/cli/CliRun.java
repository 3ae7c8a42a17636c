package dev.jhttp.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the real command in-process on a thread, with its output captured, and stops it by interrupting. */
final class CliRun implements AutoCloseable {
    private static final Pattern PORT = Pattern.compile("\"port\":(\\d+)");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger exitCode = new AtomicInteger(-1);
    private final Thread thread;

    private CliRun(String... args) {
        CommandLine command = JhttpCommand.commandLine()
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        thread = Thread.ofPlatform().name("jhttp-cli-test").start(() -> exitCode.set(command.execute(args)));
    }

    static CliRun start(String... args) {
        return new CliRun(args);
    }

    /** Runs a command that ends by itself and returns its exit code. */
    static CliRun finished(String... args) throws InterruptedException {
        CliRun run = new CliRun(args);
        run.thread.join(Duration.ofSeconds(10));
        return run;
    }

    /** The port from the {@code --ready-json} line, waiting up to ten seconds for it. */
    int port() throws InterruptedException {
        if (await(() -> PORT.matcher(out.toString()).find() || !thread.isAlive())) {
            Matcher matcher = PORT.matcher(out.toString());
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new AssertionError("no ready line; out: " + out + " err: " + err);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    int exitCode() {
        return exitCode.get();
    }

    /** Waits for output containing {@code text}. */
    boolean awaitOutput(String text) throws InterruptedException {
        return await(() -> out.toString().contains(text));
    }

    /** Polls {@code condition} for up to ten seconds; the command runs on another thread with nothing to wait on. */
    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Stops a serving command as Ctrl-C would, and returns its exit code. */
    int stop() throws InterruptedException {
        thread.interrupt();
        thread.join(Duration.ofSeconds(10));
        return exitCode.get();
    }

    @Override
    public void close() throws InterruptedException {
        if (thread.isAlive()) {
            stop();
        }
    }
}
