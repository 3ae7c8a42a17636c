package dev.jhttp.core.parse;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.syntax.Ascii;
import dev.jhttp.core.syntax.ByteScan;
import dev.jhttp.core.syntax.Prechecked;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads field lines up to the empty line that ends a header or trailer section (RFC 9112 §5), enforcing the size and
 * count limits and, through {@link FieldLineCheck}, the field-line grammar as the bytes arrive.
 */
final class FieldSectionReader {
    private final LineReader lines;
    private final ParserLimits limits;
    private final Failure failure;
    private final FieldLineCheck check = new FieldLineCheck();
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
        if (lines.lineLength() == 0) {
            startLine();
        }
        while (true) {
            LineReader.Outcome outcome = lines.read(in, limits.maxHeaderSectionSize() - sectionBytes);
            if (!check.afterRead(lines, outcome, failure, messageOffset)
                    || outcome == LineReader.Outcome.NEED_MORE) {
                return false;
            }
            if (outcome == LineReader.Outcome.OVER_BUDGET) {
                failure.set(Violation.HEADER_SECTION_TOO_LARGE,
                        "field section exceeds " + limits.maxHeaderSectionSize() + " bytes",
                        messageOffset + lines.lineStart() + lines.lineLength());
                return false;
            }
            sectionBytes += lines.lineLength();
            if (!checkLf(lines, failure, messageOffset)) {
                return false;
            }
            if (lines.contentEnd() == lines.lineStart()) {
                lines.nextLine();
                return true;
            }
            addFieldLine();
            afterStartLine = false;
            lines.nextLine();
            validEnd = lines.lineStart();
            startLine();
        }
    }

    private void startLine() {
        check.next(afterStartLine, count == limits.maxHeaderCount());
        check.start(lines.lineStart());
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

    // field-line = field-name ":" OWS field-value OWS (RFC 9112 §5): its bytes passed the check.
    private void addFieldLine() {
        byte[] b = lines.bytes();
        int start = lines.lineStart();
        int colon = check.colon();
        int valueStart = colon + 1;
        while (valueStart < lines.contentEnd() && Ascii.isWhitespace(b[valueStart])) {
            valueStart++;
        }
        if (count == names.length) {
            names = Arrays.copyOf(names, Math.max(16, count * 2));
            valueStarts = Arrays.copyOf(valueStarts, names.length);
        }
        names[count] = HeaderName.ofAscii(b, start, colon - start);
        valueStarts[count] = valueStart;
        count++;
    }

    /** RFC 9112 §2.2: a line ends in CRLF, not a bare LF; see {@link Violation#BARE_LF}. */
    static boolean checkLf(LineReader lines, Failure failure, long messageOffset) {
        if (!lines.endsWithCrLf()) {
            failure.set(Violation.BARE_LF, "line ends in LF without CR", messageOffset + lines.lineEnd());
            return false;
        }
        return true;
    }
}
