package dev.jhttp.core.hpack;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jhttp.core.h2.RequestFields;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of HPACK decoding and of the request rules after it: two blocks on one decoder (so the
 * second sees the table the first left), no exception, and never more fields kept than the list limit allows.
 */
class HpackDecoderFuzzTest {
    private static final int LIST_LIMIT = 4096;

    @FuzzTest(maxDuration = "30s")
    void arbitraryBlocksNeverThrowAndStayWithinTheListLimit(FuzzedDataProvider data) {
        // Jazzer takes numbers from the end of the input, so seed files end with the first block's length.
        int firstLength = data.consumeInt(0, 4096);
        byte[] bytes = data.consumeRemainingAsBytes();
        int cut = Math.min(firstLength, bytes.length);
        HpackDecoder decoder = HpackDecoder.create(256, LIST_LIMIT);
        if (decodeWithinLimit(decoder, ByteBuffer.wrap(bytes, 0, cut))) {
            decodeWithinLimit(decoder, ByteBuffer.wrap(bytes, cut, bytes.length - cut));
        }
    }

    /** False after a failure, when the decoder is finished. */
    private static boolean decodeWithinLimit(HpackDecoder decoder, ByteBuffer block) {
        switch (decoder.decode(block)) {
            case HpackResult.Decoded(var fields) -> {
                assertThat(fields.stream().mapToLong(HeaderField::size).sum()).isLessThanOrEqualTo(LIST_LIMIT);
                assertThat(RequestFields.toRequest(fields)).isNotNull();
                return true;
            }
            case HpackResult.TooLarge(long size) -> {
                assertThat(size).isGreaterThan(LIST_LIMIT);
                return true;
            }
            case HpackResult.Failed(HpackError error) -> {
                assertThat(error.offset()).isLessThanOrEqualTo(block.limit());
                return false;
            }
        }
    }
}
