package dev.jhttp.core.headers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ByteRangesTest {
    private static List<ByteRanges.Range> ranges(String header, long length) {
        return ByteRanges.resolve(header, length).orElseThrow().ranges();
    }

    @Test
    void resolvesClosedOpenAndSuffixRanges() {
        assertThat(ranges("bytes=0-99", 1000)).containsExactly(new ByteRanges.Range(0, 99));
        assertThat(ranges("bytes=900-", 1000)).containsExactly(new ByteRanges.Range(900, 999));
        assertThat(ranges("bytes=-100", 1000)).containsExactly(new ByteRanges.Range(900, 999));
        assertThat(ranges("bytes=-5000", 1000)).containsExactly(new ByteRanges.Range(0, 999));
        assertThat(ranges("bytes=990-5000", 1000)).containsExactly(new ByteRanges.Range(990, 999));
    }

    @Test
    void sortsAndCoalescesOverlappingAndAdjacentRanges() {
        assertThat(ranges("bytes=500-600, 0-10, 11-20, 5-15, 550-", 1000))
                .containsExactly(new ByteRanges.Range(0, 20), new ByteRanges.Range(500, 999));
        assertThat(ranges("bytes=0-0,0-0,0-0,0-0", 10)).containsExactly(new ByteRanges.Range(0, 0));
    }

    @Test
    void rangesPastTheEndAreUnsatisfiable() {
        assertThat(ByteRanges.resolve("bytes=1000-", 1000).orElseThrow().satisfiable()).isFalse();
        assertThat(ByteRanges.resolve("bytes=-0", 1000).orElseThrow().satisfiable()).isFalse();
        assertThat(ByteRanges.resolve("bytes=0-", 0).orElseThrow().satisfiable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"items=0-1", "bytes=", "bytes=5", "bytes=9-1", "bytes=a-b", "bytes=-", "bytes=1-2,",
        "bytes=99999999999999999999-"})
    void invalidHeadersAreIgnored(String header) {
        assertThat(ByteRanges.resolve(header, 1000)).isEmpty();
    }

    @Test
    void tooManyRangesAreIgnored() {
        assertThat(ByteRanges.resolve("bytes=" + "1-1,".repeat(16) + "1-1", 100)).isEmpty();
        assertThat(ByteRanges.resolve("bytes=" + "1-1,".repeat(15) + "1-1", 100)).isPresent();
    }

    @Test
    void writesContentRange() {
        assertThat(new ByteRanges.Range(0, 99).contentRange(1000)).isEqualTo("bytes 0-99/1000");
    }
}
