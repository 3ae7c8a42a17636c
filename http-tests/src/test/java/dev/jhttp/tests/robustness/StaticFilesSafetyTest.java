package dev.jhttp.tests.robustness;

import dev.jhttp.core.Response;
import dev.jhttp.server.Handler;
import dev.jhttp.server.files.StaticFiles;
import dev.jhttp.server.files.SymlinkPolicy;
import dev.jhttp.server.filters.ErrorPages;
import dev.jhttp.tests.fixtures.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The static-file safety corpus ({@code src/test/resources/safety/paths.txt}): every path variant, under every
 * configuration that must keep the root closed and with every listing format, against a root whose parent holds a
 * sentinel file. The sentinel never appears in a response (zips and gzip opened), nothing answers 5xx, redirects
 * stay on this origin, and names and targets echoed into HTML are escaped.
 */
class StaticFilesSafetyTest {
    private static final String SENTINEL = "SENTINEL-0d5b-OUTSIDE-THE-ROOT";
    private static final List<String> ACCEPTS = List.of("text/html", "application/json", "*/*");
    private static final List<String> MARKUP = List.of("<script", "<img", "<svg");
    private static final int RANGE_FILE_SIZE = 64 * 1024;

    @TempDir
    static Path base;
    private static Map<String, TestServer> servers;

    @BeforeAll
    static void createTreeAndServers() throws IOException {
        Path root = Files.createDirectory(base.resolve("root"));
        Files.writeString(base.resolve("secret.txt"), SENTINEL);
        Files.writeString(root.resolve("hello.txt"), "hello");
        Files.writeString(root.resolve("index.html"), "<h1>home</h1>");
        Files.writeString(root.resolve(".env"), SENTINEL);
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/config"), SENTINEL);
        Files.createDirectories(root.resolve("docs/sub"));
        Files.writeString(root.resolve("docs/.hidden.txt"), SENTINEL);
        Files.writeString(root.resolve("docs/\"><svg onload=alert(1)>.txt"), "markup in a name");
        Files.writeString(root.resolve("docs/<img src=x onerror=alert(1)>.txt"), "markup in a name");
        Files.writeString(root.resolve("docs/a\"b'c&d.txt"), "quotes and ampersand");
        Files.write(root.resolve("big.bin"), new byte[RANGE_FILE_SIZE]);
        Files.createSymbolicLink(root.resolve("escape"), base.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("escape-dir"), base);
        Files.createSymbolicLink(root.resolve("docs/up"), Path.of("../.."));
        servers = Map.of(
                "listing, links denied", TestServer.start(app(StaticFiles.serving(root).withListing(true))),
                "links within the root, spa, gzip", TestServer.start(app(StaticFiles.serving(root).withListing(true)
                        .withSymlinks(SymlinkPolicy.WITHIN_ROOT).withSpa(true).withGzip(true))));
    }

    /** Files behind the error pages the CLI uses, which echo the target into HTML. */
    private static Handler app(StaticFiles files) {
        return ErrorPages.negotiated().wrap(files);
    }

    @AfterAll
    static void stopServers() {
        servers.values().forEach(TestServer::close);
    }

    static Stream<Arguments> pathsInEveryConfiguration() throws IOException {
        List<String> paths;
        try (InputStream in = Objects.requireNonNull(
                StaticFilesSafetyTest.class.getResourceAsStream("/safety/paths.txt"))) {
            paths = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
        return paths.stream().flatMap(path -> servers.keySet().stream().map(name -> Arguments.of(path, name)));
    }

    @Test
    void corpusHasAtLeastAHundredVariants() throws IOException {
        assertThat(pathsInEveryConfiguration().map(arguments -> arguments.get()[0]).distinct())
                .hasSizeGreaterThanOrEqualTo(100);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("pathsInEveryConfiguration")
    void neverLeaksAndNeverFails(String path, String configuration) {
        TestServer server = servers.get(configuration);
        for (String accept : ACCEPTS) {
            Response response = server.get(path, "Accept: " + accept, "Accept-Encoding: gzip");
            String what = path + " (Accept: " + accept + ")";
            assertThat(response.status().code()).as(what).isLessThan(500);
            String content = contentOf(response);
            assertThat(content).as(what).doesNotContain(SENTINEL).doesNotContain("root:x:0:0");
            if (response.headers().first("Content-Type").orElse("").startsWith("text/html")) {
                assertThat(MARKUP).as(what).noneMatch(content::contains);
            }
            response.headers().first("Location").ifPresent(location -> assertThat(location).as(what)
                    .startsWith("/").doesNotStartWith("//").doesNotStartWith("/\\").doesNotContain("\r", "\n"));
            assertThat(response.headers().contains("X-Injected")).as(what).isFalse();
        }
    }

    @Test
    void listingsEscapeNamesWithMarkup() {
        TestServer server = servers.get("listing, links denied");
        String html = contentOf(server.get("/docs/", "Accept: text/html"));
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;.txt").contains("a&quot;b&#39;c&amp;d.txt");
        assertThat(MARKUP).noneMatch(html::contains);
        String json = contentOf(server.get("/docs/", "Accept: application/json"));
        assertThat(json).contains("\"a\\\"b'c&d.txt\"").contains("\\\"><svg onload=alert(1)>.txt");
    }

    @ParameterizedTest
    @MethodSource("rangeHeaders")
    void rangesNeverSendMoreThanTwiceTheFile(String range) {
        for (TestServer server : servers.values()) {
            Response response = server.get("/big.bin", "Range: " + range);
            assertThat(response.status().code()).as(range).isIn(200, 206, 416);
            assertThat(contentOf(response).length()).as(range).isLessThanOrEqualTo(2 * RANGE_FILE_SIZE);
        }
    }

    static Stream<String> rangeHeaders() {
        String zeroToEnd16 = String.join(",", java.util.Collections.nCopies(16, "0-"));
        String singleBytes = String.join(",", java.util.Collections.nCopies(16, "0-0"));
        String suffixes = String.join(",", java.util.Collections.nCopies(16, "-65536"));
        String overlapping = String.join(",", Stream.iterate(0, i -> i + 4000).limit(16)
                .map(i -> i + "-" + (i + 30000)).toList());
        String tooMany = String.join(",", java.util.Collections.nCopies(500, "0-0"));
        return Stream.of("bytes=0-", "bytes=-65536", "bytes=0-999999999999", "bytes=" + zeroToEnd16,
                "bytes=" + singleBytes, "bytes=" + suffixes, "bytes=" + overlapping, "bytes=" + tooMany,
                "bytes=0-0,-1", "bytes=1-0", "bytes=65536-", "bytes=-0", "bytes=0-1,2-3,4-5,6-7,8-9",
                "bytes=99999999999999999999-", "bytes=0-,-1,1-2", "bytes=  0 - 10 ", "items=0-10", "bytes=");
    }

    /** The content as text: gzip undone, a zip's entries' names and contents concatenated. */
    private static String contentOf(Response response) {
        try (InputStream body = response.body().openStream()) {
            byte[] bytes = body.readAllBytes();
            if (response.headers().first("Content-Encoding").orElse("").equals("gzip")) {
                bytes = new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
            }
            if (response.headers().first("Content-Type").orElse("").equals("application/zip")) {
                bytes = unzip(bytes);
            }
            return new String(bytes, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] unzip(byte[] zip) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                all.writeBytes(entry.getName().getBytes(StandardCharsets.UTF_8));
                all.writeBytes(entries.readAllBytes());
            }
        }
        return all.toByteArray();
    }
}
