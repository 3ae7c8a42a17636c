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
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadsTest {
    @TempDir
    Path temp;
    Path root;

    @BeforeEach
    void folders() throws IOException {
        root = Files.createDirectories(temp.resolve("site/docs")).getParent();
    }

    private StaticFiles files(Uploads uploads) {
        return StaticFiles.serving(root).withListing(true).withUploads(uploads);
    }

    @Test
    void putCreatesAFileAndNeverReplacesOneUnlessAllowed() throws Exception {
        Response created = files(Uploads.allowed()).handle(put("/docs/a%20b.txt", "first"));
        assertThat(created.status()).isEqualTo(Status.CREATED_201);
        assertThat(created.headers().first("Location")).contains("/docs/a%20b.txt");
        assertThat(text(created)).isEqualTo("created /docs/a%20b.txt (5 bytes)\n");
        assertThat(Files.readString(root.resolve("docs/a b.txt"))).isEqualTo("first");
        assertThat(refusal(files(Uploads.allowed()), put("/docs/a%20b.txt", "second")).status())
                .isEqualTo(Status.CONFLICT_409);
        assertThat(Files.readString(root.resolve("docs/a b.txt"))).isEqualTo("first");
        Response replaced = files(Uploads.allowed().withOverwrite(true)).handle(put("/docs/a%20b.txt", "second"));
        assertThat(replaced.status()).isEqualTo(Status.OK_200);
        assertThat(Files.readString(root.resolve("docs/a b.txt"))).isEqualTo("second");
        // RFC 9110 §13.1.2: If-None-Match: * creates only, even where replacing is allowed.
        assertThat(refusal(files(Uploads.allowed().withOverwrite(true)), put("/docs/a%20b.txt", "third")
                .withHeader("If-None-Match", "*")).status()).isEqualTo(Status.PRECONDITION_FAILED_412);
        assertThat(refusal(files(Uploads.allowed().withOverwrite(true)), put("/docs", "x")).status())
                .as("a folder is never replaced").isEqualTo(Status.CONFLICT_409);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void putNeedsAnExistingFolderAndAFileName() {
        assertThat(refusal(files(Uploads.allowed()), put("/nowhere/a.txt", "x")).status())
                .isEqualTo(Status.NOT_FOUND_404);
        assertThat(refusal(files(Uploads.allowed()), put("/docs/", "x")).status())
                .isEqualTo(Status.METHOD_NOT_ALLOWED_405);
    }

    @Test
    void writesAre405WithoutUploadsAndDeleteOnlyWhenAllowed() throws Exception {
        assertThat(refusal(StaticFiles.serving(root), put("/a.txt", "x")).status())
                .isEqualTo(Status.METHOD_NOT_ALLOWED_405);
        Files.writeString(root.resolve("gone.txt"), "x");
        HttpException noDelete = refusal(files(Uploads.allowed()), Request.of(Method.DELETE, "/gone.txt"));
        assertThat(noDelete.status()).isEqualTo(Status.METHOD_NOT_ALLOWED_405);
        assertThat(noDelete.headers().first("Allow")).contains("GET, HEAD, OPTIONS, POST, PUT");
        StaticFiles deleting = files(Uploads.allowed().withDelete(true));
        assertThat(deleting.handle(Request.of(Method.OPTIONS, "/")).headers().first("Allow"))
                .contains("GET, HEAD, OPTIONS, POST, PUT, DELETE");
        assertThat(deleting.handle(Request.of(Method.DELETE, "/gone.txt")).status()).isEqualTo(Status.NO_CONTENT_204);
        assertThat(root.resolve("gone.txt")).doesNotExist();
        Files.writeString(root.resolve("docs/kept.txt"), "x");
        assertThat(refusal(deleting, Request.of(Method.DELETE, "/docs/")).status()).isEqualTo(Status.CONFLICT_409);
        assertThat(refusal(deleting, Request.of(Method.DELETE, "/")).status()).isEqualTo(Status.FORBIDDEN_403);
        assertThat(refusal(deleting, Request.of(Method.DELETE, "/nothing.txt")).status())
                .isEqualTo(Status.NOT_FOUND_404);
    }

    @Test
    void theDeclaredLengthIsRefusedBeforeAnyContentIsRead() {
        InputStream never = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the content was read");
            }
        };
        Request big = Request.of(Method.PUT, "/big.bin").withBody(Body.ofInputStream(never, 101));
        HttpException refused = refusal(files(Uploads.allowed().withMaxSize(100)), big);
        assertThat(refused.status()).isEqualTo(Status.CONTENT_TOO_LARGE_413);
        assertThat(refused.detail()).contains("at most 100 bytes");
    }

    @Test
    void contentOfUnknownLengthIsCutAtTheLimitAndNothingIsKept() {
        Request streamed = Request.of(Method.PUT, "/big.bin")
                .withBody(Body.ofInputStream(new java.io.ByteArrayInputStream(new byte[101]), -1));
        assertThat(refusal(files(Uploads.allowed().withMaxSize(100)), streamed).status())
                .isEqualTo(Status.CONTENT_TOO_LARGE_413);
        assertThat(root.resolve("big.bin")).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aClientThatGoesAwayMidUploadLeavesNothing() {
        InputStream cut = new SequenceInputStream(new java.io.ByteArrayInputStream(new byte[70_000]),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("connection reset");
                    }
                });
        Request put = Request.of(Method.PUT, "/cut.bin").withBody(Body.ofInputStream(cut, 100_000));
        assertThatThrownBy(() -> files(Uploads.allowed()).handle(put)).isInstanceOf(IOException.class);
        Request post = multipart("/", part("file", "one.txt", "complete"), "--b\r\nContent-Disposition: form-data; "
                + "name=\"file\"; filename=\"two.txt\"\r\n\r\ncut off her");
        assertThatThrownBy(() -> files(Uploads.allowed()).handle(post)).isInstanceOf(HttpException.class);
        assertThat(root.resolve("cut.bin")).doesNotExist();
        assertThat(root.resolve("one.txt")).as("the files of one request appear together").doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aFormPostsSeveralFilesWithAnyNames() throws Exception {
        Request post = multipart("/docs/", part("note", null, "a field, ignored"), part("file", "ünï code.txt", "ü"),
                part("file", "b.bin", "\r\n-b\r\n"), part("file", "", ""), "--b--\r\n");
        Response response = files(Uploads.allowed()).handle(post);
        assertThat(response.status()).isEqualTo(Status.CREATED_201);
        assertThat(text(response)).isEqualTo("created /docs/%C3%BCn%C3%AF%20code.txt (2 bytes)\n"
                + "created /docs/b.bin (6 bytes)\n");
        assertThat(Files.readString(root.resolve("docs/ünï code.txt"))).isEqualTo("ü");
        assertThat(Files.readString(root.resolve("docs/b.bin"))).isEqualTo("\r\n-b\r\n");
        Response json = files(Uploads.allowed()).handle(multipart("/docs/", part("f", "c.txt", "c"), "--b--\r\n")
                .withHeader("Accept", "application/json"));
        assertThat(text(json)).isEqualTo("[\n{\"name\":\"c.txt\",\"url\":\"/docs/c.txt\",\"size\":1,"
                + "\"replaced\":false}\n]\n");
        Response browser = files(Uploads.allowed()).handle(multipart("/docs/", part("f", "d.txt", "d"), "--b--\r\n")
                .withHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        assertThat(browser.status()).isEqualTo(Status.SEE_OTHER_303);
        assertThat(browser.headers().first("Location")).contains("/docs/");
    }

    @Test
    void oneTakenNameRefusesTheWholeForm() throws IOException {
        Files.writeString(root.resolve("taken.txt"), "old");
        Request post = multipart("/", part("file", "new.txt", "new"), part("file", "taken.txt", "new"), "--b--\r\n");
        assertThat(refusal(files(Uploads.allowed()), post).status()).isEqualTo(Status.CONFLICT_409);
        Request twice = multipart("/", part("file", "x.txt", "1"), part("file", "x.txt", "2"), "--b--\r\n");
        assertThat(refusal(files(Uploads.allowed()), twice).status()).isEqualTo(Status.CONFLICT_409);
        assertThat(root.resolve("new.txt")).doesNotExist();
        assertThat(root.resolve("x.txt")).doesNotExist();
        assertThat(Files.readString(root.resolve("taken.txt"))).isEqualTo("old");
        assertThat(refusal(files(Uploads.allowed()), multipart("/", part("f", null, "v"), "--b--\r\n")).detail())
                .isEqualTo("the form holds no file");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void formsMakeFoldersAndDelete() throws Exception {
        StaticFiles deleting = files(Uploads.allowed().withDelete(true));
        Response made = deleting.handle(urlencoded("/docs/", "mkdir=n%C3%A9w"));
        assertThat(made.status()).isEqualTo(Status.CREATED_201);
        assertThat(made.headers().first("Location")).contains("/docs/n%C3%A9w/");
        assertThat(root.resolve("docs/néw")).isDirectory();
        assertThat(refusal(deleting, urlencoded("/docs/", "mkdir=n%C3%A9w")).status()).isEqualTo(Status.CONFLICT_409);
        assertThat(refusal(deleting, urlencoded("/docs/", "mkdir=..")).status()).isEqualTo(Status.BAD_REQUEST_400);
        assertThat(deleting.handle(urlencoded("/docs/", "delete=n%C3%A9w")).status()).isEqualTo(Status.OK_200);
        assertThat(root.resolve("docs/néw")).doesNotExist();
        assertThat(refusal(files(Uploads.allowed()), urlencoded("/", "delete=docs")).status())
                .isEqualTo(Status.METHOD_NOT_ALLOWED_405);
        assertThat(refusal(deleting, urlencoded("/", "delete=../site")).status()).isEqualTo(Status.NOT_FOUND_404);
        assertThat(refusal(deleting, urlencoded("/", "rename=a")).status()).isEqualTo(Status.BAD_REQUEST_400);
        assertThat(refusal(deleting, Request.of(Method.POST, "/").withHeader("Content-Type", "text/plain")
                .withBody(Body.of("x"))).status()).isEqualTo(Status.UNSUPPORTED_MEDIA_TYPE_415);
    }

    @Test
    void writesFromAnotherSitesPageAreRefused() throws Exception {
        StaticFiles files = files(Uploads.allowed());
        HttpException crossOrigin = refusal(files, put("/a.txt", "x").withHeader("Host", "127.0.0.1:8000")
                .withHeader("Origin", "https://evil.example"));
        assertThat(crossOrigin.status()).isEqualTo(Status.FORBIDDEN_403);
        assertThat(refusal(files, put("/a.txt", "x").withHeader("Sec-Fetch-Site", "cross-site")).status())
                .isEqualTo(Status.FORBIDDEN_403);
        assertThat(refusal(files, put("/a.txt", "x").withHeader("Host", "a").withHeader("Origin", "null")).status())
                .isEqualTo(Status.FORBIDDEN_403);
        assertThat(files.handle(put("/a.txt", "x").withHeader("Host", "127.0.0.1:8000")
                .withHeader("Origin", "http://127.0.0.1:8000").withHeader("Sec-Fetch-Site", "same-origin"))
                .status()).isEqualTo(Status.CREATED_201);
        StaticFiles local = files(Uploads.allowed().withLoopbackHostOnly(true));
        assertThat(refusal(local, put("/b.txt", "x").withHeader("Host", "rebound.example:8000")).status())
                .isEqualTo(Status.FORBIDDEN_403);
        for (String host : List.of("localhost:8000", "127.0.0.1", "[::1]:8000", "app.localhost", "127.1.2.3:1")) {
            assertThat(local.handle(put("/" + host.replace(':', '_').replace("[", "").replace("]", "") + ".txt", "x")
                    .withHeader("Host", host)).status()).as(host).isEqualTo(Status.CREATED_201);
        }
    }

    @Test
    void theListingShowsUploadFormsOnlyWhenUploadsAreOn() throws Exception {
        Request listing = Request.of(Method.GET, "/").withHeader("Accept", "text/html");
        assertThat(text(StaticFiles.serving(root).withListing(true).handle(listing))).doesNotContain("<form");
        String page = text(files(Uploads.allowed()).handle(listing));
        assertThat(page).contains("enctype=\"multipart/form-data\"").contains("name=\"mkdir\"")
                .contains("<script>").doesNotContain("name=\"delete\"");
        assertThat(text(files(Uploads.allowed().withDelete(true)).handle(listing)))
                .contains("name=\"delete\" value=\"docs\"");
    }

    /** Files left in the temporary folder outside the site, or unfinished uploads anywhere. */
    private List<Path> leftovers() {
        try (Stream<Path> all = Files.walk(temp)) {
            return all.filter(path -> path.getFileName().toString().startsWith(UploadNames.TEMPORARY_PREFIX))
                    .toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Request put(String target, String content) {
        return Request.of(Method.PUT, target).withBody(Body.of(content));
    }

    static Request urlencoded(String target, String form) {
        return Request.of(Method.POST, target).withHeader("Content-Type", "application/x-www-form-urlencoded")
                .withBody(Body.of(form));
    }

    static String part(String name, String filename, String content) {
        return "--b\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename*=UTF-8''" + dev.jhttp.core.headers.PercentEncoding
                        .encodePathSegment(filename)) + "\r\n\r\n" + content + "\r\n";
    }

    static Request multipart(String target, String... pieces) {
        return Request.of(Method.POST, target).withHeader("Content-Type", "multipart/form-data; boundary=b")
                .withBody(Body.of(String.join("", pieces)));
    }

    static HttpException refusal(StaticFiles files, Request request) {
        try {
            Response response = files.handle(request);
            throw new AssertionError("answered " + response.status() + ": " + text(response));
        } catch (HttpException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String text(Response response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        response.body().writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
