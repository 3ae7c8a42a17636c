package dev.jhttp.tests.integration;

import dev.jhttp.core.Body;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.files.StaticFiles;
import dev.jhttp.tests.fixtures.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static dev.jhttp.tests.integration.ExchangeTest.bodyOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Not-found pages, SPA mode, compressed variants and folder downloads. */
class StaticFilesExtrasTest {
    private static final String TEXT = "jhttp serves text. ".repeat(200);

    @TempDir
    Path root;

    @BeforeEach
    void createTree() throws IOException {
        Files.writeString(root.resolve("index.html"), "<h1>app</h1>");
        Files.writeString(root.resolve("404.html"), "<h1>lost</h1>");
        Files.writeString(root.resolve("big.txt"), TEXT);
        Files.writeString(root.resolve("app.js"), "console.log('plain')");
        Files.write(root.resolve("app.js.gz"), gzip("console.log('gz')"));
        Files.writeString(root.resolve("app.js.br"), "brotli bytes");
        Files.createDirectories(root.resolve("docs/sub"));
        Files.writeString(root.resolve("docs/a.txt"), "A");
        Files.writeString(root.resolve("docs/sub/b.txt"), "B");
        Files.writeString(root.resolve("docs/.secret"), "hidden");
    }

    @Test
    void rootNotFoundPageAnswersMissingPathsWith404() {
        try (var server = TestServer.start(StaticFiles.serving(root))) {
            Response response = server.get("/nowhere");
            assertThat(response.status()).isEqualTo(Status.NOT_FOUND_404);
            assertThat(bodyOf(response)).isEqualTo("<h1>lost</h1>");
            assertThat(response.headers().first("Content-Type")).contains("text/html; charset=utf-8");
        }
    }

    @Test
    void spaModeServesTheIndexForUnknownHtmlPaths() {
        try (var server = TestServer.start(StaticFiles.serving(root).withSpa(true))) {
            Response route = server.get("/users/42", "Accept: text/html");
            assertThat(route.status()).isEqualTo(Status.OK_200);
            assertThat(bodyOf(route)).isEqualTo("<h1>app</h1>");
            assertThat(server.get("/missing.png", "Accept: image/png").status()).isEqualTo(Status.NOT_FOUND_404);
        }
    }

    @Test
    void servesPrecompressedSiblingsTheClientAccepts() {
        try (var server = TestServer.start(StaticFiles.serving(root))) {
            Response br = server.get("/app.js", "Accept-Encoding: gzip, br");
            assertThat(br.headers().first("Content-Encoding")).contains("br");
            assertThat(bodyOf(br)).isEqualTo("brotli bytes");
            assertThat(br.headers().first("Content-Type")).contains("text/javascript; charset=utf-8");
            assertThat(br.headers().first("Vary")).contains("Accept-Encoding");
            Response gz = server.get("/app.js", "Accept-Encoding: gzip");
            assertThat(gz.headers().first("Content-Encoding")).contains("gzip");
            assertThat(gunzip(((Body.Bytes) gz.body()).toByteArray())).isEqualTo("console.log('gz')");
            Response plain = server.get("/app.js");
            assertThat(plain.headers().contains("Content-Encoding")).isFalse();
            assertThat(bodyOf(plain)).isEqualTo("console.log('plain')");
            assertThat(plain.headers().first("Vary")).contains("Accept-Encoding");
            assertThat(br.headers().first("ETag")).isNotEqualTo(gz.headers().first("ETag"))
                    .isNotEqualTo(plain.headers().first("ETag"));
        }
    }

    @Test
    void gzipsTextOnTheFlyWhenEnabled() {
        try (var server = TestServer.start(StaticFiles.serving(root).withGzip(true))) {
            Response response = server.get("/big.txt", "Accept-Encoding: gzip");
            assertThat(response.headers().first("Content-Encoding")).contains("gzip");
            assertThat(response.headers().first("Transfer-Encoding")).contains("chunked");
            assertThat(response.headers().first("ETag")).hasValueSatisfying(tag -> assertThat(tag).startsWith("W/"));
            assertThat(gunzip(((Body.Bytes) response.body()).toByteArray())).isEqualTo(TEXT);
            String etag = response.headers().first("ETag").orElseThrow();
            assertThat(server.get("/big.txt", "Accept-Encoding: gzip", "If-None-Match: " + etag).status())
                    .isEqualTo(Status.NOT_MODIFIED_304);
            assertThat(bodyOf(server.get("/big.txt"))).isEqualTo(TEXT);
        }
        try (var server = TestServer.start(StaticFiles.serving(root))) {
            assertThat(server.get("/big.txt", "Accept-Encoding: gzip").headers().contains("Content-Encoding"))
                    .isFalse();
        }
    }

    @Test
    void downloadsAFolderAsAStreamedZip() throws IOException {
        try (var server = TestServer.start(StaticFiles.serving(root).withListing(true))) {
            Response response = server.get("/docs/?download=zip");
            assertThat(response.headers().first("Content-Type")).contains("application/zip");
            assertThat(response.headers().first("Content-Disposition")).contains("attachment; filename=\"docs.zip\"");
            assertThat(response.headers().first("Transfer-Encoding")).contains("chunked");
            List<String> names = new ArrayList<>();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(
                    ((Body.Bytes) response.body()).toByteArray()))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    names.add(entry.getName() + (entry.isDirectory() ? "" : "=" + new String(zip.readAllBytes(),
                            StandardCharsets.UTF_8)));
                }
            }
            assertThat(names).containsExactly("a.txt=A", "sub/", "sub/b.txt=B");
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String gunzip(byte[] compressed) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("not gzip", e);
        }
    }
}
