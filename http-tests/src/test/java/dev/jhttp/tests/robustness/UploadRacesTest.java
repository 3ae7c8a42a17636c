package dev.jhttp.tests.robustness;

import dev.jhttp.core.Method;
import dev.jhttp.core.Response;
import dev.jhttp.server.files.StaticFiles;
import dev.jhttp.server.files.Uploads;
import dev.jhttp.server.filters.ErrorPages;
import dev.jhttp.tests.fixtures.Await;
import dev.jhttp.tests.fixtures.RawSocket;
import dev.jhttp.tests.fixtures.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads over real sockets that end badly or collide: a client that disconnects mid-upload leaves neither the file
 * nor its temporary file, and two uploads of one name racing each other give one 201 and one 409, with the file
 * holding one of them whole. Each upload is held half-sent until the server has its temporary file open, so the
 * race and the abort happen mid-write every time, not by luck.
 */
class UploadRacesTest {
    /** Long enough under a loaded machine for what takes milliseconds. */
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final int SIZE = 1 << 20;
    private static final String BOUNDARY = "race-boundary";

    @TempDir
    Path root;

    /** How the upload is sent. */
    enum Delivery {
        PUT_WITH_LENGTH, PUT_CHUNKED, MULTIPART_FORM;

        /** The request head and the first half of the content of {@code content} as {@code name}. */
        byte[] firstHalf(String name, byte[] content) {
            return switch (this) {
                case PUT_WITH_LENGTH -> concat(head("PUT /" + name, "Content-Length: " + content.length),
                        Arrays.copyOf(content, content.length / 2));
                case PUT_CHUNKED -> concat(head("PUT /" + name, "Transfer-Encoding: chunked"),
                        chunk(Arrays.copyOf(content, content.length / 2)));
                case MULTIPART_FORM -> {
                    byte[] form = form(name, content);
                    yield concat(head("POST /", "Content-Type: multipart/form-data; boundary=" + BOUNDARY,
                            "Content-Length: " + form.length), Arrays.copyOf(form, form.length / 2));
                }
            };
        }

        /** The rest, after {@link #firstHalf}. */
        byte[] secondHalf(String name, byte[] content) {
            return switch (this) {
                case PUT_WITH_LENGTH -> Arrays.copyOfRange(content, content.length / 2, content.length);
                case PUT_CHUNKED -> concat(chunk(Arrays.copyOfRange(content, content.length / 2, content.length)),
                        ascii("0\r\n\r\n"));
                case MULTIPART_FORM -> {
                    byte[] form = form(name, content);
                    yield Arrays.copyOfRange(form, form.length / 2, form.length);
                }
            };
        }

        Method method() {
            return this == MULTIPART_FORM ? Method.POST : Method.PUT;
        }
    }

    private StaticFiles files() {
        return StaticFiles.serving(root).withListing(true).withUploads(Uploads.allowed());
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void clientGoneMidUploadLeavesNothing(Delivery delivery) {
        try (TestServer server = TestServer.start(ErrorPages.negotiated().wrap(files()))) {
            byte[] content = filled((byte) 'A');
            try (RawSocket client = server.connect()) {
                client.send(delivery.firstHalf("cut.bin", content));
                Await.until(() -> temporaryFiles().size() == 1, DEADLINE, "the upload's temporary file");
            }
            Await.until(() -> entries().isEmpty(), DEADLINE, "the temporary file removed");
            // The server goes on taking uploads.
            try (RawSocket client = server.connect()) {
                client.send(delivery.firstHalf("whole.bin", content)).send(delivery.secondHalf("whole.bin", content));
                assertThat(client.readResponse(delivery.method()).status().code()).isEqualTo(201);
            }
            assertThat(entries()).containsExactly("whole.bin");
        }
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void twoUploadsOfOneNameGiveOneWinnerWhole(Delivery delivery) throws IOException {
        try (TestServer server = TestServer.start(ErrorPages.negotiated().wrap(files()));
             RawSocket first = server.connect(); RawSocket second = server.connect()) {
            byte[] as = filled((byte) 'A');
            byte[] bs = filled((byte) 'B');
            first.send(delivery.firstHalf("same.bin", as));
            second.send(delivery.firstHalf("same.bin", bs));
            Await.until(() -> temporaryFiles().size() == 2, DEADLINE, "both uploads writing");
            first.send(delivery.secondHalf("same.bin", as));
            second.send(delivery.secondHalf("same.bin", bs));
            Response firstAnswer = first.readResponse(delivery.method());
            Response secondAnswer = second.readResponse(delivery.method());

            assertThat(List.of(firstAnswer.status().code(), secondAnswer.status().code()))
                    .containsExactlyInAnyOrder(201, 409);
            byte[] written = Files.readAllBytes(root.resolve("same.bin"));
            assertThat(written).isEqualTo(firstAnswer.status().code() == 201 ? as : bs);
            assertThat(entries()).containsExactly("same.bin");
        }
    }

    @Test
    void withOverwriteTheLastToFinishWinsAndNeitherMixes() throws IOException {
        Uploads overwriting = Uploads.allowed().withOverwrite(true);
        try (TestServer server = TestServer.start(ErrorPages.negotiated().wrap(
                StaticFiles.serving(root).withUploads(overwriting)));
             RawSocket first = server.connect(); RawSocket second = server.connect()) {
            byte[] as = filled((byte) 'A');
            byte[] bs = filled((byte) 'B');
            first.send(Delivery.PUT_WITH_LENGTH.firstHalf("same.bin", as));
            second.send(Delivery.PUT_WITH_LENGTH.firstHalf("same.bin", bs));
            Await.until(() -> temporaryFiles().size() == 2, DEADLINE, "both uploads writing");
            first.send(Delivery.PUT_WITH_LENGTH.secondHalf("same.bin", as));
            assertThat(first.readResponse(Method.PUT).status().code()).isEqualTo(201);
            assertThat(Files.readAllBytes(root.resolve("same.bin"))).isEqualTo(as);
            second.send(Delivery.PUT_WITH_LENGTH.secondHalf("same.bin", bs));
            assertThat(second.readResponse(Method.PUT).status().code()).isEqualTo(200);
            assertThat(Files.readAllBytes(root.resolve("same.bin"))).isEqualTo(bs);
            assertThat(entries()).containsExactly("same.bin");
        }
    }

    private List<String> entries() {
        try (Stream<Path> listing = Files.list(root)) {
            return listing.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> temporaryFiles() {
        return entries().stream().filter(name -> name.startsWith(".jhttp-upload-") && name.endsWith(".part"))
                .toList();
    }

    private static byte[] filled(byte value) {
        byte[] content = new byte[SIZE];
        Arrays.fill(content, value);
        return content;
    }

    private static byte[] head(String requestLine, String... fields) {
        return ascii(requestLine + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("\r\n", fields) + "\r\n\r\n");
    }

    private static byte[] chunk(byte[] data) {
        return concat(ascii(Integer.toHexString(data.length) + "\r\n"), data, ascii("\r\n"));
    }

    private static byte[] form(String name, byte[] content) {
        return concat(ascii("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"), content, ascii("\r\n--" + BOUNDARY + "--\r\n"));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] joined = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }
}
