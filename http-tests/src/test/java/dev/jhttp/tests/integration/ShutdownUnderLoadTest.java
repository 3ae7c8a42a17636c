package dev.jhttp.tests.integration;

import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.core.parse.ParseResult;
import dev.jhttp.core.parse.ResponseParser;
import dev.jhttp.server.Handler;
import dev.jhttp.tests.fixtures.Await;
import dev.jhttp.tests.fixtures.TestServer;
import org.junit.jupiter.api.RepeatedTest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 keep-alive clients in a request loop while the server stops at a random moment, ten times over: every request
 * the server read (each one it reads goes to the handler) must reach its client as a complete response, and no
 * client may see a truncated one. Requests the server never read, sent as it closed idle connections, go unanswered
 * as RFC 9112 §9.3.1 allows; clients retry those.
 */
class ShutdownUnderLoadTest {
    private static final int CLIENTS = 200;
    private static final byte[] REQUEST = "GET /work HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @RepeatedTest(10)
    void stopLosesNoRequestInFlight() throws Exception {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger truncated = new AtomicInteger();
        Handler slowish = request -> {
            started.incrementAndGet();
            Thread.sleep(ThreadLocalRandom.current().nextInt(0, 20));
            return ExchangeTest.text(Status.OK_200, "done");
        };
        TestServer server = TestServer.start(slowish);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(Thread.ofVirtual().start(() -> requestLoop(server.port(), completed, truncated)));
        }
        // Stop at a random moment: after a random number of requests have started.
        int stopAfter = ThreadLocalRandom.current().nextInt(CLIENTS / 2, CLIENTS * 5);
        Await.until(() -> started.get() >= stopAfter, Duration.ofSeconds(10), stopAfter + " requests");
        server.server().stop(Duration.ofSeconds(5));
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(10));
            assertThat(client.isAlive()).isFalse();
        }
        assertThat(started.get()).isPositive();
        assertThat(truncated).hasValue(0);
        assertThat(completed).hasValue(started.get());
    }

    /** Sends requests one after another until the server closes; counts complete and truncated responses. */
    private static void requestLoop(int port, AtomicInteger completed, AtomicInteger truncated) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            ResponseParser parser = ResponseParser.create();
            byte[] chunk = new byte[4096];
            for (int i = 0; i < 10_000; i++) {
                out.write(REQUEST);
                parser.reset();
                int received = 0;
                while (true) {
                    int read = in.read(chunk);
                    if (read < 0) {
                        if (received > 0) {
                            truncated.incrementAndGet();
                        }
                        return;
                    }
                    received += read;
                    if (parser.feed(ByteBuffer.wrap(chunk, 0, read)) instanceof ParseResult.Complete<Response> done) {
                        completed.incrementAndGet();
                        if (done.message().headers().hasToken(dev.jhttp.core.HeaderName.CONNECTION, "close")) {
                            return;
                        }
                        break;
                    }
                }
            }
        } catch (IOException closedByServer) {
            // a reset or refused write after the server stopped: no response was owed
        }
    }
}
