package dev.jhttp.core.parse;

import dev.jhttp.core.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.IntFunction;

import static dev.jhttp.core.parse.Feeding.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every limit is exact: its value is accepted, one more is refused with the limit's own violation. */
class ParserLimitsTest {
    private static final ParserLimits SMALL = new ParserLimits(64, 128, 4, 100, 16);

    @ParameterizedTest
    @ValueSource(ints = {-1, 0})
    void requestLineAtOrBelowItsLimitParses(int delta) {
        assertParses(requestLineOfLength(SMALL.maxRequestLineLength() + delta));
    }

    @Test
    void requestLineOverItsLimitIsUriTooLong() {
        assertRefused(requestLineOfLength(SMALL.maxRequestLineLength() + 1), Violation.REQUEST_LINE_TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0})
    void headerSectionAtOrBelowItsLimitParses(int delta) {
        assertParses(headerSectionOfSize(SMALL.maxHeaderSectionSize() + delta));
    }

    @Test
    void headerSectionOverItsLimitIs431() {
        assertRefused(headerSectionOfSize(SMALL.maxHeaderSectionSize() + 1), Violation.HEADER_SECTION_TOO_LARGE);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0})
    void headerCountAtOrBelowItsLimitParses(int delta) {
        assertParses(withFields(SMALL.maxHeaderCount() + delta));
    }

    @Test
    void headerCountOverItsLimitIs431() {
        assertRefused(withFields(SMALL.maxHeaderCount() + 1), Violation.TOO_MANY_HEADERS);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0})
    void contentLengthAtOrBelowTheBodyLimitParses(int delta) {
        assertParses(withContentLength((int) SMALL.maxBodySize() + delta));
    }

    @Test
    void contentLengthOverTheBodyLimitIsRefusedBeforeAnyContent() {
        String head = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: " + (SMALL.maxBodySize() + 1) + "\r\n\r\n";
        assertRefused(head, Violation.BODY_TOO_LARGE);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0})
    void chunkedContentAtOrBelowTheBodyLimitParses(int delta) {
        assertParses(chunkedOfSize((int) SMALL.maxBodySize() + delta));
    }

    @Test
    void chunkedContentOverTheBodyLimitIs413() {
        assertRefused(chunkedOfSize((int) SMALL.maxBodySize() + 1), Violation.BODY_TOO_LARGE);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0})
    void chunkExtensionsAtOrBelowTheirLimitParse(int delta) {
        assertParses(withChunkExtensionOfLength(SMALL.maxChunkExtensionLength() + delta));
    }

    @Test
    void chunkExtensionsOverTheirLimitAreRefused() {
        assertRefused(withChunkExtensionOfLength(SMALL.maxChunkExtensionLength() + 1),
                Violation.CHUNK_EXTENSION_TOO_LONG);
    }

    @Test
    void trailersShareTheHeaderCountLimit() {
        String trailers = "T: v\r\n".repeat(SMALL.maxHeaderCount() + 1);
        assertRefused("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n" + trailers + "\r\n",
                Violation.TOO_MANY_HEADERS);
    }

    @Test
    void defaultsMatchTheDocumentedValues() {
        ParserLimits defaults = ParserLimits.defaults();
        assertThat(defaults.maxRequestLineLength()).isEqualTo(8192);
        assertThat(defaults.maxHeaderSectionSize()).isEqualTo(16384);
        assertThat(defaults.maxHeaderCount()).isEqualTo(100);
    }

    @Test
    void refusesLimitsBelowTheirMinimum() {
        assertThatThrownBy(() -> SMALL.withMaxRequestLineLength(15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SMALL.withMaxHeaderSectionSize(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SMALL.withMaxBodySize(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** "GET /aaa HTTP/1.1": a request-line of exactly {@code length} bytes. */
    private static String requestLineOfLength(int length) {
        String line = "GET /" + "a".repeat(length - "GET / HTTP/1.1".length()) + " HTTP/1.1";
        assertThat(line).hasSize(length);
        return line + "\r\nHost: a\r\n\r\n";
    }

    /** A header section of exactly {@code size} bytes, counting every CRLF and the final empty line. */
    private static String headerSectionOfSize(int size) {
        String fixed = "Host: a\r\nX: \r\n\r\n";
        String section = "Host: a\r\nX: " + "v".repeat(size - fixed.length()) + "\r\n\r\n";
        assertThat(section).hasSize(size);
        return "GET / HTTP/1.1\r\n" + section;
    }

    private static String withFields(int count) {
        return "GET / HTTP/1.1\r\nHost: a\r\n" + "X: v\r\n".repeat(count - 1) + "\r\n";
    }

    private static String withContentLength(int length) {
        return "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: " + length + "\r\n\r\n" + "b".repeat(length);
    }

    private static String chunkedOfSize(int size) {
        IntFunction<String> chunk = n -> Integer.toHexString(n) + "\r\n" + "c".repeat(n) + "\r\n";
        int first = size / 2;
        return "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunk.apply(first) + chunk.apply(size - first) + "0\r\n\r\n";
    }

    private static String withChunkExtensionOfLength(int length) {
        String extension = ";n=" + "v".repeat(length - 3);
        assertThat(extension).hasSize(length);
        return "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1" + extension + "\r\nx\r\n0\r\n\r\n";
    }

    private static void assertParses(String raw) {
        assertThat(Feeding.whole(bytes(raw), SMALL)).isInstanceOf(ParseResult.Complete.class);
        assertThat(Feeding.oneByteAtATime(bytes(raw), SMALL)).isInstanceOf(ParseResult.Complete.class);
    }

    private static void assertRefused(String raw, Violation violation) {
        for (ParseResult<Request> result : java.util.List.of(Feeding.whole(bytes(raw), SMALL),
                Feeding.oneByteAtATime(bytes(raw), SMALL))) {
            assertThat(result).isInstanceOf(ParseResult.Failed.class);
            assertThat(((ParseResult.Failed<Request>) result).error().violation()).isEqualTo(violation);
        }
    }
}
