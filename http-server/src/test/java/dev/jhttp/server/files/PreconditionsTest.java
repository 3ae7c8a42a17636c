package dev.jhttp.server.files;

import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.Status;
import dev.jhttp.core.headers.EntityTag;
import dev.jhttp.core.headers.HttpDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 9110 §13.2.2's order of evaluation, without a socket: each row is a request's conditions and the outcome. */
class PreconditionsTest {
    private static final EntityTag ETAG = EntityTag.strong("v1");
    private static final Instant MODIFIED = Instant.parse("2026-01-02T03:04:05Z");
    private static final String BEFORE = HttpDate.format(MODIFIED.minusSeconds(60));
    private static final String AT = HttpDate.format(MODIFIED);

    @ParameterizedTest(name = "{0} {1}: {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            GET    | If-Match            | "v1"          | proceed
            GET    | If-Match            | "v2"          | 412
            GET    | If-Match            | W/"v1"        | 412
            GET    | If-Match            | *             | proceed
            PUT    | If-Unmodified-Since | BEFORE        | 412
            PUT    | If-Unmodified-Since | AT            | proceed
            GET    | If-None-Match       | "v1"          | 304
            HEAD   | If-None-Match       | W/"v1"        | 304
            PUT    | If-None-Match       | "v1"          | 412
            GET    | If-None-Match       | "v2"          | proceed
            GET    | If-Modified-Since   | AT            | 304
            GET    | If-Modified-Since   | BEFORE        | proceed
            POST   | If-Modified-Since   | AT            | proceed
            GET    | If-Modified-Since   | not a date    | proceed
            """)
    void evaluatesOneCondition(String method, String field, String value, String outcome) {
        Request request = Request.of(Method.of(method), "/f").withHeader(field, date(value));
        Optional<Status> result = Preconditions.evaluate(request, ETAG, MODIFIED);
        assertThat(result.map(status -> String.valueOf(status.code())).orElse("proceed")).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            If-Match: "v1"             | If-Unmodified-Since: BEFORE | proceed
            If-None-Match: "v2"        | If-Modified-Since: AT       | proceed
            If-Match: "v2"             | If-None-Match: "v1"         | 412
            """)
    void laterStepsGiveWayToEarlierOnes(String first, String second, String outcome) {
        Request request = Request.of(Method.GET, "/f").withHeader(name(first), date(value(first)))
                .withHeader(name(second), date(value(second)));
        Optional<Status> result = Preconditions.evaluate(request, ETAG, MODIFIED);
        assertThat(result.map(status -> String.valueOf(status.code())).orElse("proceed")).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "If-Range: {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            "v1"    | true
            "v2"    | false
            W/"v1"  | false
            AT      | true
            BEFORE  | false
            junk    | false
            """)
    void ifRangeNeedsAStrongMatchOrTheExactDate(String value, boolean applies) {
        Request request = Request.of(Method.GET, "/f").withHeader("If-Range", date(value));
        assertThat(Preconditions.rangeApplies(request, ETAG, MODIFIED)).isEqualTo(applies);
        assertThat(Preconditions.rangeApplies(Request.of(Method.GET, "/f"), ETAG, MODIFIED)).isTrue();
    }

    private static String date(String value) {
        return value.equals("BEFORE") ? BEFORE : value.equals("AT") ? AT : value;
    }

    private static String name(String field) {
        return field.substring(0, field.indexOf(':'));
    }

    private static String value(String field) {
        return field.substring(field.indexOf(':') + 1).strip();
    }
}
