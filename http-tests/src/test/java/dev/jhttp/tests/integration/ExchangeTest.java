package dev.jhttp.tests.integration;

import dev.jhttp.core.Body;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.Handler;
import dev.jhttp.server.HttpException;
import dev.jhttp.server.routing.Router;
import dev.jhttp.tests.fixtures.RawSocket;
import dev.jhttp.tests.fixtures.TestServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole exchanges over real sockets: the JDK client for valid traffic, raw sockets for the rest. */
class ExchangeTest {
    static final Handler APP = Router.builder()
            .get("/hello", request -> text(Status.OK_200, "hello"))
            .post("/echo", ExchangeTest::echo)
            .get("/missing", request -> {
                throw new HttpException(Status.NOT_FOUND_404, "nothing here");
            })
            .get("/boom", request -> {
                throw new IllegalStateException("secret internal detail");
            })
            .get("/empty", request -> Response.of(Status.NO_CONTENT_204))
            .get("/stream", request -> Response.of(Status.OK_200).withBody(Body.ofStream(out -> {
                for (int i = 0; i < 3; i++) {
                    out.write(("part" + i + ";").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }, -1)))
            .build();

    @Test
    void servesTheJdkClient() throws Exception {
        try (var server = TestServer.start(APP); var client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri("/hello")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("hello");
            assertThat(response.headers().firstValue("server")).contains("jhttp");
            assertThat(response.headers().firstValue("date")).isPresent();
            assertThat(response.headers().firstValue("content-length")).contains("5");
        }
    }

    @Test
    void echoesAPostedBodyToTheJdkClient() throws Exception {
        try (var server = TestServer.start(APP); var client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri("/echo"))
                    .POST(HttpRequest.BodyPublishers.ofString("ping \u00e9")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("ping \u00e9");
        }
    }

    @Test
    void keepsAliveAcrossRequests() {
        try (var server = TestServer.start(APP); RawSocket socket = server.connect()) {
            for (int i = 0; i < 3; i++) {
                socket.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
                assertThat(bodyOf(socket.readResponse())).isEqualTo("hello");
            }
            assertThat(socket.staysQuietFor(200)).isTrue();
        }
    }

    @Test
    void answersPipelinedRequestsInOrder() {
        try (var server = TestServer.start(APP); RawSocket socket = server.connect()) {
            socket.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\none"
                    + "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nthr\r\n2\r\nee\r\n0\r\n\r\n");
            assertThat(bodyOf(socket.readResponse())).isEqualTo("one");
            assertThat(bodyOf(socket.readResponse())).isEqualTo("hello");
            assertThat(bodyOf(socket.readResponse())).isEqualTo("three");
        }
    }

    @Test
    void parsesARequestWrittenOneByteAtATime() {
        try (var server = TestServer.start(APP); RawSocket socket = server.connect()) {
            for (byte b : "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII)) {
                socket.send(new byte[] {b});
            }
            assertThat(bodyOf(socket.readResponse())).isEqualTo("ok");
        }
    }

    @Test
    void honoursConnectionCloseFromTheClient() {
        try (var server = TestServer.start(APP); RawSocket socket = server.connect()) {
            socket.send("GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            Response response = socket.readResponse();
            assertThat(response.headers().first("Connection")).contains("close");
            assertThat(socket.isClosedByServer()).isTrue();
        }
    }

    @Test
    void closesHttp10ByDefaultAndKeepsAliveWhenAsked() {
        try (var server = TestServer.start(APP)) {
            try (RawSocket socket = server.connect()) {
                socket.send("GET /hello HTTP/1.0\r\n\r\n");
                assertThat(socket.readResponse().headers().first("Connection")).contains("close");
                assertThat(socket.isClosedByServer()).isTrue();
            }
            try (RawSocket socket = server.connect()) {
                socket.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
                assertThat(socket.readResponse().headers().first("Connection")).contains("keep-alive");
                socket.send("GET /hello HTTP/1.0\r\n\r\n");
                assertThat(bodyOf(socket.readResponse())).isEqualTo("hello");
                assertThat(socket.isClosedByServer()).isTrue();
            }
        }
    }

    @Test
    void sendsUnknownLengthContentChunkedTo11AndUntilCloseTo10() {
        try (var server = TestServer.start(APP)) {
            try (RawSocket socket = server.connect()) {
                socket.send("GET /stream HTTP/1.1\r\nHost: t\r\n\r\n");
                Response response = socket.readResponse();
                assertThat(response.headers().first("Transfer-Encoding")).contains("chunked");
                assertThat(bodyOf(response)).isEqualTo("part0;part1;part2;");
            }
            try (RawSocket socket = server.connect()) {
                socket.send("GET /stream HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
                String raw = socket.readUntilClosed();
                assertThat(raw).doesNotContainIgnoringCase("transfer-encoding").endsWith("\r\n\r\npart0;part1;part2;");
            }
        }
    }

    @Test
    void answersHeadWithTheHeadersOfGetAndNoBody() {
        try (var server = TestServer.start(APP); RawSocket socket = server.connect()) {
            socket.send("HEAD /hello HTTP/1.1\r\nHost: t\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            Response head = socket.readResponse(Method.HEAD);
            assertThat(head.headers().first("Content-Length")).contains("5");
            assertThat(bodyOf(socket.readResponse())).isEqualTo("hello");
        }
    }

    @Test
    void sendsNoBodyWith204() {
        try (var server = TestServer.start(APP); RawSocket socket = server.connect()) {
            socket.send("GET /empty HTTP/1.1\r\nHost: t\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            Response empty = socket.readResponse();
            assertThat(empty.status()).isEqualTo(Status.NO_CONTENT_204);
            assertThat(empty.headers().contains("Content-Length")).isFalse();
            assertThat(bodyOf(socket.readResponse())).isEqualTo("hello");
        }
    }

    @Test
    void httpExceptionAnswersItsStatusAndKeepsTheConnection() {
        try (var server = TestServer.start(APP); RawSocket socket = server.connect()) {
            socket.send("GET /missing HTTP/1.1\r\nHost: t\r\n\r\n");
            Response response = socket.readResponse();
            assertThat(response.status()).isEqualTo(Status.NOT_FOUND_404);
            assertThat(bodyOf(response)).doesNotContain("nothing here");
            socket.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(bodyOf(socket.readResponse())).isEqualTo("hello");
        }
    }

    @Test
    void handlerFailureIsAGeneric500AndTheServerKeepsServing() {
        try (var server = TestServer.start(APP); RawSocket socket = server.connect()) {
            socket.send("GET /boom HTTP/1.1\r\nHost: t\r\n\r\n");
            Response response = socket.readResponse();
            assertThat(response.status()).isEqualTo(Status.INTERNAL_SERVER_ERROR_500);
            assertThat(bodyOf(response)).isEqualTo("500 Internal Server Error\n");
            socket.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(bodyOf(socket.readResponse())).isEqualTo("hello");
        }
    }

    @Test
    void unknownRouteIs404AndWrongMethodIs405() {
        try (var server = TestServer.start(APP); RawSocket socket = server.connect()) {
            socket.send("GET /nope HTTP/1.1\r\nHost: t\r\n\r\nDELETE /hello HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(socket.readResponse().status()).isEqualTo(Status.NOT_FOUND_404);
            Response wrongMethod = socket.readResponse();
            assertThat(wrongMethod.status()).isEqualTo(Status.METHOD_NOT_ALLOWED_405);
            assertThat(wrongMethod.headers().first("Allow")).contains("GET, HEAD, OPTIONS");
        }
    }

    @Test
    void handlersSeeTheClientAddressAndAccessLogRecordsIt() {
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler app = dev.jhttp.server.filters.AccessLog.commonLogFormat(lines::add).wrap(request -> text(Status.OK_200,
                dev.jhttp.server.RequestContext.current().orElseThrow().remoteAddress().getAddress().getHostAddress()));
        try (var server = TestServer.start(app); RawSocket socket = server.connect()) {
            socket.send("GET /who HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(bodyOf(socket.readResponse())).isEqualTo("127.0.0.1");
        }
        assertThat(lines).singleElement().asString().startsWith("127.0.0.1 - - [").contains("\"GET /who HTTP/1.1\" 200 9");
    }

    private static Response echo(Request request) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        request.body().writeTo(content);
        return Response.of(Status.OK_200).withBody(Body.of(content.toByteArray()));
    }

    static Response text(Status status, String text) {
        return Response.of(status).withHeader("Content-Type", "text/plain; charset=utf-8").withBody(Body.of(text));
    }

    static String bodyOf(Response response) {
        return response.body() instanceof Body.Bytes bytes ? bytes.asString(StandardCharsets.UTF_8) : "";
    }
}
