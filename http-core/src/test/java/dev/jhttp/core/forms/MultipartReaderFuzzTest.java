package dev.jhttp.core.forms;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.ByteBuffer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the multipart reader: any octets, cut anywhere, read to the same transcript as when
 * whole, never throw, and never give more parts or larger fields than the limits allow.
 */
class MultipartReaderFuzzTest {
    private static final String BOUNDARY = "b0undary";
    private static final MultipartLimits LIMITS = MultipartLimits.defaults().withMaxParts(8).withMaxFieldSize(64)
            .withMaxPartHeaderSize(256).withMaxTotalSize(4096);

    @FuzzTest(maxDuration = "30s")
    void anyCutReadsTheSameWithinTheLimits(FuzzedDataProvider data) {
        // Jazzer takes numbers from the end of the input, so seed files end with the cut.
        int cutSeed = data.consumeInt(0, Integer.MAX_VALUE);
        byte[] body = data.consumeRemainingAsBytes();
        int cut = cutSeed % (body.length + 1);
        List<String> whole = MultipartTranscript.read(MultipartReader.create(BOUNDARY, LIMITS), body);
        List<String> twoPieces = MultipartTranscript.read(MultipartReader.create(BOUNDARY, LIMITS), body, cut);
        assertThat(twoPieces).isEqualTo(whole);
        assertWithinLimits(body);
    }

    /** Reads the body whole, counting parts and each field's content as the events come. */
    private static void assertWithinLimits(byte[] body) {
        MultipartReader reader = MultipartReader.create(BOUNDARY, LIMITS);
        ByteBuffer in = ByteBuffer.wrap(body);
        int parts = 0;
        long fieldContent = 0;
        boolean field = false;
        while (true) {
            switch (reader.read(in)) {
                case MultipartEvent.PartStarted(PartHead head) -> {
                    parts++;
                    field = !head.isFile();
                    fieldContent = 0;
                }
                case MultipartEvent.Content(ByteBuffer bytes) -> fieldContent += field ? bytes.remaining() : 0;
                case MultipartEvent.PartEnded() -> {
                }
                case MultipartEvent.NeedMore() -> {
                    return;
                }
                case MultipartEvent.Finished() -> {
                    return;
                }
                case MultipartEvent.Failed(FormError error) -> {
                    assertThat(error.offset()).isBetween(0L, (long) body.length);
                    return;
                }
            }
            assertThat(parts).isLessThanOrEqualTo(LIMITS.maxParts());
            assertThat(fieldContent).isLessThanOrEqualTo(LIMITS.maxFieldSize());
        }
    }
}
