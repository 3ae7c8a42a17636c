package dev.jhttp.core.forms;

/**
 * What a {@link MultipartReader} accepts; past any of these it refuses the content with a 413's violation.
 *
 * {@snippet :
 * MultipartLimits limits = MultipartLimits.defaults().withMaxTotalSize(100L << 20);
 * }
 *
 * @param maxParts          parts in one body ({@link FormViolation#TOO_MANY_PARTS})
 * @param maxPartHeaderSize octets of one part's header section, its empty line included (as a request's
 *                          {@code maxHeaderSectionSize}: {@link FormViolation#INVALID_PART_HEADER})
 * @param maxFieldSize      content octets of a part without a filename, which a reader usually keeps in memory
 *                          ({@link FormViolation#FIELD_TOO_LARGE}); parts with one (files) are streamed
 * @param maxTotalSize      octets of the whole body ({@link FormViolation#MULTIPART_TOO_LARGE})
 */
public record MultipartLimits(int maxParts, int maxPartHeaderSize, long maxFieldSize, long maxTotalSize) {
    public MultipartLimits {
        if (maxParts < 0 || maxPartHeaderSize < 2 || maxFieldSize < 0 || maxTotalSize < 0) {
            throw new IllegalArgumentException("limits out of range: " + maxParts + ", " + maxPartHeaderSize + ", "
                    + maxFieldSize + ", " + maxTotalSize);
        }
    }

    /** 1,000 parts, 16 KiB of headers each, fields up to 1 MiB, no bound on the total. */
    public static MultipartLimits defaults() {
        return new MultipartLimits(1_000, 16 * 1024, 1 << 20, Long.MAX_VALUE);
    }

    public MultipartLimits withMaxParts(int value) {
        return new MultipartLimits(value, maxPartHeaderSize, maxFieldSize, maxTotalSize);
    }

    public MultipartLimits withMaxPartHeaderSize(int value) {
        return new MultipartLimits(maxParts, value, maxFieldSize, maxTotalSize);
    }

    public MultipartLimits withMaxFieldSize(long value) {
        return new MultipartLimits(maxParts, maxPartHeaderSize, value, maxTotalSize);
    }

    public MultipartLimits withMaxTotalSize(long value) {
        return new MultipartLimits(maxParts, maxPartHeaderSize, maxFieldSize, value);
    }
}
