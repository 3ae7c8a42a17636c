package dev.jhttp.core.write;

import dev.jhttp.core.Body;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseWriterTest {
    private static final ResponseWriter WRITER =
            ResponseWriter.create(Clock.fixed(Instant.parse("1994-11-06T08:49:37Z"), ZoneOffset.UTC));
    private static final String DATE = "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n";

    @Test
    void writesStatusLineHeadersLengthAndDate() throws IOException {
        Response response = Response.of(Status.OK_200).withHeader("Content-Type", "text/plain").withBody(Body.of("hi"));
        assertThat(written(response)).isEqualTo("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
                + DATE + "\r\nhi");
    }

    @Test
    void writesUnknownLengthContentChunkedWithTrailers() throws IOException {
        Response response = Response.of(Status.OK_200)
                .withBody(Body.ofStream(out -> {
                    out.write("abc".getBytes(StandardCharsets.US_ASCII));
                    out.write(new byte[0]);
                    out.write("defghijklmnopqr".getBytes(StandardCharsets.US_ASCII));
                }, -1))
                .withTrailers(Headers.of("Checksum", "x"));
        assertThat(written(response)).isEqualTo("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n" + DATE + "\r\n"
                + "3\r\nabc\r\nf\r\ndefghijklmnopqr\r\n0\r\nChecksum: x\r\n\r\n");
    }

    @Test
    void writesUnknownLengthContentUntilCloseForHttp10() throws IOException {
        Response response = Response.of(Status.OK_200).withBody(Body.ofStream(out -> out.write('x'), -1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WRITER.write(response, dev.jhttp.core.Version.HTTP_1_0, out);
        assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 200 OK\r\n" + DATE + "\r\nx");
    }

    @Test
    void replacesFramingFieldsTheCallerSet() throws IOException {
        Response response = Response.of(Status.OK_200, Headers.of("Content-Length", "999",
                "Transfer-Encoding", "gzip"), Body.of("ok"));
        assertThat(written(response)).isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n" + DATE + "\r\nok");
    }

    @Test
    void keepsADateTheCallerSet() throws IOException {
        Response response = Response.of(Status.OK_200).withHeader("Date", "Mon, 01 Jan 2001 00:00:00 GMT");
        assertThat(written(response)).isEqualTo(
                "HTTP/1.1 200 OK\r\nDate: Mon, 01 Jan 2001 00:00:00 GMT\r\nContent-Length: 0\r\n\r\n");
    }

    @Test
    void writesNoFramingOrContentFor204And304() throws IOException {
        assertThat(written(Response.of(Status.NO_CONTENT_204).withBody(Body.of("dropped"))))
                .isEqualTo("HTTP/1.1 204 No Content\r\n" + DATE + "\r\n");
        assertThat(written(Response.of(Status.NOT_MODIFIED_304).withHeader("ETag", "\"v1\"")))
                .isEqualTo("HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\n" + DATE + "\r\n");
    }

    @Test
    void dateFollowsTheClockSecondBySecond() throws IOException {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00.100Z"));
        Clock ticking = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        ResponseWriter writer = ResponseWriter.create(ticking);
        assertThat(writer.prepare(Response.of(Status.OK_200)).headers().first("Date"))
                .contains("Thu, 01 Jan 2026 00:00:00 GMT");
        now.set(Instant.parse("2026-01-01T00:00:00.900Z"));
        assertThat(writer.prepare(Response.of(Status.OK_200)).headers().first("Date"))
                .contains("Thu, 01 Jan 2026 00:00:00 GMT");
        now.set(Instant.parse("2026-01-01T00:00:01.000Z"));
        assertThat(writer.prepare(Response.of(Status.OK_200)).headers().first("Date"))
                .contains("Thu, 01 Jan 2026 00:00:01 GMT");
    }

    @Test
    void writesNoDateOnInterimResponses() throws IOException {
        assertThat(written(Response.of(Status.CONTINUE_100))).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
    }

    @Test
    void headWritesTheHeadersOfGetWithoutContent() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WRITER.writeHead(Response.of(Status.OK_200).withBody(Body.of("hello")), out);
        assertThat(out.toString(StandardCharsets.ISO_8859_1))
                .isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n" + DATE + "\r\n");
    }

    @Test
    void writesAFileRegion() throws IOException {
        Path file = Files.createTempFile("region", ".txt");
        try {
            Files.writeString(file, "0123456789");
            Response response = Response.of(Status.PARTIAL_CONTENT_206).withBody(Body.ofFile(file, 3, 4));
            assertThat(written(response)).endsWith("Content-Length: 4\r\n" + DATE + "\r\n3456");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void writesHeaderValuesAsTheirOctets() throws IOException {
        Response response = Response.of(Status.OK_200).withHeader("X-Name", "caf\u00e9");
        byte[] bytes = writtenBytes(response);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("caf") + 3;
        assertThat(bytes[at]).isEqualTo((byte) 0xE9);
    }

    private static String written(Response response) throws IOException {
        return new String(writtenBytes(response), StandardCharsets.ISO_8859_1);
    }

    private static byte[] writtenBytes(Response response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WRITER.write(response, out);
        return out.toByteArray();
    }
}
