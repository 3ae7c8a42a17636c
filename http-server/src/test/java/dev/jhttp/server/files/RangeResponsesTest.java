package dev.jhttp.server.files;

import dev.jhttp.core.Body;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.core.headers.ByteRanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Range answers built without a socket: 206 with one range, multipart/byteranges with several, 416 with none. */
class RangeResponsesTest {
    private static final String TEXT = "0123456789abcdefghij";
    private static final Headers HEADERS = Headers.of("Content-Type", "text/plain");

    @Test
    void oneRangeIsA206WithItsContentRange(@TempDir Path dir) throws IOException {
        Response response = answer(dir, "bytes=2-5");
        assertThat(response.status()).isEqualTo(Status.PARTIAL_CONTENT_206);
        assertThat(response.headers().first("Content-Range")).contains("bytes 2-5/20");
        assertThat(response.headers().first("Content-Type")).contains("text/plain");
        assertThat(text(response.body())).isEqualTo("2345");
    }

    @Test
    void severalRangesAreMultipartWithAnExactLength(@TempDir Path dir) throws IOException {
        Response response = answer(dir, "bytes=0-1,-3");
        assertThat(response.status()).isEqualTo(Status.PARTIAL_CONTENT_206);
        String type = response.headers().first("Content-Type").orElseThrow();
        assertThat(type).startsWith("multipart/byteranges; boundary=");
        String boundary = type.substring(type.indexOf('=') + 1);
        String body = text(response.body());
        assertThat(body).isEqualTo("\r\n--" + boundary + "\r\nContent-Type: text/plain\r\nContent-Range: bytes 0-1/20"
                + "\r\n\r\n01\r\n--" + boundary + "\r\nContent-Type: text/plain\r\nContent-Range: bytes 17-19/20"
                + "\r\n\r\nhij\r\n--" + boundary + "--\r\n");
        assertThat(response.body().length()).isEqualTo(body.getBytes(StandardCharsets.US_ASCII).length);
    }

    @Test
    void noSatisfiableRangeIs416NamingTheSize(@TempDir Path dir) throws IOException {
        Response response = answer(dir, "bytes=30-40");
        assertThat(response.status()).isEqualTo(Status.RANGE_NOT_SATISFIABLE_416);
        assertThat(response.headers().first("Content-Range")).contains("bytes */20");
        assertThat(response.body().length()).isZero();
    }

    private static Response answer(Path dir, String range) throws IOException {
        Path file = Files.writeString(dir.resolve("f.txt"), TEXT);
        ByteRanges.Resolved resolved = ByteRanges.resolve(range, TEXT.length(), 16).orElseThrow();
        return RangeResponses.of(file, TEXT.length(), resolved, HEADERS);
    }

    private static String text(Body body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        return out.toString(StandardCharsets.US_ASCII);
    }
}
