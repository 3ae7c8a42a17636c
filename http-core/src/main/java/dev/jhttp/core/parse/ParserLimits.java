package dev.jhttp.core.parse;

/**
 * The bounds a parser enforces, each with its own violation. Defaults are close to nginx, Jetty and Helidon: request
 * line 8 KiB, header section 16 KiB, 100 fields, content 10 MiB, chunk extensions 1 KiB.
 *
 * {@snippet :
 * ParserLimits limits = ParserLimits.defaults().withMaxBodySize(1 << 20);
 * RequestParser parser = RequestParser.create(limits);
 * }
 *
 * @param maxRequestLineLength    bytes of the request-line without its CRLF, plus any empty lines before it
 *                                ({@link Violation#REQUEST_LINE_TOO_LONG}, 414); also bounds a status-line
 * @param maxHeaderSectionSize    bytes of the field lines with their CRLFs, including the empty line that ends the
 *                                section ({@link Violation#HEADER_SECTION_TOO_LARGE}, 431); also bounds trailers
 * @param maxHeaderCount          field lines in the header section ({@link Violation#TOO_MANY_HEADERS}, 431); also
 *                                bounds trailers
 * @param maxBodySize             bytes of content after transfer decoding ({@link Violation#BODY_TOO_LARGE}, 413)
 * @param maxChunkExtensionLength bytes of extensions on one chunk-size line
 *                                ({@link Violation#CHUNK_EXTENSION_TOO_LONG}, 400)
 */
public record ParserLimits(int maxRequestLineLength, int maxHeaderSectionSize, int maxHeaderCount, long maxBodySize,
                           int maxChunkExtensionLength) {
    private static final ParserLimits DEFAULTS = new ParserLimits(8 * 1024, 16 * 1024, 100, 10L * 1024 * 1024, 1024);

    /**
     * @throws IllegalArgumentException if a limit is below its minimum: a request line of 16 bytes (the shortest
     *     useful one), a header section of 2 bytes (the empty line), and zero for the rest
     */
    public ParserLimits {
        if (maxRequestLineLength < 16) {
            throw new IllegalArgumentException("maxRequestLineLength < 16: " + maxRequestLineLength);
        }
        if (maxHeaderSectionSize < 2) {
            throw new IllegalArgumentException("maxHeaderSectionSize < 2: " + maxHeaderSectionSize);
        }
        if (maxHeaderCount < 0 || maxBodySize < 0 || maxChunkExtensionLength < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
    }

    /** The defaults described above. */
    public static ParserLimits defaults() {
        return DEFAULTS;
    }

    public ParserLimits withMaxRequestLineLength(int value) {
        return new ParserLimits(value, maxHeaderSectionSize, maxHeaderCount, maxBodySize, maxChunkExtensionLength);
    }

    public ParserLimits withMaxHeaderSectionSize(int value) {
        return new ParserLimits(maxRequestLineLength, value, maxHeaderCount, maxBodySize, maxChunkExtensionLength);
    }

    public ParserLimits withMaxHeaderCount(int value) {
        return new ParserLimits(maxRequestLineLength, maxHeaderSectionSize, value, maxBodySize,
                maxChunkExtensionLength);
    }

    public ParserLimits withMaxBodySize(long value) {
        return new ParserLimits(maxRequestLineLength, maxHeaderSectionSize, maxHeaderCount, value,
                maxChunkExtensionLength);
    }

    public ParserLimits withMaxChunkExtensionLength(int value) {
        return new ParserLimits(maxRequestLineLength, maxHeaderSectionSize, maxHeaderCount, maxBodySize, value);
    }
}
