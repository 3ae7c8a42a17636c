package dev.jhttp.tests.h2;

import dev.jhttp.core.Method;
import dev.jhttp.server.Handler;
import dev.jhttp.server.Http2Config;
import dev.jhttp.tests.fixtures.DemoSite;
import dev.jhttp.tests.fixtures.TestCertificate;
import dev.jhttp.tests.fixtures.TestServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP/2 with clients nobody on this team wrote: curl over TLS (ALPN) and in cleartext with prior knowledge (h2c),
 * OkHttp both ways, and the JDK's HttpClient over TLS; each fetches the demo site and the demo routes, content
 * compared byte for byte.
 */
class Http2ClientsTest {
    private static TestCertificate certificate;

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificate = TestCertificate.shared();
    }

    private static Handler site() {
        return DemoSite.withRoutes(List.of(Method.GET, Method.POST), "/echo", "/bytes", "/stream");
    }

    private static TestServer cleartext() {
        return TestServer.start(site());
    }

    private static TestServer https() throws Exception {
        var tls = certificate.serverConfig();
        return TestServer.start(site(), config -> config.withTls(tls));
    }

    private record Ran(int exitCode, String output) {
    }

    private static Ran run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new Ran(process.exitValue(), output);
    }

    @Test
    void curlSpeaksH2cWithPriorKnowledgeAndH2OverTls() throws Exception {
        byte[] index = Files.readAllBytes(DemoSite.ROOT.resolve("index.html"));
        try (TestServer plain = cleartext(); TestServer tls = https()) {
            Ran h2c = run("curl", "-sS", "--http2-prior-knowledge", "-w", "\n%{http_version} %{http_code}",
                    plain.uri("/").toString());
            Ran h2 = run("curl", "-sS", "--http2", "--cacert", certificate.certificateFile().toString(), "-w",
                    "\n%{http_version} %{http_code}", "https://localhost:" + tls.port() + "/");
            Ran post = run("curl", "-sS", "--http2-prior-knowledge", "--data-binary", "hello, h2",
                    plain.uri("/echo").toString());
            Ran head = run("curl", "-sS", "--http2-prior-knowledge", "-I", plain.uri("/").toString());

            String expected = new String(index, StandardCharsets.ISO_8859_1) + "\n2 200";
            assertThat(h2c.output()).isEqualTo(expected);
            assertThat(h2.output()).isEqualTo(expected);
            assertThat(post.output()).contains("\"method\":\"POST\"").contains("\"version\":\"HTTP/2\"")
                    .contains("\"body\":\"hello, h2\"");
            assertThat(head.output()).startsWith("HTTP/2 200").contains("content-length: " + index.length);
        }
    }

    @Test
    void staticFilesAnswerRangesAndConditionalsOverH2() throws Exception {
        byte[] index = Files.readAllBytes(DemoSite.ROOT.resolve("index.html"));
        try (TestServer tls = https()) {
            String url = "https://localhost:" + tls.port() + "/";
            String ca = certificate.certificateFile().toString();
            Ran range = run("curl", "-sS", "--http2", "--cacert", ca, "-r", "0-9", "-D", "-", url);
            String etag = range.output().lines().filter(line -> line.startsWith("etag: ")).findFirst()
                    .orElseThrow().substring("etag: ".length());
            Ran conditional = run("curl", "-sS", "--http2", "--cacert", ca, "-H", "If-None-Match: " + etag,
                    "-o", "/dev/null", "-w", "%{http_version} %{http_code} %{size_download}", url);

            assertThat(range.output()).startsWith("HTTP/2 206")
                    .contains("content-range: bytes 0-9/" + index.length)
                    .endsWith("\r\n\r\n" + new String(index, 0, 10, StandardCharsets.ISO_8859_1));
            assertThat(conditional.output()).isEqualTo("2 304 0");
        }
    }

    @Test
    void curlStillGetsHttp11WhenH2cIsOff() throws Exception {
        try (TestServer server = TestServer.start(DemoSite.withRoutes("/echo"),
                config -> config.withHttp2(Http2Config.defaults().withCleartext(false)))) {
            Ran http11 = run("curl", "-sS", "-w", "%{http_version}", "-o", "/dev/null", server.uri("/").toString());
            Ran priorKnowledge = run("curl", "-sS", "--http2-prior-knowledge", server.uri("/").toString());
            assertThat(http11.output()).isEqualTo("1.1");
            assertThat(priorKnowledge.exitCode()).isNotZero();
        }
    }

    @Test
    void okHttpUsesH2cWithPriorKnowledgeAndH2OverTls() throws Exception {
        try (TestServer plain = cleartext(); TestServer tls = https()) {
            OkHttpClient priorKnowledge = new OkHttpClient.Builder()
                    .protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE)).callTimeout(10, TimeUnit.SECONDS).build();
            OkHttpClient overTls = new OkHttpClient.Builder()
                    .sslSocketFactory(certificate.clientContext().getSocketFactory(), certificate.trustManager())
                    .callTimeout(10, TimeUnit.SECONDS).build();
            try {
                for (var call : List.of(
                        new Object[] {priorKnowledge, plain.uri("/bytes/300000").toString()},
                        new Object[] {overTls, "https://localhost:" + tls.port() + "/bytes/300000"})) {
                    OkHttpClient client = (OkHttpClient) call[0];
                    try (okhttp3.Response response = client.newCall(new Request.Builder().url((String) call[1])
                            .build()).execute()) {
                        assertThat(response.protocol()).isIn(Protocol.H2_PRIOR_KNOWLEDGE, Protocol.HTTP_2);
                        assertThat(response.body().bytes()).hasSize(300_000);
                    }
                }
                byte[] upload = new byte[1 << 20];
                new java.util.Random(7).nextBytes(upload);
                try (okhttp3.Response response = priorKnowledge.newCall(new Request.Builder()
                        .url(plain.uri("/echo").toString())
                        .post(RequestBody.create(upload, MediaType.get("application/octet-stream"))).build())
                        .execute()) {
                    assertThat(response.code()).isEqualTo(200);
                    assertThat(response.body().string()).contains("\"bodyLength\":" + upload.length);
                }
            } finally {
                for (OkHttpClient client : List.of(priorKnowledge, overTls)) {
                    client.dispatcher().executorService().shutdown();
                    client.connectionPool().evictAll();
                }
            }
        }
    }

    @Test
    void theJdkClientGetsH2OverTlsForManyRequestsOnOneConnection() throws Exception {
        try (TestServer tls = https()) {
            HttpClient jdk = HttpClient.newBuilder().sslContext(certificate.clientContext())
                    .version(HttpClient.Version.HTTP_2).build();
            List<HttpResponse<byte[]>> responses = new java.util.ArrayList<>();
            var futures = new java.util.ArrayList<java.util.concurrent.CompletableFuture<HttpResponse<byte[]>>>();
            for (int i = 0; i < 50; i++) {
                futures.add(jdk.sendAsync(HttpRequest.newBuilder(URI.create("https://localhost:" + tls.port()
                        + "/stream/20")).build(), HttpResponse.BodyHandlers.ofByteArray()));
            }
            for (var future : futures) {
                responses.add(future.get(30, TimeUnit.SECONDS));
            }
            assertThat(responses).allSatisfy(response -> {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
                assertThat(new String(response.body(), StandardCharsets.UTF_8).lines()).hasSize(20);
            });
        }
    }

    @Test
    void nghttpFetchesThePageWithItsAssetsAndH2loadGetsEveryAnswer() throws Exception {
        try (TestServer plain = cleartext(); TestServer tls = https()) {
            Ran nghttp = run("nghttp", "-ans", "--timeout=10", plain.uri("/").toString());
            Ran h2load = run("h2load", "-n", "2000", "-c", "4", "-m", "50", "--connect-to=127.0.0.1:" + tls.port(),
                    "https://localhost:" + tls.port() + "/bytes/1024");
            Ran h2c = run("h2load", "-n", "2000", "-c", "4", "-m", "50", plain.uri("/echo").toString());

            assertThat(nghttp.exitCode()).as(nghttp.output()).isZero();
            // -a fetches what the page links: its style sheet, script and image, each 200 over the one connection.
            assertThat(nghttp.output()).contains("/style.css").contains("/app.js").contains("/jhttp.svg")
                    .doesNotContain(" 404 ");
            assertThat(h2load.output()).contains("Application protocol: h2")
                    .contains("requests: 2000 total, 2000 started, 2000 done, 2000 succeeded, 0 failed, 0 errored");
            assertThat(h2c.output()).contains("Application protocol: h2c")
                    .contains("requests: 2000 total, 2000 started, 2000 done, 2000 succeeded, 0 failed, 0 errored");
        }
    }
}
