package dev.jhttp.tests.h2;

import dev.jhttp.core.Body;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.core.h2.ConnectionPreface;
import dev.jhttp.core.h2.ErrorCode;
import dev.jhttp.core.h2.Frame;
import dev.jhttp.core.h2.Setting;
import dev.jhttp.server.Http2Config;
import dev.jhttp.server.routing.Router;
import dev.jhttp.tests.fixtures.H2Client;
import dev.jhttp.tests.fixtures.ServerLogRecorder;
import dev.jhttp.tests.fixtures.TestCertificate;
import dev.jhttp.tests.fixtures.TestServer;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.jhttp.tests.fixtures.H2Client.request;
import static org.assertj.core.api.Assertions.assertThat;

/** HTTP/2 connections over time: deadlines, the SETTINGS acknowledgement, TLS, and shutdown while streams run. */
class Http2ConnectionTest {

    private static Router site(CountDownLatch started) {
        return Router.builder()
                .get("/", request -> Response.of(Status.OK_200, Headers.empty(), Body.of("ok")))
                .get("/big", request -> Response.of(Status.OK_200, Headers.empty(), Body.of(new byte[200_000])))
                .get("/slow", request -> {
                    started.countDown();
                    Thread.sleep(Duration.ofMillis(300));
                    return Response.of(Status.OK_200, Headers.empty(), Body.of(new byte[10_000]));
                })
                .build();
    }

    @Test
    void aClientThatNeverAcknowledgesSettingsIsToldSettingsTimeout() {
        try (TestServer server = TestServer.start(site(new CountDownLatch(0)), config -> config.withHttp2(
                Http2Config.defaults().withSettingsTimeout(Duration.ofMillis(300))));
             H2Client client = H2Client.connect(server.port())) {
            client.sendRaw(ConnectionPreface.bytes());
            client.send(new Frame.Settings(false, List.of()));
            Object last = Expectation.readUntil(client, java.util.Set.of(), f -> f instanceof Frame.GoAway);
            assertThat(((Frame.GoAway) last).error()).isEqualTo(ErrorCode.SETTINGS_TIMEOUT);
            assertThat(client.next()).isEqualTo(H2Client.CLOSED);
        }
    }

    @Test
    void anIdleConnectionIsToldGoawayAndClosed() {
        try (TestServer server = TestServer.start(site(new CountDownLatch(0)),
                config -> config.withIdleTimeout(Duration.ofMillis(300)));
             H2Client client = H2Client.connect(server.port())) {
            client.handshake();
            client.sendHeaders(1, true, request("GET", "/"));
            assertThat(client.response(1).status()).isEqualTo(200);
            Object last = Expectation.readUntil(client, java.util.Set.of(), f -> f instanceof Frame.GoAway);
            assertThat(last).isEqualTo(new Frame.GoAway(1, ErrorCode.NO_ERROR));
            assertThat(client.next()).isEqualTo(H2Client.CLOSED);
        }
    }

    @Test
    void aStreamWhoseWindowStaysShutIsResetAfterTheWriteTimeoutAndTheConnectionLives() {
        try (TestServer server = TestServer.start(site(new CountDownLatch(0)),
                config -> config.withWriteTimeout(Duration.ofMillis(300)));
             H2Client client = H2Client.connect(server.port())) {
            client.handshake();
            client.send(H2Client.settings(Setting.INITIAL_WINDOW_SIZE, 0));
            client.sendHeaders(1, true, request("GET", "/big"));
            Object reset = Expectation.readUntil(client, java.util.Set.of(1), f -> f instanceof Frame.RstStream);
            assertThat(reset).isEqualTo(new Frame.RstStream(1, ErrorCode.CANCEL));
            client.sendHeaders(3, true, request("GET", "/"));
            Object headers = Expectation.readUntil(client, java.util.Set.of(), f -> f instanceof Frame.Headers);
            assertThat(client.fields((Frame.Headers) headers).get(0).value()).isEqualTo("200");
        }
    }

    @Test
    void aBadPrefaceOverTlsIsAProtocolError() throws Exception {
        TestCertificate certificate = TestCertificate.shared();
        var tls = certificate.serverConfig();
        try (ServerLogRecorder log = ServerLogRecorder.attach();
             TestServer server = TestServer.start(site(new CountDownLatch(0)), config -> config.withTls(tls));
             H2Client client = H2Client.connectTls(server.port(), certificate.clientContext())) {
            client.sendRaw("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes());
            Object last = Expectation.readUntil(client, java.util.Set.of(), f -> f instanceof Frame.GoAway);
            assertThat(((Frame.GoAway) last).error()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
            assertThat(H2Client.bytes(((Frame.GoAway) last).debugData())).asString()
                    .isEqualTo("invalid connection preface");
            assertThat(log.warnings()).isEmpty();
        }
    }

    @Test
    void stopWithGraceFinishesEveryStreamThatStartedOn10ConnectionsOf10Streams() throws Exception {
        CountDownLatch started = new CountDownLatch(100);
        TestServer server = TestServer.start(site(started));
        List<H2Client> clients = new ArrayList<>();
        try {
            for (int c = 0; c < 10; c++) {
                H2Client client = H2Client.connect(server.port());
                client.handshake();
                for (int s = 0; s < 10; s++) {
                    client.sendHeaders(1 + 2 * s, true, request("GET", "/slow"));
                }
                clients.add(client);
            }
            assertThat(started.await(30, TimeUnit.SECONDS)).as("every stream reached its handler").isTrue();
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() ->
                    server.server().stop(Duration.ofSeconds(30)));
            for (H2Client client : clients) {
                List<Object> goAways = new ArrayList<>();
                int complete = 0;
                ByteArrayOutputStream[] content = new ByteArrayOutputStream[10];
                while (true) {
                    Object next = client.next();
                    if (next == H2Client.CLOSED) {
                        break;
                    }
                    if (next instanceof Frame.GoAway goAway) {
                        goAways.add(goAway);
                    } else if (next instanceof Frame.Ping ping && !ping.ack()) {
                        sendIfOpen(client, new Frame.Ping(true, ping.opaqueData()));
                    } else if (next instanceof Frame.Headers headers) {
                        client.fields(headers);
                    } else if (next instanceof Frame.Data data) {
                        int index = data.streamId() / 2;
                        if (content[index] == null) {
                            content[index] = new ByteArrayOutputStream();
                        }
                        content[index].writeBytes(H2Client.bytes(data.data()));
                        if (data.flowControlledLength() > 0 && !data.endStream()) {
                            sendIfOpen(client, new Frame.WindowUpdate(0, data.flowControlledLength()));
                        }
                        if (data.endStream()) {
                            complete++;
                        }
                    } else {
                        assertThat(next).as("nothing but answers and GOAWAY").isInstanceOfAny(Frame.Settings.class,
                                Frame.WindowUpdate.class, Frame.Ping.class);
                    }
                }
                assertThat(complete).as("streams answered in full").isEqualTo(10);
                assertThat(content).allSatisfy(bytes -> assertThat(bytes.size()).isEqualTo(10_000));
                // RFC 9113 §6.8: first 2^31-1, then the last stream the server took.
                assertThat(goAways).first().isEqualTo(new Frame.GoAway(Integer.MAX_VALUE, ErrorCode.NO_ERROR));
                assertThat(goAways).last().isEqualTo(new Frame.GoAway(19, ErrorCode.NO_ERROR));
            }
            stopping.get(60, TimeUnit.SECONDS);
        } finally {
            clients.forEach(H2Client::close);
            server.close();
        }
    }

    /** Sends unless the server has closed the connection already, which it may once its last stream is done. */
    private static void sendIfOpen(H2Client client, Frame frame) {
        try {
            client.send(frame);
        } catch (java.io.UncheckedIOException closed) {
            // the answers are all read before the close; that is what the test checks
        }
    }
}
