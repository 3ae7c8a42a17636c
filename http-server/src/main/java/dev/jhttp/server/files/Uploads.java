package dev.jhttp.server.files;

/**
 * What a {@link StaticFiles} lets clients write, when it lets them at all: files by {@code PUT} or by a
 * {@code multipart/form-data} {@code POST} to a folder (several at once, as the listing page's form sends), folders
 * by a form's {@code mkdir} field, and, if allowed, deletion. Names follow the same rules as reading plus those a
 * file name needs to be safe anywhere ({@code UploadNames}); a file appears only once complete.
 *
 * {@snippet :
 * Handler files = StaticFiles.serving(root).withListing(true)
 *         .withUploads(Uploads.allowed().withMaxSize(1L << 30).withDelete(true));
 * }
 *
 * @param maxSize          octets of request content one write may carry (a 413 past it, before reading when the
 *                         length is declared)
 * @param overwrite        whether a write may replace an existing file (else 409)
 * @param delete           whether files and empty folders may be deleted ({@code DELETE}, or a form's
 *                         {@code delete} field)
 * @param loopbackHostOnly whether writes are refused unless {@code Host} names the loopback ({@code localhost},
 *                         {@code 127.0.0.1}, {@code [::1]}): for a server without authentication on the loopback, so
 *                         that a page on another site whose name is made to resolve to 127.0.0.1 (DNS rebinding)
 *                         cannot write
 */
public record Uploads(long maxSize, boolean overwrite, boolean delete, boolean loopbackHostOnly) {
    public Uploads {
        if (maxSize < 0) {
            throw new IllegalArgumentException("maxSize < 0: " + maxSize);
        }
    }

    /** Uploads of any size, no overwriting, no deleting, from any host name. */
    public static Uploads allowed() {
        return new Uploads(Long.MAX_VALUE, false, false, false);
    }

    public Uploads withMaxSize(long value) {
        return new Uploads(value, overwrite, delete, loopbackHostOnly);
    }

    public Uploads withOverwrite(boolean value) {
        return new Uploads(maxSize, value, delete, loopbackHostOnly);
    }

    public Uploads withDelete(boolean value) {
        return new Uploads(maxSize, overwrite, value, loopbackHostOnly);
    }

    public Uploads withLoopbackHostOnly(boolean value) {
        return new Uploads(maxSize, overwrite, delete, value);
    }
}
