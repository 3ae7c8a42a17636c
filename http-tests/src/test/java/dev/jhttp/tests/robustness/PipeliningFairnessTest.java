package dev.jhttp.tests.robustness;

import dev.jhttp.core.Body;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.tests.fixtures.Await;
import dev.jhttp.tests.fixtures.RawSocket;
import dev.jhttp.tests.fixtures.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Virtual threads are never preempted. A client that pipelines without pause keeps its connection's reads from ever
 * blocking, so its virtual thread would hold a carrier for as long as the client kept sending; one such client per
 * carrier would leave every other connection waiting. Here more such clients than carriers run for a bounded time
 * while a probe on another connection must still be answered, request after request, each within five seconds
 * (normally a few milliseconds; starved, it would wait for as long as the clients kept sending).
 */
class PipeliningFairnessTest {
    private static final byte[] REQUESTS = "GET /hog HTTP/1.1\r\nHost: t\r\n\r\n".repeat(256)
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void clientsThatNeverPauseDoNotStarveOtherConnections() throws Exception {
        int hogs = Runtime.getRuntime().availableProcessors() + 1;   // one more than the default carrier count
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong answered = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Socket> sockets = new ArrayList<>();
        try (var server = TestServer.start(request -> Response.of(Status.OK_200).withBody(Body.of("ok")),
                config -> config.withMaxRequestsPerConnection(Integer.MAX_VALUE))) {
            try {
                for (int i = 0; i < hogs; i++) {
                    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
                    sockets.add(socket);
                    threads.add(Thread.ofPlatform().daemon().start(() -> sendUntil(socket, stop)));
                    threads.add(Thread.ofPlatform().daemon().start(() -> drain(socket, answered)));
                }
                Await.until(() -> answered.get() >= 10_000, Duration.ofSeconds(10), "the pipelining clients' flow");
                try (RawSocket probe = server.connect()) {
                    for (int i = 0; i < 20; i++) {
                        long start = System.nanoTime();
                        probe.send("GET /probe HTTP/1.1\r\nHost: t\r\n\r\n");
                        assertThat(probe.readResponse().status()).isEqualTo(Status.OK_200);
                        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("probe request %d", i)
                                .isLessThan(Duration.ofSeconds(5));
                    }
                }
            } finally {
                stop.set(true);
                for (Socket socket : sockets) {
                    socket.close();
                }
                for (Thread thread : threads) {
                    thread.join(Duration.ofSeconds(5));
                }
            }
        }
    }

    private static void sendUntil(Socket socket, AtomicBoolean stop) {
        try {
            OutputStream out = socket.getOutputStream();
            while (!stop.get()) {
                out.write(REQUESTS);
            }
        } catch (IOException closed) {
            // the test closed the socket
        }
    }

    /** Reads responses, counting their status lines. */
    private static void drain(Socket socket, AtomicLong answered) {
        byte[] statusLine = "HTTP/1.1 200".getBytes(StandardCharsets.US_ASCII);
        byte[] buffer = new byte[64 * 1024];
        int matched = 0;
        try {
            InputStream in = socket.getInputStream();
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    matched = buffer[i] == statusLine[matched] ? matched + 1 : buffer[i] == statusLine[0] ? 1 : 0;
                    if (matched == statusLine.length) {
                        answered.incrementAndGet();
                        matched = 0;
                    }
                }
            }
        } catch (IOException closed) {
            // the test closed the socket
        }
    }
}
