package dev.jhttp.tests.integration;

import dev.jhttp.core.Body;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.Handler;
import dev.jhttp.server.routing.Router;
import dev.jhttp.tests.fixtures.Await;
import dev.jhttp.tests.fixtures.RawSocket;
import dev.jhttp.tests.fixtures.ServerLogRecorder;
import dev.jhttp.tests.fixtures.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static dev.jhttp.tests.integration.ExchangeTest.bodyOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Request content streams from the socket to the handler, bounded, and never spoils the next request. */
class RequestContentTest {
    private static final Handler APP = Router.builder()
            .post("/count", request -> {
                long count = 0;
                try (InputStream in = request.body().openStream()) {
                    byte[] chunk = new byte[4096];
                    for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                        count += read;
                    }
                }
                return ExchangeTest.text(Status.OK_200, Long.toString(count));
            })
            .post("/ignore", request -> ExchangeTest.text(Status.OK_200, "ignored"))
            .get("/hello", request -> ExchangeTest.text(Status.OK_200, "hello"))
            .build();

    @Test
    void streamsALargeChunkedUploadToTheHandler() {
        byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (var server = TestServer.start(APP); RawSocket socket = server.connect()) {
            socket.send("POST /count HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (int i = 0; i < 80; i++) {
                socket.send(Integer.toHexString(chunk.length) + "\r\n").send(chunk).send("\r\n");
            }
            socket.send("0\r\n\r\n");
            assertThat(bodyOf(socket.readResponse())).isEqualTo(Integer.toString(80 * chunk.length));
        }
    }

    @Test
    void sends100ContinueOnlyWhenTheHandlerReads() {
        try (var server = TestServer.start(APP)) {
            try (RawSocket socket = server.connect()) {
                socket.send("POST /count HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
                assertThat(socket.readResponse().status()).isEqualTo(Status.CONTINUE_100);
                socket.send("abc");
                assertThat(bodyOf(socket.readResponse())).isEqualTo("3");
            }
            try (RawSocket socket = server.connect()) {
                socket.send("POST /ignore HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
                Response response = socket.readResponse();
                assertThat(response.status()).isEqualTo(Status.OK_200);
                assertThat(response.headers().first("Connection")).contains("close");
            }
        }
    }

    @Test
    void contentTheHandlerIgnoresIsSkippedForTheNextRequest() {
        try (var server = TestServer.start(APP); RawSocket socket = server.connect()) {
            socket.send("POST /ignore HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello"
                    + "POST /ignore HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n"
                    + "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(bodyOf(socket.readResponse())).isEqualTo("ignored");
            assertThat(bodyOf(socket.readResponse())).isEqualTo("ignored");
            assertThat(bodyOf(socket.readResponse())).isEqualTo("hello");
        }
    }

    @Test
    void malformedChunkedContentIsAnswered400AndClosed() {
        try (var server = TestServer.start(APP); RawSocket socket = server.connect()) {
            socket.send("POST /count HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n");
            Response response = socket.readResponse();
            assertThat(response.status()).isEqualTo(Status.BAD_REQUEST_400);
            assertThat(bodyOf(response)).contains("chunk data not followed by CRLF (RFC 9112 §7.1)");
            assertThat(socket.isClosedByServer()).isTrue();
        }
    }

    @Test
    void badContentWrappedByTheHandlerIsStillTheClientsFault() {
        Handler wrapping = request -> {
            try (InputStream in = request.body().openStream()) {
                return ExchangeTest.text(Status.OK_200, Integer.toString(in.readAllBytes().length));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        try (ServerLogRecorder log = ServerLogRecorder.attach(); var server = TestServer.start(wrapping);
             RawSocket socket = server.connect()) {
            socket.send("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n");
            assertThat(socket.readResponse().status()).isEqualTo(Status.BAD_REQUEST_400);
            assertThat(socket.isClosedByServer()).isTrue();
            assertThat(log.warnings()).isEmpty();
        }
    }

    @Test
    void aClientThatResetsMidContentIsNoHandlerFailure() throws Exception {
        try (ServerLogRecorder log = ServerLogRecorder.attach(); var server = TestServer.start(APP)) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                socket.getOutputStream().write("POST /count HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nhalf"
                        .getBytes(StandardCharsets.US_ASCII));
                Await.until(() -> server.server().openConnections() == 1, Duration.ofSeconds(5), "connection open");
                socket.setSoLinger(true, 0); // close with a reset
            }
            Await.until(() -> server.server().openConnections() == 0, Duration.ofSeconds(5), "connection closed");
            assertThat(log.warnings()).isEmpty();
        }
    }

    @Test
    void trailersReachTheHandlerOnceTheContentIsRead() {
        Handler app = request -> {
            String before = request.trailers().toString();
            try (InputStream in = request.body().openStream()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return ExchangeTest.text(Status.OK_200, before + " then "
                    + request.trailers().first("X-Checksum").orElse("none"));
        };
        try (var server = TestServer.start(app); RawSocket socket = server.connect()) {
            socket.send("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3\r\nabc\r\n0\r\nX-Checksum: 900150983cd24fb0\r\n\r\n");
            assertThat(bodyOf(socket.readResponse())).isEqualTo(Headers.empty() + " then 900150983cd24fb0");
        }
    }

    @Test
    void chunkedContentOverTheLimitIs413() {
        Handler app = APP;
        try (var server = TestServer.start(app, c -> c.withLimits(c.limits().withMaxBodySize(1000)));
             RawSocket socket = server.connect()) {
            socket.send("POST /count HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n400\r\n");
            assertThat(socket.readResponse().status()).isEqualTo(Status.CONTENT_TOO_LARGE_413);
        }
    }

    @Test
    void contentThatStopsArrivingIs408() {
        try (var server = TestServer.start(APP, c -> c.withBodyTimeout(Duration.ofMillis(300)));
             RawSocket socket = server.connect()) {
            socket.send("POST /count HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc");
            assertThat(socket.readResponse().status()).isEqualTo(Status.REQUEST_TIMEOUT_408);
            assertThat(socket.isClosedByServer()).isTrue();
        }
    }

    @Test
    void bodyLengthIsKnownToTheHandlerWhenDeclared() {
        AtomicLong seen = new AtomicLong();
        Handler app = request -> {
            seen.set(request.body().length());
            return Response.of(Status.OK_200).withBody(Body.of("ok"));
        };
        try (var server = TestServer.start(app); RawSocket socket = server.connect()) {
            socket.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n\r\nabcd");
            assertThat(bodyOf(socket.readResponse())).isEqualTo("ok");
        }
        assertThat(seen).hasValue(4);
    }
}
