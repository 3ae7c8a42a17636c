package dev.jhttp.tests.h2;

import dev.jhttp.core.h2.ErrorCode;
import dev.jhttp.core.h2.Frame;
import dev.jhttp.core.h2.Setting;
import dev.jhttp.core.hpack.HeaderField;
import dev.jhttp.tests.fixtures.H2Client;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;

import static dev.jhttp.core.h2.ErrorCode.ENHANCE_YOUR_CALM;
import static dev.jhttp.core.h2.ErrorCode.FLOW_CONTROL_ERROR;
import static dev.jhttp.core.h2.ErrorCode.PROTOCOL_ERROR;
import static dev.jhttp.core.h2.ErrorCode.REFUSED_STREAM;
import static dev.jhttp.core.h2.ErrorCode.STREAM_CLOSED;
import static dev.jhttp.tests.fixtures.H2Client.request;
import static org.assertj.core.api.Assertions.assertThat;

/** Conformance rows for stream states and identifiers, flow control, and the floods of RFC 9113 §10.5. */
final class StreamRows extends RowBook {
    StreamRows() {
        streamStates();
        flowControl();
        floods();
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
        row("the last identifier a client has, 2^31-1, is served", c -> get(c, Integer.MAX_VALUE, "/"),
                answer(Integer.MAX_VALUE, 200));
        row("identifiers exhausted: no stream can follow 2^31-1", c -> {
            get(c, Integer.MAX_VALUE, "/");
            c.response(Integer.MAX_VALUE);
            get(c, 1, "/");
        }, goAway(PROTOCOL_ERROR));
        section = "RFC 9113 §5.1.2";
        row("more concurrent streams than SETTINGS_MAX_CONCURRENT_STREAMS are refused", c -> {
            for (int id = 1; id <= 2 * Http2ConformanceTest.MAX_STREAMS + 1; id += 2) {
                c.sendHeaders(id, false, request("POST", "/echo"));
            }
        }, reset(2 * Http2ConformanceTest.MAX_STREAMS + 1, REFUSED_STREAM));
        row("at the limit, a stream opened the moment another's END_STREAM arrives is served, 900 times", c -> {
            int next = 1;
            for (; next < 2 * Http2ConformanceTest.MAX_STREAMS; next += 2) {
                get(c, next, "/");
            }
            for (int i = 0; i < 900; i++, next += 2) {
                awaitAnyEnd(c);
                get(c, next, "/");
            }
        }, alive(-1));
        section = "RFC 9113 §6.5.2";
        row("an unknown setting is ignored", c -> c.send(H2Client.settings(0x99, 7)), alive());
    }

    /** Reads until a response ends, keeping the HPACK table in step; a reset fails the row. */
    private static void awaitAnyEnd(H2Client c) {
        while (true) {
            Object next = c.next();
            if (next instanceof Frame.Headers headers) {
                c.fields(headers);
                if (headers.endStream()) {
                    return;
                }
            } else if (next instanceof Frame.Data data && data.endStream()) {
                return;
            } else if (next instanceof Frame.RstStream || next instanceof Frame.GoAway || next == H2Client.CLOSED) {
                throw new AssertionError("a stream within the limit was ended by " + next);
            }
        }
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
}
