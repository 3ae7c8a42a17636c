package dev.jhttp.core.h2;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Coverage-guided fuzzing of the frame reader: no input throws, any cut reads the same, limits hold. */
class FrameReaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyCutReadsTheSameFramesWithinTheLimits(FuzzedDataProvider data) {
        // Jazzer takes numbers from the end of the input, so seed files end with the piece size's byte.
        int piece = data.consumeInt(1, 64);
        byte[] bytes = data.consumeRemainingAsBytes();
        List<Object> whole = FrameFeeding.readWhole(bytes);
        assertThat(FrameFeeding.read(bytes, piece)).isEqualTo(whole);
        for (Object result : whole) {
            switch (result) {
                case Frame.Data d -> assertThat(d.flowControlledLength()).isLessThanOrEqualTo(16_384);
                case Frame.Headers h -> assertThat(h.block().remaining()).isLessThanOrEqualTo(64 * 1024);
                case Frame.PushPromise p -> assertThat(p.block().remaining()).isLessThanOrEqualTo(64 * 1024);
                case H2Error e -> assertThat(e.offset()).isLessThan(Math.max(1, bytes.length));
                default -> assertThat(result).isInstanceOf(Frame.class);
            }
        }
    }
}
