package dev.jhttp.core.parse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jhttp.core.Method;
import dev.jhttp.core.Response;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/** Coverage-guided fuzzing of the response parser and of chunked decoding. */
class ResponseParserFuzzTest {
    private static final ParserLimits LIMITS = new ParserLimits(256, 512, 16, 1024, 32);
    private static final Method[] METHODS = {Method.GET, Method.HEAD, Method.CONNECT};

    @FuzzTest(maxDuration = "30s")
    void arbitraryResponsesNeverThrow(FuzzedDataProvider data) {
        // Jazzer takes numbers from the end of the input, so seed files end with the method's byte.
        Method method = METHODS[data.consumeInt(0, METHODS.length - 1)];
        ResponseParser parser = ResponseParser.create(LIMITS);
        parser.reset(method);
        ByteBuffer in = ByteBuffer.wrap(data.consumeRemainingAsBytes());
        ParseResult<Response> result = parser.feed(in);
        if (result instanceof ParseResult.NeedMore) {
            result = parser.finish();
        }
        if (result instanceof ParseResult.Complete<Response>(Response response)) {
            assertThat(response.body().length()).isLessThanOrEqualTo(LIMITS.maxBodySize());
        }
    }

    @FuzzTest(maxDuration = "30s")
    void arbitraryChunkedContentNeverThrows(byte[] content) {
        byte[] head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ByteBuffer in = ByteBuffer.allocate(head.length + content.length).put(head).put(content).flip();
        ParseResult<Response> result = ResponseParser.create(LIMITS).feed(in);
        if (result instanceof ParseResult.Complete<Response>(Response response)) {
            assertThat(response.body().length()).isLessThanOrEqualTo(LIMITS.maxBodySize());
            assertThat(response.trailers().size()).isLessThanOrEqualTo(LIMITS.maxHeaderCount());
        }
    }
}
