package dev.jhttp.core.parse;

import dev.jhttp.core.Body;
import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.RequestTarget;
import dev.jhttp.core.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static dev.jhttp.core.parse.Feeding.bytes;
import static dev.jhttp.core.parse.Feeding.whole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestParserTest {

    record Case(String name, String raw, Request expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> validRequests() {
        return List.of(
                new Case("minimal GET", "GET / HTTP/1.1\r\nHost: a\r\n\r\n",
                        request(Method.GET, "/", Version.HTTP_1_1, Headers.of("Host", "a"), Body.empty())),
                new Case("HTTP/1.0 without Host", "GET /index.html HTTP/1.0\r\n\r\n",
                        request(Method.GET, "/index.html", Version.HTTP_1_0, Headers.empty(), Body.empty())),
                new Case("higher 1.x minor is served as 1.1", "GET / HTTP/1.7\r\nHost: a\r\n\r\n",
                        request(Method.GET, "/", Version.HTTP_1_1, Headers.of("Host", "a"), Body.empty())),
                new Case("leading empty lines are ignored", "\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
                        request(Method.GET, "/", Version.HTTP_1_1, Headers.of("Host", "a"), Body.empty())),
                new Case("optional whitespace around values is dropped",
                        "GET / HTTP/1.1\r\nHost:a\r\nAccept: \t text/html \t\r\nX-Empty:\r\n\r\n",
                        request(Method.GET, "/", Version.HTTP_1_1,
                                Headers.of("Host", "a", "Accept", "text/html", "X-Empty", ""), Body.empty())),
                new Case("repeated fields keep their order",
                        "GET / HTTP/1.1\r\nHost: a\r\nVary: x\r\nAccept: */*\r\nVary: y\r\n\r\n",
                        request(Method.GET, "/", Version.HTTP_1_1,
                                Headers.of("Host", "a", "Vary", "x", "Accept", "*/*", "Vary", "y"), Body.empty())),
                new Case("obs-text and inner whitespace in values",
                        "GET / HTTP/1.1\r\nHost: a\r\nX-Name: caf\u00e9  au\tlait\r\n\r\n",
                        request(Method.GET, "/", Version.HTTP_1_1,
                                Headers.of("Host", "a", "X-Name", "caf\u00e9  au\tlait"), Body.empty())),
                new Case("custom method token", "PURGE /cache HTTP/1.1\r\nHost: a\r\n\r\n",
                        request(Method.of("PURGE"), "/cache", Version.HTTP_1_1, Headers.of("Host", "a"),
                                Body.empty())),
                new Case("absolute-form", "GET http://example.com:8080/a?b=c HTTP/1.1\r\nHost: example.com\r\n\r\n",
                        request(Method.GET, "http://example.com:8080/a?b=c", Version.HTTP_1_1,
                                Headers.of("Host", "example.com"), Body.empty())),
                new Case("authority-form for CONNECT", "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n",
                        new Request(Method.CONNECT, RequestTarget.authorityForm("example.com:443"), Version.HTTP_1_1,
                                Headers.of("Host", "example.com"), Body.empty())),
                new Case("asterisk-form for OPTIONS", "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
                        request(Method.OPTIONS, "*", Version.HTTP_1_1, Headers.of("Host", "a"), Body.empty())),
                new Case("browser query characters", "GET /s?q=a|b^{c}[d]\\e HTTP/1.1\r\nHost: a\r\n\r\n",
                        request(Method.GET, "/s?q=a|b^{c}[d]\\e", Version.HTTP_1_1, Headers.of("Host", "a"),
                                Body.empty())),
                new Case("empty Host is valid", "GET / HTTP/1.1\r\nHost:\r\n\r\n",
                        request(Method.GET, "/", Version.HTTP_1_1, Headers.of("Host", ""), Body.empty())),
                new Case("IPv6 Host with port", "GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n",
                        request(Method.GET, "/", Version.HTTP_1_1, Headers.of("Host", "[::1]:8080"), Body.empty())),
                new Case("Content-Length body", "POST /f HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello",
                        request(Method.POST, "/f", Version.HTTP_1_1, Headers.of("Host", "a", "Content-Length", "5"),
                                Body.of("hello"))),
                new Case("Content-Length zero", "POST /f HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n",
                        request(Method.POST, "/f", Version.HTTP_1_1, Headers.of("Host", "a", "Content-Length", "0"),
                                Body.empty())),
                new Case("identical Content-Length values", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2, 2\r\n"
                        + "Content-Length: 2\r\n\r\nok",
                        request(Method.POST, "/", Version.HTTP_1_1,
                                Headers.of("Host", "a", "Content-Length", "2, 2", "Content-Length", "2"),
                                Body.of("ok"))),
                new Case("Content-Length of 18 digits", "POST / HTTP/1.1\r\nHost: a\r\n"
                        + "Content-Length: 000000000000000002\r\n\r\nok",
                        request(Method.POST, "/", Version.HTTP_1_1,
                                Headers.of("Host", "a", "Content-Length", "000000000000000002"), Body.of("ok"))),
                new Case("Content-Length of 19 digits", "POST / HTTP/1.1\r\nHost: a\r\n"
                        + "Content-Length: 0000000000000000002\r\n\r\nok",
                        request(Method.POST, "/", Version.HTTP_1_1,
                                Headers.of("Host", "a", "Content-Length", "0000000000000000002"), Body.of("ok"))),
                new Case("HTTP/1.0 body by Content-Length", "POST / HTTP/1.0\r\nContent-Length: 2\r\n\r\nok",
                        request(Method.POST, "/", Version.HTTP_1_0, Headers.of("Content-Length", "2"), Body.of("ok"))),
                new Case("chunked body", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n",
                        request(Method.POST, "/", Version.HTTP_1_1,
                                Headers.of("Host", "a", "Transfer-Encoding", "chunked"), Body.of("hello, world"))),
                new Case("chunked with upper-case hex, extensions and trailers",
                        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n"
                        + "A ; name=value;flag\r\n0123456789\r\n0;last=\"q\\\"s\"\r\nChecksum: abc\r\nX-T: 1\r\n\r\n",
                        request(Method.POST, "/", Version.HTTP_1_1,
                                Headers.of("Host", "a", "Transfer-Encoding", "Chunked"), Body.of("0123456789"))
                                .withTrailers(Headers.of("Checksum", "abc", "X-T", "1"))),
                new Case("chunked in capitals, between whitespace", "POST / HTTP/1.1\r\nHost: a\r\n"
                        + "Transfer-Encoding: \t CHUNKED \t\r\n\r\n2\r\nok\r\n0\r\n\r\n",
                        request(Method.POST, "/", Version.HTTP_1_1,
                                Headers.of("Host", "a", "Transfer-Encoding", "CHUNKED"), Body.of("ok"))),
                new Case("empty list elements in Transfer-Encoding", "POST / HTTP/1.1\r\nHost: a\r\n"
                        + "Transfer-Encoding: , chunked,\r\n\r\n0\r\n\r\n",
                        request(Method.POST, "/", Version.HTTP_1_1,
                                Headers.of("Host", "a", "Transfer-Encoding", ", chunked,"), Body.empty())),
                new Case("leading zeros in chunk size", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n"
                        + "\r\n0000000000000000000002\r\nok\r\n000\r\n\r\n",
                        request(Method.POST, "/", Version.HTTP_1_1,
                                Headers.of("Host", "a", "Transfer-Encoding", "chunked"), Body.of("ok"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validRequests")
    void parsesValidRequest(Case c) {
        assertThat(whole(c.raw())).isEqualTo(new ParseResult.Complete<>(c.expected()));
    }

    @Test
    void internsWellKnownHeaderNames() {
        Request request = complete("GET / HTTP/1.1\r\nHost: a\r\nContent-Type: x\r\n\r\n");
        assertThat(request.headers().name(0)).isSameAs(HeaderName.HOST);
        assertThat(request.headers().name(1)).isSameAs(HeaderName.CONTENT_TYPE);
    }

    @Test
    void keepsTheSpellingOfHeaderNames() {
        Request request = complete("GET / HTTP/1.1\r\nhOsT: a\r\nX-MiXeD: b\r\n\r\n");
        assertThat(request.headers().name(0).name()).isEqualTo("hOsT");
        assertThat(request.headers().name(1).name()).isEqualTo("X-MiXeD");
        assertThat(request.headers().first("host")).contains("a");
    }

    @Test
    void decodesTargetPathAndQuery() {
        Request request = complete("GET /a%20b/c?x=1&y=%C3%A9&x=2 HTTP/1.1\r\nHost: a\r\n\r\n");
        assertThat(request.target().path()).isEqualTo("/a b/c");
        assertThat(request.target().queryParameters().get("x")).containsExactly("1", "2");
        assertThat(request.target().queryParameter("y")).contains("\u00e9");
    }

    @Test
    void parsesPipelinedRequestsOneAfterAnother() {
        ByteBuffer in = ByteBuffer.wrap(bytes("GET /1 HTTP/1.1\r\nHost: a\r\n\r\n"
                + "POST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc"
                + "GET /3 HTTP/1.1\r\nHost: a\r\n\r\n"));
        RequestParser parser = RequestParser.create();
        for (String path : new String[] {"/1", "/2", "/3"}) {
            ParseResult<Request> result = parser.feed(in);
            assertThat(result).isInstanceOf(ParseResult.Complete.class);
            assertThat(((ParseResult.Complete<Request>) result).message().target().path()).isEqualTo(path);
            parser.reset();
        }
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void leavesBytesOfTheNextRequestUnconsumed() {
        byte[] first = bytes("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        ByteBuffer in = ByteBuffer.wrap(bytes("GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /next"));
        assertThat(RequestParser.create().feed(in)).isInstanceOf(ParseResult.Complete.class);
        assertThat(in.position()).isEqualTo(first.length);
    }

    @Test
    void needsMoreUntilTheHeadEnds() {
        assertThat(whole("GET / HTTP/1.1\r\nHost: a\r\n")).isEqualTo(ParseResult.needMore());
        assertThat(whole("GET / HTTP/1.1\r\nHost: a\r\n\r")).isEqualTo(ParseResult.needMore());
    }

    @Test
    void needsMoreUntilTheBodyEnds() {
        assertThat(whole("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhell"))
                .isEqualTo(ParseResult.needMore());
        assertThat(whole("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r"))
                .isEqualTo(ParseResult.needMore());
    }

    @Test
    void keepsTheValidFieldsParsedBeforeAFailure() {
        RequestParser parser = RequestParser.create();
        parser.feed(ByteBuffer.wrap(bytes("GET / HTTP/1.1\r\nAccept: application/json\r\nBad Name: x\r\n\r\n")));
        assertThat(parser.partialHeaders()).isEqualTo(Headers.of("Accept", "application/json"));
        parser.reset();
        assertThat(parser.partialHeaders().isEmpty()).isTrue();
    }

    @Test
    void forgetsTheFieldsOfTheLastRequestWhenTheNextFailsInItsStartLine() {
        RequestParser parser = RequestParser.create();
        parser.feed(ByteBuffer.wrap(bytes("GET / HTTP/1.1\r\nHost: a\r\nAccept: b\r\n\r\n")));
        parser.reset();
        assertThat(parser.feed(ByteBuffer.wrap(bytes("GET / HTTP/9.9\r\n")))).isInstanceOf(ParseResult.Failed.class);
        assertThat(parser.partialHeaders().isEmpty()).isTrue();
    }

    @Test
    void parsedFieldsBehaveLikeBuiltOnes() {
        Headers parsed = complete("GET / HTTP/1.1\r\nHost: a\r\nX-Spaced: \t v\tw  \r\nX-Empty:\r\n"
                + "Cookie: c=1\r\nCookie: d=2\r\n\r\n").headers();
        Headers built = Headers.of("Host", "a", "X-Spaced", "v\tw", "X-Empty", "", "Cookie", "c=1", "Cookie", "d=2");
        assertThat(parsed).isEqualTo(built).hasSameHashCodeAs(built).hasToString(built.toString());
        assertThat(parsed.value(1)).isEqualTo("v\tw");
        assertThat(parsed.first("x-empty")).contains("");
        assertThat(parsed.all(HeaderName.COOKIE)).containsExactly("c=1", "d=2");
        assertThat(parsed.toBuilder().add("Accept", "x").build()).isEqualTo(built.with("Accept", "x"));
        assertThat(parsed.withReplaced("Cookie", "e=3").without(HeaderName.HOST))
                .isEqualTo(Headers.of("X-Spaced", "v\tw", "X-Empty", "", "Cookie", "e=3"));
        assertThat(parsed).containsExactlyElementsOf(built);
    }

    @Test
    void parsedFieldsDoNotChangeWhenTheInputIsReused() {
        byte[] raw = bytes("GET / HTTP/1.1\r\nHost: a\r\nAccept: text/html\r\n\r\n");
        Request request = complete(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1));
        RequestParser parser = RequestParser.create();
        ByteBuffer in = ByteBuffer.wrap(raw);
        Headers parsed = ((ParseResult.Complete<Request>) parser.feed(in)).message().headers();
        java.util.Arrays.fill(raw, (byte) 'x');
        parser.reset();
        parser.feed(ByteBuffer.wrap(bytes("GET / HTTP/1.1\r\nHost: zzzzzzzzzzzzzzzzzzzz\r\n\r\n")));
        assertThat(parsed).isEqualTo(request.headers());
    }

    @Test
    void feedingAfterCompleteStartsTheNextRequest() {
        RequestParser parser = RequestParser.create();
        ByteBuffer in = ByteBuffer.wrap(bytes("GET /one HTTP/1.1\r\nHost: a\r\n\r\n"
                + "POST /two HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi" + "GET /thr"));
        List<String> seen = new ArrayList<>();
        while (in.hasRemaining() && parser.feed(in) instanceof ParseResult.Complete<Request>(Request request)) {
            seen.add(request.method() + " " + request.target().raw() + " " + request.body().length());
        }
        assertThat(seen).containsExactly("GET /one 0", "POST /two 2");
        assertThat(parser.isStarted()).isTrue();
        ParseResult<Request> third = parser.feed(ByteBuffer.wrap(bytes("ee HTTP/1.1\r\nHost: a\r\n\r\n")));
        assertThat(((ParseResult.Complete<Request>) third).message().target().raw()).isEqualTo("/three");
    }

    @Test
    void feedingAfterAHeadWithoutResetIsAnError() {
        RequestParser parser = RequestParser.create();
        parser.feedHead(ByteBuffer.wrap(bytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\n")));
        assertThatThrownBy(() -> parser.feed(ByteBuffer.allocate(0))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("content()");
    }

    @Test
    void staysFailedAfterAFailure() {
        RequestParser parser = RequestParser.create();
        ParseResult<Request> first = parser.feed(ByteBuffer.wrap(bytes("GET / HTTP/9.9\r\n")));
        ByteBuffer more = ByteBuffer.wrap(bytes("GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
        assertThat(parser.feed(more)).isEqualTo(first);
        assertThat(more.position()).isZero();
    }

    @Test
    void resetAbandonsAPartialRequest() {
        RequestParser parser = RequestParser.create();
        parser.feed(ByteBuffer.wrap(bytes("GET /abandoned HT")));
        assertThat(parser.isStarted()).isTrue();
        parser.reset();
        assertThat(parser.isStarted()).isFalse();
        ParseResult<Request> result = parser.feed(ByteBuffer.wrap(bytes("GET /fresh HTTP/1.1\r\nHost: a\r\n\r\n")));
        assertThat(((ParseResult.Complete<Request>) result).message().target().raw()).isEqualTo("/fresh");
    }

    @Test
    void readsFromDirectBuffers() {
        byte[] raw = bytes("GET /d HTTP/1.1\r\nHost: a\r\n\r\n");
        ByteBuffer direct = ByteBuffer.allocateDirect(raw.length).put(raw).flip();
        assertThat(RequestParser.create().feed(direct)).isEqualTo(whole(new String(raw, 0, raw.length,
                java.nio.charset.StandardCharsets.ISO_8859_1)));
    }

    static Request complete(String raw) {
        ParseResult<Request> result = whole(raw);
        assertThat(result).isInstanceOf(ParseResult.Complete.class);
        return ((ParseResult.Complete<Request>) result).message();
    }

    private static Request request(Method method, String target, Version version, Headers headers, Body body) {
        return new Request(method, RequestTarget.of(target), version, headers, body);
    }
}
