package dev.jhttp.core.parse;

import dev.jhttp.core.Body;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Method;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.core.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;

import static dev.jhttp.core.parse.Feeding.bytes;
import static org.assertj.core.api.Assertions.assertThat;

class ResponseParserTest {

    @Test
    void parsesContentLengthResponse() {
        Response response = complete(parse("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi", Method.GET));
        assertThat(response).isEqualTo(new Response(Version.HTTP_1_1, Status.OK_200,
                Headers.of("Content-Length", "2"), Body.of("hi"), Headers.empty()));
        assertThat(response.status()).isSameAs(Status.OK_200);
    }

    @Test
    void keepsAnUnusualReasonPhrase() {
        Response response = complete(parse("HTTP/1.1 404 Nowhere\tto be found\r\nContent-Length: 0\r\n\r\n",
                Method.GET));
        assertThat(response.status()).isEqualTo(new Status(404, "Nowhere\tto be found"));
    }

    @Test
    void acceptsAnEmptyReasonPhrase() {
        Response response = complete(parse("HTTP/1.1 299 \r\nContent-Length: 0\r\n\r\n", Method.GET));
        assertThat(response.status()).isEqualTo(Status.of(299));
    }

    @Test
    void parsesChunkedResponseWithTrailers() {
        Response response = complete(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nabc\r\n0\r\nEtag: \"x\"\r\n\r\n", Method.GET));
        assertThat(response.body()).isEqualTo(Body.of("abc"));
        assertThat(response.trailers()).isEqualTo(Headers.of("Etag", "\"x\""));
    }

    @Test
    void responseToHeadHasNoContent() {
        Response response = complete(parse("HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n", Method.HEAD));
        assertThat(response.body()).isEqualTo(Body.empty());
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 103, 204, 304})
    void statusesWithoutContentEndAtTheHead(int code) {
        ByteBuffer in = ByteBuffer.wrap(bytes("HTTP/1.1 " + code + " X\r\nContent-Length: 5\r\n\r\nnext"));
        ResponseParser parser = ResponseParser.create();
        Response response = complete(parser.feed(in));
        assertThat(response.body()).isEqualTo(Body.empty());
        assertThat(in.remaining()).isEqualTo(4);
    }

    @Test
    void successfulConnectStartsATunnel() {
        Response response = complete(parse("HTTP/1.1 200 OK\r\n\r\n", Method.CONNECT));
        assertThat(response.body()).isEqualTo(Body.empty());
    }

    @Test
    void contentWithoutFramingRunsUntilTheInputEnds() {
        ResponseParser parser = ResponseParser.create();
        assertThat(parser.feed(ByteBuffer.wrap(bytes("HTTP/1.0 200 OK\r\n\r\nall of"))))
                .isEqualTo(ParseResult.needMore());
        assertThat(parser.feed(ByteBuffer.wrap(bytes(" it")))).isEqualTo(ParseResult.needMore());
        Response response = complete(parser.finish());
        assertThat(response.body()).isEqualTo(Body.of("all of it"));
        assertThat(response.version()).isEqualTo(Version.HTTP_1_0);
    }

    @Test
    void inputEndingInsideAResponseIsIncomplete() {
        ResponseParser parser = ResponseParser.create();
        parser.feed(ByteBuffer.wrap(bytes("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nabc")));
        assertThat(failure(parser.finish()).violation()).isEqualTo(Violation.INCOMPLETE_MESSAGE);
    }

    @Test
    void nonChunkedTransferCodingRunsUntilClose() {
        ResponseParser parser = ResponseParser.create();
        parser.feed(ByteBuffer.wrap(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nzz")));
        assertThat(complete(parser.finish()).body()).isEqualTo(Body.of("zz"));
    }

    @Test
    void codingsBeforeChunkedStayOnTheContent() {
        ResponseParser parser = ResponseParser.create();
        Response response = complete(parser.feed(ByteBuffer.wrap(bytes(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\nzz\r\n0\r\n\r\n"))));
        assertThat(response.body()).isEqualTo(Body.of("zz"));
        assertThat(response.headers().first("Transfer-Encoding")).contains("gzip, chunked");
    }

    @Test
    void parsesResponsesOneAfterAnother() {
        ByteBuffer in = ByteBuffer.wrap(bytes("HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 201 Created\r\nContent-Length: 1\r\n\r\nx"));
        ResponseParser parser = ResponseParser.create();
        assertThat(complete(parser.feed(in)).status()).isEqualTo(Status.CONTINUE_100);
        assertThat(complete(parser.feed(in)).status()).isEqualTo(Status.CREATED_201);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "HTTP/1.1 200\r\n\r\n",            // the SP after the code is required
        "HTTP/1.1 20 OK\r\n\r\n",
        "HTTP/1.1 2000 OK\r\n\r\n",
        "HTTP/1.1 099 Low\r\n\r\n",
        "HTTP/1.1 abc OK\r\n\r\n",
        "HTTP/1.1  200 OK\r\n\r\n",
        "HTTP/1.1 200 O\u0000K\r\n\r\n",
        "ICY 200 OK\r\n\r\n"})
    void rejectsMalformedStatusLines(String raw) {
        assertThat(failure(parse(raw, Method.GET)).violation()).isEqualTo(Violation.INVALID_STATUS_LINE);
    }

    @Test
    void rejectsAStatusLineOverTheLimit() {
        String raw = "HTTP/1.1 200 " + "x".repeat(9000) + "\r\n\r\n";
        assertThat(failure(parse(raw, Method.GET)).violation()).isEqualTo(Violation.INVALID_STATUS_LINE);
    }

    @Test
    void rejectsAmbiguousFramingLikeRequestsDo() {
        String raw = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n";
        assertThat(failure(parse(raw, Method.GET)).violation())
                .isEqualTo(Violation.CONTENT_LENGTH_WITH_TRANSFER_ENCODING);
        assertThat(failure(parse("HTTP/2.0 200 OK\r\n\r\n", Method.GET)).violation())
                .isEqualTo(Violation.UNSUPPORTED_VERSION);
    }

    @Test
    void cutAtEveryIndexGivesTheSameResponse() {
        byte[] raw = bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX: y\r\n\r\n"
                + "4;e=1\r\nabcd\r\n0\r\nT: 1\r\n\r\n");
        ParseResult<Response> expected = parse(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1),
                Method.GET);
        assertThat(expected).isInstanceOf(ParseResult.Complete.class);
        for (int cut = 1; cut < raw.length; cut++) {
            ResponseParser parser = ResponseParser.create();
            assertThat(Feeding.feedAll(raw, new int[] {cut}, parser::feed)).as("cut at %d", cut).isEqualTo(expected);
        }
    }

    private static ParseResult<Response> parse(String raw, Method requestMethod) {
        ResponseParser parser = ResponseParser.create();
        parser.reset(requestMethod);
        return parser.feed(ByteBuffer.wrap(bytes(raw)));
    }

    private static Response complete(ParseResult<Response> result) {
        assertThat(result).isInstanceOf(ParseResult.Complete.class);
        return ((ParseResult.Complete<Response>) result).message();
    }

    private static ParseError failure(ParseResult<Response> result) {
        assertThat(result).isInstanceOf(ParseResult.Failed.class);
        return ((ParseResult.Failed<Response>) result).error();
    }
}
