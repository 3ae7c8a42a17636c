package dev.jhttp.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --route ROUTE@/path} mounts a demo route elsewhere for every method; fixed texts take every method too. */
class RouteMountingTest {
    /** The whole response, as text, to one request written by hand on its own connection. */
    private static String exchange(int port, String method, String path, String content) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                    + "Content-Length: " + content.length() + "\r\n\r\n" + content).getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void echoAtTheRootAnswersEveryPathAndMethod() throws Exception {
        try (CliRun run = CliRun.start("--route", "/echo@/", "-p", "0", "--ready-json")) {
            int port = run.port();
            assertThat(exchange(port, "GET", "/", "")).startsWith("HTTP/1.1 200 ").contains("\"method\":\"GET\"");
            assertThat(exchange(port, "POST", "/", "hello")).startsWith("HTTP/1.1 200 ")
                    .contains("\"method\":\"POST\"").contains("\"body\":\"hello\"");
            assertThat(exchange(port, "DELETE", "/a/b?c=d", "")).startsWith("HTTP/1.1 200 ")
                    .contains("\"path\":\"/a/b\"");
            assertThat(exchange(port, "OPTIONS", "/x", "")).startsWith("HTTP/1.1 200 ")
                    .contains("\"method\":\"OPTIONS\"");
        }
    }

    @Test
    void aRouteWithParametersKeepsThemBelowItsMount() throws Exception {
        try (CliRun run = CliRun.start("--route", "/status@/s", "--route", "/echo@/api", "-p", "0", "--ready-json")) {
            int port = run.port();
            assertThat(exchange(port, "PUT", "/s/418", "")).startsWith("HTTP/1.1 418 ");
            assertThat(exchange(port, "GET", "/api", "")).contains("\"path\":\"/api\"");
            assertThat(exchange(port, "GET", "/api/v1/x", "")).contains("\"path\":\"/api/v1/x\"");
            assertThat(exchange(port, "GET", "/status/418", "")).startsWith("HTTP/1.1 404 ");
            assertThat(exchange(port, "GET", "/apix", "")).startsWith("HTTP/1.1 404 ");
        }
    }

    @Test
    void aFixedTextAnswersEveryMethodAndReadsTheContent() throws Exception {
        try (CliRun run = CliRun.start("--route", "/=ok", "-p", "0", "--ready-json")) {
            int port = run.port();
            assertThat(exchange(port, "GET", "/", "")).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\nok\n");
            assertThat(exchange(port, "POST", "/", "x".repeat(100_000))).startsWith("HTTP/1.1 200 ")
                    .endsWith("\r\n\r\nok\n");
            assertThat(exchange(port, "PATCH", "/", "{}")).startsWith("HTTP/1.1 200 ");
        }
    }

    @Test
    void routesStillWinOverFilesAndFilesAnswerTheRest(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("page.txt"), "a file");
        try (CliRun run = CliRun.start("serve", site.toString(), "--route", "/echo@/api", "-p", "0",
                "--ready-json")) {
            int port = run.port();
            assertThat(exchange(port, "GET", "/page.txt", "")).endsWith("\r\n\r\na file");
            assertThat(exchange(port, "POST", "/api/page.txt", "")).contains("\"method\":\"POST\"");
            assertThat(exchange(port, "GET", "/missing.txt", "")).startsWith("HTTP/1.1 404 ");
        }
    }

    @Test
    void aMountThatIsNoPathIsAOneLineError() throws Exception {
        CliRun run = CliRun.finished("--route", "/echo@api", "-p", "0");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("jhttp: a mount path starts with '/': /echo@api");
        CliRun unknown = CliRun.finished("--route", "/nope@/", "-p", "0");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err().strip()).startsWith("jhttp: unknown route '/nope'").doesNotContain("\n");
    }
}
