package dev.jhttp.core.parse;

import dev.jhttp.core.Body;
import dev.jhttp.core.Headers;

import java.nio.ByteBuffer;

/**
 * The state machine both parsers share: start-line, field section, then content framed as the dialect decides.
 *
 * <pre>
 *   START_LINE ──line──► FIELDS ──empty line──► BODY ──content done──► COMPLETE
 *        │                  │         │           │
 *        │                  │         └─ head only ─► HEAD_DELIVERED (content read through content())
 *        └──────────────────┴──── violation ──────┴──────────────────► FAILED
 * </pre>
 *
 * @param <T> the message type
 */
final class MessageReader<T> {
    /** What differs between requests and responses. */
    interface Dialect<T> {
        /** Parses the start-line in {@code b[start, end)}; false with {@code failure} set if it is invalid. */
        boolean parseStartLine(byte[] b, int start, int end, Failure failure);

        /** The check of the start-line's bytes as they arrive; {@link #parseStartLine} sees only lines it passed. */
        LineCheck startLineCheck();

        /** The violation of a start-line longer than {@link ParserLimits#maxRequestLineLength()}. */
        Violation startLineTooLong();

        /**
         * The framing of the message, or {@code null} with {@code failure} set; {@code section} still holds the
         * field lines in place.
         */
        Framing framing(Headers headers, FieldSectionReader section, Failure failure, long offset);

        T build(Headers headers, Body body, Headers trailers);
    }

    private enum State { START_LINE, FIELDS, BODY, HEAD_DELIVERED, COMPLETE, FAILED }

    private final Dialect<T> dialect;
    private final ParserLimits limits;
    private final LineReader lines = new LineReader();
    private final Failure failure = new Failure();
    private final FieldSectionReader fieldReader;
    private final BodyBuffer body = new BodyBuffer();
    private final ChunkSizeLineCheck sizeLine;
    private State state = State.START_LINE;
    private long consumed;
    private int feedStart;
    private int skippedEmptyLineBytes;
    private Headers headers;
    private ContentDecoder content;
    private boolean headOnly;

    MessageReader(Dialect<T> dialect, ParserLimits limits) {
        this.dialect = dialect;
        this.limits = limits;
        this.fieldReader = new FieldSectionReader(lines, limits, failure);
        this.sizeLine = new ChunkSizeLineCheck(limits.maxChunkExtensionLength());
    }

    ParseResult<T> feed(ByteBuffer in) {
        return feed(in, false);
    }

    /** Like {@link #feed}, but completes at the end of the head, leaving the content to {@link #content()}. */
    ParseResult<T> feedHead(ByteBuffer in) {
        return feed(in, true);
    }

    private ParseResult<T> feed(ByteBuffer in, boolean stopAtHead) {
        if (state == State.HEAD_DELIVERED) {
            throw new IllegalStateException("the last head's content is read through content(): call reset() when it"
                    + " is done, before feeding the next message");
        }
        headOnly = stopAtHead;
        feedStart = in.position();
        ParseResult<T> result = advance(in);
        consumed += in.position() - feedStart;
        return result;
    }

    /** The decoder of the content whose head {@link #feedHead} delivered. */
    ContentDecoder content() {
        if (state != State.HEAD_DELIVERED) {
            throw new IllegalStateException("no head delivered by feedHead since the last reset()");
        }
        return content;
    }

    /** Whether the last feed completed a message: the next feed starts another, after the owner's reset. */
    boolean isComplete() {
        return state == State.COMPLETE;
    }

    /** The input has ended: completes a message whose content runs until close, or fails an unfinished one. */
    ParseResult<T> finish() {
        if (state == State.COMPLETE || state == State.HEAD_DELIVERED) {
            throw new IllegalStateException("message already complete: call reset() before feeding the next one");
        }
        if (state == State.BODY && content.finish() instanceof ParseResult.Complete<Headers>(Headers trailers)) {
            return complete(trailers);
        }
        if (state != State.FAILED) {
            failure.set(Violation.INCOMPLETE_MESSAGE, "input ended inside a message", consumed);
            state = State.FAILED;
        }
        return new ParseResult.Failed<>(failure.error());
    }

    /** The header fields parsed before the current message failed or stopped: all valid lines, maybe not all lines. */
    Headers partialFields() {
        return headers != null ? headers : state == State.FIELDS || state == State.FAILED ? fieldReader.fields()
                : Headers.empty();
    }

    boolean isStarted() {
        return consumed > 0;
    }

    void reset() {
        state = State.START_LINE;
        consumed = 0;
        skippedEmptyLineBytes = 0;
        headers = null;
        content = null;
        lines.clear();
        fieldReader.clear();
        body.clear();
        failure.clear();
    }

    private ParseResult<T> advance(ByteBuffer in) {
        while (true) {
            switch (state) {
                case START_LINE -> {
                    if (!readStartLine(in)) {
                        return pause();
                    }
                    fieldReader.start(true);
                    state = State.FIELDS;
                }
                case FIELDS -> {
                    if (!fieldReader.read(in, 0)) {
                        return pause();
                    }
                    headers = fieldReader.fields();
                    Framing framing = dialect.framing(headers, fieldReader, failure, lines.lineStart());
                    if (framing == null) {
                        return pause();
                    }
                    if (framing.kind() == Framing.Kind.NONE && !headOnly) {
                        return complete(Headers.empty());
                    }
                    content = new ContentDecoder(framing, lines, fieldReader, sizeLine, limits, failure, offsetOf(in));
                    if (headOnly) {
                        state = State.HEAD_DELIVERED;
                        return new ParseResult.Complete<>(dialect.build(headers, Body.empty(), Headers.empty()));
                    }
                    state = State.BODY;
                }
                case BODY -> {
                    ParseResult<Headers> step = content.decode(in, body);
                    if (step instanceof ParseResult.Complete<Headers>(Headers trailers)) {
                        return complete(trailers);
                    }
                    return pause();
                }
                case HEAD_DELIVERED, COMPLETE -> throw new IllegalStateException("unreachable: feed() guards these");
                case FAILED -> {
                    return new ParseResult.Failed<>(failure.error());
                }
            }
        }
    }

    private boolean readStartLine(ByteBuffer in) {
        LineCheck check = dialect.startLineCheck();
        if (lines.lineLength() == 0) {
            check.start(lines.lineStart());
        }
        while (true) {
            int budget = limits.maxRequestLineLength() + 2 - skippedEmptyLineBytes;
            LineReader.Outcome outcome = lines.read(in, budget);
            if (!check.afterRead(lines, outcome, failure, 0) || outcome == LineReader.Outcome.NEED_MORE) {
                return false;
            }
            if (outcome == LineReader.Outcome.OVER_BUDGET) {
                failure.set(dialect.startLineTooLong(), "start line exceeds " + limits.maxRequestLineLength()
                        + " bytes", lines.lineStart() + lines.lineLength());
                return false;
            }
            if (!FieldSectionReader.checkLf(lines, failure, 0)) {
                return false;
            }
            if (lines.contentEnd() > lines.lineStart()) {
                boolean valid = dialect.parseStartLine(lines.bytes(), lines.lineStart(), lines.contentEnd(), failure);
                lines.nextLine();
                return valid;
            }
            // RFC 9112 §2.2: empty lines before the start-line are ignored (they count toward its budget).
            skippedEmptyLineBytes += lines.lineLength();
            lines.nextLine();
            check.start(lines.lineStart());
        }
    }

    /** The message offset of {@code in}'s position during a feed. */
    private long offsetOf(ByteBuffer in) {
        return consumed + in.position() - feedStart;
    }

    /** NeedMore, or Failed once a part of the parser has recorded a violation. */
    private ParseResult<T> pause() {
        if (failure.isSet()) {
            state = State.FAILED;
            return new ParseResult.Failed<>(failure.error());
        }
        return ParseResult.needMore();
    }

    private ParseResult<T> complete(Headers trailers) {
        state = State.COMPLETE;
        return new ParseResult.Complete<>(dialect.build(headers, body.toBody(), trailers));
    }
}
