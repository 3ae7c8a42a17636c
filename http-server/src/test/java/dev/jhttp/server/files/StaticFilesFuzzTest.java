package dev.jhttp.server.files;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.server.HttpException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of file resolution: no segments and no request-target may ever reach the sentinel file
 * that sits just outside the served root, directly or through a symbolic link.
 */
class StaticFilesFuzzTest {
    private static final String SENTINEL = "SENTINEL-7c1e-outside-the-root";
    private static final Path ROOT = createSite();

    /** parent/sentinel.txt beside parent/root/, whose links point in, out, and at the parent itself. */
    private static Path createSite() {
        try {
            Path parent = Files.createTempDirectory("jhttp-fuzz-site");
            Files.writeString(parent.resolve("sentinel.txt"), SENTINEL);
            Path root = Files.createDirectory(parent.resolve("root"));
            Files.writeString(root.resolve("a.txt"), "a");
            Files.writeString(root.resolve("index.html"), "<h1>index</h1>");
            Files.writeString(root.resolve(".env"), "hidden");
            Files.createDirectory(root.resolve("sub"));
            Files.writeString(root.resolve("sub/b.txt"), "b");
            Files.createSymbolicLink(root.resolve("link-out"), parent.resolve("sentinel.txt"));
            Files.createSymbolicLink(root.resolve("dir-out"), parent);
            Files.createSymbolicLink(root.resolve("link-in"), root.resolve("a.txt"));
            return root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void segmentsNeverResolveOutsideTheRoot(FuzzedDataProvider data) throws IOException {
        SymlinkPolicy policy = data.consumeBoolean() ? SymlinkPolicy.DENY : SymlinkPolicy.WITHIN_ROOT;
        PathResolver resolver = new PathResolver(ROOT, data.consumeBoolean(), policy);
        List<String> segments = new ArrayList<>();
        for (int count = data.consumeInt(0, 6); count > 0; count--) {
            segments.add(data.consumeString(24));
        }
        Optional<PathResolver.Found> found = resolver.resolve(segments);
        if (found.isPresent()) {
            assertThat(found.get().path().toRealPath()).as("%s", segments).startsWith(ROOT);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void targetsNeverServeTheSentinel(FuzzedDataProvider data) throws IOException {
        SymlinkPolicy policy = data.consumeBoolean() ? SymlinkPolicy.DENY : SymlinkPolicy.WITHIN_ROOT;
        StaticFiles files = StaticFiles.serving(ROOT).withListing(true).withSymlinks(policy)
                .withHiddenFiles(data.consumeBoolean());
        String target = data.consumeRemainingAsAsciiString();
        Request request;
        try {
            request = Request.of(Method.GET, target);
        } catch (IllegalArgumentException notATarget) {
            return; // the parser refuses it before any handler sees it
        }
        Response response;
        try {
            response = files.handle(request);
        } catch (HttpException e) {
            assertThat(e.status().code()).as(target).isBetween(400, 499);
            return;
        }
        try (InputStream body = response.body().openStream()) {
            assertThat(new String(body.readAllBytes(), StandardCharsets.ISO_8859_1)).as(target)
                    .doesNotContain(SENTINEL);
        }
        response.headers().first("Location").ifPresent(location -> assertThat(location).as(target)
                .startsWith("/").doesNotStartWith("//"));
    }
}
