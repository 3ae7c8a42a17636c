package dev.jhttp.tests.conformance;

import dev.jhttp.core.Request;
import dev.jhttp.core.parse.ParseResult;
import dev.jhttp.core.parse.RequestParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every request row of the conformance table, through {@link RequestParser} directly, in every delivery. */
class RequestConformanceTest {
    static Stream<Arguments> rowsInEveryDelivery() {
        return Delivery.forEach(ConformanceTable.requests());
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("rowsInEveryDelivery")
    void parsesAsTheTableSays(ConformanceRow row, Delivery delivery) {
        assertThat(outcome(row.bytes(), delivery)).isEqualTo(Outcome.expected(row));
    }

    @Test
    void tableIsBigEnoughAndCitesItsSources() {
        List<ConformanceRow> rows = ConformanceTable.requests();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(200);
        assertThat(rows.stream().filter(ConformanceRow::isValid)).hasSizeGreaterThanOrEqualTo(40);
        assertThat(rows).allSatisfy(row -> assertThat(row.section()).matches("91(10|12) §[0-9.]+.*"));
        assertThat(rows.stream().map(ConformanceRow::name).distinct()).hasSameSizeAs(rows);
    }

    /** What the parser makes of {@code bytes}: the table's expected lines, or its fail line. */
    static List<String> outcome(byte[] bytes, Delivery delivery) {
        RequestParser parser = RequestParser.create();
        ParseResult<Request> result = ParseResult.needMore();
        for (byte[] piece : delivery.pieces(bytes)) {
            result = parser.feed(ByteBuffer.wrap(piece));
            if (!(result instanceof ParseResult.NeedMore)) {
                break;
            }
        }
        return switch (result) {
            case ParseResult.Complete<Request>(Request request) ->
                    MessageDescription.of(request, MessageDescription.bytes(request.body()));
            case ParseResult.Failed<Request> failed -> Outcome.failure(failed.error());
            case ParseResult.NeedMore<Request> needMore -> List.of("incomplete");
        };
    }
}
