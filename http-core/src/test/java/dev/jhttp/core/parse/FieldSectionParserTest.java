package dev.jhttp.core.parse;

import dev.jhttp.core.Headers;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FieldSectionParserTest {
    private static final byte[] SECTION = "Content-Disposition: form-data; name=a\r\nContent-Type: text/plain\r\n\r\nrest"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void readsThroughTheEmptyLineAndLeavesTheRestForEveryCut() {
        for (int cut = 0; cut < SECTION.length - 4; cut++) {
            FieldSectionParser parser = FieldSectionParser.create(ParserLimits.defaults());
            ByteBuffer first = ByteBuffer.wrap(SECTION, 0, cut);
            assertThat(parser.feed(first)).as("cut at %d", cut).isEqualTo(ParseResult.needMore());
            ByteBuffer second = ByteBuffer.wrap(SECTION, cut, SECTION.length - cut);
            ParseResult<Headers> result = parser.feed(second);
            assertThat(result).isInstanceOf(ParseResult.Complete.class);
            Headers fields = ((ParseResult.Complete<Headers>) result).message();
            assertThat(fields.first("content-type")).contains("text/plain");
            assertThat(fields.first("Content-Disposition")).contains("form-data; name=a");
            assertThat(second.remaining()).isEqualTo(4);
        }
    }

    @Test
    void theNextFeedStartsAnotherSection() {
        FieldSectionParser parser = FieldSectionParser.create(ParserLimits.defaults());
        ByteBuffer two = ByteBuffer.wrap("A: 1\r\n\r\nB: 2\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(((ParseResult.Complete<Headers>) parser.feed(two)).message().first("a")).contains("1");
        Headers second = ((ParseResult.Complete<Headers>) parser.feed(two)).message();
        assertThat(second.first("b")).contains("2");
        assertThat(second.contains("a")).isFalse();
    }

    @Test
    void aBrokenLineFailsAtItsOffsetFromTheSectionStart() {
        FieldSectionParser parser = FieldSectionParser.create(ParserLimits.defaults());
        ParseResult<Headers> result = parser.feed(ByteBuffer.wrap("A: 1\r\nB : 2\r\n\r\n".getBytes(
                StandardCharsets.US_ASCII)));
        ParseError error = ((ParseResult.Failed<Headers>) result).error();
        assertThat(error.violation()).isEqualTo(Violation.WHITESPACE_BEFORE_COLON);
        assertThat(error.offset()).isEqualTo(7);
        assertThat(parser.feed(ByteBuffer.allocate(0))).isEqualTo(result);
    }

    @Test
    void aSectionOverItsLimitFails() {
        FieldSectionParser parser = FieldSectionParser.create(ParserLimits.defaults().withMaxHeaderSectionSize(10));
        ParseResult<Headers> result = parser.feed(ByteBuffer.wrap(SECTION));
        assertThat(((ParseResult.Failed<Headers>) result).error().violation())
                .isEqualTo(Violation.HEADER_SECTION_TOO_LARGE);
    }
}
