package dev.jhttp.tests.tls;

import dev.jhttp.tests.fixtures.DemoSite;
import dev.jhttp.tests.fixtures.TestCertificate;
import dev.jhttp.tests.fixtures.TestServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients nobody on this team wrote, over https: curl, openssl s_client (versions, ALPN, session resumption), wget,
 * the JDK's HttpClient, OkHttp. Those that offer h2 get it: the server prefers it to http/1.1.
 */
class TlsClientsTest {
    private static TestCertificate certificate;

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificate = TestCertificate.shared();
    }

    private static TestServer start() throws Exception {
        var tls = certificate.serverConfig();
        return TestServer.start(DemoSite.withRoutes("/echo", "/headers", "/stream", "/bytes"),
                config -> config.withTls(tls));
    }

    /** Runs a command with no input and returns its exit code and everything it printed. */
    private static Ran run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new Ran(process.exitValue(), output);
    }

    private record Ran(int exitCode, String output) {
    }

    @Test
    void curlTrustsTheCertificateItIsGivenAndRefusesTheServerWithoutIt() throws Exception {
        try (TestServer server = start()) {
            String url = "https://localhost:" + server.port() + "/echo";
            Ran trusted = run("curl", "-sS", "--cacert", certificate.certificateFile().toString(), url);
            Ran untrusted = run("curl", "-sS", url);
            Ran plain = run("curl", "-sS", "http://127.0.0.1:" + server.port() + "/echo");

            assertThat(trusted.exitCode()).as(trusted.output()).isZero();
            // curl offers h2 first, and the server prefers it.
            assertThat(trusted.output()).contains("\"scheme\":\"https\"").contains("\"version\":\"HTTP/2\"")
                    .contains("\"alpn\":\"h2\"")
                    .contains("\"serverName\":\"localhost\"");
            assertThat(untrusted.exitCode()).as("curl: (60) certificate problem").isEqualTo(60);
            assertThat(plain.output()).isEqualTo("This port speaks HTTPS: use an https:// URL.\n");
        }
    }

    @Test
    void opensslNegotiatesTls12And13AndIsRefusedTls10And11() throws Exception {
        try (TestServer server = start()) {
            String address = "127.0.0.1:" + server.port();
            List<Ran> accepted = new ArrayList<>();
            for (String version : List.of("-tls1_2", "-tls1_3")) {
                accepted.add(run("openssl", "s_client", "-connect", address, version, "-alpn", "h2,http/1.1"));
            }
            List<Ran> refused = new ArrayList<>();
            for (String version : List.of("-tls1", "-tls1_1")) {
                // SECLEVEL=0 lets the client offer them, so the refusal is the server's own.
                refused.add(run("openssl", "s_client", "-connect", address, version, "-cipher",
                        "DEFAULT@SECLEVEL=0"));
            }

            assertThat(accepted.get(0).output()).containsPattern("New, TLSv1.2, Cipher is ECDHE-ECDSA-AES128-GCM")
                    .contains("ALPN protocol: h2");
            assertThat(accepted.get(1).output()).contains("New, TLSv1.3, Cipher is TLS_AES_128_GCM_SHA256")
                    .contains("ALPN protocol: h2");
            assertThat(refused).allSatisfy(ran -> assertThat(ran.output()).contains("alert protocol version"));
        }
    }

    @Test
    void opensslResumesItsSessionWithTls13AndTls12(@TempDir Path sessions) throws Exception {
        try (TestServer server = start()) {
            String address = "127.0.0.1:" + server.port();
            List<String> lines = new ArrayList<>();
            for (String version : List.of("-tls1_3", "-tls1_2")) {
                Path session = sessions.resolve(version + ".pem");
                // A request that closes the connection: the client reads until then, so a TLS 1.3 ticket arrives.
                for (String use : List.of("-sess_out", "-sess_in")) {
                    Process openssl = new ProcessBuilder("openssl", "s_client", "-connect", address, version,
                            "-ign_eof", use, session.toString()).redirectErrorStream(true).start();
                    openssl.getOutputStream().write("GET /echo HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    openssl.getOutputStream().close();
                    String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
                    lines.add(output.lines().filter(line -> line.matches("(New|Reused), TLSv1\\.[23],.*"))
                            .findFirst().orElse(output));
                }
            }

            assertThat(lines).hasSize(4);
            assertThat(lines.get(0)).startsWith("New, TLSv1.3");
            assertThat(lines.get(1)).startsWith("Reused, TLSv1.3");
            assertThat(lines.get(2)).startsWith("New, TLSv1.2");
            assertThat(lines.get(3)).startsWith("Reused, TLSv1.2");
        }
    }

    @Test
    void theJdkClientAndOkHttpFetchOverHttps() throws Exception {
        try (TestServer server = start()) {
            URI uri = URI.create("https://localhost:" + server.port() + "/echo");
            HttpClient jdk = HttpClient.newBuilder().sslContext(certificate.clientContext()).build();
            HttpResponse<String> fromJdk = jdk.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            OkHttpClient okHttp = new OkHttpClient.Builder()
                    .sslSocketFactory(certificate.clientContext().getSocketFactory(), certificate.trustManager())
                    .callTimeout(10, TimeUnit.SECONDS).build();
            String fromOkHttp;
            try (okhttp3.Response response = okHttp.newCall(new Request.Builder().url(uri.toString()).build())
                    .execute()) {
                assertThat(response.code()).isEqualTo(200);
                assertThat(response.protocol()).isEqualTo(okhttp3.Protocol.HTTP_2);
                fromOkHttp = response.body().string();
            } finally {
                okHttp.dispatcher().executorService().shutdown();
                okHttp.connectionPool().evictAll();
            }

            assertThat(fromJdk.statusCode()).isEqualTo(200);
            assertThat(fromJdk.version()).as("offered h2 and http/1.1, got h2").isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(fromJdk.body()).contains("\"protocol\":\"TLSv1.3\"").contains("\"version\":\"HTTP/2\"");
            assertThat(fromOkHttp).contains("\"scheme\":\"https\"").contains("\"alpn\":\"h2\"");
        }
    }

    @Test
    void wgetMirrorsTheDemoSiteOverHttps(@TempDir Path mirror) throws Exception {
        try (TestServer server = start()) {
            Ran wget = run("wget", "--mirror", "--no-parent", "--no-verbose", "-e", "robots=off",
                    "--exclude-directories=/status", "--timeout=10", "--tries=1", "--ca-certificate",
                    certificate.certificateFile().toString(), "--directory-prefix", mirror.toString(),
                    "--no-host-directories", "https://localhost:" + server.port() + "/");

            assertThat(wget.exitCode()).as(wget.output()).isZero();
            for (String file : List.of("index.html", "style.css", "app.js", "jhttp.svg", "media/tone.wav")) {
                assertThat(Files.readAllBytes(mirror.resolve(file))).as(file)
                        .isEqualTo(Files.readAllBytes(DemoSite.ROOT.resolve(file)));
            }
        }
    }
}
