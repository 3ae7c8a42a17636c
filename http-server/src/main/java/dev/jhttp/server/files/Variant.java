package dev.jhttp.server.files;

import dev.jhttp.core.Body;
import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Request;
import dev.jhttp.core.headers.EntityTag;
import dev.jhttp.core.headers.QualityList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

/**
 * Which representation of a file to send: a precompressed {@code .br} or {@code .gz} sibling the client accepts, the
 * file gzipped on the fly, or the file itself. Each has its own validator, so caches never mix them up.
 *
 * @param path     the file whose bytes are sent (a sibling for precompressed variants)
 * @param encoding the Content-Encoding, or null for none
 * @param onTheFly whether the bytes are compressed while sent: no known length, no ranges
 */
record Variant(Path path, long size, Instant modified, EntityTag etag, String encoding, boolean onTheFly) {
    private static final long GZIP_THRESHOLD = 1024;

    static Variant choose(Request request, Path file, long size, Instant modified, String type, boolean gzip) {
        QualityList accepted = QualityList.parse(request.headers().first(HeaderName.ACCEPT_ENCODING).orElse(null));
        String opaque = Long.toHexString(size) + "-" + Long.toHexString(modified.toEpochMilli());
        boolean compressible = gzip && MimeTypes.isText(type.split(";")[0]) && size >= GZIP_THRESHOLD;
        // br first: it is the smaller of the two at equal preference. Only codings the client accepts are looked
        // for, which saves a failed stat per coding on most requests.
        for (String[] coding : new String[][] {{"br", ".br"}, {"gzip", ".gz"}}) {
            if (accepted.qualityOf(coding[0]) <= 0) {
                continue;
            }
            Path sibling = file.resolveSibling(file.getFileName() + coding[1]);
            BasicFileAttributes attributes = regularFile(sibling);
            if (attributes != null) {
                String siblingOpaque = Long.toHexString(attributes.size()) + "-"
                        + Long.toHexString(attributes.lastModifiedTime().toMillis()) + "-" + coding[0];
                return new Variant(sibling, attributes.size(), attributes.lastModifiedTime().toInstant(),
                        EntityTag.strong(siblingOpaque), coding[0], false);
            }
        }
        if (compressible && accepted.qualityOf("gzip") > 0) {
            // Compressor output may differ between JDKs: a weak validator (RFC 9110 §8.8.1).
            return new Variant(file, -1, modified, EntityTag.weak(opaque + "-gzip"), "gzip", true);
        }
        return new Variant(file, size, modified, EntityTag.strong(opaque), null, false);
    }

    boolean rangeable() {
        return !onTheFly;
    }

    Body body() {
        if (!onTheFly) {
            return Body.ofFile(path, 0, size);
        }
        return Body.ofStream(out -> {
            GZIPOutputStream gzip = new GZIPOutputStream(new KeepOpenOutput(out), 8192);
            Files.copy(path, gzip);
            gzip.finish();
        }, -1);
    }

    private static BasicFileAttributes regularFile(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() ? attributes : null;
        } catch (IOException absent) {
            return null;
        }
    }
}
