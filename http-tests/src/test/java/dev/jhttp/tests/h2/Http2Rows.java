package dev.jhttp.tests.h2;

import dev.jhttp.core.h2.ErrorCode;
import dev.jhttp.core.h2.Frame;
import dev.jhttp.core.h2.Setting;
import dev.jhttp.core.hpack.HeaderField;
import dev.jhttp.tests.fixtures.H2Client;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static dev.jhttp.core.h2.ErrorCode.COMPRESSION_ERROR;
import static dev.jhttp.core.h2.ErrorCode.ENHANCE_YOUR_CALM;
import static dev.jhttp.core.h2.ErrorCode.FLOW_CONTROL_ERROR;
import static dev.jhttp.core.h2.ErrorCode.FRAME_SIZE_ERROR;
import static dev.jhttp.core.h2.ErrorCode.PROTOCOL_ERROR;
import static dev.jhttp.core.h2.ErrorCode.REFUSED_STREAM;
import static dev.jhttp.core.h2.ErrorCode.STREAM_CLOSED;
import static dev.jhttp.tests.fixtures.H2Client.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP/2 conformance table: each row cites the rule it checks, sends frames (after the connection preface and
 * SETTINGS exchange, unless it tests those), and names what the server must answer. The server behind it is
 * {@link Http2ConformanceTest#handler}.
 */
final class Http2Rows {
    record Row(String rfc, String name, boolean handshake, Consumer<H2Client> send, Expectation expect) {
        @Override
        public String toString() {
            return rfc + ": " + name;
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private String section;

    private Http2Rows() {
    }

    static List<Row> all() {
        Http2Rows table = new Http2Rows();
        table.startingAndFrames();
        table.fieldBlocksAndHpack();
        table.streamStates();
        table.frameDefinitions();
        table.flowControl();
        table.httpSemantics();
        table.floods();
        return table.rows;
    }

    // --- the rows

    private void startingAndFrames() {
        section = "RFC 9113 §3.4";
        raw("a first frame other than SETTINGS", c -> {
            c.sendRaw(dev.jhttp.core.h2.ConnectionPreface.bytes());
            c.send(new Frame.Ping(false, 1));
        }, goAway(PROTOCOL_ERROR));
        raw("the preface alone, then SETTINGS, is served", c -> {
            c.handshake();
            get(c, 1, "/");
        }, answer(1, 200));
        section = "RFC 9113 §4.1";
        row("an unknown frame type is ignored", c -> c.sendRaw(hex("000004 fa 00 00000000 01020304")), alive());
        row("unknown flags on PING are ignored", c -> c.sendRaw(hex("000008 06 fe 00000000 0000000000000007")),
                alive());
        row("the reserved bit of a stream identifier is ignored", c -> {
            byte[] block = c.encode(request("GET", "/"));
            c.sendRaw(concat(hex(String.format("%06x 01 05 80000001", block.length)), block));
        }, answer(1, 200));
        row("unknown flags on HEADERS are ignored", c -> {
            byte[] block = c.encode(request("GET", "/"));
            c.sendRaw(concat(hex(String.format("%06x 01 c5 00000001", block.length)), block));
        }, answer(1, 200));
        section = "RFC 9113 §4.2";
        row("DATA larger than SETTINGS_MAX_FRAME_SIZE", c -> {
            c.sendHeaders(1, false, request("POST", "/echo"));
            c.sendRaw(concat(hex("004001 00 01 00000001"), new byte[16_385]));
        }, goAway(FRAME_SIZE_ERROR));
        row("HEADERS larger than SETTINGS_MAX_FRAME_SIZE", c -> c.sendRaw(concat(hex("004001 01 05 00000001"),
                new byte[16_385])), goAway(FRAME_SIZE_ERROR));
        row("a frame of exactly SETTINGS_MAX_FRAME_SIZE is accepted", c -> {
            c.sendHeaders(1, false, request("POST", "/echo"));
            c.send(new Frame.Data(1, ByteBuffer.allocate(16_384), true));
        }, answer(1, 200, r -> assertThat(text(r)).startsWith("16384 bytes")));
        row("PING of 16 bytes: too long for its type", c -> c.sendRaw(concat(hex("000010 06 00 00000000"),
                new byte[16])), goAway(FRAME_SIZE_ERROR));
        row("HEADERS with PRIORITY too short for the priority fields", c -> c.sendRaw(hex("000004 01 25 00000001 "
                + "00000000")), goAway(FRAME_SIZE_ERROR));
        row("padded DATA with no room for the Pad Length", c -> {
            c.sendHeaders(1, false, request("POST", "/echo"));
            c.sendRaw(hex("000000 00 09 00000001"));
        }, goAway(FRAME_SIZE_ERROR));
    }

    private void fieldBlocksAndHpack() {
        section = "RFC 9113 §4.3";
        String[] broken = {"80", "ff 80 80 80 80 80 80 01", "bf", "40 84 ff ff ff ff 81 61", "40 82 ff ff 81 61",
            "40 81 18 81 61", "3f e2 1f", "82 20", "40 0a 6b", "00 7f ff ff ff ff 0f"};
        String[] what = {"index 0", "an integer with too many continuation bytes", "an index past both tables",
            "a Huffman string holding EOS", "Huffman padding longer than 7 bits", "Huffman padding of zeros",
            "a table size update above SETTINGS_HEADER_TABLE_SIZE", "a table size update after a field",
            "a block that ends inside a string", "a string length past 2^31"};
        for (int i = 0; i < broken.length; i++) {
            byte[] block = hex(broken[i]);
            row("HPACK: " + what[i], c -> c.send(new Frame.Headers(1, ByteBuffer.wrap(block), true)),
                    goAway(COMPRESSION_ERROR));
        }
        row("a field block split over HEADERS and CONTINUATION", c -> {
            byte[] block = c.encode(request("GET", "/"));
            c.sendRaw(concat(hex("000002 01 01 00000001"), slice(block, 0, 2),
                    hex(String.format("%06x 09 04 00000001", block.length - 2)), slice(block, 2, block.length)));
        }, answer(1, 200));
        row("a field block over HEADERS and three CONTINUATION frames", c -> {
            byte[] block = c.encode(request("GET", "/"));
            c.sendRaw(concat(hex("000001 01 01 00000001"), slice(block, 0, 1), hex("000001 09 00 00000001"),
                    slice(block, 1, 2), hex("000000 09 00 00000001"),
                    hex(String.format("%06x 09 04 00000001", block.length - 2)), slice(block, 2, block.length)));
        }, answer(1, 200));
        row("the dynamic table carries over from one request to the next", c -> {
            get(c, 1, "/", "x-custom", "kept in the table");
            c.response(1);
            get(c, 3, "/", "x-custom", "kept in the table");
        }, answer(3, 200));
        row("a frame of another type inside a field block", c -> {
            c.sendRaw(hex("000001 01 01 00000001 82"));
            c.send(new Frame.Ping(false, 2));
        }, goAway(PROTOCOL_ERROR));
        row("CONTINUATION on another stream inside a field block", c -> c.sendRaw(hex("000001 01 01 00000001 82"
                + "000001 09 04 00000003 84")), goAway(PROTOCOL_ERROR));
        row("an unknown frame type inside a field block", c -> c.sendRaw(hex("000001 01 01 00000001 82"
                + "000001 fa 00 00000001 00")), goAway(PROTOCOL_ERROR));
        section = "RFC 7541 §4.2";
        row("a lowered SETTINGS_HEADER_TABLE_SIZE: the server's next block starts with the update", c -> {
            c.send(H2Client.settings(Setting.HEADER_TABLE_SIZE, 0));
            c.decoderTableSize(0);
            get(c, 1, "/");
        }, answer(1, 200));
        section = "RFC 9113 §10.5.1";
        row("a field list that decodes past SETTINGS_MAX_HEADER_LIST_SIZE gets 431", c -> {
            List<HeaderField> fields = new ArrayList<>(request("GET", "/"));
            for (int i = 0; i < 20; i++) {
                fields.add(HeaderField.of("x-filler-" + i, "v".repeat(1000)));
            }
            c.sendHeaders(1, true, fields);
        }, answer(1, 431));
    }

    private void streamStates() {
        section = "RFC 9113 §5.1";
        row("DATA on an idle stream", c -> c.send(new Frame.Data(1, ByteBuffer.wrap(new byte[1]), true)),
                goAway(PROTOCOL_ERROR));
        row("RST_STREAM on an idle stream", c -> c.send(new Frame.RstStream(1, ErrorCode.CANCEL)),
                goAway(PROTOCOL_ERROR));
        row("WINDOW_UPDATE on an idle stream", c -> c.send(new Frame.WindowUpdate(1, 100)), goAway(PROTOCOL_ERROR));
        row("PRIORITY on an idle stream is allowed", c -> c.send(new Frame.Priority(5, 0, false, 15)), alive());
        row("DATA after END_STREAM (half-closed remote, or closed)", c -> {
            get(c, 1, "/");
            c.send(new Frame.Data(1, ByteBuffer.wrap(new byte[1]), true));
        }, reset(1, STREAM_CLOSED, 1));
        row("HEADERS after END_STREAM on a stream the client ended", c -> {
            get(c, 1, "/");
            c.response(1);
            get(c, 1, "/");
        }, goAway(STREAM_CLOSED));
        row("RST_STREAM on a closed stream is ignored", c -> {
            get(c, 1, "/");
            c.response(1);
            c.send(new Frame.RstStream(1, ErrorCode.CANCEL));
        }, alive());
        row("WINDOW_UPDATE on a closed stream is ignored", c -> {
            get(c, 1, "/");
            c.response(1);
            c.send(new Frame.WindowUpdate(1, 1));
        }, alive());
        row("PRIORITY on a closed stream is allowed", c -> {
            get(c, 1, "/");
            c.response(1);
            c.send(new Frame.Priority(1, 0, false, 1));
        }, alive());
        row("frames on a stream the server reset are ignored", c -> {
            c.sendHeaders(1, false, request("GET", "/", "connection", "close"));
            c.send(new Frame.Data(1, ByteBuffer.wrap(new byte[10]), false));
            c.send(new Frame.Data(1, ByteBuffer.wrap(new byte[10]), true));
        }, reset(1, PROTOCOL_ERROR));
        row("a client RST_STREAM ends its stream and not the connection", c -> {
            c.sendHeaders(1, false, request("POST", "/echo"));
            c.send(new Frame.RstStream(1, ErrorCode.CANCEL));
        }, alive());
        section = "RFC 9113 §5.1.1";
        row("a stream opened with an even identifier", c -> get(c, 2, "/"), goAway(PROTOCOL_ERROR));
        row("a new stream with a lower identifier than the last", c -> {
            get(c, 5, "/");
            c.response(5);
            get(c, 3, "/");
        }, goAway(PROTOCOL_ERROR));
        row("skipped stream identifiers are allowed", c -> get(c, 7, "/"), answer(7, 200));
        section = "RFC 9113 §5.1.2";
        row("more concurrent streams than SETTINGS_MAX_CONCURRENT_STREAMS are refused", c -> {
            for (int id = 1; id <= 2 * Http2ConformanceTest.MAX_STREAMS + 1; id += 2) {
                c.sendHeaders(id, false, request("POST", "/echo"));
            }
        }, reset(2 * Http2ConformanceTest.MAX_STREAMS + 1, REFUSED_STREAM));
        section = "RFC 9113 §6.5.2";
        row("an unknown setting is ignored", c -> c.send(H2Client.settings(0x99, 7)), alive());
    }

    private void frameDefinitions() {
        section = "RFC 9113 §6.1";
        row("DATA on stream 0", c -> c.sendRaw(hex("000001 00 00 00000000 00")), goAway(PROTOCOL_ERROR));
        row("DATA padding as long as the payload", c -> {
            c.sendHeaders(1, false, request("POST", "/echo"));
            c.sendRaw(hex("000003 00 09 00000001 03 0000"));
        }, goAway(PROTOCOL_ERROR));
        row("padded DATA: the padding is not content", c -> {
            c.sendHeaders(1, false, request("POST", "/echo"));
            c.send(new Frame.Data(1, ByteBuffer.wrap("abc".getBytes()), true, 200));
        }, answer(1, 200, r -> assertThat(text(r)).startsWith("3 bytes")));
        section = "RFC 9113 §6.2";
        row("HEADERS on stream 0", c -> c.sendRaw(hex("000001 01 05 00000000 82")), goAway(PROTOCOL_ERROR));
        row("HEADERS padding as long as the payload", c -> c.sendRaw(hex("000002 01 0d 00000001 02 82")),
                goAway(PROTOCOL_ERROR));
        row("padded HEADERS", c -> {
            byte[] block = c.encode(request("GET", "/"));
            c.sendRaw(concat(hex(String.format("%06x 01 0d 00000001 04", block.length + 5)), block, new byte[4]));
        }, answer(1, 200));
        row("HEADERS with a priority signal", c -> {
            byte[] block = c.encode(request("GET", "/"));
            c.sendRaw(concat(hex(String.format("%06x 01 25 00000001 80000000 ff", block.length + 5)), block));
        }, answer(1, 200));
        row("HEADERS that depends on its own stream", c -> {
            byte[] block = c.encode(request("GET", "/"));
            c.sendRaw(concat(hex(String.format("%06x 01 25 00000001 00000001 10", block.length + 5)), block));
        }, goAway(PROTOCOL_ERROR));
        section = "RFC 9113 §6.3";
        row("PRIORITY on stream 0", c -> c.sendRaw(hex("000005 02 00 00000000 00000001 10")),
                goAway(PROTOCOL_ERROR));
        row("PRIORITY of 4 octets: a stream error", c -> c.sendRaw(hex("000004 02 00 00000003 00000001")),
                reset(3, FRAME_SIZE_ERROR));
        row("PRIORITY that depends on its own stream", c -> c.sendRaw(hex("000005 02 00 00000003 00000003 10")),
                reset(3, PROTOCOL_ERROR));
        row("PRIORITY inside a field block", c -> c.sendRaw(hex("000001 01 01 00000001 82"
                + "000005 02 00 00000003 00000000 10")), goAway(PROTOCOL_ERROR));
        section = "RFC 9113 §6.4";
        row("RST_STREAM on stream 0", c -> c.sendRaw(hex("000004 03 00 00000000 00000008")),
                goAway(PROTOCOL_ERROR));
        row("RST_STREAM of 3 octets", c -> {
            c.sendHeaders(1, false, request("POST", "/echo"));
            c.sendRaw(hex("000003 03 00 00000001 000008"));
        }, goAway(FRAME_SIZE_ERROR));
        section = "RFC 9113 §6.5";
        row("SETTINGS is acknowledged", c -> c.send(H2Client.settings(Setting.MAX_CONCURRENT_STREAMS, 10)), alive());
        row("a SETTINGS acknowledgement with a payload", c -> c.sendRaw(hex("000006 04 01 00000000 000300000064")),
                goAway(FRAME_SIZE_ERROR));
        row("SETTINGS on a stream", c -> c.sendRaw(hex("000006 04 00 00000001 000300000064")),
                goAway(PROTOCOL_ERROR));
        row("SETTINGS of 5 octets", c -> c.sendRaw(hex("000005 04 00 00000000 0003000000")),
                goAway(FRAME_SIZE_ERROR));
        section = "RFC 9113 §6.5.2";
        row("SETTINGS_ENABLE_PUSH of 2", c -> c.send(H2Client.settings(Setting.ENABLE_PUSH, 2)),
                goAway(PROTOCOL_ERROR));
        row("SETTINGS_INITIAL_WINDOW_SIZE of 2^31", c -> c.send(H2Client.settings(Setting.INITIAL_WINDOW_SIZE,
                0x8000_0000)), goAway(FLOW_CONTROL_ERROR));
        row("SETTINGS_MAX_FRAME_SIZE below 2^14", c -> c.send(H2Client.settings(Setting.MAX_FRAME_SIZE, 16_383)),
                goAway(PROTOCOL_ERROR));
        row("SETTINGS_MAX_FRAME_SIZE above 2^24-1", c -> c.send(H2Client.settings(Setting.MAX_FRAME_SIZE,
                1 << 24)), goAway(PROTOCOL_ERROR));
        row("a larger SETTINGS_MAX_FRAME_SIZE lets the server send larger DATA", c -> {
            c.send(H2Client.settings(Setting.MAX_FRAME_SIZE, 65_536));
            get(c, 1, "/big");
        }, answer(1, 200, r -> assertThat(r.content()).hasSize(100_000)));
        section = "RFC 9113 §6.6";
        row("PUSH_PROMISE from a client", c -> {
            c.sendHeaders(1, false, request("POST", "/echo"));
            byte[] block = c.encode(request("GET", "/"));
            c.send(new Frame.PushPromise(1, 2, ByteBuffer.wrap(block)));
        }, goAway(PROTOCOL_ERROR));
        section = "RFC 9113 §6.7";
        row("PING is answered with the same payload", c -> c.send(new Frame.Ping(false, 0x0102030405060708L)),
                alive());
        row("a PING acknowledgement is not answered", c -> c.send(new Frame.Ping(true, 3)), alive());
        row("PING on a stream", c -> c.sendRaw(hex("000008 06 00 00000001 0000000000000000")),
                goAway(PROTOCOL_ERROR));
        row("PING of 7 octets", c -> c.sendRaw(hex("000007 06 00 00000000 00000000000000")),
                goAway(FRAME_SIZE_ERROR));
        section = "RFC 9113 §6.8";
        row("GOAWAY on a stream", c -> c.sendRaw(hex("000008 07 00 00000001 0000000000000000")),
                goAway(PROTOCOL_ERROR));
        row("GOAWAY of 7 octets", c -> c.sendRaw(hex("000007 07 00 00000000 00000000000000")),
                goAway(FRAME_SIZE_ERROR));
        section = "RFC 9113 §6.9";
        row("WINDOW_UPDATE of 0 for the connection", c -> c.send(new Frame.WindowUpdate(0, 0)),
                goAway(PROTOCOL_ERROR));
        row("WINDOW_UPDATE of 0 for a stream", c -> {
            c.sendHeaders(1, false, request("POST", "/echo"));
            c.send(new Frame.WindowUpdate(1, 0));
        }, reset(1, PROTOCOL_ERROR));
        row("WINDOW_UPDATE of 3 octets", c -> c.sendRaw(hex("000003 08 00 00000000 000001")),
                goAway(FRAME_SIZE_ERROR));
        section = "RFC 9113 §6.10";
        row("CONTINUATION without a field block", c -> c.sendRaw(hex("000001 09 04 00000001 82")),
                goAway(PROTOCOL_ERROR));
        row("CONTINUATION after END_HEADERS", c -> {
            byte[] block = c.encode(request("POST", "/echo"));
            c.send(new Frame.Headers(1, ByteBuffer.wrap(block), false));
            c.sendRaw(hex("000001 09 04 00000001 82"));
        }, goAway(PROTOCOL_ERROR));
        row("CONTINUATION on stream 0", c -> c.sendRaw(hex("000001 01 00 00000001 82 000001 09 04 00000000 84")),
                goAway(PROTOCOL_ERROR));
    }

    private void flowControl() {
        section = "RFC 9113 §6.9.1";
        row("DATA beyond the stream's window", c -> {
            c.sendHeaders(1, false, request("POST", "/hold"));
            sendData(c, 1, Http2ConformanceTest.STREAM_WINDOW + 1);
        }, reset(1, FLOW_CONTROL_ERROR));
        row("DATA beyond the connection's window", c -> {
            int streams = Http2ConformanceTest.CONNECTION_WINDOW / Http2ConformanceTest.STREAM_WINDOW + 1;
            for (int i = 0; i < streams; i++) {
                c.sendHeaders(1 + 2 * i, false, request("POST", "/hold"));
                sendData(c, 1 + 2 * i, Http2ConformanceTest.STREAM_WINDOW);
            }
        }, goAway(FLOW_CONTROL_ERROR));
        row("a connection window past 2^31-1", c -> c.send(new Frame.WindowUpdate(0, Integer.MAX_VALUE)),
                goAway(FLOW_CONTROL_ERROR));
        row("a stream window past 2^31-1", c -> {
            c.sendHeaders(1, false, request("POST", "/echo"));
            c.send(new Frame.WindowUpdate(1, Integer.MAX_VALUE));
        }, reset(1, FLOW_CONTROL_ERROR));
        row("window is given back as the handler reads: 1 MiB through a 64 KiB stream window", c -> {
            c.sendHeaders(1, false, request("POST", "/echo"));
            long streamWindow = Http2ConformanceTest.STREAM_WINDOW;
            long connectionWindow = Http2ConformanceTest.CONNECTION_WINDOW;
            int chunk = 16_384;
            for (int sent = 0; sent < (1 << 20); sent += chunk) {
                while (streamWindow < chunk || connectionWindow < chunk) {
                    if (c.next() instanceof Frame.WindowUpdate update) {
                        if (update.streamId() == 1) {
                            streamWindow += update.increment();
                        } else if (update.streamId() == 0) {
                            connectionWindow += update.increment();
                        }
                    }
                }
                c.send(new Frame.Data(1, ByteBuffer.allocate(chunk), sent + chunk == (1 << 20)));
                streamWindow -= chunk;
                connectionWindow -= chunk;
            }
        }, answer(1, 200, r -> assertThat(text(r)).startsWith("1048576 bytes")));
        section = "RFC 9113 §6.9.2";
        row("SETTINGS_INITIAL_WINDOW_SIZE of 0 holds DATA until WINDOW_UPDATE", c -> {
            c.send(H2Client.settings(Setting.INITIAL_WINDOW_SIZE, 0));
            get(c, 1, "/");
            Object head = Expectation.readUntil(c, Set.of(), frame -> frame instanceof Frame.Headers);
            assertThat(c.fields((Frame.Headers) head).get(0)).isEqualTo(HeaderField.of(":status", "200"));
            assertThat(((Frame.Headers) head).endStream()).isFalse();
            Expectation.alive(c, Set.of());   // no DATA yet
            c.send(new Frame.WindowUpdate(1, 100));
            Object data = Expectation.readUntil(c, Set.of(), frame -> frame instanceof Frame.Data);
            assertThat(H2Client.bytes(((Frame.Data) data).data())).isEqualTo("ok".getBytes());
        }, alive());
        row("a SETTINGS_INITIAL_WINDOW_SIZE that takes an open stream's window past 2^31-1", c -> {
            c.sendHeaders(1, false, request("POST", "/echo"));
            c.send(new Frame.WindowUpdate(1, Integer.MAX_VALUE - 65_535));
            c.send(H2Client.settings(Setting.INITIAL_WINDOW_SIZE, 65_536));
        }, goAway(FLOW_CONTROL_ERROR));
    }

    private void httpSemantics() {
        section = "RFC 9113 §8.1";
        row("content and trailers reach the handler", c -> {
            c.sendHeaders(1, false, request("POST", "/echo"));
            c.send(new Frame.Data(1, ByteBuffer.wrap("hello".getBytes()), false));
            c.sendHeaders(1, true, List.of(HeaderField.of("x-checksum", "abc")));
        }, answer(1, 200, r -> assertThat(text(r)).isEqualTo("5 bytes, trailers [x-checksum]")));
        row("trailers without END_STREAM", c -> {
            c.sendHeaders(1, false, request("POST", "/echo"));
            c.sendHeaders(1, false, List.of(HeaderField.of("x-checksum", "abc")));
        }, reset(1, PROTOCOL_ERROR));
        row("a pseudo-header in trailers", c -> {
            c.sendHeaders(1, false, request("POST", "/echo"));
            c.sendHeaders(1, true, List.of(HeaderField.of(":path", "/")));
        }, reset(1, PROTOCOL_ERROR));
        row("HEAD: headers with content-length, no DATA", c -> get(c, 1, "/big", ":method", "HEAD"),
                answer(1, 200, r -> {
                    assertThat(r.field("content-length")).isEqualTo("100000");
                    assertThat(r.content()).isEmpty();
                }));
        row("204: END_STREAM on the HEADERS frame", c -> get(c, 1, "/no-content"), answer(1, 204,
                r -> assertThat(r.content()).isEmpty()));
        row("expect: 100-continue gets 100 before the final response", c -> {
            c.sendHeaders(1, false, request("POST", "/echo", "expect", "100-continue"));
            Object first = c.next();
            while (!(first instanceof Frame.Headers)) {
                first = c.next();
            }
            assertThat(c.fields((Frame.Headers) first).get(0)).isEqualTo(HeaderField.of(":status", "100"));
            c.send(new Frame.Data(1, ByteBuffer.wrap("go".getBytes()), true));
        }, answer(1, 200, r -> assertThat(text(r)).startsWith("2 bytes")));
        section = "RFC 9113 §8.1.1";
        row("content longer than content-length", c -> {
            c.sendHeaders(1, false, request("POST", "/echo", "content-length", "2"));
            c.send(new Frame.Data(1, ByteBuffer.wrap("abc".getBytes()), true));
        }, reset(1, PROTOCOL_ERROR));
        row("content shorter than content-length", c -> {
            c.sendHeaders(1, false, request("POST", "/echo", "content-length", "4"));
            c.send(new Frame.Data(1, ByteBuffer.wrap("abc".getBytes()), true));
        }, reset(1, PROTOCOL_ERROR));
        row("content-length with END_STREAM on HEADERS", c -> c.sendHeaders(1, true,
                request("POST", "/echo", "content-length", "4")), reset(1, PROTOCOL_ERROR));
        row("content-length that is not a number", c -> c.sendHeaders(1, true,
                request("POST", "/echo", "content-length", "4a")), reset(1, PROTOCOL_ERROR));
        row("content equal to content-length", c -> {
            c.sendHeaders(1, false, request("POST", "/echo", "content-length", "3"));
            c.send(new Frame.Data(1, ByteBuffer.wrap("abc".getBytes()), true));
        }, answer(1, 200, r -> assertThat(text(r)).startsWith("3 bytes")));
        section = "RFC 9113 §8.2";
        malformed("an uppercase field name", "X-Upper", "1");
        section = "RFC 9113 §8.2.1";
        for (String name : List.of("x y", "x:y", "x\u0000y", "x\ty", "x\u007fy", "x\u00e9y", "x(y", "x\"y")) {
            malformed("a field name holding " + describe(name.charAt(1)), name, "1");
        }
        malformed("an empty field name", "", "1");
        for (String value : List.of("a\u0000b", "a\rb", "a\nb", "a\u0001b", "a\u007fb")) {
            malformed("a field value holding " + describe(value.charAt(1)), "x-value", value);
        }
        for (String value : List.of(" a", "\ta")) {
            malformed("a field value with leading " + describe(value.charAt(0)), "x-value", value);
        }
        for (String value : List.of("a ", "a\t")) {
            malformed("a field value with trailing " + describe(value.charAt(1)), "x-value", value);
        }
        row("a value with inner spaces, tabs and obs-text is fine", c -> get(c, 1, "/", "x-value", "a b\tc\u00e9"),
                answer(1, 200));
        section = "RFC 9113 §8.2.2";
        for (String name : List.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade")) {
            malformed("the connection-specific field " + name, name, "x");
        }
        malformed("te other than trailers", "te", "gzip");
        row("te: trailers is allowed", c -> get(c, 1, "/", "te", "trailers"), answer(1, 200));
        section = "RFC 9113 §8.2.3";
        row("cookie fields are joined with \"; \"", c -> get(c, 1, "/cookie", "cookie", "a=1", "cookie", "b=2"),
                answer(1, 200, r -> assertThat(text(r)).isEqualTo("a=1; b=2")));
        section = "RFC 9113 §8.3";
        pseudo("a pseudo-header after a regular field", List.of(HeaderField.of(":method", "GET"),
                HeaderField.of(":scheme", "http"), HeaderField.of("x-a", "1"), HeaderField.of(":path", "/")));
        pseudo("an undefined pseudo-header", plus(request("GET", "/"), ":foo", "bar"));
        pseudo(":status in a request", plus(request("GET", "/"), ":status", "200"));
        pseudo(":protocol, which needs extended CONNECT", plus(request("GET", "/"), ":protocol", "websocket"));
        for (String name : List.of(":method", ":scheme", ":authority", ":path")) {
            List<HeaderField> fields = new ArrayList<>(request("GET", "/"));
            fields.add(1, fields.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow());
            pseudo("a repeated " + name, fields);
        }
        section = "RFC 9113 §8.3.1";
        for (String name : List.of(":method", ":scheme", ":path")) {
            pseudo("no " + name, request("GET", "/").stream().filter(f -> !f.name().equals(name)).toList());
        }
        pseudo("an empty :path", request("GET", ""));
        pseudo("a :path that is not origin-form", request("GET", "a/b"));
        pseudo("an absolute URI as :path", request("GET", "http://localhost/"));
        pseudo("* as :path for GET", request("GET", "*"));
        pseudo("a :method that is not a token", request("GE T", "/"));
        pseudo("a :scheme that is not a scheme", List.of(HeaderField.of(":method", "GET"),
                HeaderField.of(":scheme", "1http"), HeaderField.of(":path", "/")));
        pseudo("an :authority with userinfo", List.of(HeaderField.of(":method", "GET"),
                HeaderField.of(":scheme", "http"), HeaderField.of(":authority", "user@localhost"),
                HeaderField.of(":path", "/")));
        pseudo("a Host that differs from :authority", plus(request("GET", "/"), "host", "elsewhere.test"));
        row("a Host equal to :authority is allowed", c -> get(c, 1, "/", "host", "localhost"), answer(1, 200));
        row("no :authority: Host names the server", c -> c.sendHeaders(1, true, List.of(
                HeaderField.of(":method", "GET"), HeaderField.of(":scheme", "http"), HeaderField.of(":path", "/host"),
                HeaderField.of("host", "example.test"))), answer(1, 200, r -> assertThat(text(r))
                .isEqualTo("example.test")));
        row(":authority becomes the Host handlers see", c -> get(c, 1, "/host"),
                answer(1, 200, r -> assertThat(text(r)).isEqualTo("localhost")));
        section = "RFC 9113 §8.5";
        pseudo("CONNECT with :path", List.of(HeaderField.of(":method", "CONNECT"),
                HeaderField.of(":authority", "localhost:443"), HeaderField.of(":path", "/")));
        pseudo("CONNECT without :authority", List.of(HeaderField.of(":method", "CONNECT")));
    }

    private void floods() {
        section = "RFC 9113 §10.5";
        row("a PING flood (CVE-2019-9512)", c -> {
            for (int i = 0; i < 1_100; i++) {
                c.send(new Frame.Ping(false, i));
            }
        }, goAway(ENHANCE_YOUR_CALM));
        row("a SETTINGS flood (CVE-2019-9515)", c -> {
            for (int i = 0; i < 1_100; i++) {
                c.send(H2Client.settings());
            }
        }, goAway(ENHANCE_YOUR_CALM));
        row("an empty DATA flood (CVE-2019-9518)", c -> {
            c.sendHeaders(1, false, request("POST", "/hold"));
            for (int i = 0; i < 1_100; i++) {
                c.send(new Frame.Data(1, ByteBuffer.allocate(0), false));
            }
        }, goAway(ENHANCE_YOUR_CALM, 1));
        row("a PRIORITY flood", c -> {
            for (int i = 0; i < 1_100; i++) {
                c.send(new Frame.Priority(3, 0, false, 1));
            }
        }, goAway(ENHANCE_YOUR_CALM));
        row("a WINDOW_UPDATE flood on the connection, opening window the server never used", c -> {
            for (int i = 0; i < 1_100; i++) {
                c.send(new Frame.WindowUpdate(0, 1));
            }
        }, goAway(ENHANCE_YOUR_CALM));
        row("a WINDOW_UPDATE flood on an open stream", c -> {
            c.sendHeaders(1, false, request("POST", "/hold"));
            for (int i = 0; i < 1_100; i++) {
                c.send(new Frame.WindowUpdate(1, 1));
            }
        }, goAway(ENHANCE_YOUR_CALM, 1));
        row("rapid reset: streams opened and cancelled at once (CVE-2023-44487)", c -> {
            for (int i = 0; i < 300; i++) {
                c.sendHeaders(1 + 2 * i, false, request("POST", "/echo"));
                c.send(new Frame.RstStream(1 + 2 * i, ErrorCode.CANCEL));
            }
        }, goAway(ENHANCE_YOUR_CALM, -1));
        row("a CONTINUATION flood (CVE-2024-27316)", c -> {
            c.sendRaw(hex("000001 01 00 00000001 82"));
            for (int i = 0; i < 200; i++) {
                c.sendRaw(hex("000000 09 00 00000001"));
            }
        }, goAway(ENHANCE_YOUR_CALM));
        row("a field block over its limit in CONTINUATION frames", c -> {
            c.sendRaw(concat(hex("004000 01 00 00000001"), new byte[16_384]));
            for (int i = 0; i < 5; i++) {
                c.sendRaw(concat(hex("004000 09 00 00000001"), new byte[16_384]));
            }
        }, goAway(ENHANCE_YOUR_CALM));
        row("an HPACK bomb: a small block naming a large entry thousands of times gets 431", c -> {
            byte[] entry = c.encode(List.of(HeaderField.of("x-big", "v".repeat(4000))));
            byte[] repeat = new byte[8_000];
            java.util.Arrays.fill(repeat, (byte) 0xbe);
            byte[] head = c.encode(request("GET", "/"));
            c.send(new Frame.Headers(1, ByteBuffer.wrap(concat(head, entry, repeat)), true));
        }, answer(1, 431));
    }

    // --- building rows

    private void row(String name, Consumer<H2Client> send, Expectation expect) {
        rows.add(new Row(section, name, true, send, expect));
    }

    private void raw(String name, Consumer<H2Client> send, Expectation expect) {
        rows.add(new Row(section, name, false, send, expect));
    }

    private void malformed(String name, String field, String value) {
        row(name, c -> c.sendHeaders(1, true, plus(request("GET", "/"), field, value)), reset(1, PROTOCOL_ERROR));
    }

    private void pseudo(String name, List<HeaderField> fields) {
        row(name, c -> c.sendHeaders(1, true, fields), reset(1, PROTOCOL_ERROR));
    }

    private static List<HeaderField> plus(List<HeaderField> fields, String name, String value) {
        List<HeaderField> more = new ArrayList<>(fields);
        more.add(HeaderField.of(name, value));
        return more;
    }

    private static void get(H2Client c, int stream, String path, String... extra) {
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

    private static void sendData(H2Client c, int stream, int length) {
        for (int sent = 0; sent < length; sent += 16_384) {
            c.send(new Frame.Data(stream, ByteBuffer.allocate(Math.min(16_384, length - sent)), false));
        }
    }

    private static Expectation goAway(ErrorCode code, int... answered) {
        return new Expectation.GoAway(code, answeredSet(answered));
    }

    private static Expectation reset(int stream, ErrorCode code, int... answered) {
        return new Expectation.Reset(stream, code, answeredSet(answered));
    }

    private static Expectation answer(int stream, int status) {
        return new Expectation.Answer(stream, status, r -> { });
    }

    private static Expectation answer(int stream, int status, Consumer<H2Client.Response> also) {
        return new Expectation.Answer(stream, status, also);
    }

    private static Expectation alive(int... answered) {
        return new Expectation.Alive(answeredSet(answered));
    }

    /** The streams whose responses may come; -1 for any. */
    private static Set<Integer> answeredSet(int... streams) {
        if (streams.length == 1 && streams[0] == -1) {
            Set<Integer> odd = new java.util.HashSet<>();
            for (int i = 1; i < 2_000; i += 2) {
                odd.add(i);
            }
            return odd;
        }
        return java.util.Arrays.stream(streams).boxed().collect(java.util.stream.Collectors.toSet());
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7f ? String.format("0x%02x", (int) c) : c > 0x7f ? "obs-text" : "'" + c + "'";
    }

    private static String text(H2Client.Response response) {
        return new String(response.content(), java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] hex(String digits) {
        return HexFormat.of().parseHex(digits.replace(" ", ""));
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
