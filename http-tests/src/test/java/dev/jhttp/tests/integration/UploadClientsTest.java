package dev.jhttp.tests.integration;

import dev.jhttp.tests.fixtures.JhttpProcess;
import dev.jhttp.tests.fixtures.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jhttp serve --upload} as a separate process, written to by real clients — curl ({@code -F}, {@code -T},
 * {@code --data-urlencode}) and the JDK's HttpClient — and read back byte for byte by wget.
 */
class UploadClientsTest {
    @TempDir
    Path temp;

    @Test
    void curlFormsAndPutsAndWgetFetchesTheSameBytes() throws Exception {
        Path site = Files.createDirectories(temp.resolve("site"));
        Path one = random(temp.resolve("one.bin"), 300_000, 1);
        Path two = random(temp.resolve("two.bin"), 5 << 20, 2);
        try (JhttpProcess server = JhttpProcess.serve(site, "--upload")) {
            Tool form = curl("-F", "file=@" + one, "-F", "file=@" + two + ";filename=zwei ünï.bin",
                    "-F", "näme=välue", "-F", "日本=語", server.url("/"));
            assertThat(form.out()).isEqualTo("created /one.bin (300000 bytes)\n"
                    + "created /zwei%20%C3%BCn%C3%AF.bin (5242880 bytes)\n");
            Tool put = curl("-T", two.toString(), server.url("/put.bin"));
            assertThat(put.out()).isEqualTo("created /put.bin (5242880 bytes)\n");
            assertThat(curl("-o", "/dev/null", "-w", "%{http_code}", "-T", one.toString(), server.url("/put.bin"))
                    .out()).isEqualTo("409");
            assertThat(curl("--data-urlencode", "mkdir=Fotos 2026 ü", server.url("/")).out())
                    .isEqualTo("created /Fotos%202026%20%C3%BC/\n");
            assertThat(curl("-T", one.toString(), server.url("/Fotos%202026%20%C3%BC/in.bin")).out())
                    .isEqualTo("created /Fotos%202026%20%C3%BC/in.bin (300000 bytes)\n");
            for (String[] pair : new String[][] {{"/one.bin", one.toString()}, {"/zwei%20%C3%BCn%C3%AF.bin",
                two.toString()}, {"/put.bin", two.toString()}, {"/Fotos%202026%20%C3%BC/in.bin", one.toString()}}) {
                Path back = temp.resolve("back.bin");
                Tool wget = Tool.run("wget", "-q", "-O", back.toString(), server.url(pair[0]));
                assertThat(wget.exitCode()).as(pair[0] + ": " + wget.err()).isZero();
                assertThat(Files.mismatch(back, Path.of(pair[1]))).as(pair[0]).isEqualTo(-1);
            }
            assertThat(curl("-H", "Accept: application/json", server.url("/")).out())
                    .contains("\"name\":\"zwei \\u00fcn\\u00ef.bin\",\"type\":\"file\",\"size\":5242880")
                    .contains("\"name\":\"Fotos 2026 \\u00fc\",\"type\":\"directory\"");
            assertThat(server.out()).contains("\"POST / HTTP/1.1\" 201").contains("\"PUT /put.bin HTTP/1.1\" 201")
                    .contains("\"PUT /put.bin HTTP/1.1\" 409");
        }
        try (var files = Files.list(site)) {
            assertThat(files.map(path -> path.getFileName().toString()).sorted())
                    .containsExactly("Fotos 2026 ü", "one.bin", "put.bin", "zwei ünï.bin");
        }
    }

    @Test
    void theJdkClientPutsAndPostsAForm() throws Exception {
        Path site = Files.createDirectories(temp.resolve("site"));
        Path file = random(temp.resolve("jdk.bin"), 1 << 20, 3);
        try (JhttpProcess server = JhttpProcess.serve(site, "--upload");
             HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> put = client.send(HttpRequest.newBuilder(URI.create(server.url("/jdk.bin")))
                    .PUT(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).isEqualTo(201);
            assertThat(put.headers().firstValue("Location")).contains("/jdk.bin");
            String form = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"form.txt\"\r\n"
                    + "Content-Type: text/plain\r\n\r\nposted by HttpClient\r\n--XyZ--\r\n";
            HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(server.url("/")))
                    .header("Content-Type", "multipart/form-data; boundary=XyZ").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(201);
            assertThat(post.body()).contains("\"name\":\"form.txt\",\"url\":\"/form.txt\",\"size\":20");
        }
        assertThat(Files.mismatch(site.resolve("jdk.bin"), file)).isEqualTo(-1);
        assertThat(Files.readString(site.resolve("form.txt"))).isEqualTo("posted by HttpClient");
    }

    @Test
    void overTheLimitIs413AndNothingIsWritten() throws Exception {
        Path site = Files.createDirectories(temp.resolve("site"));
        Path big = random(temp.resolve("big.bin"), 2 << 20, 4);
        try (JhttpProcess server = JhttpProcess.serve(site, "--upload", "--max-upload", "1M")) {
            assertThat(curl("-o", "/dev/null", "-w", "%{http_code}", "-T", big.toString(), server.url("/a.bin"))
                    .out()).as("declared length").isEqualTo("413");
            assertThat(curl("-o", "/dev/null", "-w", "%{http_code}", "-H", "Transfer-Encoding: chunked", "-T",
                    big.toString(), server.url("/b.bin")).out()).as("chunked, cut while streaming").isEqualTo("413");
            assertThat(curl("-o", "/dev/null", "-w", "%{http_code}", "-F", "f=@" + big, server.url("/"))
                    .out()).as("a form").isEqualTo("413");
            assertThat(server.out()).contains("\"PUT /a.bin HTTP/1.1\" 413").contains("\"PUT /b.bin HTTP/1.1\" 413");
        }
        try (var files = Files.list(site)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aFullDiskIs507AndTheServerCarriesOn() throws Exception {
        Path site = Files.createDirectories(temp.resolve("site"));
        Path big = random(temp.resolve("big.bin"), 4 << 20, 5);
        // The server process may write no file larger than 1 MiB: writing the upload fails as on a full disk.
        try (JhttpProcess server = JhttpProcess.serveWithFileSizeLimit(1024, site, "--upload")) {
            Tool put = curl("-w", "%{http_code}", "-T", big.toString(), server.url("/big.bin"));
            assertThat(put.out()).startsWith("507 Insufficient Storage\n").endsWith("507");
            Tool form = curl("-o", "/dev/null", "-w", "%{http_code}", "-F", "f=@" + big, server.url("/"));
            assertThat(form.out()).isEqualTo("507");
            Files.writeString(temp.resolve("small.txt"), "fits");
            assertThat(curl("-T", temp.resolve("small.txt").toString(), server.url("/small.txt")).out())
                    .isEqualTo("created /small.txt (4 bytes)\n");
            assertThat(server.isAlive()).isTrue();
        }
        try (var files = Files.list(site)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("small.txt");
        }
    }

    private static Tool curl(String... args) {
        String[] command = new String[args.length + 4];
        command[0] = "curl";
        command[1] = "-sS";
        command[2] = "--max-time";
        command[3] = "60";
        System.arraycopy(args, 0, command, 4, args.length);
        return Tool.run(command);
    }

    private static Path random(Path file, int size, long seed) throws java.io.IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(file, bytes);
    }
}
