package dev.jhttp.tests.h2;

import dev.jhttp.core.h2.Frame;
import dev.jhttp.core.h2.Setting;
import dev.jhttp.core.hpack.HeaderField;
import dev.jhttp.tests.fixtures.H2Client;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static dev.jhttp.core.h2.ErrorCode.COMPRESSION_ERROR;
import static dev.jhttp.core.h2.ErrorCode.FLOW_CONTROL_ERROR;
import static dev.jhttp.core.h2.ErrorCode.FRAME_SIZE_ERROR;
import static dev.jhttp.core.h2.ErrorCode.PROTOCOL_ERROR;
import static dev.jhttp.tests.fixtures.H2Client.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance rows for the connection preface, frame layouts and sizes, field blocks and HPACK (RFC 9113 §3–§6,
 * RFC 7541).
 */
final class FrameRows extends RowBook {
    FrameRows() {
        startingAndFrames();
        fieldBlocksAndHpack();
        frameDefinitions();
    }

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
}
