package dev.jhttp.core.parse;

import dev.jhttp.core.syntax.Ascii;

/**
 * The chunk-size line, byte by byte: {@code chunk-size [ chunk-ext ]} with {@code chunk-size = 1*HEXDIG} (RFC 9112
 * §7.1). A size fails at the digit that overflows it or takes the content past its limit; extensions fail at the byte
 * that breaks their grammar or their length limit.
 */
final class ChunkSizeLineCheck extends LineCheck {
    private final ChunkExtensions extensions = new ChunkExtensions();
    private final int maxExtensionLength;
    private long room;
    private int lineStart;
    private int extensionStart;
    private long size;

    ChunkSizeLineCheck(int maxExtensionLength) {
        this.maxExtensionLength = maxExtensionLength;
    }

    /** Says how much more content the message may have before the next line starts. */
    void next(long room) {
        this.room = room;
    }

    /** The chunk's size, once the line has passed. */
    long size() {
        return size;
    }

    @Override
    void restart(int lineStart) {
        this.lineStart = lineStart;
        extensionStart = -1;
        size = 0;
        extensions.restart();
    }

    @Override
    int scan(byte[] b, int from, int to, boolean complete, Failure failure, long base, int firstControl) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '\r') {
                return carriageReturn(i, to, complete, failure, base);
            }
            if (extensionStart < 0 && Ascii.isHexDigit(c)) {
                if (size > (Long.MAX_VALUE >> 4)) {
                    return fail(Violation.INVALID_CHUNK_SIZE, "chunk size overflows", i, failure, base);
                }
                size = (size << 4) | Ascii.hexValue(c);
                if (size > room) {
                    return fail(Violation.BODY_TOO_LARGE, "chunked content exceeds its limit", i, failure, base);
                }
                continue;
            }
            if (i == lineStart) {
                return fail(Violation.INVALID_CHUNK_SIZE, "chunk size is not hex digits", i, failure, base);
            }
            if (extensionStart < 0) {
                extensionStart = i;
            }
            if (i - extensionStart == maxExtensionLength) {
                return fail(Violation.CHUNK_EXTENSION_TOO_LONG,
                        "chunk extensions exceed " + maxExtensionLength + " bytes", i, failure, base);
            }
            if (!extensions.accept(c)) {
                return fail(Violation.INVALID_CHUNK_EXTENSION, i == extensionStart
                        ? "byte 0x%02X after the chunk size starts no chunk extension".formatted(c & 0xFF)
                        : "chunk extension breaks its grammar", i, failure, base);
            }
        }
        return to;
    }

    @Override
    boolean end(int to, Failure failure, long base) {
        if (to == lineStart) {
            failure.set(Violation.INVALID_CHUNK_SIZE, "chunk size is not hex digits", base + to);
            return false;
        }
        if (!extensions.isComplete()) {
            failure.set(Violation.INVALID_CHUNK_EXTENSION, "chunk extension breaks its grammar", base + to);
            return false;
        }
        return true;
    }
}
