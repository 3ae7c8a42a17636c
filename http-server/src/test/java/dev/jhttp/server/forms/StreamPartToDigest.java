package dev.jhttp.server.forms;

import dev.jhttp.core.Body;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;

import java.io.InputStream;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Run in a JVM of its own with a small heap by {@link MultipartPartsTest}: streams a generated body with a file part
 * of SIZE octets through {@link Forms#parts} and prints the field, the filename, the octets read and their CRC-32.
 */
public final class StreamPartToDigest {
    private StreamPartToDigest() {
    }

    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[0]);
        Request request = Request.of(Method.POST, "/upload")
                .withHeader("Content-Type", "multipart/form-data; boundary=" + GeneratedMultipart.BOUNDARY)
                .withBody(Body.ofInputStream(new GeneratedMultipart(size), -1));
        StringBuilder out = new StringBuilder();
        try (MultipartParts parts = Forms.parts(request)) {
            for (Optional<FormPart> part = parts.next(); part.isPresent(); part = parts.next()) {
                if (!part.get().head().isFile()) {
                    out.append(part.get().text()).append(' ');
                    continue;
                }
                CRC32 crc = new CRC32();
                long read = 0;
                byte[] chunk = new byte[8192];
                InputStream content = part.get().content();
                for (int n; (n = content.read(chunk)) > 0; read += n) {
                    crc.update(chunk, 0, n);
                }
                out.append(part.get().head().filename().orElseThrow()).append(' ').append(read).append(' ')
                        .append(Long.toHexString(crc.getValue()));
            }
        }
        System.out.println(out);
    }
}
