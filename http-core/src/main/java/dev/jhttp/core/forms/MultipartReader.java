package dev.jhttp.core.forms;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.headers.ParameterizedValue;
import dev.jhttp.core.parse.FieldSectionParser;
import dev.jhttp.core.parse.ParseResult;
import dev.jhttp.core.parse.ParserLimits;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads {@code multipart/form-data} (RFC 7578, in the framing of RFC 2046 §5.1) as it streams in: each part's header
 * section through the same field rules as a request's, then its content as pieces of the input, never held whole.
 * Incremental like the request parser: bytes cut anywhere give the same events, and the same content once its pieces
 * are joined. It consumes what it is given; a piece of content is a view of the input (or of the delimiter, for octets
 * that began like one), valid until the next read.
 *
 * {@snippet :
 * MultipartReader reader = MultipartReader.create(MultipartReader.boundary(contentType).orElseThrow(),
 *         MultipartLimits.defaults());
 * MultipartEvent event;
 * while (!((event = reader.read(buffer)) instanceof MultipartEvent.NeedMore)) {
 *     switch (event) {
 *         case MultipartEvent.PartStarted(PartHead head) -> open(head);
 *         case MultipartEvent.Content(ByteBuffer bytes) -> write(bytes);
 *         case MultipartEvent.PartEnded() -> close();
 *         case MultipartEvent.Finished() -> done();
 *         case MultipartEvent.Failed(FormError error) -> reject(error.status());
 *         case MultipartEvent.NeedMore() -> { }
 *     }
 * }
 * // when the input ends: reader.finish() is Finished, or Failed if the close delimiter never came
 * }
 */
public final class MultipartReader {
    private static final byte CR = '\r';
    private static final MultipartEvent NEED_MORE = new MultipartEvent.NeedMore();
    private static final MultipartEvent FINISHED = new MultipartEvent.Finished();
    private static final MultipartEvent PART_ENDED = new MultipartEvent.PartEnded();

    private enum State { PREAMBLE, AFTER_DELIMITER, HEADERS, CONTENT, FINISHED }

    /** Where the reader is in what follows a delimiter: {@code --} (the end), or padding then CRLF (a part). */
    private enum Tail { START, DASH, PADDING, CR }

    private final byte[] delimiter;
    private final MultipartLimits limits;
    private final FieldSectionParser headers;
    private State state = State.PREAMBLE;
    private Tail tail = Tail.START;
    /** Delimiter octets matched so far; the body's start counts as a CRLF, so the first delimiter may open it. */
    private int matched = 2;
    /** Octets that began like a delimiter and were content after all, to give out before anything else. */
    private int held;
    /** Octets consumed from the start of the body. */
    private long offset;
    private long headersStart;
    private long contentStart;
    private long partContent;
    private boolean partIsField;
    private int parts;
    private FormError failure;

    private MultipartReader(String boundary, MultipartLimits limits) {
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        this.limits = limits;
        this.headers = FieldSectionParser.create(ParserLimits.defaults()
                .withMaxHeaderSectionSize(limits.maxPartHeaderSize()));
    }

    /**
     * A reader for the parts that {@code boundary} separates.
     *
     * @throws IllegalArgumentException if the boundary is not 1 to 70 of RFC 2046's {@code bchars}, ending in other
     *     than a space
     */
    public static MultipartReader create(String boundary, MultipartLimits limits) {
        if (!isBoundary(boundary)) {
            throw new IllegalArgumentException("not a multipart boundary (RFC 2046 §5.1.1)");
        }
        return new MultipartReader(boundary, limits);
    }

    /**
     * The boundary a {@code Content-Type} of {@code multipart/form-data} names; empty if it is another type, or its
     * boundary parameter is missing or not a valid boundary.
     */
    public static Optional<String> boundary(String contentType) {
        return ParameterizedValue.parse(contentType)
                .filter(type -> type.value().equalsIgnoreCase("multipart/form-data"))
                .flatMap(type -> type.parameter("boundary"))
                .filter(MultipartReader::isBoundary);
    }

    // boundary := 0*69<bchars> bcharsnospace (RFC 2046 §5.1.1)
    private static boolean isBoundary(String value) {
        if (value.isEmpty() || value.length() > 70 || value.endsWith(" ")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alphanumeric = c < 0x80 && Character.isLetterOrDigit(c);
            if (!alphanumeric && "'()+_,-./:=? ".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Reads what {@code in} holds: the next event, or {@link MultipartEvent.NeedMore} once all of it is used. */
    public MultipartEvent read(ByteBuffer in) {
        if (failure != null) {
            return new MultipartEvent.Failed(failure);
        }
        if (state == State.FINISHED) {
            in.position(in.limit());   // the epilogue is ignored (RFC 2046 §5.1.1)
            return FINISHED;
        }
        int limit = in.limit();
        long room = limits.maxTotalSize() - offset;
        if (room < in.remaining()) {
            in.limit(in.position() + (int) room);
        }
        try {
            while (true) {
                MultipartEvent event = switch (state) {
                    case PREAMBLE -> scan(in, false);
                    case CONTENT -> scan(in, true);
                    case AFTER_DELIMITER -> afterDelimiter(in);
                    case HEADERS -> partHeaders(in);
                    case FINISHED -> FINISHED;
                };
                if (event == NEED_MORE && in.limit() < limit) {
                    return fail(FormViolation.MULTIPART_TOO_LARGE, "more than " + limits.maxTotalSize() + " bytes",
                            offset);
                }
                if (event != null) {
                    return event;
                }
            }
        } finally {
            in.limit(limit);
        }
    }

    /** The input ended: {@link MultipartEvent.Finished} after the close delimiter, else the failure. */
    public MultipartEvent finish() {
        if (failure == null && state != State.FINISHED) {
            fail(FormViolation.TRUNCATED_MULTIPART, "the content ended before the close delimiter", offset);
        }
        return failure != null ? new MultipartEvent.Failed(failure) : FINISHED;
    }

    /** Content (or, in the preamble, octets to drop) up to the next delimiter; null when the state changed. */
    private MultipartEvent scan(ByteBuffer in, boolean emit) {
        while (true) {
            if (held > 0) {
                ByteBuffer piece = ByteBuffer.wrap(delimiter, 0, held).slice().asReadOnlyBuffer();
                held = 0;
                if (emit) {
                    return content(piece);
                }
            }
            if (matched > 0) {
                while (matched < delimiter.length && in.hasRemaining() && in.get(in.position()) == delimiter[matched]) {
                    in.position(in.position() + 1);
                    offset++;
                    matched++;
                }
                if (matched == delimiter.length) {
                    matched = 0;
                    state = State.AFTER_DELIMITER;
                    tail = Tail.START;
                    return emit ? PART_ENDED : null;
                }
                if (!in.hasRemaining()) {
                    return NEED_MORE;
                }
                held = matched;   // a CR (and more) that did not become a delimiter: content
                matched = 0;
                continue;
            }
            if (!in.hasRemaining()) {
                return NEED_MORE;
            }
            int start = in.position();
            int end = start;
            while (end < in.limit() && in.get(end) != CR) {
                end++;
            }
            if (end == start) {
                in.position(start + 1);
                offset++;
                matched = 1;
                continue;
            }
            ByteBuffer piece = in.slice(start, end - start).asReadOnlyBuffer();
            in.position(end);
            offset += end - start;
            if (emit) {
                return content(piece);
            }
        }
    }

    /**
     * A piece of the part's content. A field gets content up to its limit and then the failure, whatever the cuts:
     * the piece that passes the limit is given out up to it, and the next read fails.
     */
    private MultipartEvent content(ByteBuffer piece) {
        long allowed = partIsField ? limits.maxFieldSize() - partContent : Long.MAX_VALUE;
        if (piece.remaining() > allowed) {
            fail(FormViolation.FIELD_TOO_LARGE, "a field of more than " + limits.maxFieldSize() + " bytes",
                    contentStart + limits.maxFieldSize());
            if (allowed == 0) {
                return new MultipartEvent.Failed(failure);
            }
            piece.limit((int) allowed);
        }
        partContent += piece.remaining();
        return new MultipartEvent.Content(piece);
    }

    /** RFC 2046 §5.1.1: after a delimiter, {@code --} ends the body; else transport padding and CRLF open a part. */
    private MultipartEvent afterDelimiter(ByteBuffer in) {
        while (in.hasRemaining()) {
            byte b = in.get(in.position());
            Tail next = switch (tail) {
                case START -> b == '-' ? Tail.DASH : b == ' ' || b == '\t' ? Tail.PADDING : b == CR ? Tail.CR : null;
                case PADDING -> b == ' ' || b == '\t' ? Tail.PADDING : b == CR ? Tail.CR : null;
                case DASH -> b == '-' ? Tail.DASH : null;
                case CR -> b == '\n' ? Tail.CR : null;
            };
            if (next == null) {
                return fail(FormViolation.MALFORMED_DELIMITER, String.format("octet 0x%02x after the boundary",
                        b & 0xff), offset);
            }
            in.position(in.position() + 1);
            offset++;
            if (tail == Tail.DASH) {
                state = State.FINISHED;
                return FINISHED;
            }
            if (tail == Tail.CR) {
                return startPart();
            }
            tail = next;
        }
        return NEED_MORE;
    }

    private MultipartEvent startPart() {
        if (++parts > limits.maxParts()) {
            return fail(FormViolation.TOO_MANY_PARTS, "more than " + limits.maxParts() + " parts", offset);
        }
        state = State.HEADERS;
        headersStart = offset;
        return null;
    }

    private MultipartEvent partHeaders(ByteBuffer in) {
        int before = in.position();
        ParseResult<Headers> result = headers.feed(in);
        offset += in.position() - before;
        return switch (result) {
            case ParseResult.NeedMore<Headers>() -> NEED_MORE;
            case ParseResult.Failed<Headers>(var error) -> fail(FormViolation.INVALID_PART_HEADER, error.toString(),
                    headersStart + error.offset());
            case ParseResult.Complete<Headers>(Headers fields) -> startContent(fields);
        };
    }

    /** RFC 7578 §4.2: each part has a Content-Disposition of type form-data, with a name. */
    private MultipartEvent startContent(Headers fields) {
        if (fields.count(HeaderName.CONTENT_DISPOSITION) != 1) {
            return fail(FormViolation.INVALID_CONTENT_DISPOSITION, fields.count(HeaderName.CONTENT_DISPOSITION)
                    + " Content-Disposition fields", headersStart);
        }
        ContentDisposition disposition;
        try {
            disposition = ContentDisposition.parse(fields.first(HeaderName.CONTENT_DISPOSITION).orElseThrow());
        } catch (ContentDisposition.Invalid e) {
            return fail(e.violation(), e.getMessage(), headersStart);
        }
        state = State.CONTENT;
        contentStart = offset;
        partContent = 0;
        partIsField = disposition.filename() == null;
        return new MultipartEvent.PartStarted(new PartHead(fields, disposition.name(),
                Optional.ofNullable(disposition.filename())));
    }

    private MultipartEvent fail(FormViolation violation, String detail, long at) {
        failure = new FormError(violation, detail, at);
        return new MultipartEvent.Failed(failure);
    }
}
