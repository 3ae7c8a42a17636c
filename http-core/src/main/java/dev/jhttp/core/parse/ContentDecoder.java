package dev.jhttp.core.parse;

import dev.jhttp.core.Headers;

import java.nio.ByteBuffer;

/**
 * Decodes a message's content as it arrives, for callers that stream it instead of letting the parser collect it:
 * fixed length, chunked (with trailers) or until the input ends, with the same rules and limits as the parser. Get
 * one from {@link RequestParser#content()} after {@link RequestParser#feedHead} completes a head.
 *
 * {@snippet :
 * ContentDecoder content = parser.content();
 * ByteBuffer chunk = ByteBuffer.allocate(8192);
 * ParseResult<Headers> step = content.decode(socketBytes, chunk);   // decoded bytes land in chunk
 * }
 */
public final class ContentDecoder {
    private final Framing framing;
    private final ParserLimits limits;
    private final Failure failure;
    private final ChunkedDecoder chunked;
    private final long startOffset;
    private long taken;
    private ParseResult<Headers> outcome;

    /**
     * {@code fields} reads any trailer section: the head's reader, free once the head's fields are copied out; the
     * parser's {@code sizeLine} check is reused from message to message too.
     */
    ContentDecoder(Framing framing, LineReader lines, FieldSectionReader fields, ChunkSizeLineCheck sizeLine,
                   ParserLimits limits, Failure failure, long offset) {
        this.framing = framing;
        this.limits = limits;
        this.failure = failure;
        this.startOffset = offset;
        this.chunked = framing.kind() == Framing.Kind.CHUNKED
                ? new ChunkedDecoder(lines, fields, sizeLine, limits, failure, offset)
                : null;
        this.outcome = framing.kind() == Framing.Kind.NONE ? new ParseResult.Complete<>(Headers.empty()) : null;
    }

    /** The content's length when the head declared it, or -1 (chunked or until close). */
    public long length() {
        return switch (framing.kind()) {
            case NONE -> 0;
            case LENGTH -> framing.length();
            default -> -1;
        };
    }

    /**
     * Decodes from {@code in} into {@code out} until the content ends, {@code in} runs dry or {@code out} is full,
     * advancing both. Returns {@link ParseResult.Complete} with the trailer fields (empty unless chunked) once the
     * content has ended, {@link ParseResult.Failed} if it breaks a rule, and NeedMore otherwise.
     */
    public ParseResult<Headers> decode(ByteBuffer in, ByteBuffer out) {
        return decode(in, ContentSink.of(out));
    }

    /** The input has ended: completes content that runs until close, fails any other unfinished content. */
    public ParseResult<Headers> finish() {
        if (outcome == null) {
            outcome = framing.kind() == Framing.Kind.UNTIL_CLOSE
                    ? new ParseResult.Complete<>(Headers.empty())
                    : failed(Violation.INCOMPLETE_MESSAGE, "input ended inside the content", startOffset + taken);
        }
        return outcome;
    }

    /** Whether the content has ended (or failed): nothing more will be decoded. */
    public boolean isFinished() {
        return outcome != null;
    }

    ParseResult<Headers> decode(ByteBuffer in, ContentSink out) {
        if (outcome != null) {
            return outcome;
        }
        int before = in.position();
        switch (framing.kind()) {
            case LENGTH -> {
                int count = (int) Math.min(framing.length() - taken, Math.min(in.remaining(), out.room()));
                out.take(in, count);
                if (taken + count == framing.length()) {
                    outcome = new ParseResult.Complete<>(Headers.empty());
                }
            }
            case CHUNKED -> {
                if (chunked.decode(in, out)) {
                    outcome = new ParseResult.Complete<>(chunked.trailers());
                } else if (failure.isSet()) {
                    outcome = new ParseResult.Failed<>(failure.error());
                }
            }
            case UNTIL_CLOSE -> {
                long room = limits.maxBodySize() - taken;
                if (in.remaining() > room) {
                    outcome = failed(Violation.BODY_TOO_LARGE, "content exceeds " + limits.maxBodySize() + " bytes",
                            startOffset + taken + room);
                } else {
                    out.take(in, Math.min(in.remaining(), out.room()));
                }
            }
            case NONE -> throw new IllegalStateException("unreachable: NONE completes at once");
        }
        taken += in.position() - before;
        return outcome != null ? outcome : ParseResult.needMore();
    }

    private ParseResult<Headers> failed(Violation violation, String detail, long offset) {
        failure.set(violation, detail, offset);
        return new ParseResult.Failed<>(failure.error());
    }
}
