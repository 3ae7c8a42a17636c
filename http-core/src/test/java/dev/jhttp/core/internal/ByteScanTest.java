package dev.jhttp.core.internal;

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

    private static int plainIndexOf(byte[] bytes, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
