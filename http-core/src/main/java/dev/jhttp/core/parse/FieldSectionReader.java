package dev.jhttp.core.parse;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.internal.Ascii;
import dev.jhttp.core.internal.ByteScan;
import dev.jhttp.core.internal.Prechecked;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads field lines up to the empty line that ends a header or trailer section (RFC 9112 §5), enforcing the size and
 * count limits and the field-line grammar.
 */
final class FieldSectionReader {
    private final LineReader lines;
    private final ParserLimits limits;
    private final Failure failure;
    /** The name and value start of each field line read, reused from section to section; grown on demand. */
    private HeaderName[] names = new HeaderName[0];
    private int[] valueStarts = new int[0];
    /** Where the section's first line, and the line after its last valid field line, start in the line buffer. */
    private int sectionStart;
    private int validEnd;
    private int sectionBytes;
    private int count;
    private boolean afterStartLine;

    FieldSectionReader(LineReader lines, ParserLimits limits, Failure failure) {
        this.lines = lines;
        this.limits = limits;
        this.failure = failure;
    }

    /**
     * Starts a section.
     *
     * @param afterStartLine whether the section follows a start-line, where leading whitespace has its own rule
     */
    void start(boolean afterStartLine) {
        this.sectionStart = lines.lineStart();
        this.validEnd = sectionStart;
        this.sectionBytes = 0;
        this.count = 0;
        this.afterStartLine = afterStartLine;
    }

    /** Forgets the section read: the line buffer it lies in is about to be reused. */
    void clear() {
        count = 0;
    }

    /** Reads lines; returns true when the empty line arrived, false on need-more or failure (see {@link Failure}). */
    boolean read(ByteBuffer in, long messageOffset) {
        while (true) {
            LineReader.Outcome outcome = lines.read(in, limits.maxHeaderSectionSize() - sectionBytes);
            if (outcome == LineReader.Outcome.NEED_MORE) {
                return false;
            }
            if (outcome == LineReader.Outcome.OVER_BUDGET) {
                failure.set(Violation.HEADER_SECTION_TOO_LARGE,
                        "field section exceeds " + limits.maxHeaderSectionSize() + " bytes",
                        messageOffset + lines.lineStart() + lines.lineLength());
                return false;
            }
            sectionBytes += lines.lineLength();
            // A CR inside the line is found by the field-line checks, which look at every byte (see refuse).
            if (!checkLf(lines, failure, messageOffset)) {
                return false;
            }
            if (lines.contentEnd() == lines.lineStart()) {
                lines.nextLine();
                return true;
            }
            if (count == limits.maxHeaderCount()) {
                failure.set(Violation.TOO_MANY_HEADERS, "more than " + limits.maxHeaderCount() + " field lines",
                        messageOffset + lines.lineStart());
                return false;
            }
            if (!parseFieldLine(messageOffset)) {
                return false;
            }
            count++;
            afterStartLine = false;
            lines.nextLine();
            validEnd = lines.lineStart();
        }
    }

    /** Reads the bytes of a field value in place, with no String made of them. */
    @FunctionalInterface
    interface ValueReader<T> {
        T read(byte[] b, int from, int to);
    }

    /** How many of the section's field lines are named {@code name}. */
    int count(HeaderName name) {
        int found = 0;
        for (int i = 0; i < count; i++) {
            found += names[i].equals(name) ? 1 : 0;
        }
        return found;
    }

    /**
     * What {@code reader} makes of the value of the first line named {@code name}, where it still lies in the line
     * buffer; {@code null} if there is no such line. Call it before the buffer moves on.
     */
    <T> T readFirst(HeaderName name, ValueReader<T> reader) {
        for (int i = 0; i < count; i++) {
            if (names[i].equals(name)) {
                byte[] b = lines.bytes();
                return reader.read(b, valueStarts[i], ByteScan.fieldValueEnd(b, valueStarts[i]));
            }
        }
        return null;
    }

    /** The valid field lines read so far: one copy of their bytes, values decoded when first read. */
    Headers fields() {
        if (count == 0) {
            return Headers.empty();
        }
        byte[] source = Arrays.copyOfRange(lines.bytes(), sectionStart, validEnd);
        return Prechecked.headers(Arrays.copyOf(names, count), count, source);
    }

    // field-line = field-name ":" OWS field-value OWS (RFC 9112 §5)
    private boolean parseFieldLine(long messageOffset) {
        byte[] b = lines.bytes();
        int start = lines.lineStart();
        int end = lines.contentEnd();
        if (Ascii.isWhitespace(b[start])) {
            // RFC 9112 §2.2 (first line) and §5.2 (later lines): reject rather than guess what was meant.
            return refuse(afterStartLine ? Violation.WHITESPACE_AFTER_START_LINE : Violation.OBSOLETE_LINE_FOLDING,
                    "field line starts with whitespace", messageOffset, start);
        }
        int i = start;
        while (i < end && Ascii.isTokenChar(b[i])) {
            i++;
        }
        if (i == end || b[i] != ':') {
            boolean spaceThenColon = i < end && Ascii.isWhitespace(b[i])
                    && ByteScan.indexOf(b, i, end, (byte) ':') >= 0;
            if (spaceThenColon && i > start) {
                return refuse(Violation.WHITESPACE_BEFORE_COLON, "whitespace between field name and colon",
                        messageOffset, i);
            }
            return refuse(Violation.INVALID_HEADER_NAME,
                    i == end ? "field line without colon" : "byte 0x%02X in field name".formatted(b[i] & 0xFF),
                    messageOffset, i);
        }
        if (i == start) {
            return refuse(Violation.INVALID_HEADER_NAME, "empty field name", messageOffset, i);
        }
        HeaderName name = HeaderName.ofAscii(b, start, i - start);
        int valueStart = i + 1;
        while (valueStart < end && Ascii.isWhitespace(b[valueStart])) {
            valueStart++;
        }
        int valueEnd = end;
        while (valueEnd > valueStart && Ascii.isWhitespace(b[valueEnd - 1])) {
            valueEnd--;
        }
        int invalid = lines.hasControlInContent() ? ByteScan.firstInvalidFieldByte(b, valueStart, valueEnd) : -1;
        if (invalid >= 0) {
            return refuse(Violation.INVALID_HEADER_VALUE,
                    "control byte 0x%02X in field value".formatted(b[invalid] & 0xFF), messageOffset, invalid);
        }
        if (count == names.length) {
            names = Arrays.copyOf(names, Math.max(16, count * 2));
            valueStarts = Arrays.copyOf(valueStarts, names.length);
        }
        names[count] = name;
        valueStarts[count] = valueStart;
        return true;
    }

    /**
     * Refuses a field line, reporting a bare CR first wherever it is in the line (RFC 9112 §2.2): a CR fails every
     * field-line check, so only a refused line can hold one.
     */
    private boolean refuse(Violation violation, String detail, long messageOffset, int at) {
        int cr = ByteScan.indexOf(lines.bytes(), lines.lineStart(), lines.contentEnd(), (byte) '\r');
        if (cr >= 0) {
            failure.set(Violation.BARE_CR, "CR not followed by LF", messageOffset + cr);
        } else {
            failure.set(violation, detail, messageOffset + at);
        }
        return false;
    }

    /**
     * RFC 9112 §2.2: lines end in CRLF, and a CR anywhere else is invalid. A bare LF is refused too: see
     * {@link Violation#BARE_LF}.
     */
    static boolean checkLineEnding(LineReader lines, Failure failure, long messageOffset) {
        if (!checkLf(lines, failure, messageOffset)) {
            return false;
        }
        int cr = lines.hasControlInContent()
                ? ByteScan.indexOf(lines.bytes(), lines.lineStart(), lines.contentEnd(), (byte) '\r') : -1;
        if (cr >= 0) {
            failure.set(Violation.BARE_CR, "CR not followed by LF", messageOffset + cr);
            return false;
        }
        return true;
    }

    /** The line ends in CRLF, not a bare LF. */
    private static boolean checkLf(LineReader lines, Failure failure, long messageOffset) {
        if (!lines.endsWithCrLf()) {
            failure.set(Violation.BARE_LF, "line ends in LF without CR", messageOffset + lines.lineEnd());
            return false;
        }
        return true;
    }
}
