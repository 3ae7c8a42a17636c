package dev.jhttp.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class JhttpCommandTest {
    @TempDir
    Path site;

    /** A status and body, fetched with the JDK's basic client (java.base, so the module needs nothing more). */
    record Fetched(int statusCode, String body) {
    }

    private static Fetched get(int port, String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                .openConnection();
        connection.setRequestProperty("User-Agent", "jhttp-cli-test");
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Fetched(status, body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            connection.disconnect();
        }
    }

    /** The whole response, as text, to a request written by hand (HttpURLConnection refuses to send Origin). */
    private static String rawGet(int port, String path, String header) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + header
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void serveAnnouncesItselfAsJsonAndServesTheFolder() throws Exception {
        Files.writeString(site.resolve("hello.txt"), "hi there");
        try (CliRun run = CliRun.start("serve", site.toString(), "--port", "0", "--ready-json")) {
            int port = run.port();
            assertThat(run.out()).contains("\"root\":\"" + site.toAbsolutePath().normalize() + "\"")
                    .contains("\"pid\":" + ProcessHandle.current().pid())
                    .contains("\"urls\":[\"http://127.0.0.1:" + port + "/\"]");
            Fetched response = get(port, "/hello.txt");
            assertThat(response.body()).isEqualTo("hi there");
            assertThat(run.awaitOutput("\"GET /hello.txt HTTP/1.1\" 200 8")).isTrue();
            assertThat(run.stop()).isZero();
        }
    }

    @Test
    void bannerNamesTheRootTheUrlAndHowToStop() throws Exception {
        try (CliRun run = CliRun.start("serve", site.toString(), "-p", "0")) {
            assertThat(run.awaitOutput("Press Ctrl-C to stop.")).isTrue();
            assertThat(run.out()).startsWith("Serving " + site.toAbsolutePath().normalize() + " at:")
                    .containsPattern("http://127\\.0\\.0\\.1:\\d+/");
        }
    }

    @Test
    void listsFoldersUnlessToldNotTo() throws Exception {
        Files.createDirectory(site.resolve("docs"));
        Files.writeString(site.resolve("docs/readme.md"), "# hi");
        try (CliRun run = CliRun.start("serve", site.toString(), "-p", "0", "--ready-json", "--quiet")) {
            assertThat(get(run.port(), "/docs/").body()).contains("readme.md");
            assertThat(run.out()).doesNotContain("GET /docs/");
        }
        try (CliRun run = CliRun.start("serve", site.toString(), "-p", "0", "--ready-json", "--no-listing")) {
            assertThat(get(run.port(), "/docs/").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void hiddenFilesAndSymlinksNeedTheirOptions() throws Exception {
        Files.writeString(site.resolve(".env"), "SECRET=1");
        Files.writeString(site.resolve("hello.txt"), "hi");
        Files.createSymbolicLink(site.resolve("link.txt"), site.resolve("hello.txt"));
        try (CliRun run = CliRun.start("serve", site.toString(), "-p", "0", "--ready-json")) {
            assertThat(get(run.port(), "/.env").statusCode()).isEqualTo(404);
            assertThat(get(run.port(), "/link.txt").statusCode()).isEqualTo(404);
            assertThat(get(run.port(), "/").body()).doesNotContain(".env").doesNotContain("link.txt");
        }
        try (CliRun run = CliRun.start("serve", site.toString(), "-p", "0", "--ready-json", "--show-hidden",
                "--follow-symlinks")) {
            assertThat(get(run.port(), "/.env").body()).isEqualTo("SECRET=1");
            assertThat(get(run.port(), "/link.txt").body()).isEqualTo("hi");
        }
    }

    @Test
    void cacheControlAndCorsReachTheResponses() throws Exception {
        Files.writeString(site.resolve("hello.txt"), "hi");
        try (CliRun run = CliRun.start("serve", site.toString(), "-p", "0", "--ready-json",
                "--cache-control", "public, max-age=60", "--cors")) {
            assertThat(rawGet(run.port(), "/hello.txt", "Origin: http://example.test"))
                    .contains("\r\nCache-Control: public, max-age=60\r\n")
                    .contains("\r\nAccess-Control-Allow-Origin: *\r\n");
        }
        try (CliRun run = CliRun.start("serve", site.toString(), "-p", "0", "--ready-json")) {
            assertThat(rawGet(run.port(), "/hello.txt", "Origin: http://example.test"))
                    .contains("\r\nCache-Control: no-cache\r\n").doesNotContain("Access-Control-Allow-Origin");
        }
    }

    @Test
    void bindingEveryInterfaceWarnsAndListsEveryAddress() throws Exception {
        try (CliRun run = CliRun.start("--route", "/status", "-p", "0", "--bind", "0.0.0.0", "--ready-json")) {
            int port = run.port();
            assertThat(run.out()).contains("\"http://127.0.0.1:" + port + "/\"");
            assertThat(run.err()).contains("jhttp: warning: listening on every network interface");
            assertThat(get(port, "/status/204").statusCode()).isEqualTo(204);
        }
    }

    @Test
    void spaAndGzipOptionsReachTheFiles() throws Exception {
        Files.writeString(site.resolve("index.html"), "<h1>app</h1>");
        Files.writeString(site.resolve("big.txt"), "text ".repeat(400));
        try (CliRun run = CliRun.start("serve", site.toString(), "-p", "0", "--ready-json", "--spa", "--gzip")) {
            int port = run.port();
            HttpURLConnection spa = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/some/route")
                    .toURL().openConnection();
            spa.setRequestProperty("Accept", "text/html");
            assertThat(spa.getResponseCode()).isEqualTo(200);
            spa.disconnect();
            HttpURLConnection gzip = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/big.txt")
                    .toURL().openConnection();
            gzip.setRequestProperty("Accept-Encoding", "gzip");
            assertThat(gzip.getHeaderField("Content-Encoding")).isEqualTo("gzip");
            gzip.disconnect();
        }
    }

    @Test
    void routesMountNextToFilesAndWinOverThem() throws Exception {
        Files.writeString(site.resolve("hello.txt"), "file");
        try (CliRun run = CliRun.start("serve", site.toString(), "-p", "0", "--ready-json",
                "--route", "/echo", "--route", "/hello.txt=from a route", "--access-log", "json")) {
            int port = run.port();
            assertThat(get(port, "/hello.txt").body()).isEqualTo("from a route\n");
            assertThat(get(port, "/echo?x=1").body()).contains("\"query\":{\"x\":[\"1\"]}");
            assertThat(run.awaitOutput("{\"time\":")).isTrue();
        }
    }

    @Test
    void topCommandServesDemoRoutesOnly() throws Exception {
        try (CliRun run = CliRun.start("--route", "/status", "--route", "/headers", "-p", "0", "--ready-json")) {
            int port = run.port();
            assertThat(get(port, "/status/418").statusCode()).isEqualTo(418);
            assertThat(get(port, "/headers").body()).contains("[\"User-Agent\",\"jhttp-cli-test\"]");
            assertThat(get(port, "/status/999").statusCode()).isEqualTo(400);
            assertThat(get(port, "/missing").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void streamingCookieAndAuthRoutesBehaveLikeHttpbin() throws Exception {
        try (CliRun run = CliRun.start("-r", "/drip", "-r", "/sse", "-r", "/cookies", "-r", "/basic-auth",
                "-p", "0", "--ready-json")) {
            int port = run.port();
            assertThat(get(port, "/drip?numbytes=5&duration=0").body()).isEqualTo("*****");
            assertThat(get(port, "/sse?count=2&interval=0").body()).startsWith("id: 0\ndata: {")
                    .contains("\n\nid: 1\n");
            String base = "http://127.0.0.1:" + port;
            HttpURLConnection set = (HttpURLConnection) URI.create(base + "/cookies/set?flavour=oat").toURL()
                    .openConnection();
            set.setInstanceFollowRedirects(false);
            assertThat(set.getResponseCode()).isEqualTo(302);
            assertThat(set.getHeaderField("Set-Cookie")).isEqualTo("flavour=oat; Path=/");
            set.disconnect();
            HttpURLConnection show = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/cookies").toURL()
                    .openConnection();
            show.setRequestProperty("Cookie", "a=1; b=2");
            assertThat(new String(show.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"cookies\":{\"a\":\"1\",\"b\":\"2\"}}\n");
            assertThat(get(port, "/basic-auth/ada/secret").statusCode()).isEqualTo(401);
            HttpURLConnection auth = (HttpURLConnection) URI.create(base + "/basic-auth/ada/secret").toURL()
                    .openConnection();
            auth.setRequestProperty("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString("ada:secret".getBytes(StandardCharsets.UTF_8)));
            assertThat(auth.getResponseCode()).isEqualTo(200);
            auth.disconnect();
        }
    }

    @Test
    void unknownRouteIsAOneLineErrorListingTheValidOnes() throws Exception {
        CliRun run = CliRun.finished("--route", "/nope", "-p", "0");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("jhttp: unknown route '/nope'; valid routes: /echo, /anything")
                .doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void missingFolderIsAOneLineError() throws Exception {
        CliRun run = CliRun.finished("serve", site.resolve("absent").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("jhttp: " + site.resolve("absent") + " does not exist");
    }

    @Test
    void portInUseExitsWith2AndSuggestsPortZero() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.finished("serve", site.toString(), "-p", Integer.toString(taken.getLocalPort()));
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip()).contains("is in use").contains("--port 0").doesNotContain("\n");
        }
    }

    @Test
    void badOptionValuesExitWith1() throws Exception {
        assertThat(CliRun.finished("serve", "--port", "eighty").exitCode()).isEqualTo(1);
        assertThat(CliRun.finished("serve", site.toString(), "--port", "70000").err())
                .contains("--port must be from 0 to 65535");
        assertThat(CliRun.finished("serve", "--access-log", "xml").exitCode()).isEqualTo(1);
        assertThat(CliRun.finished("serve", site.toString(), "--bind", "no.such.host.invalid").exitCode())
                .isEqualTo(1);
        CliRun loops = CliRun.finished("serve", site.toString(), "--event-loops", "-1");
        assertThat(loops.exitCode()).isEqualTo(1);
        assertThat(loops.err())
                .isEqualTo("jhttp: --event-loops must be from 0 (one per core but one) to 256, not -1\n");
    }

    @Test
    void eventLoopsSetsTheServersIoThreads() throws Exception {
        // Three: more than the default on the machines that run the tests, so an ignored option would show.
        try (CliRun run = CliRun.start("serve", site.toString(), "--port", "0", "--ready-json", "--event-loops", "3")) {
            int port = run.port();
            assertThat(Thread.getAllStackTraces().keySet()).filteredOn(thread -> thread.getName()
                    .startsWith("jhttp-loop-" + port + "-")).extracting(Thread::getName)
                    .containsExactlyInAnyOrder("jhttp-loop-" + port + "-0", "jhttp-loop-" + port + "-1",
                            "jhttp-loop-" + port + "-2");
        }
    }

    @Test
    void noArgumentsPrintsUsageAndExitsWith1() throws Exception {
        CliRun run = CliRun.finished();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Usage: jhttp").contains("Examples:");
    }

    @Test
    void parsePrintsWhatTheParserRead() throws Exception {
        Path raw = Files.writeString(site.resolve("req.http"),
                "POST /a%20b?x=1 HTTP/1.1\r\nHost: example.com\r\nContent-Length: 2\r\n\r\nhi"
                + "GET / HTTP/1.0\r\n\r\n");
        CliRun run = CliRun.finished("parse", raw.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("method     POST").contains("path       /a b").contains("  Host: example.com")
                .contains("bodyLength 2").contains("version    HTTP/1.0");
    }

    @Test
    void parseNamesTheBrokenRuleAndItsOffset() throws Exception {
        Path raw = Files.writeString(site.resolve("bad.http"), "GET / HTTP/1.1\r\nHost : x\r\n\r\n");
        CliRun run = CliRun.finished("parse", raw.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo(
                "jhttp: 400 Bad Request: whitespace between a field name and its colon (RFC 9112 §5.1) at byte 20");
        CliRun json = CliRun.finished("parse", "--json", raw.toString());
        assertThat(json.err()).contains("\"violation\":\"WHITESPACE_BEFORE_COLON\"").contains("\"offset\":20");
    }

    @Test
    void parseReadsHandWrittenFilesAndResponses() throws Exception {
        Path lf = Files.writeString(site.resolve("lf.http"), "GET / HTTP/1.1\nHost: x\n\n");
        assertThat(CliRun.finished("parse", lf.toString()).err()).contains("LF without CR").contains("try --lf");
        assertThat(CliRun.finished("parse", "--lf", "--json", lf.toString()).out())
                .contains("\"headers\":[[\"Host\",\"x\"]]");
        Path reply = Files.writeString(site.resolve("reply.http"), "HTTP/1.1 404 Not Found\r\n\r\ngone");
        CliRun response = CliRun.finished("parse", "--response", reply.toString());
        assertThat(response.out()).contains("status     404").contains("bodyLength 4");
        Path partial = Files.writeString(site.resolve("partial.http"), "GET / HTTP/1.1\r\nHost: x\r\n");
        CliRun incomplete = CliRun.finished("parse", partial.toString());
        assertThat(incomplete.exitCode()).isEqualTo(1);
        assertThat(incomplete.err().strip()).isEqualTo("jhttp: incomplete request: the input ends after 25 bytes of it");
    }

    @Test
    void completionPrintsABashScript() throws Exception {
        CliRun run = CliRun.finished("completion");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("#!/usr/bin/env bash").contains("serve").contains("--no-listing");
    }

    @Test
    void accessLogIsColouredOnlyWhenAskedOrOnATerminal() throws Exception {
        try (CliRun run = CliRun.start("--route", "/status", "-p", "0", "--ready-json", "--color", "always")) {
            get(run.port(), "/status/404");
            assertThat(run.awaitOutput("\" \u001b[33m404\u001b[0m 0 ")).isTrue();
        }
        try (CliRun run = CliRun.start("--route", "/status", "-p", "0", "--ready-json")) {
            get(run.port(), "/status/404");
            assertThat(run.awaitOutput("\" 404 0 ")).isTrue(); // a test's stdout is no terminal
            assertThat(run.out()).doesNotContain("\u001b");
        }
    }

    @Test
    void theTopCommandsHelpAndItsErrorsKnowEverySubcommand() throws Exception {
        CliRun help = CliRun.finished("--help");
        assertThat(help.out()).contains("serve").contains("routes").contains("parse").contains("completion");
        CliRun typo = CliRun.finished("serv", "static");
        assertThat(typo.exitCode()).isEqualTo(1);
        assertThat(typo.err()).contains("serve");
        CliRun completion = CliRun.finished("completion");
        assertThat(completion.out()).contains("routes").contains("parse");
    }

    @Test
    void everyCommandsHelpShowsExamples() throws Exception {
        for (String[] args : new String[][] {{"--help"}, {"serve", "--help"}, {"routes", "--help"},
                {"parse", "--help"}, {"completion", "--help"}}) {
            CliRun help = CliRun.finished(args);
            assertThat(help.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(help.out()).as(String.join(" ", args)).contains("Examples:\n");
            assertThat(help.out().substring(help.out().indexOf("Examples:"))).contains("jhttp");
        }
    }

    @Test
    void helpVersionAndRoutesExitWith0() throws Exception {
        CliRun help = CliRun.finished("serve", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--no-listing").contains("jhttp serve ./static -p 0");
        CliRun version = CliRun.finished("--version");
        assertThat(version.out()).startsWith("jhttp ");
        CliRun routes = CliRun.finished("routes");
        assertThat(routes.out()).contains("/echo").contains("/status/{code}").contains("/path=TEXT");
    }
}
