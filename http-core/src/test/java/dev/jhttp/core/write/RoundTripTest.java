package dev.jhttp.core.write;

import dev.jhttp.core.Body;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.RequestTarget;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.core.Version;
import dev.jhttp.core.parse.ParseResult;
import dev.jhttp.core.parse.RequestParser;
import dev.jhttp.core.parse.ResponseParser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static dev.jhttp.core.MessageGenerators.contents;
import static dev.jhttp.core.MessageGenerators.headers;
import static dev.jhttp.core.MessageGenerators.methods;
import static dev.jhttp.core.MessageGenerators.originTargets;
import static dev.jhttp.core.MessageGenerators.statusCodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

/** Writing a valid message and parsing the bytes gives back the message as it was written. */
class RoundTripTest {
    private static final ResponseWriter WRITER =
            ResponseWriter.create(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));

    @Test
    void writtenRequestsParseToThemselves() {
        qt().withExamples(1000).forAll(methods(), originTargets(), headers(), contents())
                .checkAssert((method, target, headers, content) -> {
                    Request request = new Request(method, RequestTarget.of(target), Version.HTTP_1_1, headers,
                            Body.of(content));
                    assertThat(parseRequest(write(request))).isEqualTo(new ParseResult.Complete<>(
                            RequestWriter.prepare(request)));
                });
    }

    @Test
    void writtenChunkedRequestsParseToThemselvesWithTrailers() {
        qt().withExamples(500).forAll(originTargets(), headers(), contents(), headers())
                .checkAssert((target, headers, content, trailers) -> {
                    Request streamed = new Request(Method.POST, RequestTarget.of(target), Version.HTTP_1_1, headers,
                            Body.ofStream(out -> out.write(content), -1), trailers);
                    Request expected = RequestWriter.prepare(streamed).withBody(Body.of(content));
                    assertThat(parseRequest(write(streamed))).isEqualTo(new ParseResult.Complete<>(expected));
                });
    }

    @Test
    void writtenResponsesParseToThemselves() {
        qt().withExamples(1000).forAll(statusCodes(), headers(), contents(), booleans().all())
                .checkAssert((code, headers, content, chunked) -> {
                    Body body = chunked ? Body.ofStream(out -> out.write(content), -1) : Body.of(content);
                    Response response = Response.of(Status.of(code), headers, body);
                    Response expected = WRITER.prepare(response).withBody(Body.of(content));
                    assertThat(parseResponse(writeResponse(response))).isEqualTo(new ParseResult.Complete<>(expected));
                });
    }

    @Test
    void headIsThePreparedResponseEncoded() {
        qt().withExamples(1000).forAll(statusCodes(), headers(), integers().between(0, 7), booleans().all())
                .checkAssert((code, headers, extras, http10) -> {
                    Headers given = headers;
                    if ((extras & 1) != 0) {
                        given = given.with("Content-Length", "99").with("transfer-encoding", "gzip");
                    }
                    if ((extras & 2) != 0) {
                        given = given.with("Date", "Sun, 06 Nov 1994 08:49:37 GMT");
                    }
                    Body body = (extras & 4) != 0 ? Body.ofStream(out -> out.write(1), -1) : Body.of("content");
                    Response response = Response.of(Status.of(code), given, body);
                    Version version = http10 ? Version.HTTP_1_0 : Version.HTTP_1_1;
                    ByteBuffer head = WRITER.head(response, version);
                    byte[] bytes = new byte[head.remaining()];
                    head.get(bytes);
                    assertThat(bytes).isEqualTo(ResponseWriter.encodeHead(WRITER.prepare(response, version)));
                });
    }

    private static byte[] write(Request request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            RequestWriter.write(request, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] writeResponse(Response response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            WRITER.write(response, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static ParseResult<Request> parseRequest(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        ParseResult<Request> result = RequestParser.create().feed(in);
        assertThat(in.hasRemaining()).as("every written byte belongs to the request").isFalse();
        return result;
    }

    private static ParseResult<Response> parseResponse(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        ParseResult<Response> result = ResponseParser.create().feed(in);
        assertThat(in.hasRemaining()).as("every written byte belongs to the response").isFalse();
        return result;
    }
}
