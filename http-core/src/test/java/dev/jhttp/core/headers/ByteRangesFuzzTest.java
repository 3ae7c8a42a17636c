package dev.jhttp.core.headers;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of Range resolution: whatever the header, the ranges are sorted, disjoint, inside the
 * representation and no more than allowed, so a response never carries more bytes than the file holds.
 */
class ByteRangesFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void resolvedRangesAreSortedDisjointAndInsideTheFile(FuzzedDataProvider data) {
        long length = data.consumeBoolean() ? data.consumeLong(0, 100) : data.consumeLong(0, Long.MAX_VALUE);
        int maxRanges = data.consumeInt(1, 32);
        String header = data.consumeRemainingAsAsciiString();
        Optional<ByteRanges.Resolved> resolved = ByteRanges.resolve(header, length, maxRanges);
        if (resolved.isEmpty()) {
            return;
        }
        List<ByteRanges.Range> ranges = resolved.get().ranges();
        assertThat(ranges).hasSizeLessThanOrEqualTo(maxRanges);
        long total = 0;
        long previousLast = -2;
        for (ByteRanges.Range range : ranges) {
            assertThat(range.first()).as(header).isGreaterThan(previousLast + 1).isLessThanOrEqualTo(range.last());
            assertThat(range.last()).as(header).isLessThan(length);
            total += range.length();
            previousLast = range.last();
        }
        assertThat(total).as(header).isLessThanOrEqualTo(length);
    }
}
