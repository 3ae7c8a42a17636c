package dev.jhttp.tests.integration;

import dev.jhttp.cli.demo.DemoRoutes;
import dev.jhttp.core.Method;
import dev.jhttp.server.Handler;
import dev.jhttp.server.files.StaticFiles;
import dev.jhttp.server.routing.Router;
import dev.jhttp.tests.fixtures.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code wget --mirror} of the demo site: every link it follows resolves, and the copies match the files. */
class MirrorTest {
    private static final Path SITE = Path.of("..", "static").toAbsolutePath().normalize();

    @Test
    void wgetMirrorsTheDemoSite(@TempDir Path mirror) throws Exception {
        Router.Builder routes = Router.builder();
        for (String name : List.of("/echo", "/headers", "/stream", "/bytes")) {
            DemoRoutes.Route route = DemoRoutes.named(name).orElseThrow();
            routes.route(Method.GET, route.pattern(), route.handler());
        }
        Handler app = routes.get("/*", StaticFiles.serving(SITE).withListing(true)).build();
        try (var server = TestServer.start(app)) {
            // /status/{code} answers the code it is given, so it is left out of "every link resolves".
            Process wget = new ProcessBuilder("wget", "--mirror", "--no-parent", "--no-verbose", "-e", "robots=off",
                    "--exclude-directories=/status", "--timeout=10", "--tries=1", "--directory-prefix",
                    mirror.toString(), "--no-host-directories", server.uri("/").toString())
                    .redirectErrorStream(true).start();
            String log = new String(wget.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(wget.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(wget.exitValue()).as(log).isZero();
            for (String file : List.of("index.html", "style.css", "app.js", "jhttp.svg", "media/tone.wav")) {
                assertThat(Files.readAllBytes(mirror.resolve(file))).as(file)
                        .isEqualTo(Files.readAllBytes(SITE.resolve(file)));
            }
            assertThat(log).doesNotContain("ERROR").doesNotContain("broken link");
        }
    }
}
