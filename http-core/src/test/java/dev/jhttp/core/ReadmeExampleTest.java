package dev.jhttp.core;

import dev.jhttp.core.parse.ParseError;
import dev.jhttp.core.parse.ParseResult;
import dev.jhttp.core.parse.ParserLimits;
import dev.jhttp.core.parse.RequestParser;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The library example of the README, kept compiling and correct. */
class ReadmeExampleTest {
    @Test
    void parsesTheReadmeRequest() {
        assertThat(describe("GET /hello?name=jhttp HTTP/1.1\r\nHost: localhost\r\n\r\n")).isEqualTo("GET jhttp");
        assertThat(describe("GET /hello HTTP/1.1\r\nHost : localhost\r\n\r\n"))
                .isEqualTo("400 Bad Request because RFC 9112 §5.1");
        assertThat(describe("GET /hel")).isEqualTo("feed more bytes");
    }

    private static String describe(String raw) {
        RequestParser parser = RequestParser.create(ParserLimits.defaults());
        ByteBuffer bytes = ByteBuffer.wrap(raw.getBytes(StandardCharsets.US_ASCII));
        return switch (parser.feed(bytes)) {
            case ParseResult.Complete<Request>(Request request) ->
                    request.method() + " " + request.target().queryParameter("name").orElse("?");
            case ParseResult.Failed<Request>(ParseError error) ->
                    error.status() + " because " + error.violation().rfc();
            case ParseResult.NeedMore<Request>() -> "feed more bytes";
        };
    }
}
