package dev.jhttp.server.files;

import dev.jhttp.core.Body;
import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.core.headers.ByteRanges;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The 206 and 416 answers to range requests (RFC 9110 §14.4, §15.3.7, §15.5.17). */
final class RangeResponses {
    private RangeResponses() {
    }

    static Response of(Path file, long size, ByteRanges.Resolved resolved, Headers headers) {
        if (!resolved.satisfiable()) {
            return Response.of(Status.RANGE_NOT_SATISFIABLE_416,
                    Headers.of(HeaderName.CONTENT_RANGE.name(), "bytes */" + size), Body.empty());
        }
        List<ByteRanges.Range> ranges = resolved.ranges();
        if (ranges.size() == 1) {
            ByteRanges.Range range = ranges.getFirst();
            return Response.of(Status.PARTIAL_CONTENT_206,
                    headers.with(HeaderName.CONTENT_RANGE, range.contentRange(size)),
                    Body.ofFile(file, range.first(), range.length()));
        }
        return multipart(file, size, ranges, headers);
    }

    /** Several ranges: {@code multipart/byteranges}, its exact length computed up front. */
    private static Response multipart(Path file, long size, List<ByteRanges.Range> ranges, Headers headers) {
        String contentType = headers.first(HeaderName.CONTENT_TYPE).orElse("application/octet-stream");
        String boundary = "jhttp-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        List<byte[]> partHeads = new ArrayList<>(ranges.size());
        long length = 0;
        for (ByteRanges.Range range : ranges) {
            byte[] head = ("\r\n--" + boundary + "\r\nContent-Type: " + contentType + "\r\nContent-Range: "
                    + range.contentRange(size) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            partHeads.add(head);
            length += head.length + range.length();
        }
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        length += end.length;
        Body body = Body.ofStream((OutputStream out) -> {
            for (int i = 0; i < ranges.size(); i++) {
                out.write(partHeads.get(i));
                Body.ofFile(file, ranges.get(i).first(), ranges.get(i).length()).writeTo(out);
            }
            out.write(end);
        }, length);
        Headers multipartHeaders = headers.withReplaced(HeaderName.CONTENT_TYPE,
                "multipart/byteranges; boundary=" + boundary);
        return Response.of(Status.PARTIAL_CONTENT_206, multipartHeaders, body);
    }
}
