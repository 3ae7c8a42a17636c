package dev.jhttp.tests.integration;

import dev.jhttp.core.Body;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.Handler;
import dev.jhttp.server.HttpServer;
import dev.jhttp.server.ServerConfig;
import dev.jhttp.server.files.StaticFiles;
import dev.jhttp.server.routing.Router;
import dev.jhttp.tests.fixtures.Await;
import dev.jhttp.tests.fixtures.RawSocket;
import dev.jhttp.tests.fixtures.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where requests are served: on an event loop's own thread when they have no content and their handler cannot block,
 * else on a virtual thread that keeps the connection; and that a loop's writes survive clients that read slowly or
 * not at all.
 */
class EventLoopTest {
    /** Answers with the kind of thread it ran on: "loop" (an engine I/O thread) or "virtual". */
    private static Response whereAmI(Request request) throws IOException {
        try (InputStream content = request.body().openStream()) {
            String read = new String(content.readAllBytes(), StandardCharsets.UTF_8);
            Thread thread = Thread.currentThread();
            String kind = thread.isVirtual() ? "virtual" : thread.getName().startsWith("jhttp-loop-") ? "loop" : "?";
            return Response.of(Status.OK_200).withBody(Body.of(kind + (read.isEmpty() ? "" : " " + read)));
        }
    }

    private static final Handler ROUTES = Router.builder()
            .any("/prompt", Handler.nonBlocking(EventLoopTest::whereAmI))
            .any("/blocking", EventLoopTest::whereAmI)
            .get("/streamed", Handler.nonBlocking(request -> Response.of(Status.OK_200)
                    .withBody(Body.ofInputStream(new ByteArrayInputStream("streamed".getBytes(StandardCharsets.UTF_8)),
                            -1))))
            .build();

    @Test
    void aRequestWithoutContentWhoseHandlerCannotBlockIsAnsweredOnTheLoop() {
        try (TestServer server = TestServer.start(ROUTES)) {
            assertThat(server.get("/prompt").body()).isEqualTo(Body.of("loop"));
            assertThat(server.get("/blocking").body()).isEqualTo(Body.of("virtual"));
        }
    }

    @Test
    void requestContentIsAlwaysReadOnAThreadOfItsOwn() {
        try (TestServer server = TestServer.start(ROUTES); RawSocket socket = server.connect()) {
            socket.send("POST /prompt HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello");
            assertThat(socket.readResponse().body()).isEqualTo(Body.of("virtual hello"));
        }
    }

    @Test
    void aStreamedBodyFromTheLoopIsWrittenByAThreadAndTheConnectionStaysThere() {
        try (TestServer server = TestServer.start(ROUTES); RawSocket socket = server.connect()) {
            socket.send("GET /prompt HTTP/1.1\r\nHost: t\r\n\r\nGET /streamed HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "GET /prompt HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(socket.readResponse().body()).isEqualTo(Body.of("loop"));
            Response streamed = socket.readResponse();
            assertThat(streamed.headers().first("Transfer-Encoding")).contains("chunked");
            assertThat(streamed.body()).isEqualTo(Body.of("streamed"));
            assertThat(socket.readResponse().body()).as("handed off for good").isEqualTo(Body.of("virtual"));
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderAcrossTheHandOff() {
        try (TestServer server = TestServer.start(ROUTES); RawSocket socket = server.connect()) {
            StringBuilder requests = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                requests.append("GET /prompt?n=").append(i).append(" HTTP/1.1\r\nHost: t\r\n\r\n");
            }
            requests.append("POST /blocking HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\nhi");
            requests.append("GET /prompt HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            socket.send(requests.toString());
            for (int i = 0; i < 20; i++) {
                assertThat(socket.readResponse().body()).as("response %d", i).isEqualTo(Body.of("loop"));
            }
            assertThat(socket.readResponse(Method.POST).body()).isEqualTo(Body.of("virtual hi"));
            Response last = socket.readResponse();
            assertThat(last.body()).isEqualTo(Body.of("virtual"));
            assertThat(last.headers().first("Connection")).contains("close");
            assertThat(socket.isClosedByServer()).isTrue();
        }
    }

    @Test
    void aLargeFileReachesAClientThatReadsSlowly(@TempDir Path root) throws Exception {
        byte[] file = new byte[4 << 20];
        new Random(7).nextBytes(file);
        Files.write(root.resolve("big.bin"), file);
        try (TestServer server = TestServer.start(StaticFiles.serving(root));
             Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /big.bin HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] received = socket.getInputStream().readAllBytes();
            String text = new String(received, StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n") + 4;
            assertThat(text).startsWith("HTTP/1.1 200 OK").contains("Content-Length: " + file.length);
            assertThat(Arrays.equals(received, headEnd, received.length, file, 0, file.length)).isTrue();
        }
    }

    @Test
    void aClientThatStopsReadingIsDroppedAtTheWriteTimeout(@TempDir Path root) throws Exception {
        Files.write(root.resolve("big.bin"), new byte[32 << 20]);
        try (TestServer server = TestServer.start(StaticFiles.serving(root),
                config -> config.withWriteTimeout(Duration.ofMillis(200)));
             Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
            socket.getOutputStream().write("GET /big.bin HTTP/1.1\r\nHost: t\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            Await.until(() -> server.server().openConnections() == 0, Duration.ofSeconds(10),
                    "the connection dropped once its write overran 200 ms");
        }
    }

    @Test
    void aSecondServerCannotJoinTheListeningSocketsOfTheFirst() throws Exception {
        // Two loops, whatever the cores: on Linux each then has a listening socket of its own on the port.
        try (TestServer first = TestServer.start(ROUTES, config -> config.withEventLoops(2))) {
            ServerConfig same = ServerConfig.defaults().withAddress(new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), first.port()));
            assertThatThrownBy(() -> HttpServer.create(same, ROUTES).start())
                    .isInstanceOf(BindException.class).hasMessageContaining(":" + first.port());
            for (int i = 0; i < 64; i++) { // every loop's socket accepts: the kernel spreads new connections
                assertThat(first.get("/prompt").body()).isEqualTo(Body.of("loop"));
            }
        }
    }

    @Test
    void theServerRunsAsManyEventLoopsAsConfiguredAndEachOneServes() {
        int byDefault = Math.max(1, Runtime.getRuntime().availableProcessors() - 1); // a core left to the rest
        for (int configured : new int[] {0, 1, 3}) {
            int loops = configured == 0 ? byDefault : configured;
            try (TestServer server = TestServer.start(ROUTES, config -> config.withEventLoops(configured))) {
                String prefix = "jhttp-loop-" + server.port() + "-";
                assertThat(Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                        .filter(name -> name.startsWith(prefix)).sorted().toList())
                        .as("loop threads").isEqualTo(IntStream.range(0, loops)
                                .mapToObj(i -> prefix + i).toList());
                for (int i = 0; i < 16; i++) { // new connections, spread over the loops by the kernel
                    assertThat(server.get("/prompt").body()).isEqualTo(Body.of("loop"));
                }
            }
        }
        assertThatThrownBy(() -> ServerConfig.defaults().withEventLoops(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventLoops");
        assertThatThrownBy(() -> ServerConfig.defaults().withEventLoops(ServerConfig.MAX_EVENT_LOOPS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
