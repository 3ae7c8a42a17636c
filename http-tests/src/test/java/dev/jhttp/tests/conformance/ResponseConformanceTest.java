package dev.jhttp.tests.conformance;

import dev.jhttp.core.Method;
import dev.jhttp.core.Response;
import dev.jhttp.core.parse.ParseResult;
import dev.jhttp.core.parse.ResponseParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response rows of the conformance table through {@link ResponseParser}, in every delivery; the connection
 * closes after each row's bytes, which ends close-delimited content and reveals truncated messages.
 */
class ResponseConformanceTest {
    static Stream<Arguments> rowsInEveryDelivery() {
        return Delivery.forEach(ConformanceTable.responses());
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("rowsInEveryDelivery")
    void parsesAsTheTableSays(ConformanceRow row, Delivery delivery) {
        assertThat(outcome(row, delivery)).isEqualTo(Outcome.expected(row));
    }

    @Test
    void tableCoversBothOutcomes() {
        List<ConformanceRow> rows = ConformanceTable.responses();
        assertThat(rows.stream().filter(ConformanceRow::isValid)).hasSizeGreaterThanOrEqualTo(10);
        assertThat(rows.stream().filter(row -> !row.isValid())).hasSizeGreaterThanOrEqualTo(10);
    }

    private static List<String> outcome(ConformanceRow row, Delivery delivery) {
        ResponseParser parser = ResponseParser.create();
        parser.reset(Method.of(row.requestMethod()));
        ParseResult<Response> result = ParseResult.needMore();
        for (byte[] piece : delivery.pieces(row.bytes())) {
            result = parser.feed(ByteBuffer.wrap(piece));
            if (!(result instanceof ParseResult.NeedMore)) {
                break;
            }
        }
        if (result instanceof ParseResult.NeedMore) {
            result = parser.finish();
        }
        return switch (result) {
            case ParseResult.Complete<Response>(Response response) -> MessageDescription.of(response);
            case ParseResult.Failed<Response> failed -> Outcome.failure(failed.error());
            case ParseResult.NeedMore<Response> needMore -> List.of("incomplete");
        };
    }
}
