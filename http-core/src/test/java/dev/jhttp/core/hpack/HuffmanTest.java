package dev.jhttp.core.hpack;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

class HuffmanTest {

    @Test
    void codesTheRfcExampleStrings() {
        // RFC 7541 C.4.1: "www.example.com" is f1e3 c2e5 f23a 6ba0 ab90 f4ff.
        assertThat(HpackTestBytes.hex(encode("www.example.com"))).isEqualTo("f1e3c2e5f23a6ba0ab90f4ff");
        assertThat(decode(encode("no-cache"))).isEqualTo("no-cache");
    }

    @Test
    void everyOctetStringRoundTrips() {
        qt().forAll(lists().of(integers().between(0, 255)).ofSizeBetween(0, 300)).checkAssert(octets -> {
            StringBuilder text = new StringBuilder();
            octets.forEach(octet -> text.append((char) (int) octet));
            byte[] coded = encode(text.toString());
            assertThat(coded).hasSize(Huffman.encodedLength(text.toString()));
            assertThat(decode(coded)).isEqualTo(text.toString());
        });
    }

    @Test
    void everySingleOctetRoundTrips() {
        for (int octet = 0; octet < 256; octet++) {
            String text = String.valueOf((char) octet);
            assertThat(decode(encode(text))).isEqualTo(text);
        }
    }

    private static byte[] encode(String text) {
        byte[] out = new byte[Huffman.encodedLength(text)];
        assertThat(Huffman.encode(text, out, 0)).isEqualTo(out.length);
        return out;
    }

    private static String decode(byte[] coded) {
        byte[] out = new byte[coded.length * 8 / 5 + 1];
        int length = Huffman.decode(coded, 0, coded.length, out);
        assertThat(length).isNotNegative();
        return new String(out, 0, length, StandardCharsets.ISO_8859_1);
    }
}
