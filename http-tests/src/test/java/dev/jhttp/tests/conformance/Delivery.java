package dev.jhttp.tests.conformance;

import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** How a row's bytes arrive: all at once, cut around every CR and LF, or one byte at a time. */
enum Delivery {
    WHOLE,
    CUT_AROUND_LINE_BREAKS,
    BYTE_BY_BYTE;

    /** Each row paired with each delivery, as arguments of a parameterized test. */
    static Stream<Arguments> forEach(List<ConformanceRow> rows) {
        return rows.stream().flatMap(row -> Arrays.stream(values()).map(delivery -> Arguments.of(row, delivery)));
    }

    List<byte[]> pieces(byte[] bytes) {
        List<byte[]> pieces = new ArrayList<>();
        switch (this) {
            case WHOLE -> pieces.add(bytes);
            case BYTE_BY_BYTE -> {
                for (byte b : bytes) {
                    pieces.add(new byte[] {b});
                }
            }
            case CUT_AROUND_LINE_BREAKS -> {
                int start = 0;
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] == '\r' || bytes[i] == '\n') {
                        addIfAny(pieces, bytes, start, i);
                        addIfAny(pieces, bytes, i, i + 1);
                        start = i + 1;
                    }
                }
                addIfAny(pieces, bytes, start, bytes.length);
            }
        }
        return pieces;
    }

    private static void addIfAny(List<byte[]> pieces, byte[] bytes, int from, int to) {
        if (to > from) {
            pieces.add(Arrays.copyOfRange(bytes, from, to));
        }
    }
}
