package dev.jhttp.tests.h2;

import dev.jhttp.core.h2.ErrorCode;
import dev.jhttp.core.h2.Frame;
import dev.jhttp.core.hpack.HeaderField;
import dev.jhttp.tests.fixtures.H2Client;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static dev.jhttp.core.h2.ErrorCode.PROTOCOL_ERROR;
import static dev.jhttp.tests.fixtures.H2Client.request;

/**
 * What the conformance rows are written with: a row cites {@link #section}, sends frames after the preface and
 * SETTINGS exchange ({@link #row}) or from the first byte ({@link #raw}), and names what the server must answer.
 */
abstract class RowBook {
    private final List<Http2Rows.Row> rows = new ArrayList<>();
    /** The RFC section the rows added next cite. */
    String section;

    List<Http2Rows.Row> rows() {
        return rows;
    }

    void row(String name, Consumer<H2Client> send, Expectation expect) {
        rows.add(new Http2Rows.Row(section, name, true, send, expect));
    }

    void raw(String name, Consumer<H2Client> send, Expectation expect) {
        rows.add(new Http2Rows.Row(section, name, false, send, expect));
    }

    void malformed(String name, String field, String value) {
        row(name, c -> c.sendHeaders(1, true, plus(request("GET", "/"), field, value)), reset(1, PROTOCOL_ERROR));
    }

    void pseudo(String name, List<HeaderField> fields) {
        row(name, c -> c.sendHeaders(1, true, fields), reset(1, PROTOCOL_ERROR));
    }

    static List<HeaderField> plus(List<HeaderField> fields, String name, String value) {
        List<HeaderField> more = new ArrayList<>(fields);
        more.add(HeaderField.of(name, value));
        return more;
    }

    static void get(H2Client c, int stream, String path, String... extra) {
        List<HeaderField> fields = new ArrayList<>(request("GET", path));
        for (int i = 0; i < extra.length; i += 2) {
            if (extra[i].equals(":method")) {
                fields.set(0, HeaderField.of(":method", extra[i + 1]));
            } else {
                fields.add(HeaderField.of(extra[i], extra[i + 1]));
            }
        }
        c.sendHeaders(stream, true, fields);
    }

    static void sendData(H2Client c, int stream, int length) {
        for (int sent = 0; sent < length; sent += 16_384) {
            c.send(new Frame.Data(stream, ByteBuffer.allocate(Math.min(16_384, length - sent)), false));
        }
    }

    static Expectation goAway(ErrorCode code, int... answered) {
        return new Expectation.GoAway(code, answeredSet(answered));
    }

    static Expectation reset(int stream, ErrorCode code, int... answered) {
        return new Expectation.Reset(stream, code, answeredSet(answered));
    }

    static Expectation answer(int stream, int status) {
        return new Expectation.Answer(stream, status, r -> { });
    }

    static Expectation answer(int stream, int status, Consumer<H2Client.Response> also) {
        return new Expectation.Answer(stream, status, also);
    }

    static Expectation alive(int... answered) {
        return new Expectation.Alive(answeredSet(answered));
    }

    /** The streams whose responses may come; -1 for any. */
    static Set<Integer> answeredSet(int... streams) {
        if (streams.length == 1 && streams[0] == -1) {
            Set<Integer> odd = new java.util.HashSet<>();
            for (int i = 1; i < 2_000; i += 2) {
                odd.add(i);
            }
            return odd;
        }
        return java.util.Arrays.stream(streams).boxed().collect(java.util.stream.Collectors.toSet());
    }

    static String describe(char c) {
        return c < 0x20 || c == 0x7f ? String.format("0x%02x", (int) c) : c > 0x7f ? "obs-text" : "'" + c + "'";
    }

    static String text(H2Client.Response response) {
        return new String(response.content(), java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] hex(String digits) {
        return HexFormat.of().parseHex(digits.replace(" ", ""));
    }

    static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
