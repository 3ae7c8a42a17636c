package dev.jhttp.core.parse;

import dev.jhttp.core.Body;
import dev.jhttp.core.Request;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * One Transfer-Encoding: chunked and one plain Content-Length are read where they lie, without the list rules
 * (RFC 9112 §6.1, RFC 9110 §8.6). Whatever the value, the message must be framed as the list rules frame it: only
 * they read a field that comes in two lines, so the same value written twice, or beside an empty line of the same
 * field (an empty list element, which is ignored), reaches them with the same meaning.
 */
class FramingInPlaceTest {
    private static final List<String> FRAGMENTS = List.of("chunked", "Chunked", "CHUNKED", "chunke", "gzip", ";q=1",
            " ", "\t", ",", "0", "5", "12", "000000000000000005", "999999999999999999", "9999999999999999999", "+", "-",
            "x");
    /** Enough content for any small length, and a chunked body for the chunked values. */
    private static final String CONTENT = "5\r\nhello\r\n0\r\n\r\n";

    @Test
    void oneContentLengthFramesLikeTheSameValueTwice() {
        qt().withExamples(3000).forAll(values()).checkAssert(value -> assertThat(
                framing("Content-Length: " + value + "\r\n"))
                .as("Content-Length: [%s]", value)
                .isEqualTo(framing("Content-Length: " + value + "\r\nContent-Length: " + value + "\r\n")));
    }

    @Test
    void oneTransferEncodingFramesLikeTheSameValueBesideAnEmptyOne() {
        qt().withExamples(3000).forAll(values()).checkAssert(value -> assertThat(
                framing("Transfer-Encoding: " + value + "\r\n"))
                .as("Transfer-Encoding: [%s]", value)
                .isEqualTo(framing("Transfer-Encoding: " + value + "\r\nTransfer-Encoding:\r\n")));
    }

    @Test
    void theValuesReachBothPaths() {
        assertThat(framing("Transfer-Encoding: chunked\r\n")).isEqualTo("content [hello]");
        assertThat(framing("Content-Length: 5\r\n")).isEqualTo("content [5\r\nhe]");
        assertThat(framing("Content-Length: 5, 5\r\n")).isEqualTo("content [5\r\nhe]");
        assertThat(framing("Content-Length: 999999999999999999\r\n")).isEqualTo("refused: BODY_TOO_LARGE");
    }

    private static Gen<String> values() {
        return lists().of(arbitrary().pick(FRAGMENTS)).ofSizeBetween(0, 4).map(parts -> String.join("", parts));
    }

    /** What a POST with {@code fields} becomes: its content, a violation, or a need for more bytes. */
    private static String framing(String fields) {
        String raw = "POST / HTTP/1.1\r\nHost: a\r\n" + fields + "\r\n" + CONTENT;
        ParseResult<Request> result = Feeding.whole(raw);
        return switch (result) {
            case ParseResult.Complete<Request>(Request request) -> "content [" + (request.body() instanceof Body.Bytes
                    bytes ? bytes.asString(StandardCharsets.ISO_8859_1) : "") + "]";
            case ParseResult.Failed<Request>(ParseError error) -> "refused: " + error.violation();
            case ParseResult.NeedMore<Request>() -> "needs more";
        };
    }
}
