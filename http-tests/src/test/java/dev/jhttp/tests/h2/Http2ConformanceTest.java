package dev.jhttp.tests.h2;

import dev.jhttp.core.Body;
import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.Handler;
import dev.jhttp.server.Http2Config;
import dev.jhttp.server.routing.Router;
import dev.jhttp.tests.fixtures.H2Client;
import dev.jhttp.tests.fixtures.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP/2 conformance table ({@link Http2Rows}) against a live server: each row on a fresh cleartext connection
 * (h2c with prior knowledge), its frames sent as written, the server's answer read frame by frame.
 */
class Http2ConformanceTest {
    static final int MAX_STREAMS = 10;
    static final int STREAM_WINDOW = 65_536;
    static final int CONNECTION_WINDOW = 4 * STREAM_WINDOW;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(handler(), config -> config.withHttp2(Http2Config.defaults()
                .withMaxConcurrentStreams(MAX_STREAMS).withInitialWindowSize(STREAM_WINDOW)
                .withConnectionWindowSize(CONNECTION_WINDOW)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Small fixed answers, an echo of the content's length and trailers, and a handler that never reads. */
    static Handler handler() {
        return Router.builder()
                .get("/", request -> text("ok"))
                .get("/big", request -> Response.of(Status.OK_200, Headers.empty(), Body.of(new byte[100_000])))
                .get("/no-content", request -> Response.of(Status.NO_CONTENT_204))
                .get("/cookie", request -> text(request.headers().first(HeaderName.COOKIE).orElse("-")))
                .get("/host", request -> text(request.headers().first(HeaderName.HOST).orElse("-")))
                .post("/echo", request -> {
                    long length;
                    try (InputStream content = request.body().openStream()) {
                        length = content.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                    List<String> trailers = new java.util.ArrayList<>();
                    request.trailers().forEach(h -> trailers.add(h.name().lowerCase()));
                    return text(length + " bytes, trailers " + trailers);
                })
                .post("/hold", request -> {
                    Thread.sleep(Duration.ofSeconds(5));   // never reads: its windows fill up
                    return text("held");
                })
                .build();
    }

    private static Response text(String text) {
        return Response.of(Status.OK_200, Headers.of("content-type", "text/plain"), Body.of(text));
    }

    static List<Http2Rows.Row> rows() {
        return Http2Rows.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void serverAnswersAsTheRfcSays(Http2Rows.Row row) {
        try (H2Client client = H2Client.connect(server.port())) {
            if (row.handshake()) {
                client.handshake();
            }
            row.send().accept(client);
            row.expect().check(client);
        }
    }

    @Test
    void theTableHasAtLeast150RowsEachCitingItsSection() {
        List<Http2Rows.Row> rows = rows();
        Map<String, Long> bySection = rows.stream().collect(Collectors.groupingBy(Http2Rows.Row::rfc, TreeMap::new,
                Collectors.counting()));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(150);
        assertThat(bySection.keySet()).allSatisfy(section -> assertThat(section).matches("RFC (9113|7541) §[0-9.]+"));
        assertThat(rows.stream().map(Http2Rows.Row::toString).distinct()).hasSize(rows.size());
    }
}
