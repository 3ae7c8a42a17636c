package dev.jhttp.core.parse;

import dev.jhttp.core.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.jhttp.core.parse.Feeding.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** Any cut of the same bytes gives the same result: every valid and every malformed case, cut everywhere. */
class SplitInvarianceTest {
    record Input(String name, String raw) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Input> inputs() {
        return Stream.concat(
                RequestParserTest.validRequests().stream().map(c -> new Input(c.name(), c.raw())),
                RejectionCases.all().stream().map(c -> new Input(c.rule(), c.raw())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void cutAtEveryIndexGivesTheSameResult(Input input) {
        byte[] raw = bytes(input.raw());
        ParseResult<Request> expected = Feeding.whole(raw, ParserLimits.defaults());
        // Long inputs are cut near each end and at a stride between, keeping the run quick.
        IntStream cuts = raw.length <= 4096
                ? IntStream.range(1, raw.length)
                : IntStream.concat(IntStream.range(1, 600),
                        IntStream.iterate(600, i -> i < raw.length, i -> i + 97));
        cuts.forEach(cut -> assertThat(Feeding.inCuts(raw, ParserLimits.defaults(), new int[] {cut}))
                .as("cut at %d", cut).isEqualTo(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void oneByteAtATimeGivesTheSameResult(Input input) {
        byte[] raw = bytes(input.raw());
        assertThat(Feeding.oneByteAtATime(raw, ParserLimits.defaults()))
                .isEqualTo(Feeding.whole(raw, ParserLimits.defaults()));
    }

    @Test
    void randomCutsGiveTheSameResult() {
        List<Input> all = inputs().filter(i -> i.raw().length() < 4096).toList();
        qt().withExamples(2000)
                .forAll(integers().between(0, all.size() - 1), lists().of(integers().between(1, 4095)).ofSizeBetween(1, 12))
                .checkAssert((index, rawCuts) -> {
                    byte[] raw = bytes(all.get(index).raw());
                    int[] cuts = rawCuts.stream().mapToInt(c -> c % raw.length).filter(c -> c > 0)
                            .distinct().sorted().toArray();
                    assertThat(Feeding.inCuts(raw, ParserLimits.defaults(), cuts))
                            .as("%s cut at %s", all.get(index).name(), new ArrayList<>(rawCuts))
                            .isEqualTo(Feeding.whole(raw, ParserLimits.defaults()));
                });
    }
}
