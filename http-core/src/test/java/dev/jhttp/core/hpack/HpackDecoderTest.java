package dev.jhttp.core.hpack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.jhttp.core.hpack.HpackTestBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HpackDecoderTest {
    /** A block breaking each rule, on a fresh decoder with a 4,096-byte table (or as the case sets it up). */
    private static final Map<HpackViolation, String> BREAKING = Map.of(
            HpackViolation.INDEX_OUT_OF_RANGE, "80",
            HpackViolation.INTEGER_TOO_LARGE, "ff ff ff ff ff 0f",
            HpackViolation.TRUNCATED_BLOCK, "40 0a 6b 65 79",
            HpackViolation.HUFFMAN_EOS, "00 84 ff ff ff ff 81 61",
            HpackViolation.HUFFMAN_PADDING, "00 82 ff ff 81 61",
            HpackViolation.TABLE_SIZE_ABOVE_LIMIT, "3f e2 1f",
            HpackViolation.TABLE_SIZE_UPDATE_NOT_FIRST, "82 20",
            HpackViolation.TABLE_SIZE_UPDATE_MISSING, "82");

    @ParameterizedTest
    @EnumSource(HpackViolation.class)
    void everyViolationIsReportedWithItsRuleAndOffset(HpackViolation violation) {
        HpackDecoder decoder = HpackDecoder.create(4096, 1 << 16);
        if (violation == HpackViolation.TABLE_SIZE_UPDATE_MISSING) {
            decoder.setMaxTableSize(100);
        }
        HpackResult result = decoder.decode(hex(BREAKING.get(violation)));
        assertThat(result).isInstanceOfSatisfying(HpackResult.Failed.class,
                failed -> assertThat(failed.error().violation()).isEqualTo(violation));
        assertThat(violation.rfc()).startsWith("RFC 7541 §");
    }

    @Test
    void indexOfZeroAndIndexPastTheTablesAreRefused() {
        assertThat(failure("80")).isEqualTo(new HpackError(HpackViolation.INDEX_OUT_OF_RANGE,
                "index 0 with 0 dynamic entries", 0));
        assertThat(failure("82 be")).isEqualTo(new HpackError(HpackViolation.INDEX_OUT_OF_RANGE,
                "index 62 with 0 dynamic entries", 1));
        assertThat(failure("82 4e")).isEqualTo(new HpackError(HpackViolation.TRUNCATED_BLOCK,
                "string expected", 2));
    }

    @Test
    void paddingOfEightOnesOrOfZerosIsRefused() {
        // 'a' is 00011 (5 bits): three 1-bits of padding are fine, eight are not, and zeros never are.
        assertThat(decoded("00 01 61 81 1f")).containsExactly(HeaderField.of("a", "a"));
        assertThat(failure("00 01 61 82 1f ff").violation()).isEqualTo(HpackViolation.HUFFMAN_PADDING);
        assertThat(failure("00 01 61 81 18").violation()).isEqualTo(HpackViolation.HUFFMAN_PADDING);
    }

    @Test
    void neverIndexedFieldsStaySensitiveAndOutOfTheTable() {
        HpackDecoder decoder = HpackDecoder.create(4096, 1 << 16);
        // RFC 7541 C.2.3: password: secret, never indexed.
        HpackResult first = decoder.decode(hex("1008 7061 7373 776f 7264 0673 6563 7265 74"));
        assertThat(first).isEqualTo(new HpackResult.Decoded(List.of(HeaderField.sensitive("password", "secret"))));
        assertThat(decoder.decode(hex("be")))
                .isInstanceOfSatisfying(HpackResult.Failed.class, failed ->
                        assertThat(failed.error().violation()).isEqualTo(HpackViolation.INDEX_OUT_OF_RANGE));
    }

    @Test
    void aSmallBlockThatExpandsBeyondTheListLimitIsCountedNotBuilt() {
        HpackDecoder decoder = HpackDecoder.create(4096, 16 * 1024);
        // One 4,000-byte value put in the table, then named 16,000 times by a one-byte index: 64 MB of fields.
        ByteBuffer header = hex("40 01 78 7f a1 1e");   // literal "x", 4,000-byte value, with indexing
        byte[] block = new byte[header.remaining() + 4000 + 16_000];
        header.get(block, 0, 6);
        Arrays.fill(block, 6, 6 + 4000, (byte) 'v');
        Arrays.fill(block, 6 + 4000, block.length, (byte) 0xbe);
        HpackResult result = decoder.decode(ByteBuffer.wrap(block));
        assertThat(result).isInstanceOfSatisfying(HpackResult.TooLarge.class,
                tooLarge -> assertThat(tooLarge.size()).isGreaterThan(60_000_000L));
        // The block was decoded to its end, so the table still holds the entry for the next block.
        assertThat(decoder.decode(hex("be"))).isInstanceOfSatisfying(HpackResult.Decoded.class,
                decoded -> assertThat(decoded.fields().get(0).value()).hasSize(4000));
    }

    @Test
    void aLoweredLimitNeedsAnUpdateFirstAndTheUpdateEvicts() {
        HpackDecoder decoder = HpackDecoder.create(4096, 1 << 16);
        assertThat(decoded(decoder, "40 01 61 01 62")).containsExactly(HeaderField.of("a", "b"));
        decoder.setMaxTableSize(0);
        assertThat(decoded(decoder, "20 82")).containsExactly(HeaderField.of(":method", "GET"));
        assertThat(decoder.decode(hex("be"))).isInstanceOf(HpackResult.Failed.class);
    }

    @Test
    void aFailedDecoderRefusesFurtherBlocks() {
        HpackDecoder decoder = HpackDecoder.create(4096, 1 << 16);
        assertThat(decoder.decode(hex("80"))).isInstanceOf(HpackResult.Failed.class);
        assertThatThrownBy(() -> decoder.decode(hex("82"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void integersUseTheirPrefixAndContinuationBytes() {
        // RFC 7541 C.1.2: 1337 with a 5-bit prefix is 1f 9a 0a; as a table size update (001 prefix) it is 3f 9a 0a.
        HpackDecoder decoder = HpackDecoder.create(4096, 1 << 16);
        assertThat(decoded(decoder, "3f 9a 0a 82")).containsExactly(HeaderField.of(":method", "GET"));
        assertThat(failure("3f 9a").violation()).isEqualTo(HpackViolation.TRUNCATED_BLOCK);
    }

    private static List<HeaderField> decoded(String block) {
        return decoded(HpackDecoder.create(4096, 1 << 16), block);
    }

    private static List<HeaderField> decoded(HpackDecoder decoder, String block) {
        HpackResult result = decoder.decode(hex(block));
        assertThat(result).isInstanceOf(HpackResult.Decoded.class);
        return ((HpackResult.Decoded) result).fields();
    }

    private static HpackError failure(String block) {
        HpackResult result = HpackDecoder.create(4096, 1 << 16).decode(hex(block));
        assertThat(result).isInstanceOf(HpackResult.Failed.class);
        return ((HpackResult.Failed) result).error();
    }
}
