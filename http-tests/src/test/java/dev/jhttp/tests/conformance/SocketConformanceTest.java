package dev.jhttp.tests.conformance;

import dev.jhttp.core.Body;
import dev.jhttp.core.Method;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.tests.fixtures.RawSocket;
import dev.jhttp.tests.fixtures.ServerLogRecorder;
import dev.jhttp.tests.fixtures.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request row of the conformance table against a running server, in every delivery. A valid row must reach
 * the handler exactly as the table says (the handler answers with the request's description); a refused row must
 * get its status and a closed connection. After each refused row, and each valid row on a persistent connection,
 * the same writes carry {@code GET /canary}: the smuggling oracle. It must be answered after a valid row, and must
 * never reach the handler after a refused one.
 */
class SocketConformanceTest {
    private static final byte[] CANARY = "GET /canary HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** One byte per write costs a system call a byte; the 10 MiB content rows go whole and cut at line breaks. */
    private static final int BYTE_BY_BYTE_LIMIT = 64 * 1024;
    private static final String DESCRIPTION_FIELD = "Description";
    private static final String LINE_SEPARATOR = " | ";
    private static final AtomicInteger canaryRuns = new AtomicInteger();
    private static TestServer server;
    private static ServerLogRecorder log;

    @BeforeAll
    static void startServer() {
        log = ServerLogRecorder.attach();
        server = TestServer.start(request -> {
            if (request.target().raw().equals("/canary")) {
                canaryRuns.incrementAndGet();
                return Response.of(Status.OK_200).withBody(Body.of("canary"));
            }
            byte[] content = MessageDescription.bytes(request.body());
            List<String> description = MessageDescription.of(request, content, request.trailers());
            if (request.method().equals(Method.HEAD)) { // a HEAD response has no content: the lines go in a field
                return Response.of(Status.OK_200).withHeader(DESCRIPTION_FIELD, String.join(LINE_SEPARATOR,
                        description));
            }
            // a 2xx to CONNECT would open a tunnel; any other status keeps ordinary framing
            Status status = request.method().equals(Method.CONNECT) ? Status.METHOD_NOT_ALLOWED_405 : Status.OK_200;
            return Response.of(status).withBody(Body.of(String.join("\n", description)));
        });
    }

    @AfterAll
    static void stopServerAndCheckItsLog() {
        server.close();
        log.close();
        assertThat(log.warnings()).as("bad input is answered, never logged as a failure").isEmpty();
    }

    static Stream<Arguments> rowsInEveryDelivery() {
        return ConformanceTable.requests().stream().flatMap(row -> Arrays.stream(Delivery.values())
                .filter(delivery -> delivery != Delivery.BYTE_BY_BYTE || row.bytes().length <= BYTE_BY_BYTE_LIMIT)
                .map(delivery -> Arguments.of(row, delivery)));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("rowsInEveryDelivery")
    void serverAnswersAsTheTableSays(ConformanceRow row, Delivery delivery) {
        boolean sendCanary = !row.isValid() || row.keepsConnection();
        int canariesBefore = canaryRuns.get();
        try (RawSocket socket = server.connect()) {
            sendAll(socket, sendCanary ? concat(row.bytes(), CANARY) : row.bytes(), delivery);
            Response response = finalResponse(socket, methodOf(row));
            if (row.isValid()) {
                assertThat(response.status().code()).isIn(200, 405);
                assertThat(description(response)).containsExactlyElementsOf(Outcome.expected(row));
                if (row.keepsConnection()) {
                    assertThat(new String(MessageDescription.bytes(socket.readResponse().body()), StandardCharsets.US_ASCII)).isEqualTo("canary");
                    assertThat(canaryRuns.get()).isEqualTo(canariesBefore + 1);
                } else {
                    assertThat(socket.isClosedByServer()).as("closed after a last request").isTrue();
                }
            } else {
                assertThat(response.status().code()).as("status").isEqualTo(row.rejectStatus());
                assertThat(socket.isClosedByServer()).as("closed after the error response").isTrue();
                assertThat(canaryRuns.get()).as("canary runs after a refused request").isEqualTo(canariesBefore);
            }
        }
    }

    private static List<String> description(Response response) {
        return response.headers().first(DESCRIPTION_FIELD).map(lines -> List.of(lines.split(Pattern.quote(LINE_SEPARATOR), -1)))
                .orElseGet(() -> List.of(new String(MessageDescription.bytes(response.body()),
                        StandardCharsets.ISO_8859_1).split("\n")));
    }

    /** Writes every piece, stopping quietly if the server has already closed: its answer is what counts. */
    private static void sendAll(RawSocket socket, byte[] bytes, Delivery delivery) {
        try {
            for (byte[] piece : delivery.pieces(bytes)) {
                socket.send(piece);
            }
        } catch (UncheckedIOException serverClosedEarly) {
            // the response is read next
        }
    }

    /** The response after any interim 100 (Continue). */
    private static Response finalResponse(RawSocket socket, Method method) {
        Response response = socket.readResponse(method);
        while (response.status().code() == 100) {
            response = socket.readResponse(method);
        }
        return response;
    }

    private static Method methodOf(ConformanceRow row) {
        String text = new String(row.bytes(), StandardCharsets.ISO_8859_1).stripLeading();
        int space = text.indexOf(' ');
        return row.isValid() && space > 0 ? Method.of(text.substring(0, space)) : Method.GET;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(first.length + second.length);
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }
}
