package dev.jhttp.core.parse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jhttp.core.Request;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the request parser. The default build replays the inputs under
 * {@code src/test/resources/dev/jhttp/core/parse/RequestParserFuzzTestInputs}; {@code JAZZER_FUZZ=1} explores.
 */
class RequestParserFuzzTest {
    private static final ParserLimits LIMITS = new ParserLimits(256, 512, 16, 1024, 32);

    @FuzzTest(maxDuration = "30s")
    void arbitraryBytesNeverThrowAndStayWithinLimits(byte[] input) {
        ByteBuffer in = ByteBuffer.wrap(input);
        RequestParser parser = RequestParser.create(LIMITS);
        // Parse every pipelined request the bytes hold, as a server would.
        while (in.hasRemaining()) {
            ParseResult<Request> result = parser.feed(in);
            if (result instanceof ParseResult.Complete<Request>(Request request)) {
                assertThat(request.body().length()).isLessThanOrEqualTo(LIMITS.maxBodySize());
                assertThat(request.headers().size()).isLessThanOrEqualTo(LIMITS.maxHeaderCount());
                assertThat(request.trailers().size()).isLessThanOrEqualTo(LIMITS.maxHeaderCount());
                parser.reset();
            } else {
                if (result instanceof ParseResult.Failed<Request>(ParseError error)) {
                    assertThat(error.offset()).isBetween(0L, (long) input.length);
                }
                break;
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void cuttingNeverChangesTheResult(FuzzedDataProvider data) {
        int cutCount = data.consumeInt(0, 8);
        int[] cuts = new int[cutCount];
        for (int i = 0; i < cutCount; i++) {
            cuts[i] = data.consumeInt(1, 4096);
        }
        byte[] raw = data.consumeRemainingAsBytes();
        int[] valid = java.util.Arrays.stream(cuts).filter(c -> c < raw.length).distinct().sorted().toArray();
        assertThat(Feeding.inCuts(raw, LIMITS, valid)).isEqualTo(Feeding.whole(raw, LIMITS));
    }
}
