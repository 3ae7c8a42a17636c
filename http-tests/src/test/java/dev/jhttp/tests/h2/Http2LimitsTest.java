package dev.jhttp.tests.h2;

import dev.jhttp.core.Body;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.core.h2.ErrorCode;
import dev.jhttp.core.h2.Frame;
import dev.jhttp.core.h2.Setting;
import dev.jhttp.core.parse.ParserLimits;
import dev.jhttp.server.Http2Config;
import dev.jhttp.server.routing.Router;
import dev.jhttp.tests.fixtures.H2Client;
import dev.jhttp.tests.fixtures.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.jhttp.tests.fixtures.H2Client.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server-wide HTTP/2 limits: streams open across all connections, request content waiting for handlers across all
 * connections, and request content past the body limit.
 */
class Http2LimitsTest {

    /** Handlers that never read are parked here until a test ends. */
    private final CountDownLatch testEnded = new CountDownLatch(1);

    @AfterEach
    void releaseHandlers() {
        testEnded.countDown();
    }

    private Router site() {
        return Router.builder()
                .get("/", request -> Response.of(Status.OK_200, Headers.empty(), Body.of("ok")))
                .get("/big", request -> Response.of(Status.OK_200, Headers.empty(), Body.of(new byte[200_000])))
                .post("/hold", request -> {
                    testEnded.await(30, TimeUnit.SECONDS);
                    return Response.of(Status.OK_200, Headers.empty(), Body.of("held"));
                })
                .post("/sink", request -> {
                    long read = request.body().openStream().transferTo(java.io.OutputStream.nullOutputStream());
                    return Response.of(Status.OK_200, Headers.empty(), Body.of("read " + read));
                })
                .build();
    }

    @Test
    void streamsPastTheServersLimitAreRefusedOnAnyConnectionUntilOneCloses() {
        try (TestServer server = TestServer.start(site(), config -> config.withHttp2(
                Http2Config.defaults().withMaxServerStreams(3)));
             H2Client holder = H2Client.connect(server.port());
             H2Client latecomer = H2Client.connect(server.port())) {
            holder.handshake();
            holder.send(H2Client.settings(Setting.INITIAL_WINDOW_SIZE, 0));   // the answers wait for window
            for (int id = 1; id <= 5; id += 2) {
                holder.sendHeaders(id, true, request("GET", "/big"));
                Expectation.readUntil(holder, Set.of(id), f -> f instanceof Frame.Headers);
            }
            latecomer.handshake();
            latecomer.sendHeaders(1, true, request("GET", "/"));
            // RFC 9113 §8.7: REFUSED_STREAM tells the client the request was not processed and may be retried.
            assertThat(Expectation.readUntil(latecomer, Set.of(1), f -> f instanceof Frame.RstStream))
                    .isEqualTo(new Frame.RstStream(1, ErrorCode.REFUSED_STREAM));

            holder.send(new Frame.RstStream(3, ErrorCode.CANCEL));
            processed(holder);   // its permit is back
            latecomer.sendHeaders(3, true, request("GET", "/"));
            assertThat(latecomer.response(3).status()).isEqualTo(200);
        }
    }

    @Test
    void contentPastTheBodyLimitWithoutContentLengthIsAnswered413AndTheStreamEnds() {
        try (TestServer server = TestServer.start(site(), config -> config.withLimits(
                ParserLimits.defaults().withMaxBodySize(1_000)));
             H2Client client = H2Client.connect(server.port())) {
            client.handshake();
            client.sendHeaders(1, false, request("POST", "/sink"));
            client.send(new Frame.Data(1, ByteBuffer.wrap(new byte[600]), false));
            client.send(new Frame.Data(1, ByteBuffer.wrap(new byte[600]), false));
            Object head = Expectation.readUntil(client, Set.of(1), f -> f instanceof Frame.Headers);
            assertThat(client.fields((Frame.Headers) head).get(0).value()).isEqualTo("413");
            // §8.1: a complete answer before the request ends, then RST_STREAM NO_ERROR stops the upload.
            assertThat(Expectation.readUntil(client, Set.of(1), f -> f instanceof Frame.RstStream))
                    .isEqualTo(new Frame.RstStream(1, ErrorCode.NO_ERROR));

            client.sendHeaders(3, false, request("POST", "/sink"));
            client.send(new Frame.Data(3, ByteBuffer.wrap(new byte[1_000]), true));
            H2Client.Response within = client.response(3);
            assertThat(new String(within.content())).isEqualTo("read 1000");
        }
    }

    @Test
    void contentWaitingForHandlersIsBoundedAcrossConnectionsAndFreedWhenItsStreamCloses() {
        try (TestServer server = TestServer.start(site(), config -> config.withHttp2(
                Http2Config.defaults().withMaxServerContent(100_000)));
             H2Client first = H2Client.connect(server.port());
             H2Client second = H2Client.connect(server.port())) {
            first.handshake();
            second.handshake();
            first.sendHeaders(1, false, request("POST", "/hold"));
            sendContent(first, 1, 60_000, false);
            processed(first);
            second.sendHeaders(1, false, request("POST", "/hold"));
            sendContent(second, 1, 60_000, false);
            assertThat(Expectation.readUntil(second, Set.of(), f -> f instanceof Frame.RstStream))
                    .isEqualTo(new Frame.RstStream(1, ErrorCode.ENHANCE_YOUR_CALM));

            first.send(new Frame.RstStream(1, ErrorCode.CANCEL));   // its unread content is dropped
            processed(first);
            second.sendHeaders(3, false, request("POST", "/sink"));
            sendContent(second, 3, 60_000, true);
            assertThat(new String(second.response(3).content())).isEqualTo("read 60000");
        }
    }

    /** {@code total} octets on the stream, in DATA frames of 15,000. */
    private static void sendContent(H2Client client, int streamId, int total, boolean end) {
        for (int sent = 0; sent < total; sent += 15_000) {
            int size = Math.min(15_000, total - sent);
            client.send(new Frame.Data(streamId, ByteBuffer.wrap(new byte[size]), end && sent + size == total));
        }
    }

    /** Returns once the server has processed every frame sent before: PING answers come in order. */
    private static void processed(H2Client client) {
        client.send(new Frame.Ping(false, 42));
        Expectation.readUntil(client, Set.of(), f -> f instanceof Frame.Ping ping && ping.ack());
    }
}
