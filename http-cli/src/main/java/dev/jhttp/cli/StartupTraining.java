package dev.jhttp.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A short, typical run of {@code jhttp serve} for the JVM to learn start-up from. The launcher runs it once per build
 * with {@code -XX:AOTCacheOutput} (JDK 25+), and every later start maps the classes it loaded and linked and the
 * method profiles it gathered (JEPs 483 and 515) instead of loading them again. It serves a small temporary folder on a
 * free loopback port with the access log on, asks for what a browser's first visits ask for, and stops.
 */
public final class StartupTraining {
    private static final Pattern PORT = Pattern.compile("\"port\":(\\d+)");
    private static final int ROUNDS = 20;
    private static final Duration START_DEADLINE = Duration.ofSeconds(60);
    private static final List<String> REQUESTS = List.of(
            "GET / HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n",
            "HEAD /index.html HTTP/1.1\r\nHost: localhost\r\n",
            "GET /style.css HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip, br\r\n",
            "GET /folder HTTP/1.1\r\nHost: localhost\r\n",
            "GET /folder/ HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n",
            "GET /folder/notes.txt HTTP/1.1\r\nHost: localhost\r\nIf-Modified-Since: Sat, 01 Jan 2100 00:00:00 GMT\r\n",
            "GET /folder/notes.txt HTTP/1.1\r\nHost: localhost\r\nRange: bytes=0-2\r\n",
            "GET /missing HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n",
            "GET /hello HTTP/1.1\r\nHost: localhost\r\n",
            "POST /hello HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello",
            "GET /%zz HTTP/1.1\r\nHost: localhost\r\n");

    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path site = Files.createTempDirectory("jhttp-startup-training");
        try {
            Files.writeString(site.resolve("index.html"), "<!doctype html><title>jhttp</title><p>Hello</p>\n");
            Files.writeString(site.resolve("style.css"), "body { font-family: sans-serif; }\n".repeat(20));
            Files.createDirectory(site.resolve("folder"));
            Files.writeString(site.resolve("folder/notes.txt"), "notes\n");
            StringWriter out = new StringWriter();
            CommandLine command = JhttpCommand.commandLine().setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(Writer.nullWriter()));
            // A daemon, so that a training that fails (it throws) still ends the JVM.
            Thread server = Thread.ofPlatform().name("jhttp-training").daemon().start(() -> command.execute("serve",
                    site.toString(), "--bind", "127.0.0.1", "--port", "0", "--ready-json", "--route",
                    "/hello=Hello, World!"));
            int port = port(out, server);
            for (int round = 0; round < ROUNDS; round++) {
                for (String request : REQUESTS) {
                    exchange(port, request);
                }
            }
            server.interrupt();
            server.join();
        } finally {
            try (Stream<Path> files = Files.walk(site)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** The port from the server's ready line, within {@link #START_DEADLINE}. */
    private static int port(StringWriter out, Thread server) throws InterruptedException {
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (server.isAlive() && System.nanoTime() - deadline < 0) {
            Matcher matcher = PORT.matcher(out.toString());
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the server did not start in " + START_DEADLINE.toSeconds() + " s: " + out);
    }

    /**
     * Sends {@code request} with {@code Connection: close} and reads the answer to its end.
     *
     * @throws IOException if no HTTP/1.1 answer comes: a training that serves nothing would teach nothing
     */
    private static void exchange(int port, String request) throws IOException {
        String head = request.contains("\r\n\r\n") ? request.replaceFirst("\r\n\r\n", "\r\nConnection: close\r\n\r\n")
                : request + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream output = socket.getOutputStream();
            output.write(head.getBytes(StandardCharsets.ISO_8859_1));
            output.flush();
            try (InputStream input = socket.getInputStream()) {
                byte[] answer = input.readAllBytes();
                if (!new String(answer, 0, Math.min(answer.length, 9), StandardCharsets.ISO_8859_1)
                        .equals("HTTP/1.1 ")) {
                    throw new IOException("no answer to " + request.lines().findFirst().orElse(request));
                }
            }
        }
    }
}
