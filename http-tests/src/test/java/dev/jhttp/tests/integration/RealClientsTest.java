package dev.jhttp.tests.integration;

import dev.jhttp.core.Body;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.Handler;
import dev.jhttp.server.files.StaticFiles;
import dev.jhttp.server.routing.Router;
import dev.jhttp.tests.fixtures.TestServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients nobody on this team wrote: OkHttp and curl, against a real server. */
class RealClientsTest {
    @TempDir
    Path site;

    private Handler app() throws IOException {
        Files.writeString(site.resolve("page.html"), "<p>page</p>");
        Files.write(site.resolve("digits.txt"), "0123456789".getBytes(StandardCharsets.US_ASCII));
        Handler files = StaticFiles.serving(site);
        return Router.builder()
                .post("/upload", RealClientsTest::countBytes)
                .put("/upload", RealClientsTest::countBytes)
                .get("/*", files)
                .build();
    }

    private static Response countBytes(dev.jhttp.core.Request request) throws IOException {
        try (InputStream in = request.body().openStream()) {
            return Response.of(Status.OK_200).withBody(Body.of("received " + in.transferTo(
                    java.io.OutputStream.nullOutputStream())));
        }
    }

    @Test
    void okHttpReusesOneConnectionForManyRequests() throws Exception {
        try (var server = TestServer.start(app())) {
            OkHttpClient client = new OkHttpClient.Builder().callTimeout(10, TimeUnit.SECONDS).build();
            try {
                for (int i = 0; i < 5; i++) {
                    try (okhttp3.Response response = client.newCall(new Request.Builder()
                            .url("http://127.0.0.1:" + server.port() + "/page.html").build()).execute()) {
                        assertThat(response.code()).isEqualTo(200);
                        assertThat(response.body().string()).isEqualTo("<p>page</p>");
                    }
                }
                assertThat(client.connectionPool().connectionCount()).isEqualTo(1);
                try (okhttp3.Response response = client.newCall(new Request.Builder()
                        .url("http://127.0.0.1:" + server.port() + "/upload")
                        .post(RequestBody.create(new byte[300_000], MediaType.get("application/octet-stream")))
                        .build()).execute()) {
                    assertThat(response.body().string()).isEqualTo("received 300000");
                }
            } finally {
                client.dispatcher().executorService().shutdown();
                client.connectionPool().evictAll();
            }
        }
    }

    @Test
    void curlSpeaksHttp10And11WithKeepAlive() throws Exception {
        try (var server = TestServer.start(app())) {
            String base = "http://127.0.0.1:" + server.port();
            CurlResult http10 = curl("-0", "-i", base + "/page.html");
            assertThat(http10.out()).startsWith("HTTP/1.1 200 OK").contains("Connection: close").endsWith("<p>page</p>");
            CurlResult twice = curl("-v", base + "/page.html", base + "/digits.txt");
            assertThat(twice.out()).isEqualTo("<p>page</p>0123456789");
            assertThat(twice.err()).containsPattern("(?i)re-?using (existing )?connection");
        }
    }

    @Test
    void curlGetsRangesAndConditionalAnswers() throws Exception {
        try (var server = TestServer.start(app())) {
            String url = "http://127.0.0.1:" + server.port() + "/digits.txt";
            assertThat(curl("-r", "2-4", url).out()).isEqualTo("234");
            String etag = curl("-s", "-I", url).out().lines().filter(l -> l.startsWith("ETag:"))
                    .findFirst().orElseThrow().substring(6).strip();
            assertThat(curl("-o", "/dev/null", "-w", "%{http_code}", "-H", "If-None-Match: " + etag, url).out())
                    .isEqualTo("304");
            assertThat(curl("-o", "/dev/null", "-w", "%{http_code}", "-z", "Thu, 01 Jan 2099 00:00:00 GMT", url).out())
                    .isEqualTo("304");
        }
    }

    @Test
    void curlUploadsWithPutPostAndExpectContinue() throws Exception {
        Path upload = Files.write(site.resolve("upload.bin"), new byte[2 * 1024 * 1024]);
        try (var server = TestServer.start(app())) {
            String url = "http://127.0.0.1:" + server.port() + "/upload";
            assertThat(curl("-T", upload.toString(), url).out()).isEqualTo("received 2097152");
            assertThat(curl("--data-binary", "@" + upload, url).out()).isEqualTo("received 2097152");
            CurlResult expect = curl("-v", "-H", "Expect: 100-continue", "--data-binary", "hello", url);
            assertThat(expect.out()).isEqualTo("received 5");
            assertThat(expect.err()).contains("HTTP/1.1 100 Continue");
        }
    }

    record CurlResult(String out, String err) {
    }

    private static CurlResult curl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "10"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("curl %s: %s", args, new String(err, StandardCharsets.UTF_8)).isZero();
        return new CurlResult(new String(out, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").strip()
                .replace("\n", "\r\n"), new String(err, StandardCharsets.ISO_8859_1));
    }
}
