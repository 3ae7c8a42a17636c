package dev.jhttp.tests.integration;

import dev.jhttp.tests.fixtures.DemoSite;
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
    @Test
    void wgetMirrorsTheDemoSite(@TempDir Path mirror) throws Exception {
        try (var server = TestServer.start(DemoSite.withRoutes("/echo", "/headers", "/stream", "/bytes"))) {
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
                        .isEqualTo(Files.readAllBytes(DemoSite.ROOT.resolve(file)));
            }
            assertThat(log).doesNotContain("ERROR").doesNotContain("broken link");
        }
    }
}
