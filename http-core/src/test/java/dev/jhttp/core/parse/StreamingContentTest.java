package dev.jhttp.core.parse;

import dev.jhttp.core.Body;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.stream.Stream;

import static dev.jhttp.core.parse.Feeding.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** feedHead plus content() must decode exactly what feed() collects, through output buffers of any size. */
class StreamingContentTest {

    static Stream<String> inputs() {
        return SplitInvarianceTest.inputs().map(SplitInvarianceTest.Input::raw);
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void streamingGivesTheSameRequestAsCollecting(String raw) {
        ParseResult<Request> collected = Feeding.whole(raw);
        for (int outSize : new int[] {1, 3, 64, 65536}) {
            assertThat(streamed(bytes(raw), outSize)).as("output buffer of %d", outSize).isEqualTo(collected);
        }
    }

    @Test
    void headArrivesBeforeAnyContent() {
        RequestParser parser = RequestParser.create();
        ByteBuffer in = ByteBuffer.wrap(bytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhel"));
        ParseResult<Request> head = parser.feedHead(in);
        assertThat(head).isInstanceOf(ParseResult.Complete.class);
        assertThat(in.remaining()).isEqualTo(3);
        assertThat(parser.content().length()).isEqualTo(5);
        ByteBuffer out = ByteBuffer.allocate(16);
        assertThat(parser.content().decode(in, out)).isEqualTo(ParseResult.needMore());
        assertThat(parser.content().decode(ByteBuffer.wrap(bytes("loGET")), out))
                .isEqualTo(new ParseResult.Complete<>(Headers.empty()));
        assertThat(new String(out.array(), 0, out.position())).isEqualTo("hello");
    }

    @Test
    void contentEndingEarlyIsIncomplete() {
        RequestParser parser = RequestParser.create();
        parser.feedHead(ByteBuffer.wrap(bytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhi")));
        parser.content().decode(ByteBuffer.wrap(bytes("")), ByteBuffer.allocate(8));
        ParseResult<Headers> end = parser.content().finish();
        assertThat(((ParseResult.Failed<Headers>) end).error().violation()).isEqualTo(Violation.INCOMPLETE_MESSAGE);
    }

    @Test
    void contentBeforeAHeadIsAnError() {
        RequestParser parser = RequestParser.create();
        assertThatThrownBy(parser::content).isInstanceOf(IllegalStateException.class);
    }

    /** feedHead, then content() into {@code outSize}-byte buffers, rebuilt into the request feed() would give. */
    private static ParseResult<Request> streamed(byte[] raw, int outSize) {
        RequestParser parser = RequestParser.create();
        ByteBuffer in = ByteBuffer.wrap(raw);
        ParseResult<Request> head = parser.feedHead(in);
        if (!(head instanceof ParseResult.Complete<Request>(Request request))) {
            return head;
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        ByteBuffer out = ByteBuffer.allocate(outSize);
        while (true) {
            out.clear();
            ParseResult<Headers> step = parser.content().decode(in, out);
            content.write(out.array(), 0, out.position());
            if (step instanceof ParseResult.Complete<Headers>(Headers trailers)) {
                return new ParseResult.Complete<>(request.withBody(Body.of(content.toByteArray()))
                        .withTrailers(trailers));
            }
            if (step instanceof ParseResult.Failed<Headers>(ParseError error)) {
                return new ParseResult.Failed<>(error);
            }
            if (!in.hasRemaining() && out.position() == 0) {
                return ParseResult.needMore();
            }
        }
    }
}
