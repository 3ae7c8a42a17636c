package dev.jhttp.core.parse;

import dev.jhttp.core.Request;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.util.List;

import static dev.jhttp.core.parse.Feeding.bytes;
import static dev.jhttp.core.parse.Violation.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message fails at the first byte that decides it: each input here ends with that byte, is fed one byte at a time
 * with nothing after it, and must need more bytes until its last one, then fail there, at the expected offset.
 */
class FailFastTest {
    private static final String HEAD = "POST / HTTP/1.1\r\nHost: a\r\n";
    private static final String CHUNKED = HEAD + "Transfer-Encoding: chunked\r\n\r\n";

    record Case(String rule, String raw, Violation violation, int offset, ParserLimits limits) {
        Case(String rule, String raw, Violation violation, int offset) {
            this(rule, raw, violation, offset, ParserLimits.defaults());
        }

        @Override
        public String toString() {
            return rule;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("a CR before the request-line", "\rG", BARE_CR, 0),
                new Case("a bare CR ending the request-line", "GET / HTTP/1.1\rH", BARE_CR, 14),
                new Case("a bare CR ending a field line", "GET / HTTP/1.1\r\nHost: a\r\r", BARE_CR, 23),
                new Case("a bare CR inside a field value", "GET / HTTP/1.1\r\nHost: a\rb", BARE_CR, 23),
                new Case("a bare CR inside a field name", "GET / HTTP/1.1\r\nHo\rs", BARE_CR, 18),
                new Case("a bare CR inside the method", "GE\rT", BARE_CR, 2),
                new Case("a method byte outside token", "G(", INVALID_METHOD, 1),
                new Case("a request-line starting with SP", " ", INVALID_REQUEST_LINE, 0),
                new Case("two SP after the method", "GET  ", INVALID_REQUEST_LINE, 4),
                new Case("a fragment in the target", "GET /a#", INVALID_REQUEST_TARGET, 6),
                new Case("a control byte in the target", "GET /a\u0001", INVALID_REQUEST_TARGET, 6),
                new Case("a % without two hex digits", "GET /%4z", INVALID_REQUEST_TARGET, 7),
                new Case("something other than a version", "GET / x", INVALID_REQUEST_LINE, 6),
                new Case("a misspelt version", "GET / HTTX", INVALID_VERSION, 9),
                new Case("a major version other than 1", "GET / HTTP/2.0", UNSUPPORTED_VERSION, 11),
                new Case("a byte after the version", "GET / HTTP/1.1 ", INVALID_REQUEST_LINE, 14),
                new Case("whitespace after the request-line", "GET / HTTP/1.1\r\n ", WHITESPACE_AFTER_START_LINE,
                        16),
                new Case("obs-fold", "GET / HTTP/1.1\r\nHost: a\r\n\t", OBSOLETE_LINE_FOLDING, 25),
                new Case("whitespace before the colon", "GET / HTTP/1.1\r\nHost ", WHITESPACE_BEFORE_COLON, 20),
                new Case("a field-name byte outside token", "GET / HTTP/1.1\r\nHo(", INVALID_HEADER_NAME, 18),
                new Case("an empty field name", "GET / HTTP/1.1\r\n:", INVALID_HEADER_NAME, 16),
                new Case("a NUL in a field value", "GET / HTTP/1.1\r\nHost: a\u0000", INVALID_HEADER_VALUE, 23),
                new Case("a field line past the count limit", "GET / HTTP/1.1\r\nHost: a\r\nX",
                        TOO_MANY_HEADERS, 25, ParserLimits.defaults().withMaxHeaderCount(1)),
                new Case("a chunk size that is not hex", CHUNKED + "z", INVALID_CHUNK_SIZE, CHUNKED.length()),
                new Case("a chunk size past the content limit", CHUNKED + "A00001", BODY_TOO_LARGE,
                        CHUNKED.length() + 5),
                new Case("a chunk size that overflows", CHUNKED + "10000000000000000", INVALID_CHUNK_SIZE,
                        CHUNKED.length() + 16, ParserLimits.defaults().withMaxBodySize(Long.MAX_VALUE)),
                new Case("a chunk extension without a name", CHUNKED + "5;=", INVALID_CHUNK_EXTENSION,
                        CHUNKED.length() + 2),
                new Case("a control byte in a quoted chunk extension", CHUNKED + "5;a=\"x\u0001",
                        INVALID_CHUNK_EXTENSION, CHUNKED.length() + 6),
                new Case("a bare CR after a chunk size", CHUNKED + "5\rx", BARE_CR, CHUNKED.length() + 1),
                new Case("chunk data not followed by CRLF", CHUNKED + "1\r\nab", MISSING_CHUNK_DATA_END,
                        CHUNKED.length() + 4),
                new Case("whitespace in a trailer name", CHUNKED + "0\r\nX ", WHITESPACE_BEFORE_COLON,
                        CHUNKED.length() + 4),
                new Case("a bare CR in a trailer", CHUNKED + "0\r\nX: y\rz", BARE_CR, CHUNKED.length() + 7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsAtTheByteThatDecides(Case c) {
        byte[] raw = bytes(c.raw());
        RequestParser parser = RequestParser.create(c.limits());
        for (int i = 0; i < raw.length - 1; i++) {
            assertThat(parser.feed(ByteBuffer.wrap(raw, i, 1))).as("after byte %d", i)
                    .isInstanceOf(ParseResult.NeedMore.class);
        }
        ParseResult<Request> last = parser.feed(ByteBuffer.wrap(raw, raw.length - 1, 1));
        assertThat(last).isInstanceOf(ParseResult.Failed.class);
        ParseError error = ((ParseResult.Failed<Request>) last).error();
        assertThat(error.violation()).as(error.toString()).isEqualTo(c.violation());
        assertThat(error.offset()).as(error.toString()).isEqualTo(c.offset());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            GET /a b HTTP/1.1                   | the target's SP is not followed by HTTP-version
            GET http://a:b@host:1234/ HTTP/1.1  | userinfo in authority
            GET http://[4712::abcd::]/ HTTP/1.1 | invalid IP literal
            GET / HTTP/1.1\\r\\nX-A b              | whitespace between a field name and its colon
            """)
    void detailsNameTheRuleBroken(String line, String detail) {
        String raw = line.replace("\\r\\n", "\r\n") + "\r\nHost: a\r\n\r\n";
        ParseResult<Request> result = RequestParser.create().feed(ByteBuffer.wrap(bytes(raw)));
        assertThat(((ParseResult.Failed<Request>) result).error().detail()).contains(detail);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsTheSameWhenTheBytesArriveTogether(Case c) {
        ParseResult<Request> whole = RequestParser.create(c.limits()).feed(ByteBuffer.wrap(bytes(c.raw())));
        assertThat(whole).isInstanceOf(ParseResult.Failed.class);
        assertThat(((ParseResult.Failed<Request>) whole).error().violation()).isEqualTo(c.violation());
        assertThat(((ParseResult.Failed<Request>) whole).error().offset()).isEqualTo(c.offset());
    }
}
