package dev.jhttp.tests.robustness;

import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.Handler;
import dev.jhttp.tests.fixtures.Await;
import dev.jhttp.tests.fixtures.RawSocket;
import dev.jhttp.tests.fixtures.SlowLorises;
import dev.jhttp.tests.fixtures.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many slow or silent clients on loopback, bounded in count and time: they must be cut off at their deadlines while a
 * normal client keeps being served. Both ends share one JVM, so counts stay under the 20,000 open-file limit.
 */
class SlowClientsTest {
    private static final Handler HEALTH = request -> Response.of(Status.OK_200);

    @Test
    void nineThousandSilentConnectionsAreClosedByTheFirstByteTimeout() throws Exception {
        int count = 9_000;
        List<Socket> silent = new ArrayList<>(count);
        Duration headTimeout = Duration.ofSeconds(3);
        try (var server = TestServer.start(HEALTH, c -> c.withHeadTimeout(headTimeout))) {
            try {
                for (int i = 0; i < count; i++) {
                    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
                    socket.setSoTimeout(30_000);
                    silent.add(socket);
                }
                Await.until(() -> server.server().openConnections() >= count, Duration.ofSeconds(30),
                        "every silent connection to be accepted");
                long start = System.nanoTime();
                try (RawSocket health = server.connect()) {
                    health.send("GET /health HTTP/1.1\r\nHost: t\r\n\r\n");
                    assertThat(health.readResponse().status()).isEqualTo(Status.OK_200);
                }
                // Served while the silent ones wait for their deadline, not after they are gone.
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(headTimeout);
                int closed = 0;
                for (Socket socket : silent) {
                    if (closedWithoutAnswer(socket)) {
                        closed++;
                    }
                }
                assertThat(closed).isEqualTo(count);
            } finally {
                for (Socket socket : silent) {
                    socket.close();
                }
            }
        }
    }

    /**
     * Behaviour only: every loris is answered 408 at its deadline, and every request of a normal client is answered
     * within the head timeout meanwhile. How much the lorises slow the normal client is measured, not asserted, by
     * {@code scripts/slow-clients-bench.sh}: a latency bound would fail on a busy machine.
     */
    @Test
    void twoThousandSlowLorisConnectionsGet408WhileANormalClientIsServed() throws Exception {
        int count = 2_000;
        byte[] head = "GET /slow HTTP/1.1\r\nHost: t\r\nX-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        Duration headTimeout = Duration.ofSeconds(3);
        try (var server = TestServer.start(HEALTH, c -> c.withHeadTimeout(headTimeout))) {
            try (var lorises = SlowLorises.start(server.port(), count, head, Duration.ofMillis(200))) {
                Await.until(() -> server.server().openConnections() >= count, Duration.ofSeconds(30),
                        "every slow-loris connection to be accepted");
                try (RawSocket socket = server.connect()) {
                    for (int i = 0; i < 300; i++) {
                        long start = System.nanoTime();
                        socket.send("GET /health HTTP/1.1\r\nHost: t\r\n\r\n");
                        assertThat(socket.readResponse().status()).isEqualTo(Status.OK_200);
                        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("normal request %d", i)
                                .isLessThan(headTimeout);
                    }
                }
                lorises.awaitAnswers(Duration.ofSeconds(60));
                assertThat(lorises.timedOut()).isEqualTo(count);
            }
        }
    }

    private static boolean closedWithoutAnswer(Socket socket) {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
