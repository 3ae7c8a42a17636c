package dev.jhttp.tests.integration;

import dev.jhttp.core.Body;
import dev.jhttp.core.Method;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.files.StaticFiles;
import dev.jhttp.server.files.SymlinkPolicy;
import dev.jhttp.tests.fixtures.RawSocket;
import dev.jhttp.tests.fixtures.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static dev.jhttp.tests.integration.ExchangeTest.bodyOf;
import static org.assertj.core.api.Assertions.assertThat;

class StaticFilesTest {
    private static final String SECRET = "SENTINEL-OUTSIDE-THE-ROOT";
    private static final Instant MODIFIED = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path base;

    private Path root;

    @BeforeEach
    void createTree() throws IOException {
        root = Files.createDirectory(base.resolve("root"));
        Files.writeString(base.resolve("secret.txt"), SECRET);
        Files.writeString(root.resolve("index.html"), "<h1>home</h1>");
        Files.writeString(root.resolve("hello.txt"), "hello, world");
        Files.writeString(root.resolve(".env"), SECRET);
        Files.createDirectory(root.resolve("docs"));
        Files.writeString(root.resolve("docs/a <b> & 'c'.txt"), "escaped");
        Files.createDirectory(root.resolve("docs/sub"));
        Files.write(root.resolve("digits.bin"), "0123456789".getBytes(StandardCharsets.US_ASCII));
        Files.createSymbolicLink(root.resolve("escape"), base.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("inside"), root.resolve("hello.txt"));
        for (Path file : new Path[] {root.resolve("hello.txt"), root.resolve("digits.bin")}) {
            Files.setLastModifiedTime(file, FileTime.from(MODIFIED));
        }
    }

    private TestServer serve(StaticFiles files) {
        return TestServer.start(files);
    }

    @Test
    void servesAFileWithTypeValidatorsAndNosniff() throws Exception {
        try (var server = serve(StaticFiles.serving(root)); var client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri("/hello.txt")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("hello, world");
            assertThat(response.headers().firstValue("content-type")).contains("text/plain; charset=utf-8");
            assertThat(response.headers().firstValue("etag")).hasValueSatisfying(e -> assertThat(e).matches("\"[0-9a-f]+-[0-9a-f]+\""));
            assertThat(response.headers().firstValue("last-modified")).contains("Fri, 02 Jan 2026 03:04:05 GMT");
            assertThat(response.headers().firstValue("x-content-type-options")).contains("nosniff");
            assertThat(response.headers().firstValue("cache-control")).contains("no-cache");
            assertThat(response.headers().firstValue("accept-ranges")).contains("bytes");
        }
    }

    @Test
    void sendsALargeFileExactlyByZeroCopyTransfer() throws Exception {
        byte[] content = new byte[6 * 1024 * 1024 + 123];
        new java.util.Random(7).nextBytes(content);
        Files.write(root.resolve("large.bin"), content);
        try (var server = serve(StaticFiles.serving(root)); var client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> whole = client.send(HttpRequest.newBuilder(server.uri("/large.bin")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(whole.body()).isEqualTo(content);
            HttpResponse<byte[]> tail = client.send(HttpRequest.newBuilder(server.uri("/large.bin"))
                    .header("Range", "bytes=5000000-").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(content, 5_000_000, content.length));
        }
    }

    @Test
    void servesIndexHtmlForTheRoot() {
        try (var server = serve(StaticFiles.serving(root))) {
            Response response = server.get("/");
            assertThat(bodyOf(response)).isEqualTo("<h1>home</h1>");
            assertThat(response.headers().first("Content-Type")).contains("text/html; charset=utf-8");
        }
    }

    @Test
    void redirectsADirectoryToItsSlashFormKeepingTheQuery() {
        try (var server = serve(StaticFiles.serving(root).withListing(true))) {
            Response response = server.get("/docs?sort=size");
            assertThat(response.status()).isEqualTo(Status.MOVED_PERMANENTLY_301);
            assertThat(response.headers().first("Location")).contains("/docs/?sort=size");
        }
    }

    @Test
    void listsADirectoryWithEscapedNamesFoldersFirst() {
        try (var server = serve(StaticFiles.serving(root).withListing(true))) {
            String html = bodyOf(server.get("/docs/"));
            assertThat(html).contains("Index of /docs/").contains("href=\"../\"");
            assertThat(html).contains("a &lt;b&gt; &amp; &#39;c&#39;.txt").doesNotContain("<b>");
            assertThat(html).contains("href=\"a%20%3Cb%3E%20%26%20%27c%27.txt\"");
            assertThat(html.indexOf("sub/")).isLessThan(html.indexOf("a &lt;b&gt;"));
        }
    }

    @Test
    void listsAsJsonOrTextWhenAsked() {
        try (var server = serve(StaticFiles.serving(root).withListing(true))) {
            assertThat(bodyOf(server.get("/docs/", "Accept: application/json")))
                    .contains("{\"name\":\"sub\",\"type\":\"directory\"").contains("\"name\":\"a <b> & 'c'.txt\"");
            assertThat(bodyOf(server.get("/docs/", "Accept: text/plain"))).isEqualTo("sub/\na <b> & 'c'.txt\n");
        }
    }

    @Test
    void hidesTheListingUnlessEnabledAndHidesDotFiles() {
        try (var server = serve(StaticFiles.serving(root))) {
            assertThat(server.get("/docs/").status()).isEqualTo(Status.NOT_FOUND_404);
            assertThat(server.get("/.env").status()).isEqualTo(Status.NOT_FOUND_404);
        }
        try (var server = serve(StaticFiles.serving(root).withListing(true))) {
            assertThat(bodyOf(server.get("/?sort=name", "Accept: text/plain"))).doesNotContain(".env");
        }
    }

    @Test
    void answersConditionalRequests() {
        try (var server = serve(StaticFiles.serving(root))) {
            String etag = server.get("/hello.txt").headers().first("ETag").orElseThrow();
            Response notModified = server.get("/hello.txt", "If-None-Match: " + etag);
            assertThat(notModified.status()).isEqualTo(Status.NOT_MODIFIED_304);
            assertThat(notModified.headers().first("ETag")).contains(etag);
            assertThat(server.get("/hello.txt", "If-None-Match: W/" + etag).status())
                    .isEqualTo(Status.NOT_MODIFIED_304);
            assertThat(server.get("/hello.txt", "If-Modified-Since: Fri, 02 Jan 2026 03:04:05 GMT").status())
                    .isEqualTo(Status.NOT_MODIFIED_304);
            assertThat(server.get("/hello.txt", "If-Modified-Since: Fri, 02 Jan 2026 03:04:04 GMT").status())
                    .isEqualTo(Status.OK_200);
            assertThat(server.get("/hello.txt", "If-Match: \"other\"").status())
                    .isEqualTo(Status.PRECONDITION_FAILED_412);
            assertThat(server.get("/hello.txt", "If-Unmodified-Since: Thu, 01 Jan 2026 00:00:00 GMT").status())
                    .isEqualTo(Status.PRECONDITION_FAILED_412);
            // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
            assertThat(server.get("/hello.txt", "If-None-Match: \"other\"",
                    "If-Modified-Since: Fri, 02 Jan 2026 03:04:05 GMT").status()).isEqualTo(Status.OK_200);
        }
    }

    @Test
    void servesSingleSuffixAndMultipleRanges() {
        try (var server = serve(StaticFiles.serving(root))) {
            Response single = server.get("/digits.bin", "Range: bytes=2-4");
            assertThat(single.status()).isEqualTo(Status.PARTIAL_CONTENT_206);
            assertThat(single.headers().first("Content-Range")).contains("bytes 2-4/10");
            assertThat(bodyOf(single)).isEqualTo("234");
            assertThat(bodyOf(server.get("/digits.bin", "Range: bytes=-3"))).isEqualTo("789");
            Response multiple = server.get("/digits.bin", "Range: bytes=0-1,8-");
            assertThat(multiple.headers().first("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("multipart/byteranges; boundary="));
            assertThat(bodyOf(multiple)).contains("Content-Range: bytes 0-1/10\r\n\r\n01\r\n")
                    .contains("Content-Range: bytes 8-9/10\r\n\r\n89\r\n");
        }
    }

    @Test
    void refusesUnsatisfiableRangesWith416() {
        try (var server = serve(StaticFiles.serving(root))) {
            Response response = server.get("/digits.bin", "Range: bytes=50-");
            assertThat(response.status()).isEqualTo(Status.RANGE_NOT_SATISFIABLE_416);
            assertThat(response.headers().first("Content-Range")).contains("bytes */10");
        }
    }

    @Test
    void ifRangeWithAStaleValidatorSendsTheWholeFile() {
        try (var server = serve(StaticFiles.serving(root))) {
            Response response = server.get("/digits.bin", "Range: bytes=0-1", "If-Range: \"stale\"");
            assertThat(response.status()).isEqualTo(Status.OK_200);
            assertThat(bodyOf(response)).isEqualTo("0123456789");
            String etag = server.get("/digits.bin").headers().first("ETag").orElseThrow();
            assertThat(server.get("/digits.bin", "Range: bytes=0-1", "If-Range: " + etag).status())
                    .isEqualTo(Status.PARTIAL_CONTENT_206);
        }
    }

    @Test
    void answersHeadAndOptionsAndRefusesOtherMethods() {
        try (var server = serve(StaticFiles.serving(root)); RawSocket socket = server.connect()) {
            socket.send("HEAD /hello.txt HTTP/1.1\r\nHost: t\r\n\r\n");
            Response head = socket.readResponse(Method.HEAD);
            assertThat(head.headers().first("Content-Length")).contains("12");
            assertThat(head.body()).isEqualTo(Body.empty());
            socket.send("OPTIONS /hello.txt HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(socket.readResponse().headers().first("Allow")).contains("GET, HEAD, OPTIONS");
            socket.send("DELETE /hello.txt HTTP/1.1\r\nHost: t\r\n\r\n");
            Response delete = socket.readResponse();
            assertThat(delete.status()).isEqualTo(Status.METHOD_NOT_ALLOWED_405);
            assertThat(delete.headers().first("Allow")).contains("GET, HEAD, OPTIONS");
            socket.send("BREW /hello.txt HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(socket.readResponse().status()).isEqualTo(Status.NOT_IMPLEMENTED_501);
        }
    }

    @Test
    void symlinksAreDeniedByDefaultAndFollowedOnlyWithinTheRootWhenAsked() {
        try (var server = serve(StaticFiles.serving(root))) {
            assertThat(server.get("/inside").status()).isEqualTo(Status.NOT_FOUND_404);
            assertThat(server.get("/escape").status()).isEqualTo(Status.NOT_FOUND_404);
        }
        try (var server = serve(StaticFiles.serving(root).withSymlinks(SymlinkPolicy.WITHIN_ROOT))) {
            assertThat(bodyOf(server.get("/inside"))).isEqualTo("hello, world");
            assertThat(server.get("/escape").status()).isEqualTo(Status.NOT_FOUND_404);
        }
    }

    @Test
    void followPolicyServesLinksWhereverTheyPoint() {
        try (var server = serve(StaticFiles.serving(root).withSymlinks(SymlinkPolicy.FOLLOW))) {
            assertThat(bodyOf(server.get("/escape"))).isEqualTo(SECRET);
        }
    }

    @Test
    void cacheControlIsConfigurable() {
        try (var server = serve(StaticFiles.serving(root).withCacheControl("public, max-age=60"))) {
            assertThat(server.get("/hello.txt").headers().first("Cache-Control")).contains("public, max-age=60");
        }
    }

    @Test
    void servesFilesLargerThan2GiBByLongOffsets() throws Exception {
        long size = 2_200_000_000L;
        try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(root.resolve("huge.bin").toFile(), "rw")) {
            sparse.setLength(size);
            sparse.seek(size - 4);
            sparse.write("tail".getBytes(StandardCharsets.US_ASCII));
        }
        try (var server = serve(StaticFiles.serving(root)); RawSocket socket = server.connect()) {
            socket.send("HEAD /huge.bin HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(socket.readResponse(Method.HEAD).headers().first("Content-Length")).contains("2200000000");
            Response tail = server.get("/huge.bin", "Range: bytes=2199999996-");
            assertThat(tail.headers().first("Content-Range")).contains("bytes 2199999996-2199999999/2200000000");
            assertThat(bodyOf(tail)).isEqualTo("tail");
        }
    }

    @Test
    void redirectsNeverPointOffSite() {
        try (var server = serve(StaticFiles.serving(root).withListing(true))) {
            for (String target : new String[] {"//docs", "/docs", "/%2fdocs"}) {
                Response response = server.get(target);
                response.headers().first("Location").ifPresent(location ->
                        assertThat(location).startsWith("/").doesNotStartWith("//"));
            }
        }
    }
}
