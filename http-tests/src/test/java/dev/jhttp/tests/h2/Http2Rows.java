package dev.jhttp.tests.h2;

import dev.jhttp.tests.fixtures.H2Client;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The HTTP/2 conformance table: each row cites the rule it checks, sends frames (after the connection preface and
 * SETTINGS exchange, unless it tests those), and names what the server must answer. The server behind it is
 * {@link Http2ConformanceTest#handler}; the rows are written in {@link FrameRows}, {@link StreamRows} and
 * {@link SemanticsRows}.
 */
final class Http2Rows {
    record Row(String rfc, String name, boolean handshake, Consumer<H2Client> send, Expectation expect) {
        @Override
        public String toString() {
            return rfc + ": " + name;
        }
    }

    private Http2Rows() {
    }

    static List<Row> all() {
        return Stream.of(new FrameRows(), new StreamRows(), new SemanticsRows())
                .flatMap(book -> book.rows().stream())
                .toList();
    }
}
