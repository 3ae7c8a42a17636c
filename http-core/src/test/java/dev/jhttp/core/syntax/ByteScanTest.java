package dev.jhttp.core.syntax;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

class ByteScanTest {
    @Test
    void findsTheFirstMatchLikeAPlainLoop() {
        qt().withExamples(2000).forAll(lists().of(integers().between(0, 255)).ofSizeBetween(0, 40),
                        integers().between(0, 40), integers().between(0, 40), integers().between(0, 255))
                .checkAssert((values, a, b, wanted) -> {
                    byte[] bytes = new byte[values.size()];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = (byte) (int) values.get(i);
                    }
                    int from = Math.min(a, bytes.length);
                    int to = Math.max(from, Math.min(b, bytes.length));
                    assertThat(ByteScan.indexOf(bytes, from, to, (byte) (int) wanted))
                            .isEqualTo(plainIndexOf(bytes, from, to, (byte) (int) wanted));
                });
    }

    @Test
    void findsBytesWhoseNeighboursBorrow() {
        // 0x0A after a byte that underflows in the zero-byte test must still be found, and not one before it.
        byte[] bytes = {0x0B, 0x00, 0x0A, 0x41, (byte) 0x8A, 0x0A, 0x0A, 0x0A, 0x0B};
        assertThat(ByteScan.indexOf(bytes, 0, bytes.length, (byte) 0x0A)).isEqualTo(2);
        assertThat(ByteScan.indexOf(bytes, 3, bytes.length, (byte) 0x0A)).isEqualTo(5);
        assertThat(ByteScan.indexOf(bytes, 0, bytes.length, (byte) 0x8A)).isEqualTo(4);
        assertThat(ByteScan.indexOf(bytes, 0, 2, (byte) 0x0A)).isEqualTo(-1);
    }

    @Test
    void findsTheFirstByteAFieldValueMayNotHold() {
        assertLikeAPlainLoop(ByteScan::firstInvalidFieldByte, c -> !(c == '\t' || c >= 0x20 && c != 0x7F));
    }

    @Test
    void findsTheFirstControlByteOrDeleteLikeAPlainLoop() {
        assertLikeAPlainLoop(ByteScan::firstControl, c -> c < 0x20 || c == 0x7F);
    }

    @Test
    void findsTheFirstByteThatIsNotAPlainTargetCharacterLikeAPlainLoop() {
        assertLikeAPlainLoop(ByteScan::firstNonPlainTargetByte, c -> c == '%' || !Ascii.isTargetChar(c));
    }

    @Test
    void comparesRegionsLikeArraysEquals() {
        qt().withExamples(2000).forAll(lists().of(integers().between(0, 3)).ofSizeBetween(0, 40),
                        integers().between(0, 40), integers().between(0, 40))
                .checkAssert((values, a, b) -> {
                    byte[] bytes = new byte[values.size()];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = (byte) (int) values.get(i);   // few distinct values, so regions often match
                    }
                    int from = Math.min(a, bytes.length);
                    int length = Math.min(b, bytes.length - from);
                    byte[] other = java.util.Arrays.copyOfRange(bytes, bytes.length - length, bytes.length);
                    assertThat(ByteScan.regionEquals(bytes, from, other))
                            .isEqualTo(java.util.Arrays.equals(bytes, from, from + length, other, 0, length));
                });
    }

    /** Runs {@code scan} over mostly field-valid bytes, so that a match lands anywhere in a word. */
    private static void assertLikeAPlainLoop(Scan scan, java.util.function.IntPredicate matches) {
        qt().withExamples(3000).forAll(lists().of(integers().between(0, 255)).ofSizeBetween(0, 40),
                        integers().between(0, 40))
                .checkAssert((values, a) -> {
                    byte[] bytes = new byte[values.size()];
                    for (int i = 0; i < bytes.length; i++) {
                        int value = values.get(i);
                        bytes[i] = (byte) (value < 200 ? 0x20 + value % 0x5F : value - 200 + (value % 2) * 0x50);
                    }
                    int from = Math.min(a, bytes.length);
                    int expected = -1;
                    for (int i = from; i < bytes.length && expected < 0; i++) {
                        expected = matches.test(bytes[i] & 0xFF) ? i : -1;
                    }
                    assertThat(scan.first(bytes, from, bytes.length)).isEqualTo(expected);
                });
    }

    @FunctionalInterface
    private interface Scan {
        int first(byte[] bytes, int from, int to);
    }

    @Test
    void acceptsTabsSpacesVisibleAndObsTextOnly() {
        for (int b = 0; b < 256; b++) {
            byte[] word = "abcdefghijklmnop".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            word[5] = (byte) b;
            boolean valid = b == '\t' || b >= 0x20 && b != 0x7F;
            assertThat(ByteScan.firstInvalidFieldByte(word, 0, word.length)).as("byte 0x%02X", b)
                    .isEqualTo(valid ? -1 : 5);
        }
    }

    private static int plainIndexOf(byte[] bytes, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
