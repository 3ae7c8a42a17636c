package dev.jhttp.core.forms;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a {@link MultipartReader} makes of some bytes fed in pieces, as lines that do not depend on the cuts: a part's
 * start (name, filename, content type), its content joined (in hex), its end, the finish or the failure.
 */
final class MultipartTranscript {
    private MultipartTranscript() {
    }

    /** The transcript of {@code body} cut before each index in {@code cuts} (ascending), read to its end. */
    static List<String> read(MultipartReader reader, byte[] body, int... cuts) {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream content = null;
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : body.length;
            ByteBuffer piece = ByteBuffer.wrap(body, from, to - from);
            from = to;
            while (true) {
                MultipartEvent event = reader.read(piece);
                if (event instanceof MultipartEvent.Content(ByteBuffer bytes)) {
                    if (content == null) {
                        content = new ByteArrayOutputStream();
                    }
                    byte[] copy = new byte[bytes.remaining()];
                    bytes.get(copy);
                    content.writeBytes(copy);
                    continue;
                }
                if (event instanceof MultipartEvent.NeedMore) {
                    if (piece.hasRemaining()) {
                        throw new AssertionError("NeedMore with " + piece.remaining() + " bytes left");
                    }
                    break;
                }
                content = flush(lines, content);
                lines.add(describe(event));
                if (event instanceof MultipartEvent.Failed || event instanceof MultipartEvent.Finished) {
                    return lines;
                }
            }
        }
        flush(lines, content);
        lines.add(describe(reader.finish()));
        return lines;
    }

    private static ByteArrayOutputStream flush(List<String> lines, ByteArrayOutputStream content) {
        if (content != null) {
            lines.add("content " + HexFormat.of().formatHex(content.toByteArray()));
        }
        return null;
    }

    private static String describe(MultipartEvent event) {
        return switch (event) {
            case MultipartEvent.PartStarted(PartHead head) -> "start name=" + head.name() + " filename="
                    + head.filename().orElse("-") + " type=" + head.contentType();
            case MultipartEvent.PartEnded() -> "end";
            case MultipartEvent.Finished() -> "finished";
            case MultipartEvent.Failed(FormError error) -> "failed " + error;
            case MultipartEvent.Content c -> throw new AssertionError("content is joined");
            case MultipartEvent.NeedMore n -> throw new AssertionError("need more is not an event");
        };
    }
}
