package dev.jhttp.core.parse;

import dev.jhttp.core.Headers;

import java.nio.ByteBuffer;

/**
 * Reads a field section on its own, up to and including the empty line that ends it: the header fields of a MIME
 * part in {@code multipart/form-data}, say. The field rules and limits are a request's ({@link
 * ParserLimits#maxHeaderSectionSize}, {@link ParserLimits#maxHeaderCount}); bytes cut anywhere read the same; error
 * offsets count from the section's first byte. Once a section is complete, the next {@code feed} starts another.
 *
 * {@snippet :
 * FieldSectionParser parser = FieldSectionParser.create(ParserLimits.defaults());
 * ParseResult<Headers> result = parser.feed(buffer);   // consumes through the empty line; the rest stays
 * }
 */
public final class FieldSectionParser {
    private final LineReader lines = new LineReader();
    private final Failure failure = new Failure();
    private final FieldSectionReader reader;
    private boolean started;

    private FieldSectionParser(ParserLimits limits) {
        this.reader = new FieldSectionReader(lines, limits, failure);
    }

    public static FieldSectionParser create(ParserLimits limits) {
        return new FieldSectionParser(limits);
    }

    /** Reads what {@code in} holds of the section; after a failure, every call gives the same failure. */
    public ParseResult<Headers> feed(ByteBuffer in) {
        if (failure.isSet()) {
            return new ParseResult.Failed<>(failure.error());
        }
        if (!started) {
            lines.clear();
            reader.start(false);
            started = true;
        }
        if (reader.read(in, 0)) {
            started = false;
            Headers fields = reader.fields();
            reader.clear();
            return new ParseResult.Complete<>(fields);
        }
        return failure.isSet() ? new ParseResult.Failed<>(failure.error()) : ParseResult.needMore();
    }
}
