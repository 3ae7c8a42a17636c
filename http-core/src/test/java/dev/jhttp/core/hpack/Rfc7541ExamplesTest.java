package dev.jhttp.core.hpack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.jhttp.core.hpack.HpackTestBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of RFC 7541 Appendix C.3–C.6, each a sequence of blocks on one connection, so later blocks only decode
 * right if earlier ones left the dynamic table (with its evictions) exactly as the RFC shows.
 */
class Rfc7541ExamplesTest {

    record Example(String title, String hex, List<HeaderField> fields) {
    }

    @Test
    void requestsWithoutHuffmanCoding() throws IOException {
        decodesInSequence(examples("C.3"), HpackDecoder.create(4096, 1 << 20));
    }

    @Test
    void requestsWithHuffmanCoding() throws IOException {
        decodesInSequence(examples("C.4"), HpackDecoder.create(4096, 1 << 20));
    }

    @Test
    void responsesWithoutHuffmanCodingInA256ByteTable() throws IOException {
        decodesInSequence(examples("C.5"), HpackDecoder.create(256, 1 << 20));
    }

    @Test
    void responsesWithHuffmanCodingInA256ByteTable() throws IOException {
        decodesInSequence(examples("C.6"), HpackDecoder.create(256, 1 << 20));
    }

    @Test
    void encoderWritesTheRequestsOfC4ByteForByte() throws IOException {
        HpackEncoder encoder = HpackEncoder.create(4096);
        for (Example example : examples("C.4")) {
            assertThat(hex(encoder.encode(example.fields()))).as(example.title()).isEqualTo(example.hex());
        }
    }

    @Test
    void encoderOutputDecodesToTheResponsesOfC6() throws IOException {
        HpackEncoder encoder = HpackEncoder.create(256);
        HpackDecoder decoder = HpackDecoder.create(4096, 1 << 20);
        for (Example example : examples("C.6")) {
            HpackResult result = decoder.decode(java.nio.ByteBuffer.wrap(encoder.encode(example.fields())));
            assertThat(result).as(example.title()).isEqualTo(new HpackResult.Decoded(example.fields()));
        }
    }

    private static void decodesInSequence(List<Example> examples, HpackDecoder decoder) {
        assertThat(examples).hasSize(3);
        for (Example example : examples) {
            assertThat(decoder.decode(hex(example.hex()))).as(example.title())
                    .isEqualTo(new HpackResult.Decoded(example.fields()));
        }
    }

    /** The examples of one appendix section, read from the text extracted from RFC 7541. */
    private static List<Example> examples(String section) throws IOException {
        List<Example> examples = new ArrayList<>();
        try (InputStream in = Rfc7541ExamplesTest.class.getResourceAsStream("rfc7541-appendix-c.txt")) {
            String[] blocks = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n\n");
            for (String block : blocks) {
                String[] lines = block.strip().split("\n");
                if (!lines[0].startsWith("# Appendix " + section + ".")) {
                    continue;
                }
                List<HeaderField> fields = new ArrayList<>();
                for (int i = 2; i < lines.length; i++) {
                    int colon = lines[i].indexOf(": ", 1);
                    fields.add(HeaderField.of(lines[i].substring(0, colon), lines[i].substring(colon + 2)));
                }
                examples.add(new Example(lines[0], lines[1].substring("hex ".length()), fields));
            }
        }
        return examples;
    }
}
