package dev.jhttp.tests.integration;

import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.tests.fixtures.RawSocket;
import dev.jhttp.tests.fixtures.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request is refused at the first byte that makes it invalid: the client sends that much, keeps its connection
 * open and sends nothing more, and the 400 arrives (RawSocket waits five seconds at most; the head timeout is ten).
 */
class FailFastTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "GET / HTTP/1.1\rHost: a\r\r",
            "G(T",
            "GET /a#",
            "GET / HTTP/1.1\r\nHost: a\r\n Folded",
            "GET / HTTP/1.1\r\nHost: a\u0000",
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nz",
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX: y\rz"})
    void isAnsweredWithoutWaitingForTheLineToEnd(String prefix) {
        try (var server = TestServer.start(FailFastTest::readEverything);
             RawSocket socket = server.connect()) {
            socket.send(prefix);
            assertThat(socket.readResponse().status()).isEqualTo(Status.BAD_REQUEST_400);
            assertThat(socket.isClosedByServer()).isTrue();
        }
    }

    private static Response readEverything(Request request) throws IOException {
        try (InputStream content = request.body().openStream()) {
            content.readAllBytes();
        }
        return Response.of(Status.OK_200);
    }
}
