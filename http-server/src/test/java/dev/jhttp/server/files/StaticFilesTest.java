package dev.jhttp.server.files;

import dev.jhttp.core.Body;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.HttpException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** StaticFiles called directly, as a handler, with no server: what each setting changes in the answer. */
class StaticFilesTest {
    @TempDir
    Path root;

    @BeforeEach
    void site() throws IOException {
        Files.writeString(root.resolve("hello.txt"), "hello");
        Files.writeString(root.resolve(".secret"), "hidden");
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs").resolve("a.txt"), "a");
    }

    @Test
    void servesAFileWithItsValidators() throws Exception {
        Response response = StaticFiles.serving(root).handle(get("/hello.txt"));
        assertThat(response.status()).isEqualTo(Status.OK_200);
        assertThat(text(response)).isEqualTo("hello");
        assertThat(response.headers().first("ETag")).isPresent();
        assertThat(response.headers().first("Cache-Control")).contains("no-cache");
        assertThat(response.headers().first("Content-Type")).contains("text/plain; charset=utf-8");
    }

    @Test
    void aMissingFileIs404UnlessThereIsA404Page() throws Exception {
        assertThatThrownBy(() -> StaticFiles.serving(root).handle(get("/nope")))
                .isInstanceOfSatisfying(HttpException.class,
                        e -> assertThat(e.status()).isEqualTo(Status.NOT_FOUND_404));
        Files.writeString(root.resolve("404.html"), "<p>lost");
        Response page = StaticFiles.serving(root).handle(get("/nope"));
        assertThat(page.status()).isEqualTo(Status.NOT_FOUND_404);
        assertThat(text(page)).isEqualTo("<p>lost");
    }

    @Test
    void spaModeAnswersUnknownHtmlPathsWithTheIndex() throws Exception {
        Files.writeString(root.resolve("index.html"), "<h1>app");
        StaticFiles spa = StaticFiles.serving(root).withSpa(true);
        Response page = spa.handle(get("/some/route").withHeader("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(Status.OK_200);
        assertThat(text(page)).isEqualTo("<h1>app");
        assertThatThrownBy(() -> spa.handle(get("/data.json").withHeader("Accept", "application/json")))
                .isInstanceOf(HttpException.class);
    }

    @Test
    void hiddenFilesAndListingsNeedTheirSettings() throws Exception {
        assertThatThrownBy(() -> StaticFiles.serving(root).handle(get("/.secret"))).isInstanceOf(HttpException.class);
        assertThat(text(StaticFiles.serving(root).withHiddenFiles(true).handle(get("/.secret")))).isEqualTo("hidden");
        assertThatThrownBy(() -> StaticFiles.serving(root).handle(get("/docs/"))).isInstanceOf(HttpException.class);
        Response listing = StaticFiles.serving(root).withListing(true).handle(get("/docs/")
                .withHeader("Accept", "text/plain"));
        assertThat(text(listing)).contains("a.txt");
    }

    @Test
    void settingsAreIndependentCopies() throws Exception {
        StaticFiles base = StaticFiles.serving(root);
        StaticFiles listing = base.withListing(true).withCacheControl("max-age=60");
        assertThat(listing.withListing(false).handle(get("/hello.txt")).headers().first("Cache-Control"))
                .contains("max-age=60");
        assertThat(base.handle(get("/hello.txt")).headers().first("Cache-Control")).contains("no-cache");
        assertThatThrownBy(() -> base.handle(get("/docs/"))).isInstanceOf(HttpException.class);
        Files.writeString(root.resolve("docs").resolve("home.htm"), "home");
        assertThat(text(base.withIndexFile("home.htm").handle(get("/docs/")))).isEqualTo("home");
    }

    @Test
    void aDirectoryWithoutItsSlashIsRedirectedAndOtherMethodsAreRefused() throws Exception {
        Response redirect = StaticFiles.serving(root).handle(get("/docs?x=1"));
        assertThat(redirect.status()).isEqualTo(Status.MOVED_PERMANENTLY_301);
        assertThat(redirect.headers().first("Location")).contains("/docs/?x=1");
        assertThatThrownBy(() -> StaticFiles.serving(root).handle(Request.of(Method.POST, "/hello.txt")))
                .isInstanceOfSatisfying(HttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(Status.METHOD_NOT_ALLOWED_405);
                    assertThat(e.headers().first("Allow")).contains("GET, HEAD, OPTIONS");
                });
        assertThatThrownBy(() -> StaticFiles.serving(root).handle(Request.of(Method.of("BREW"), "/hello.txt")))
                .isInstanceOfSatisfying(HttpException.class,
                        e -> assertThat(e.status()).isEqualTo(Status.NOT_IMPLEMENTED_501));
    }

    @Test
    void aConditionalRequestGets304AndARangeGets206() throws Exception {
        StaticFiles files = StaticFiles.serving(root);
        String etag = files.handle(get("/hello.txt")).headers().first("ETag").orElseThrow();
        assertThat(files.handle(get("/hello.txt").withHeader("If-None-Match", etag)).status())
                .isEqualTo(Status.NOT_MODIFIED_304);
        Response range = files.handle(get("/hello.txt").withHeader("Range", "bytes=1-2"));
        assertThat(range.status()).isEqualTo(Status.PARTIAL_CONTENT_206);
        assertThat(text(range)).isEqualTo("el");
    }

    private static Request get(String target) {
        return Request.of(Method.GET, target);
    }

    private static String text(Response response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Body body = response.body();
        body.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
