package dev.jhttp.tests.integration;

import dev.jhttp.core.Body;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.Handler;
import dev.jhttp.server.HttpServer;
import dev.jhttp.server.ServerConfig;
import dev.jhttp.server.routing.Router;
import dev.jhttp.tests.fixtures.Await;
import dev.jhttp.tests.fixtures.RawSocket;
import dev.jhttp.tests.fixtures.TestServer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.jhttp.tests.integration.ExchangeTest.bodyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Malformed, slow, greedy and departing clients: each gets a clear answer or a close, never a hang. */
class RobustnessTest {
    private static final Handler APP = ExchangeTest.APP;

    @Test
    void malformedRequestIsAnswered400AndClosedWithoutEchoingIt() {
        try (var server = TestServer.start(APP); RawSocket socket = server.connect()) {
            socket.send("GET /hello HTTP/1.1\r\nHost: t\r\nX-Evil<script> : v\r\n\r\n");
            Response response = socket.readResponse();
            assertThat(response.status()).isEqualTo(Status.BAD_REQUEST_400);
            assertThat(response.headers().first("Connection")).contains("close");
            assertThat(bodyOf(response)).contains("RFC 9112").doesNotContain("script").doesNotContain("Evil");
            assertThat(socket.isClosedByServer()).isTrue();
        }
    }

    @Test
    void explainsTheViolationAndWhereParsingStopped() {
        try (var server = TestServer.start(APP); RawSocket socket = server.connect()) {
            socket.send("GET / HTTP/1.1\r\nHost : t\r\n\r\n");
            assertThat(bodyOf(socket.readResponse()))
                    .isEqualTo("400 Bad Request\nwhitespace before colon (RFC 9112 §5.1) at byte 20\n");
        }
    }

    @Test
    void explainsViolationsAsProblemDetailsToClientsThatAcceptJson() {
        try (var server = TestServer.start(APP); RawSocket socket = server.connect()) {
            socket.send("GET / HTTP/1.1\r\nAccept: application/json\r\nHost: t\r\nBad Name: v\r\n\r\n");
            Response response = socket.readResponse();
            assertThat(response.headers().first("Content-Type")).contains("application/problem+json");
            assertThat(bodyOf(response)).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Bad Request\","
                    + "\"status\":400,\"detail\":\"whitespace before colon\",\"violation\":\"WHITESPACE_BEFORE_COLON\","
                    + "\"rule\":\"RFC 9112 \\u00a75.1\",\"offset\":54}\n");   // JSON text stays ASCII
        }
    }

    @Test
    void smugglingAttemptIsRefusedAndTheSmuggledRequestNeverRuns() {
        AtomicInteger canaries = new AtomicInteger();
        Handler app = Router.builder().post("/", request -> ExchangeTest.text(Status.OK_200, "ok"))
                .get("/canary", request -> {
                    canaries.incrementAndGet();
                    return ExchangeTest.text(Status.OK_200, "canary");
                }).build();
        try (var server = TestServer.start(app); RawSocket socket = server.connect()) {
            socket.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "0\r\n\r\nGET /canary HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(socket.readResponse().status()).isEqualTo(Status.BAD_REQUEST_400);
            assertThat(socket.isClosedByServer()).isTrue();
        }
        assertThat(canaries).hasValue(0);
    }

    @Test
    void longRequestLineIs414AndLargeHeadIs431() {
        try (var server = TestServer.start(APP)) {
            try (RawSocket socket = server.connect()) {
                socket.send("GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: t\r\n\r\n");
                assertThat(socket.readResponse().status()).isEqualTo(Status.URI_TOO_LONG_414);
            }
            try (RawSocket socket = server.connect()) {
                socket.send("GET / HTTP/1.1\r\nHost: t\r\n" + "X-Filler: yes\r\n".repeat(101) + "\r\n");
                assertThat(socket.readResponse().status()).isEqualTo(Status.REQUEST_HEADER_FIELDS_TOO_LARGE_431);
            }
        }
    }

    @Test
    void oversizedContentLengthIs413BeforeTheBodyIsSent() {
        try (var server = TestServer.start(APP); RawSocket socket = server.connect()) {
            socket.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 999999999999\r\n\r\n");
            assertThat(socket.readResponse().status()).isEqualTo(Status.CONTENT_TOO_LARGE_413);
        }
    }

    @Test
    void unsupportedVersionIs505() {
        try (var server = TestServer.start(APP); RawSocket socket = server.connect()) {
            socket.send("GET / HTTP/2.0\r\nHost: t\r\n\r\n");
            assertThat(socket.readResponse().status()).isEqualTo(Status.HTTP_VERSION_NOT_SUPPORTED_505);
        }
    }

    @Test
    void expectContinueGetsAnInterim100ThenTheAnswer() {
        try (var server = TestServer.start(APP); RawSocket socket = server.connect()) {
            socket.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
            assertThat(socket.readResponse().status()).isEqualTo(Status.CONTINUE_100);
            socket.send("data");
            assertThat(bodyOf(socket.readResponse())).isEqualTo("data");
        }
    }

    @Test
    void unknownExpectationIs417() {
        try (var server = TestServer.start(APP); RawSocket socket = server.connect()) {
            socket.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: teapot\r\n\r\n");
            assertThat(socket.readResponse().status()).isEqualTo(Status.EXPECTATION_FAILED_417);
        }
    }

    @Test
    void slowHeadIsAnswered408AtItsDeadline() {
        try (var server = TestServer.start(APP, c -> c.withHeadTimeout(Duration.ofMillis(300)));
             RawSocket socket = server.connect()) {
            socket.send("GET /hello HTTP/1.1\r\nHo");
            long start = System.nanoTime();
            Response response = socket.readResponse();
            assertThat(response.status()).isEqualTo(Status.REQUEST_TIMEOUT_408);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(socket.isClosedByServer()).isTrue();
        }
    }

    @Test
    void dribblingBytesDoesNotExtendTheHeadDeadline() throws Exception {
        try (var server = TestServer.start(APP, c -> c.withHeadTimeout(Duration.ofMillis(300)));
             RawSocket socket = server.connect()) {
            long start = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                socket.send("X");
                Thread.sleep(100);
            }
            assertThat(socket.readResponse().status()).isEqualTo(Status.REQUEST_TIMEOUT_408);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void silentConnectionIsClosedWithoutAResponse() {
        try (var server = TestServer.start(APP, c -> c.withHeadTimeout(Duration.ofMillis(300)));
             RawSocket socket = server.connect()) {
            assertThat(socket.readUntilClosed()).isEmpty();
        }
    }

    @Test
    void idleKeepAliveConnectionIsClosedAfterItsTimeout() {
        try (var server = TestServer.start(APP, c -> c.withIdleTimeout(Duration.ofMillis(300)));
             RawSocket socket = server.connect()) {
            socket.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(bodyOf(socket.readResponse())).isEqualTo("hello");
            assertThat(socket.readUntilClosed()).isEmpty();
        }
    }

    @Test
    void requestCapClosesTheConnectionAfterTheLastAllowedRequest() {
        try (var server = TestServer.start(APP, c -> c.withMaxRequestsPerConnection(2));
             RawSocket socket = server.connect()) {
            socket.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(socket.readResponse().headers().first("Connection")).isEmpty();
            socket.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(socket.readResponse().headers().first("Connection")).contains("close");
            assertThat(socket.isClosedByServer()).isTrue();
        }
    }

    @Test
    void clientsBeyondMaxConnectionsAreRefusedWith503() {
        // The second client connects once the first is served: each event loop accepts from its own socket, so two
        // connections made at once may be accepted in either order.
        try (var server = TestServer.start(APP, c -> c.withMaxConnections(1)); RawSocket first = server.connect()) {
            first.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(bodyOf(first.readResponse())).isEqualTo("hello");
            try (RawSocket second = server.connect()) {
                Response refused = second.readResponse();
                assertThat(refused.status()).isEqualTo(Status.SERVICE_UNAVAILABLE_503);
                assertThat(second.isClosedByServer()).isTrue();
            }
            first.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(bodyOf(first.readResponse())).as("the admitted client is still served").isEqualTo("hello");
        }
    }

    @Test
    void abruptDisconnectMidBodyLeavesTheServerServing() {
        try (var server = TestServer.start(APP)) {
            try (RawSocket socket = server.connect()) {
                socket.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nonly part");
            }
            try (RawSocket socket = server.connect()) {
                socket.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
                assertThat(bodyOf(socket.readResponse())).isEqualTo("hello");
            }
        }
    }

    @Test
    void clientThatStopsReadingIsDroppedAtTheWriteDeadline() throws Exception {
        byte[] big = new byte[64 * 1024 * 1024];
        Handler app = request -> Response.of(Status.OK_200).withBody(Body.of(big));
        try (var server = TestServer.start(app, c -> c.withWriteTimeout(Duration.ofMillis(500)));
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setReceiveBufferSize(4096);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: t\r\n\r\n".getBytes());
            Await.until(() -> server.server().openConnections() == 0, Duration.ofSeconds(10),
                    "the stalled connection to be dropped");
        }
    }

    @Test
    void portInUseIsAClearBindException() {
        try (var server = TestServer.start(APP)) {
            HttpServer second = HttpServer.create(ServerConfig.defaults().withPort(server.port()), APP);
            assertThatThrownBy(second::start).isInstanceOf(BindException.class)
                    .hasMessageContaining("cannot listen on").hasMessageContaining(":" + server.port());
        }
    }

    @Test
    void gracefulStopFinishesInFlightRequestsAndClosesIdleOnes() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Handler slow = request -> {
            if (request.target().path().equals("/slow")) {
                entered.countDown();
                assertThat(release.await(5, TimeUnit.SECONDS)).isTrue();
            }
            return ExchangeTest.text(Status.OK_200, "finished");
        };
        TestServer server = TestServer.start(slow);
        try (RawSocket busy = server.connect(); RawSocket idle = server.connect()) {
            // One exchange first, so the idle connection is accepted and waiting for its next request.
            idle.send("GET /quick HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(bodyOf(idle.readResponse())).isEqualTo("finished");
            busy.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            Thread stopper = Thread.ofVirtual().start(() -> server.server().stop(Duration.ofSeconds(5)));
            assertThat(idle.readUntilClosed()).isEmpty();
            release.countDown();   // the in-flight request finishes only after the stop has begun
            Response response = busy.readResponse();
            assertThat(bodyOf(response)).isEqualTo("finished");
            assertThat(response.headers().first("Connection")).contains("close");
            stopper.join(Duration.ofSeconds(5));
            assertThat(stopper.isAlive()).isFalse();
            assertThat(server.server().openConnections()).isZero();
        }
    }

    @Test
    void stopForceClosesWhatOutlastsTheGracePeriod() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch testOver = new CountDownLatch(1);
        Handler stuck = request -> {
            entered.countDown();
            testOver.await(10, TimeUnit.SECONDS);
            return ExchangeTest.text(Status.OK_200, "too late");
        };
        TestServer server = TestServer.start(stuck);
        try (AutoCloseable freeHandler = testOver::countDown;
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: t\r\n\r\n".getBytes());
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            server.server().stop(Duration.ofMillis(200));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            socket.setSoTimeout(5000);
            InputStream in = socket.getInputStream();
            assertThat(in.readAllBytes()).isEmpty();
        }
    }
}
