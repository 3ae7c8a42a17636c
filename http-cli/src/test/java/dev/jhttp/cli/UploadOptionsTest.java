package dev.jhttp.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code jhttp serve --upload} and the options that shape it. */
class UploadOptionsTest {
    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--overwrite                          | --overwrite changes what uploads may do; add --upload to allow them",
        "--allow-delete                       | --allow-delete changes what uploads may do; add --upload",
        "--max-upload=1G                      | --max-upload changes what uploads may do; add --upload",
        "--upload --bind=0.0.0.0              | --upload on 0.0.0.0 would let anyone who can reach it write files; "
                + "add --auth USER:PASSWORD, or bind to 127.0.0.1",
        "--upload --max-upload=12Q            | --max-upload takes a size such as 500M or 2G, not '12Q'",
        "--upload --max-upload=99999999999999T | --max-upload 99999999999999T is too large"})
    void refusesWithOneLine(String options, String message) throws InterruptedException {
        String[] args = ("serve " + folder + " -p 0 " + options).split(" ");
        CliRun run = CliRun.finished(args);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("jhttp: " + message).hasLineCount(1);
    }

    @Test
    void sizesTakeBinaryUnits() throws Refused {
        assertThat(UploadOptions.size("123")).isEqualTo(123);
        assertThat(UploadOptions.size("10K")).isEqualTo(10 * 1024);
        assertThat(UploadOptions.size("500m")).isEqualTo(500L << 20);
        assertThat(UploadOptions.size("2GiB")).isEqualTo(2L << 30);
        assertThat(UploadOptions.size("1TB")).isEqualTo(1L << 40);
        assertThatThrownBy(() -> UploadOptions.size("")).isInstanceOf(Refused.class);
        assertThatThrownBy(() -> UploadOptions.size("-1")).isInstanceOf(Refused.class);
        assertThatThrownBy(() -> UploadOptions.size("1.5G")).isInstanceOf(Refused.class);
    }

    @Test
    void uploadsTakeFilesUpToTheLimitAndTheListingOffersTheForm() throws Exception {
        try (CliRun run = CliRun.start("serve", folder.toString(), "-p", "0", "--ready-json", "--upload",
                "--max-upload", "1K", "--allow-delete")) {
            String base = "http://127.0.0.1:" + run.port() + "/";
            assertThat(PlainHttp.send("PUT", base + "a.txt", "x".repeat(1024)).status()).isEqualTo(201);
            assertThat(Files.size(folder.resolve("a.txt"))).isEqualTo(1024);
            assertThat(PlainHttp.send("PUT", base + "b.txt", "x".repeat(1025)).status()).isEqualTo(413);
            assertThat(folder.resolve("b.txt")).doesNotExist();
            assertThat(PlainHttp.send("GET", base, null, "Accept", "text/html").body()).contains("enctype=\"multipart/form-data\"").contains("a.txt")
                    .contains("name=\"delete\" value=\"a.txt\"");
            assertThat(PlainHttp.send("DELETE", base + "a.txt", null).status()).isEqualTo(204);
            assertThat(folder.resolve("a.txt")).doesNotExist();
            assertThat(run.out()).contains("\"PUT /a.txt HTTP/1.1\" 201").contains("\"PUT /b.txt HTTP/1.1\" 413")
                    .contains("\"DELETE /a.txt HTTP/1.1\" 204");
        }
    }

    @Test
    void withoutUploadWritesAre405() throws Exception {
        try (CliRun run = CliRun.start("serve", folder.toString(), "-p", "0", "--ready-json")) {
            assertThat(PlainHttp.send("PUT", "http://127.0.0.1:" + run.port() + "/a.txt", "x").status())
                    .isEqualTo(405);
            assertThat(folder.resolve("a.txt")).doesNotExist();
        }
    }
}
