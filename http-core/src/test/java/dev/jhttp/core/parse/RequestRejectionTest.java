package dev.jhttp.core.parse;

import dev.jhttp.core.Request;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.jhttp.core.parse.Feeding.whole;
import static org.assertj.core.api.Assertions.assertThat;

class RequestRejectionTest {
    /** Violations only a response or the end of input can break; ResponseParserTest covers them. */
    private static final Set<Violation> RESPONSE_ONLY =
            EnumSet.of(Violation.INVALID_STATUS_LINE, Violation.INCOMPLETE_MESSAGE);

    static List<RejectionCases.Case> cases() {
        return RejectionCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejects(RejectionCases.Case c) {
        ParseResult<Request> result = whole(c.raw());
        assertThat(result).isInstanceOf(ParseResult.Failed.class);
        ParseError error = ((ParseResult.Failed<Request>) result).error();
        assertThat(error.violation()).as(error.toString()).isEqualTo(c.violation());
        assertThat(error.status()).isEqualTo(c.violation().status());
        assertThat(error.offset()).isBetween(0L, (long) c.raw().length());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void neverQuotesTheInputInTheDetail(RejectionCases.Case c) {
        ParseError error = ((ParseResult.Failed<Request>) whole(c.raw())).error();
        String firstLine = c.raw().strip().lines().findFirst().orElseThrow();
        assertThat(error.detail()).doesNotContain(firstLine);
        assertThat(error.toString()).doesNotContain("a\u0000b").doesNotContain("example.com");
    }

    @ParameterizedTest
    @EnumSource(Violation.class)
    void everyRequestViolationHasACase(Violation violation) {
        if (!RESPONSE_ONLY.contains(violation)) {
            assertThat(cases()).extracting(RejectionCases.Case::violation).contains(violation);
        }
        assertThat(violation.rfc()).matches("RFC \\d+ §[\\d.]+");
        assertThat(violation.status().code()).isBetween(400, 599);
    }
}
