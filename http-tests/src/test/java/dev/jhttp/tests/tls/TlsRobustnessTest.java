package dev.jhttp.tests.tls;

import dev.jhttp.tests.fixtures.Await;
import dev.jhttp.tests.fixtures.DemoSite;
import dev.jhttp.tests.fixtures.ServerLogRecorder;
import dev.jhttp.tests.fixtures.TestCertificate;
import dev.jhttp.tests.fixtures.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile TLS clients: handshakes that never finish, records over the size limit, garbage. Each is closed cleanly,
 * at its first refused byte or at the handshake deadline, without a logged stack trace, and no other client notices.
 */
class TlsRobustnessTest {
    /** Ten times a cold handshake on a busy machine: the normal client must finish its own within it. */
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);
    /** A TLS 1.0 handshake record announcing 512 bytes, and the first bytes of a ClientHello in it. */
    private static final byte[] HALF_CLIENT_HELLO = {22, 3, 1, 2, 0, 1, 0, 1, (byte) 0xfc, 3, 3};

    private static TestCertificate certificate;

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificate = TestCertificate.shared();
    }

    private static TestServer start(Duration handshakeTimeout) throws Exception {
        var tls = certificate.serverConfig().withHandshakeTimeout(handshakeTimeout);
        return TestServer.start(DemoSite.withRoutes("/echo"), config -> config.withTls(tls));
    }

    /** A fresh TLS connection's answer to one GET, or the failure's description. */
    private static String fetch(int port) {
        try (SSLSocket socket = (SSLSocket) certificate.clientContext().getSocketFactory()
                .createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write("GET /echo HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return answer.startsWith("HTTP/1.1 200 OK\r\n") && answer.contains("\"scheme\":\"https\"") ? "ok" : answer;
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** Reads until the server closes: true if it sent nothing or one TLS alert record (type 21) before closing. */
    private static boolean closedWithAtMostAnAlert(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] all = in.readAllBytes();
        return all.length == 0 || all[0] == 21 && all.length <= 64;
    }

    @Test
    void twoThousandStalledHandshakesLeaveOtherClientsServedAndEndAtTheirDeadline() throws Exception {
        try (TestServer server = start(HANDSHAKE_TIMEOUT); ServerLogRecorder log = ServerLogRecorder.attach()) {
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 2_000; i++) {
                    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
                    socket.setSoTimeout(60_000);
                    if (i % 2 == 0) {
                        socket.getOutputStream().write(HALF_CLIENT_HELLO); // the others send nothing at all
                    }
                    stalled.add(socket);
                }
                List<String> normal = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    normal.add(fetch(server.port()));
                }

                assertThat(normal).as("a normal client beside them").containsOnly("ok");
                Await.until(() -> server.server().openConnections() == 0, HANDSHAKE_TIMEOUT.multipliedBy(15),
                        "every stalled handshake to be closed");
                for (Socket socket : stalled) {
                    assertThat(closedWithAtMostAnAlert(socket)).isTrue();
                }
                assertThat(log.warnings()).isEmpty();
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aRecordOverTheSizeLimitOrGarbageIsRefusedAtOnce() throws Exception {
        Duration patient = Duration.ofSeconds(60);
        try (TestServer server = start(patient); ServerLogRecorder log = ServerLogRecorder.attach();
             Socket huge = new Socket(InetAddress.getLoopbackAddress(), server.port());
             Socket garbage = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            huge.setSoTimeout((int) patient.toMillis() * 2);
            garbage.setSoTimeout((int) patient.toMillis() * 2);
            long start = System.nanoTime();
            // RFC 8446 §5.1: a record's length must not exceed 2^14; this one announces 65,535 bytes.
            huge.getOutputStream().write(new byte[] {22, 3, 3, (byte) 0xff, (byte) 0xff, 1, 0, 0, 0});
            garbage.getOutputStream().write(new byte[] {0x30, 0x0d, 0x0a, 0x0d, 0x0a, 0, 0, 0});

            assertThat(closedWithAtMostAnAlert(huge)).isTrue();
            assertThat(closedWithAtMostAnAlert(garbage)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused before the handshake deadline")
                    .isLessThan(patient);
            assertThat(fetch(server.port())).isEqualTo("ok");
            assertThat(log.warnings()).isEmpty();
        }
    }
}
