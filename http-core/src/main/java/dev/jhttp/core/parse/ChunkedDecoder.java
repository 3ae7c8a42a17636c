package dev.jhttp.core.parse;

import dev.jhttp.core.Headers;
import dev.jhttp.core.internal.Ascii;

import java.nio.ByteBuffer;

/**
 * Decodes the chunked transfer coding (RFC 9112 §7.1): hex chunk sizes with overflow checks, chunk extensions checked
 * against their grammar and bounded, then discarded, and a trailer section kept as fields.
 */
final class ChunkedDecoder {
    private enum State { SIZE_LINE, DATA, DATA_CR, DATA_LF, TRAILERS, DONE }

    private final LineReader lines;
    private final FieldSectionReader trailerReader;
    private final ParserLimits limits;
    private final Failure failure;
    private State state = State.SIZE_LINE;
    private long offset;
    private long lineOffset;
    private long chunkRemaining;
    private long decoded;
    private Headers trailers = Headers.empty();

    ChunkedDecoder(LineReader lines, FieldSectionReader trailerReader, ParserLimits limits, Failure failure,
                   long bodyOffset) {
        this.lines = lines;
        this.limits = limits;
        this.failure = failure;
        this.trailerReader = trailerReader;
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
        // 16 hex digits cover any size below 2^64; the rest of the budget is for extensions.
        int before = in.position();
        LineReader.Outcome outcome = lines.read(in, 16 + limits.maxChunkExtensionLength() + 2);
        offset += in.position() - before;
        if (outcome == LineReader.Outcome.NEED_MORE) {
            return false;
        }
        if (outcome == LineReader.Outcome.OVER_BUDGET) {
            failure.set(Violation.CHUNK_EXTENSION_TOO_LONG, "chunk-size line too long", offset);
            return false;
        }
        if (!FieldSectionReader.checkLineEnding(lines, failure, lineOffset)) {
            return false;
        }
        long size = parseSizeLine();
        if (size < 0) {
            return false;
        }
        if (size > limits.maxBodySize() - decoded) {
            failure.set(Violation.BODY_TOO_LARGE, "chunked content exceeds " + limits.maxBodySize() + " bytes",
                    lineOffset);
            return false;
        }
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

    // chunk-size [ chunk-ext ] with chunk-size = 1*HEXDIG; -1 with failure set.
    private long parseSizeLine() {
        byte[] b = lines.bytes();
        int start = lines.lineStart();
        int end = lines.contentEnd();
        int i = start;
        long size = 0;
        while (i < end && Ascii.isHexDigit(b[i])) {
            if (size > (Long.MAX_VALUE >> 4)) {
                failure.set(Violation.INVALID_CHUNK_SIZE, "chunk size overflows", lineOffset + i);
                return -1;
            }
            size = (size << 4) | Ascii.hexValue(b[i]);
            i++;
        }
        if (i == start) {
            failure.set(Violation.INVALID_CHUNK_SIZE, "chunk size is not hex digits", lineOffset + i);
            return -1;
        }
        if (end - i > limits.maxChunkExtensionLength()) {
            failure.set(Violation.CHUNK_EXTENSION_TOO_LONG,
                    "chunk extensions exceed " + limits.maxChunkExtensionLength() + " bytes", lineOffset + i);
            return -1;
        }
        int bad = ChunkExtensions.firstInvalid(b, i, end);
        if (bad >= 0) {
            failure.set(Violation.INVALID_CHUNK_EXTENSION, "chunk extension breaks its grammar", lineOffset + bad);
            return -1;
        }
        return size;
    }
}
