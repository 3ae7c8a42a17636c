package dev.jhttp.core.parse;

import dev.jhttp.core.Headers;

import java.nio.ByteBuffer;

/**
 * Decodes the chunked transfer coding (RFC 9112 §7.1): chunk-size lines checked byte by byte as they arrive
 * ({@link ChunkSizeLineCheck}; extensions are checked, bounded, then discarded), the CRLF after each chunk's data,
 * and a trailer section kept as fields.
 */
final class ChunkedDecoder {
    private enum State { SIZE_LINE, DATA, DATA_CR, DATA_LF, TRAILERS, DONE }

    private final LineReader lines;
    private final FieldSectionReader trailerReader;
    private final ParserLimits limits;
    private final Failure failure;
    private final ChunkSizeLineCheck sizeLine;
    private State state = State.SIZE_LINE;
    private long offset;
    private long lineOffset;
    private long chunkRemaining;
    private long decoded;
    private Headers trailers = Headers.empty();

    ChunkedDecoder(LineReader lines, FieldSectionReader trailerReader, ChunkSizeLineCheck sizeLine, ParserLimits limits,
                   Failure failure, long bodyOffset) {
        this.lines = lines;
        this.limits = limits;
        this.failure = failure;
        this.trailerReader = trailerReader;
        this.sizeLine = sizeLine;
        this.offset = bodyOffset;
        this.lineOffset = bodyOffset;
        lines.clear();
    }

    /** Decodes what it can into {@code out}; true once the trailer section has ended. */
    boolean decode(ByteBuffer in, ContentSink out) {
        while (!failure.isSet()) {
            switch (state) {
                case SIZE_LINE -> {
                    if (!readSizeLine(in)) {
                        return false;
                    }
                }
                case DATA -> {
                    int count = (int) Math.min(chunkRemaining, Math.min(in.remaining(), out.room()));
                    if (count == 0) {
                        return false;
                    }
                    out.take(in, count);
                    chunkRemaining -= count;
                    offset += count;
                    if (chunkRemaining == 0) {
                        state = State.DATA_CR;
                    }
                }
                case DATA_CR, DATA_LF -> {
                    if (!in.hasRemaining()) {
                        return false;
                    }
                    byte expected = state == State.DATA_CR ? (byte) '\r' : (byte) '\n';
                    if (in.get() != expected) {
                        failure.set(Violation.MISSING_CHUNK_DATA_END, "chunk data not followed by CRLF", offset);
                        return false;
                    }
                    offset++;
                    state = state == State.DATA_CR ? State.DATA_LF : State.SIZE_LINE;
                    lineOffset = offset;
                    lines.clear();
                }
                case TRAILERS -> {
                    int before = in.position();
                    boolean ended = trailerReader.read(in, lineOffset);
                    offset += in.position() - before;
                    if (!ended) {
                        return false;
                    }
                    trailers = trailerReader.fields();
                    state = State.DONE;
                }
                case DONE -> {
                    return true;
                }
            }
        }
        return false;
    }

    Headers trailers() {
        return trailers;
    }

    private boolean readSizeLine(ByteBuffer in) {
        if (lines.lineLength() == 0) {
            sizeLine.next(limits.maxBodySize() - decoded);
            sizeLine.start(lines.lineStart());
        }
        // 16 hex digits cover any size below 2^64; the rest of the budget is for extensions.
        int before = in.position();
        LineReader.Outcome outcome = lines.read(in, 16 + limits.maxChunkExtensionLength() + 2);
        offset += in.position() - before;
        if (!sizeLine.afterRead(lines, outcome, failure, lineOffset) || outcome == LineReader.Outcome.NEED_MORE) {
            return false;
        }
        if (outcome == LineReader.Outcome.OVER_BUDGET) {
            failure.set(Violation.CHUNK_EXTENSION_TOO_LONG, "chunk-size line too long", offset);
            return false;
        }
        if (!FieldSectionReader.checkLf(lines, failure, lineOffset)) {
            return false;
        }
        long size = sizeLine.size();
        decoded += size;
        lines.clear();
        if (size == 0) {
            state = State.TRAILERS;
            lineOffset = offset;
            trailerReader.start(false);
        } else {
            chunkRemaining = size;
            state = State.DATA;
        }
        return true;
    }
}
