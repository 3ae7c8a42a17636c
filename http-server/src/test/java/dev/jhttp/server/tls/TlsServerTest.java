package dev.jhttp.server.tls;

import dev.jhttp.core.Body;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.Handler;
import dev.jhttp.server.Http2Config;
import dev.jhttp.server.HttpServer;
import dev.jhttp.server.RequestContext;
import dev.jhttp.server.ServerConfig;
import dev.jhttp.server.filters.StrictTransportSecurity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import static dev.jhttp.server.tls.PemTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** https served by {@link HttpServer} with a {@link TlsConfig}, to the JDK's TLS client and to raw sockets. */
class TlsServerTest {
    /** Answers {@code /tls} with what the handshake agreed, {@code /file} with a file, {@code /count} with a count. */
    private static Handler handler(Path file) {
        return request -> switch (request.target().path()) {
            case "/tls" -> Response.of(Status.OK_200).withBody(Body.of(RequestContext.current().orElseThrow().tls()
                    .map(tls -> tls.protocol() + " " + tls.applicationProtocol() + " "
                            + tls.serverName().orElse("-") + " " + tls.cipherSuite())
                    .orElse("cleartext")));
            case "/file" -> Response.of(Status.OK_200).withBody(Body.ofFile(file));
            case "/count" -> {
                try (InputStream in = request.body().openStream()) {
                    yield Response.of(Status.OK_200).withBody(Body.of(Long.toString(in.transferTo(
                            OutputStream.nullOutputStream()))));
                }
            }
            default -> Response.of(Status.NOT_FOUND_404);
        };
    }

    private static TlsConfig localhost() throws Exception {
        return TlsConfig.of(ServerCertificate.fromPem(resource("localhost-cert.pem"), resource("localhost-key.pem")));
    }

    private static HttpServer start(TlsConfig tls, Path file) throws IOException {
        return HttpServer.create(ServerConfig.defaults().withPort(0).withTls(tls), handler(file)).start();
    }

    @Test
    void servesHttpsOverTls13AndTellsTheHandlerWhatWasAgreed(@TempDir Path folder) throws Exception {
        try (HttpServer server = start(localhost(), folder)) {
            TlsClient client = TlsClient.trusting("localhost-cert.pem");
            String withAlpn = TlsClient.get(client.connect(server.port(), TlsClient.serverName("localhost")
                    .andThen(p -> p.setApplicationProtocols(new String[] {"http/1.1"}))), "/tls");
            String withoutAlpn = TlsClient.get(client.connect(server.port()), "/tls");

            assertThat(withAlpn).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\nTLSv1.3 http/1.1 localhost "
                    + "TLS_AES_128_GCM_SHA256");
            assertThat(withoutAlpn).endsWith("\r\n\r\nTLSv1.3  - TLS_AES_128_GCM_SHA256");
        }
    }

    @Test
    void acceptsTls12WithForwardSecretAeadSuitesOnly(@TempDir Path folder) throws Exception {
        TlsConfig tls = localhost();
        try (HttpServer server = start(tls, folder)) {
            TlsClient client = TlsClient.trusting("localhost-cert.pem");
            SSLSocket socket = client.connect(server.port(), p -> p.setProtocols(new String[] {"TLSv1.2"}));

            assertThat(TlsClient.get(socket, "/tls")).endsWith("TLSv1.2  - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
            assertThatThrownBy(() -> client.connect(server.port(), p -> {
                p.setProtocols(new String[] {"TLSv1.2"});
                p.setCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                        "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"});
            })).as("CBC suites").isInstanceOf(SSLHandshakeException.class);
            assertThat(tls.newEngine().getEnabledProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
            assertThat(tls.newEngine().getEnabledCipherSuites()).allSatisfy(suite -> assertThat(suite)
                    .matches("TLS_(AES|CHACHA20)_.*|TLS_ECDHE_(RSA|ECDSA)_WITH_(AES_(128|256)_GCM|CHACHA20_POLY1305)_"
                            + "SHA(256|384)"));
        }
    }

    @Test
    void choosesTheCertificateByTheNameTheClientAsksFor(@TempDir Path folder) throws Exception {
        TlsConfig tls = localhost()
                .withCertificate("api.test", ServerCertificate.fromPem(resource("api-cert.pem"),
                        resource("api-key.pem")))
                .withCertificate("*.wild.test", ServerCertificate.fromPem(resource("wild-cert.pem"),
                        resource("wild-key.pem")));
        try (HttpServer server = start(tls, folder)) {
            TlsClient client = TlsClient.trusting("localhost-cert.pem", "api-cert.pem", "wild-cert.pem");

            assertThat(TlsClient.presentedName(client.connect(server.port(), TlsClient.serverName("api.test"))))
                    .isEqualTo("CN=api.test");
            assertThat(TlsClient.presentedName(client.connect(server.port(), TlsClient.serverName("API.test"))))
                    .isEqualTo("CN=api.test");
            assertThat(TlsClient.presentedName(client.connect(server.port(), TlsClient.serverName("a.wild.test"))))
                    .isEqualTo("CN=*.wild.test");
            assertThat(TlsClient.presentedName(client.connect(server.port(), TlsClient.serverName("a.b.wild.test"))))
                    .as("a wildcard covers one label").isEqualTo("CN=localhost");
            assertThat(TlsClient.presentedName(client.connect(server.port(), TlsClient.serverName("elsewhere.test"))))
                    .isEqualTo("CN=localhost");
            assertThat(TlsClient.presentedName(client.connect(server.port()))).isEqualTo("CN=localhost");
        }
    }

    @Test
    void refusesAClientThatOffersOnlyProtocolsItDoesNotSpeak(@TempDir Path folder) throws Exception {
        try (HttpServer server = start(localhost(), folder)) {
            TlsClient client = TlsClient.trusting("localhost-cert.pem");

            // RFC 7301 §3.2: no protocol in common is a no_application_protocol alert.
            assertThatThrownBy(() -> client.connect(server.port(), p -> p.setApplicationProtocols(
                    new String[] {"spdy/3.1", "h3"}))).isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("no_application_protocol");
        }
        try (HttpServer server = HttpServer.create(ServerConfig.defaults().withPort(0).withTls(localhost())
                .withHttp2(Http2Config.disabled()), handler(folder)).start()) {
            TlsClient client = TlsClient.trusting("localhost-cert.pem");
            assertThatThrownBy(() -> client.connect(server.port(), p -> p.setApplicationProtocols(new String[] {"h2"})))
                    .isInstanceOf(SSLHandshakeException.class).hasMessageContaining("no_application_protocol");
        }
    }

    @Test
    void prefersH2ToHttp11WhenTheClientOffersBoth(@TempDir Path folder) throws Exception {
        try (HttpServer server = start(localhost(), folder)) {
            TlsClient client = TlsClient.trusting("localhost-cert.pem");
            SSLSocket socket = client.connect(server.port(), p -> p.setApplicationProtocols(
                    new String[] {"http/1.1", "h2"}));
            try (socket) {
                assertThat(socket.getApplicationProtocol()).isEqualTo("h2");
            }
        }
    }

    @Test
    void answersPlainHttpOnTheTlsPortInPlainHttp(@TempDir Path folder) throws Exception {
        try (HttpServer server = start(localhost(), folder); Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(TlsClient.readAll(socket.getInputStream()), StandardCharsets.US_ASCII);

            assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("Connection: close\r\n")
                    .endsWith("This port speaks HTTPS: use an https:// URL.\n");
        }
    }

    @Test
    void closesAConnectionThatSendsGarbageOrStopsHalfwayThroughItsHello(@TempDir Path folder) throws Exception {
        // Ten times what a cold handshake takes on a busy machine: the normal client below must finish its own.
        TlsConfig tls = localhost().withHandshakeTimeout(Duration.ofSeconds(3));
        try (HttpServer server = start(tls, folder);
             Socket garbage = new Socket("127.0.0.1", server.port());
             Socket half = new Socket("127.0.0.1", server.port())) {
            garbage.setSoTimeout(30_000);
            half.setSoTimeout(30_000);
            garbage.getOutputStream().write(new byte[] {0, 1, 2, 3, (byte) 0xff});
            // A handshake record header announcing 512 bytes, and the first bytes of a ClientHello.
            half.getOutputStream().write(new byte[] {22, 3, 1, 2, 0, 1, 0, 1, (byte) 0xfc, 3, 3});

            assertThat(garbage.getInputStream().read()).isEqualTo(-1);
            byte[] beforeTheEnd = TlsClient.readAll(half.getInputStream());
            assertThat(beforeTheEnd.length == 0 || beforeTheEnd[0] == 21).as("closed at the handshake deadline, "
                    + "after an alert record at most").isTrue();
            assertThat(TlsClient.get(TlsClient.trusting("localhost-cert.pem").connect(server.port()), "/tls"))
                    .contains("TLSv1.3");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos(); // ten times the 1 s linger
            while (server.openConnections() > 0 && System.nanoTime() - deadline < 0) {
                Thread.sleep(20);
            }
            assertThat(server.openConnections()).as("both closed, after lingering").isZero();
        }
    }

    @Test
    void carriesLargeFilesAndRequestContentIntact(@TempDir Path folder) throws Exception {
        byte[] bytes = new byte[1024 * 1024 + 17];
        new Random(7).nextBytes(bytes);
        Path file = Files.write(folder.resolve("big.bin"), bytes);
        try (HttpServer server = start(localhost(), file)) {
            TlsClient client = TlsClient.trusting("localhost-cert.pem");
            SSLSocket download = client.connect(server.port());
            download.getOutputStream().write("GET /file HTTP/1.1\r\nHost: l\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] answer = TlsClient.readAll(download.getInputStream());

            SSLSocket upload = client.connect(server.port());
            upload.getOutputStream().write(("POST /count HTTP/1.1\r\nHost: l\r\nConnection: close\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            upload.getOutputStream().write(bytes);
            String counted = new String(TlsClient.readAll(upload.getInputStream()), StandardCharsets.US_ASCII);

            assertThat(Arrays.copyOfRange(answer, answer.length - bytes.length, answer.length))
                    .isEqualTo(bytes);
            assertThat(counted).endsWith("\r\n\r\n" + bytes.length);
        }
    }

    @Test
    void servesPipelinedRequestsAndALargeFileFromTheEventLoops(@TempDir Path folder) throws Exception {
        byte[] bytes = new byte[8 * 1024 * 1024]; // more than the socket takes at once: the loop waits for OP_WRITE
        new Random(11).nextBytes(bytes);
        Path file = Files.write(folder.resolve("big.bin"), bytes);
        Handler onTheLoops = Handler.nonBlocking(handler(file));
        try (HttpServer server = HttpServer.create(ServerConfig.defaults().withPort(0).withTls(localhost()),
                onTheLoops).start()) {
            SSLSocket socket = TlsClient.trusting("localhost-cert.pem").connect(server.port());
            socket.getOutputStream().write(("GET /tls HTTP/1.1\r\nHost: l\r\n\r\nGET /file HTTP/1.1\r\nHost: l\r\n\r\n"
                    + "GET /tls HTTP/1.1\r\nHost: l\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] answers = TlsClient.readAll(socket.getInputStream());

            String text = new String(answers, StandardCharsets.ISO_8859_1);
            int fileStart = text.indexOf("\r\n\r\n", text.indexOf("HTTP/1.1 200 OK", 1)) + 4;
            assertThat(text.split("HTTP/1\\.1 200 OK", -1)).as("three answers, in order").hasSize(4);
            assertThat(text).startsWith("HTTP/1.1 200 OK").endsWith("TLSv1.3  - TLS_AES_128_GCM_SHA256");
            assertThat(Arrays.copyOfRange(answers, fileStart, fileStart + bytes.length)).isEqualTo(bytes);
        }
    }

    @Test
    void refusesRenegotiationAskedByTheClient(@TempDir Path folder) throws Exception {
        try (HttpServer server = start(localhost(), folder)) {
            SSLSocket socket = TlsClient.trusting("localhost-cert.pem").connect(server.port(),
                    p -> p.setProtocols(new String[] {"TLSv1.2"}));
            byte[] request = "GET /tls HTTP/1.1\r\nHost: l\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            socket.getOutputStream().write(request);
            assertThat(new String(socket.getInputStream().readNBytes(17), StandardCharsets.US_ASCII))
                    .isEqualTo("HTTP/1.1 200 OK\r\n");
            socket.getInputStream().skipNBytes(socket.getInputStream().available());

            assertThatThrownBy(() -> {
                socket.startHandshake();
                socket.getOutputStream().write(request);
                if (socket.getInputStream().read() < 0) {
                    throw new IOException("closed");
                }
            }).isInstanceOf(IOException.class);
        }
    }

    @Test
    void newConnectionsGetACertificateReplacedOnDiskAndABrokenReplacementIsIgnored(@TempDir Path folder)
            throws Exception {
        Path certificate = Files.copy(resource("localhost-cert.pem"), folder.resolve("cert.pem"));
        Path key = Files.copy(resource("localhost-key.pem"), folder.resolve("key.pem"));
        TlsConfig tls = TlsConfig.of(ServerCertificate.fromPem(certificate, key));
        try (HttpServer server = start(tls, folder)) {
            TlsClient client = TlsClient.trusting("localhost-cert.pem", "wild-cert.pem");
            SSLSocket before = client.connect(server.port());
            assertThat(TlsClient.presentedName(before)).isEqualTo("CN=localhost");

            Files.copy(resource("wild-key.pem"), key, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(resource("wild-cert.pem"), certificate, StandardCopyOption.REPLACE_EXISTING);
            // Files are looked at no more than once a second, so a change shows within about a second.
            List<String> whileReplaced = presentedUntil(names -> names.getLast().equals("CN=*.wild.test"),
                    Duration.ofSeconds(30), client, server.port());
            Files.writeString(certificate, "-----BEGIN CERTIFICATE-----\ncut off");
            long checked = 2 * ReloadingCertificate.CHECK_INTERVAL_NANOS; // long enough for the files to be read
            long since = System.nanoTime();
            List<String> whileCorrupt = presentedUntil(names -> System.nanoTime() - since > checked,
                    Duration.ofSeconds(30), client, server.port());

            assertThat(whileReplaced.getLast()).isEqualTo("CN=*.wild.test");
            assertThat(whileCorrupt).isNotEmpty().containsOnly("CN=*.wild.test");
            assertThat(TlsClient.get(before, "/tls")).as("a connection made before goes on").contains("TLSv1.3");
        }
    }

    @Test
    void strictTransportSecurityGoesOnHttpsAnswersOnly(@TempDir Path folder) throws Exception {
        Handler app = StrictTransportSecurity.of(Duration.ofDays(365)).withSubdomains(true).wrap(handler(folder));
        try (HttpServer https = HttpServer.create(ServerConfig.defaults().withPort(0).withTls(localhost()), app)
                .start();
             HttpServer http = HttpServer.create(ServerConfig.defaults().withPort(0), app).start();
             Socket plain = new Socket("127.0.0.1", http.port())) {
            String secure = TlsClient.get(TlsClient.trusting("localhost-cert.pem").connect(https.port()), "/tls");
            plain.getOutputStream().write("GET /tls HTTP/1.1\r\nHost: l\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String cleartext = new String(TlsClient.readAll(plain.getInputStream()), StandardCharsets.US_ASCII);

            assertThat(secure).contains("\r\nStrict-Transport-Security: max-age=31536000; includeSubDomains\r\n");
            assertThat(cleartext).endsWith("cleartext").doesNotContain("Strict-Transport-Security");
        }
    }

    /**
     * Makes a new connection every 100 ms, until the names of the certificates presented so far are {@code enough}
     * or {@code limit} has passed, and returns them.
     */
    private static List<String> presentedUntil(Predicate<List<String>> enough, Duration limit, TlsClient client,
                                               int port) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        List<String> presented = new ArrayList<>();
        do {
            Thread.sleep(100);
            try (SSLSocket socket = client.connect(port)) {
                presented.add(TlsClient.presentedName(socket));
            }
        } while (!enough.test(presented) && System.nanoTime() - deadline < 0);
        return presented;
    }
}
