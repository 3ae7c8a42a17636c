package dev.jhttp.core.h2;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.jhttp.core.h2.FrameFeeding.hex;
import static dev.jhttp.core.h2.FrameFeeding.read;
import static dev.jhttp.core.h2.FrameFeeding.readCutAt;
import static dev.jhttp.core.h2.FrameFeeding.readWhole;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameReaderTest {
    /** A frame breaking each rule, after a valid PING so the offset of the offending frame is 17. */
    private static final Map<H2Violation, String> BREAKING = Map.ofEntries(
            entry(H2Violation.FRAME_TOO_LARGE, "004001 00 00 00000001"),
            entry(H2Violation.FRAME_TOO_SHORT, "000004 01 20 00000001 00000000"),
            entry(H2Violation.DATA_ON_STREAM_ZERO, "000000 00 00 00000000"),
            entry(H2Violation.DATA_PADDING_TOO_LONG, "000002 00 08 00000001 02 00"),
            entry(H2Violation.HEADERS_ON_STREAM_ZERO, "000001 01 04 00000000 82"),
            entry(H2Violation.HEADERS_PADDING_TOO_LONG, "000002 01 0c 00000001 02 82"),
            entry(H2Violation.HEADERS_DEPENDS_ON_ITSELF, "000006 01 24 00000003 00000003 10 82"),
            entry(H2Violation.PRIORITY_DEPENDS_ON_ITSELF, "000005 02 00 00000003 80000003 10"),
            entry(H2Violation.PRIORITY_ON_STREAM_ZERO, "000005 02 00 00000000 00000001 10"),
            entry(H2Violation.PRIORITY_WRONG_LENGTH, "000004 02 00 00000003 00000001"),
            entry(H2Violation.RST_STREAM_ON_STREAM_ZERO, "000004 03 00 00000000 00000008"),
            entry(H2Violation.RST_STREAM_WRONG_LENGTH, "000003 03 00 00000001 000008"),
            entry(H2Violation.SETTINGS_ON_A_STREAM, "000000 04 00 00000001"),
            entry(H2Violation.SETTINGS_ACK_WITH_PAYLOAD, "000006 04 01 00000000 0003 00000064"),
            entry(H2Violation.SETTINGS_WRONG_LENGTH, "000005 04 00 00000000 0003 000000"),
            entry(H2Violation.SETTINGS_ENABLE_PUSH_INVALID, "000006 04 00 00000000 0002 00000002"),
            entry(H2Violation.SETTINGS_WINDOW_TOO_LARGE, "000006 04 00 00000000 0004 80000000"),
            entry(H2Violation.SETTINGS_MAX_FRAME_SIZE_INVALID, "000006 04 00 00000000 0005 00003fff"),
            entry(H2Violation.PUSH_PROMISE_ON_STREAM_ZERO, "000004 05 04 00000000 00000002"),
            entry(H2Violation.PUSH_PROMISE_PADDING_TOO_LONG, "000005 05 0c 00000001 01 00000002"),
            entry(H2Violation.PING_ON_A_STREAM, "000008 06 00 00000001 0000000000000000"),
            entry(H2Violation.PING_WRONG_LENGTH, "000007 06 00 00000000 00000000000000"),
            entry(H2Violation.GOAWAY_ON_A_STREAM, "000008 07 00 00000001 00000000 00000000"),
            entry(H2Violation.GOAWAY_TOO_SHORT, "000004 07 00 00000000 00000000"),
            entry(H2Violation.WINDOW_UPDATE_WRONG_LENGTH, "000003 08 00 00000000 000001"),
            entry(H2Violation.WINDOW_UPDATE_ZERO_ON_CONNECTION, "000004 08 00 00000000 00000000"),
            entry(H2Violation.WINDOW_UPDATE_ZERO_ON_STREAM, "000004 08 00 00000001 00000000"),
            entry(H2Violation.CONTINUATION_EXPECTED, "000001 01 00 00000001 82 000008 06 00 00000000 0000000000000000"),
            entry(H2Violation.UNEXPECTED_CONTINUATION, "000001 09 04 00000001 82"),
            entry(H2Violation.FIELD_BLOCK_TOO_LARGE, "000001 01 00 00000001 82" + "000000 09 00 00000001".repeat(128)));

    private static final String PING = "000008 06 00 00000000 0102030405060708";

    static Set<H2Violation> rules() {
        return BREAKING.keySet();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void everyFrameRuleIsEnforcedWithItsCodeScopeAndOffset(H2Violation violation) {
        byte[] bytes = hex(PING + BREAKING.get(violation));
        List<Object> results = readWhole(bytes);
        assertThat(results.get(0)).isEqualTo(new Frame.Ping(false, 0x0102030405060708L));
        assertThat(results).last().isInstanceOfSatisfying(H2Error.class, error -> {
            assertThat(error.violation()).isEqualTo(violation);
            assertThat(error.code()).isEqualTo(violation.code());
            assertThat(error.offset()).isGreaterThanOrEqualTo(17);
        });
        for (int piece = 1; piece < 12; piece++) {
            assertThat(read(bytes, piece)).as("fed %d bytes at a time", piece).isEqualTo(results);
        }
    }

    /** Rules of connections and streams, which the server enforces and its HTTP/2 tests break one by one. */
    private static final Set<H2Violation> SERVER_RULES = EnumSet.of(H2Violation.INVALID_PREFACE,
            H2Violation.SETTINGS_NOT_FIRST, H2Violation.EVEN_STREAM_ID, H2Violation.STREAM_ID_NOT_INCREASING,
            H2Violation.FRAME_ON_IDLE_STREAM, H2Violation.DATA_ON_CLOSED_STREAM, H2Violation.HEADERS_ON_CLOSED_STREAM,
            H2Violation.TRAILERS_WITHOUT_END_STREAM, H2Violation.PUSH_PROMISE_FROM_CLIENT, H2Violation.TOO_MANY_STREAMS,
            H2Violation.SERVER_BUSY, H2Violation.SERVER_CONTENT_FULL,
            H2Violation.STREAM_WINDOW_EXCEEDED, H2Violation.CONNECTION_WINDOW_EXCEEDED,
            H2Violation.STREAM_WINDOW_OVERFLOW, H2Violation.CONNECTION_WINDOW_OVERFLOW,
            H2Violation.SETTINGS_WINDOW_OVERFLOW, H2Violation.HPACK_FAILED, H2Violation.SETTINGS_NOT_ACKNOWLEDGED,
            H2Violation.FLOOD, H2Violation.CONTENT_LENGTH_MISMATCH);

    @Test
    void everyViolationHasAnExampleHereInTheFieldRulesOrInTheServer() {
        Set<H2Violation> covered = EnumSet.copyOf(BREAKING.keySet());
        covered.addAll(SERVER_RULES);
        covered.addAll(RequestFieldsTest.rules());
        covered.add(H2Violation.PSEUDO_HEADER_IN_TRAILERS);   // RequestFieldsTest.trailersHoldNoPseudoHeaders
        covered.add(H2Violation.INVALID_STATUS);   // ResponseFieldsTest
        assertThat(covered).containsExactlyInAnyOrder(H2Violation.values());
        assertThat(covered).allSatisfy(v -> assertThat(v.rfc()).matches("RFC (9113|7540) §[0-9.]+"));
    }

    @Test
    void anOversizedFrameIsRefusedOnItsHeaderBeforeThePayloadArrives() {
        FrameReader reader = FrameReader.create(16_384, 64 * 1024);
        FrameResult result = reader.read(ByteBuffer.wrap(hex("ffffff 00 00 00000001")));
        assertThat(result).isEqualTo(new FrameResult.Failed(new H2Error(H2Violation.FRAME_TOO_LARGE, 1,
                "type 0, length 16777215, flags 0x0", 0)));
        assertThatThrownBy(() -> reader.read(ByteBuffer.wrap(hex(PING)))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStreamErrorConsumesItsFrameAndReadingGoesOn() {
        List<Object> results = readWhole(hex("000004 02 00 00000003 00000001" + PING));
        assertThat(results).hasSize(2);
        assertThat(((H2Error) results.get(0)).isConnectionError()).isFalse();
        assertThat(results.get(1)).isInstanceOf(Frame.Ping.class);
    }

    @Test
    void unknownFrameTypesAndUnusedFlagsAndTheReservedBitAreIgnored() {
        byte[] bytes = hex("000003 fa ff 80000001 aabbcc" + "000008 06 f0 80000000 0102030405060708");
        for (int piece = 1; piece <= bytes.length; piece++) {
            assertThat(read(bytes, piece)).containsExactly(new Frame.Ping(false, 0x0102030405060708L));
        }
    }

    @Test
    void paddingIsRemovedButCountedForFlowControl() {
        List<Object> results = readWhole(hex("000005 00 09 00000001 02 6869 0000"));
        Frame.Data data = (Frame.Data) results.get(0);
        assertThat(StandardCharsets.US_ASCII.decode(data.data()).toString()).isEqualTo("hi");
        assertThat(data.endStream()).isTrue();
        assertThat(data.flowControlledLength()).isEqualTo(5);
    }

    @Test
    void aFieldBlockIsReassembledFromContinuationFrames() {
        // PADDED (1 octet of padding), PRIORITY and END_STREAM on the HEADERS frame; the priority is dropped.
        byte[] bytes = hex("000009 01 29 00000001 01 00000000 10 8286 00 000001 09 00 00000001 84"
                + "000001 09 04 00000001 41");
        assertThat(readWhole(bytes)).containsExactly(
                new Frame.Headers(1, ByteBuffer.wrap(hex("82868441")), true));
    }

    @Test
    void everyCutOfAConversationReadsTheSame() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FrameWriter writer = FrameWriter.create(16_384);
        List<Frame> frames = List.of(
                new Frame.Settings(false, List.of(new Setting(Setting.MAX_CONCURRENT_STREAMS, 100))),
                Frame.Settings.ACK,
                new Frame.Headers(1, ByteBuffer.wrap(new byte[40_000]), false),
                new Frame.Data(1, ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)), true, 7),
                new Frame.Priority(3, 1, true, 200),
                new Frame.RstStream(1, ErrorCode.CANCEL),
                new Frame.PushPromise(2, 4, ByteBuffer.wrap(hex("8286"))),
                new Frame.WindowUpdate(0, 65_535),
                new Frame.Ping(true, -1L),
                new Frame.GoAway(7, ErrorCode.NO_ERROR.code(), ByteBuffer.wrap(hex("6279"))));
        frames.forEach(frame -> bytes.writeBytes(writer.toBytes(frame)));
        byte[] all = bytes.toByteArray();
        assertThat(readWhole(all)).containsExactlyElementsOf(frames);
        for (int cut = 0; cut <= all.length; cut += 7) {
            assertThat(readCutAt(all, cut)).as("cut at %d", cut).containsExactlyElementsOf(frames);
        }
    }
}
