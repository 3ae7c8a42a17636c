package dev.jhttp.core.hpack;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.nio.ByteBuffer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/** What the encoder writes, the decoder reads back as it was, block after block on one connection. */
class HpackRoundTripTest {

    @Test
    void encodedListsDecodeToThemselvesAcrossBlocksAndTableSizes() {
        qt().forAll(lists().of(lists().of(fields()).ofSizeBetween(0, 20)).ofSizeBetween(1, 8),
                        integers().between(0, 8192), integers().between(0, 4096))
                .checkAssert((blocks, encoderLimit, peerLimit) -> {
                    HpackEncoder encoder = HpackEncoder.create(encoderLimit);
                    HpackDecoder decoder = HpackDecoder.create(4096, 1 << 20);
                    for (int i = 0; i < blocks.size(); i++) {
                        if (i == blocks.size() / 2) {
                            // The peer lowers its table mid-connection; the next block must carry the update.
                            decoder.setMaxTableSize(peerLimit);
                            encoder.setMaxTableSize(peerLimit);
                        }
                        List<HeaderField> block = blocks.get(i);
                        assertThat(decoder.decode(ByteBuffer.wrap(encoder.encode(block))))
                                .isEqualTo(new HpackResult.Decoded(block));
                    }
                });
    }

    /** Fields that repeat often (so tables get hits and evictions), with any octets in names and values. */
    private static Gen<HeaderField> fields() {
        Gen<String> common = integers().between(0, 7).map(i -> List.of(":method", ":path", "cookie", "accept",
                "x-a", ":status", "content-length", "date").get(i));
        Gen<String> anyOctets = lists().of(integers().between(0, 255)).ofSizeBetween(0, 40).map(octets -> {
            StringBuilder text = new StringBuilder();
            octets.forEach(octet -> text.append((char) (int) octet));
            return text.toString();
        });
        Gen<String> names = booleans().all().flatMap(usual -> usual ? common : anyOctets);
        Gen<String> values = booleans().all().flatMap(usual -> usual
                ? integers().between(0, 3).map(i -> "v" + i)
                : strings().allPossible().ofLengthBetween(0, 200).map(HpackRoundTripTest::latin1));
        return names.zip(values, booleans().all(), (name, value, sensitive) -> new HeaderField(name, value, sensitive));
    }

    private static String latin1(String text) {
        StringBuilder octets = new StringBuilder();
        text.chars().forEach(c -> octets.append((char) (c & 0xff)));
        return octets.toString();
    }
}
