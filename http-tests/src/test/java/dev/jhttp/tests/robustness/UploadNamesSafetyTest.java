package dev.jhttp.tests.robustness;

import dev.jhttp.core.Method;
import dev.jhttp.core.Response;
import dev.jhttp.server.files.StaticFiles;
import dev.jhttp.server.files.SymlinkPolicy;
import dev.jhttp.server.files.Uploads;
import dev.jhttp.server.filters.ErrorPages;
import dev.jhttp.tests.fixtures.RawSocket;
import dev.jhttp.tests.fixtures.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile upload-name corpus ({@code src/test/resources/safety/upload-names.txt}, and the read corpus's
 * {@code paths.txt} as PUT targets) against a server taking uploads, whose root sits beside a sentinel folder and a
 * secret file, with a symbolic link from the root to the sentinel. Each name goes as a multipart filename (RFC 8187
 * and, where a quoted string can carry it, raw), as a PUT path (percent-encoded, and raw where it is visible ASCII)
 * and as a new folder's name. Nothing may appear or change outside the root, nothing answers 5xx, and whatever was
 * accepted has a name safe on any file system. What was accepted goes to {@code target/upload-names.txt}.
 */
class UploadNamesSafetyTest {
    @TempDir
    Path parent;

    @Test
    void noNameWritesOutsideTheRootOrAnswers5xx() throws Exception {
        Path root = Files.createDirectories(parent.resolve("site/docs"));
        root = root.getParent();
        Path sentinel = Files.createDirectories(parent.resolve("sentinel"));
        Files.writeString(sentinel.resolve("canary.txt"), "canary");
        Files.writeString(parent.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(root.resolve("out"), Path.of("..", "sentinel"));
        List<byte[]> names = names();
        List<String> targets = lines("/safety/paths.txt").stream().map(String::strip).toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(100);
        Map<String, String> accepted = new TreeMap<>();
        int requests = 0;
        for (boolean hidden : new boolean[] {false, true}) {
            StaticFiles files = StaticFiles.serving(root).withListing(true).withHiddenFiles(hidden)
                    .withSymlinks(hidden ? SymlinkPolicy.WITHIN_ROOT : SymlinkPolicy.DENY)
                    .withUploads(Uploads.allowed().withDelete(false));
            try (TestServer server = TestServer.start(ErrorPages.negotiated().wrap(files))) {
                for (byte[] name : names) {
                    for (Delivery delivery : Delivery.values()) {
                        byte[] request = delivery.request(name);
                        if (request == null) {
                            continue;
                        }
                        requests++;
                        int status = send(server, request).status().code();
                        assertThat(status).as(delivery + " " + show(name)).isLessThan(500);
                        if (status == 201) {
                            accepted.merge(show(name), delivery.name(), (a, b) -> a + ", " + b);
                            assertSafeTree(root, hidden);
                            clear(root);   // so the next delivery of the same name is not a conflict
                        }
                    }
                }
                for (String target : targets) {
                    requests++;
                    assertThat(send(server, put(target.getBytes(StandardCharsets.ISO_8859_1))).status().code())
                            .as("PUT " + target).isLessThan(500);
                }
                for (String target : new String[] {"/out/pwned.txt", "/out/../pwned.txt", "/out/"}) {
                    requests++;
                    assertThat(send(server, put(target.getBytes(StandardCharsets.ISO_8859_1))).status().code())
                            .as("PUT through the link " + target).isIn(404, 405);
                }
                assertThat(send(server, Delivery.MULTIPART_RFC_8187.request("pwned.txt".getBytes(), "/out/"))
                        .status().code()).as("a form posted through the link").isEqualTo(404);
            }
            assertThat(list(parent)).containsExactlyInAnyOrder("secret.txt", "sentinel", "site");
            assertThat(list(sentinel)).containsExactly("canary.txt");
            assertThat(Files.readString(sentinel.resolve("canary.txt"))).isEqualTo("canary");
            assertThat(Files.readString(parent.resolve("secret.txt"))).isEqualTo("secret");
            assertSafeTree(root, hidden);
        }
        Files.writeString(Path.of("target", "upload-names.txt"), "# " + names.size() + " names, " + requests
                + " requests; accepted (201), by name and delivery:\n" + String.join("\n", accepted.entrySet()
                .stream().map(entry -> entry.getKey() + "\t" + entry.getValue()).toList()) + "\n");
        assertThat(accepted).containsKeys("report.pdf", "ünï cødé.txt", "日本語.txt", "emoji 🎉.png", "a b c", "#hash");
        assertThat(accepted.get("report.pdf")).isEqualTo("MULTIPART_RFC_8187, MULTIPART_QUOTED, PUT_ENCODED, "
                + "PUT_RAW, MKDIR, MULTIPART_RFC_8187, MULTIPART_QUOTED, PUT_ENCODED, PUT_RAW, MKDIR");
        assertThat(accepted).doesNotContainKeys("..", "CON", "con.tar.gz", "\\u202etxt.exe", "pwned\\u0000.txt",
                "\\uff0e\\uff0e", "../pwned.txt");
        assertThat(accepted.get(".env")).as("hidden names only where hidden files are served")
                .isEqualTo("MULTIPART_RFC_8187, MULTIPART_QUOTED, PUT_ENCODED, PUT_RAW, MKDIR");
    }

    /** Removes what the corpus wrote: everything in the root but the folder and the link it started with. */
    private static void clear(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.filter(path -> !path.getFileName().toString().equals("docs")
                    && !path.getFileName().toString().equals("out")).toList()) {
                Files.delete(entry);
            }
        }
    }

    /** Every entry the corpus left in the root is a plain name no file system misreads, and no new link. */
    private static void assertSafeTree(Path root, boolean hidden) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.filter(path -> !path.equals(root)).toList()) {
                String name = path.getFileName().toString();
                assertThat(name).as(path.toString()).isNotIn(".", "..").doesNotContain("/", "\\", ":", "\u0000");
                assertThat(name.chars().noneMatch(c -> c < 0x20 || c >= 0x7F && c <= 0x9F)).as(name).isTrue();
                assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
                assertThat(!hidden && name.startsWith(".")).as(name).isFalse();
                assertThat(Files.isSymbolicLink(path) && !name.equals("out")).as(name).isFalse();
                assertThat(path.toRealPath(LinkOption.NOFOLLOW_LINKS).startsWith(root.toRealPath())).isTrue();
            }
        }
    }

    /** How a name reaches the server. */
    private enum Delivery {
        MULTIPART_RFC_8187, MULTIPART_QUOTED, PUT_ENCODED, PUT_RAW, MKDIR;

        /** The request, or null when this delivery cannot carry the name. */
        byte[] request(byte[] name) {
            return request(name, "/");
        }

        byte[] request(byte[] name, String folder) {
            return switch (this) {
                case MULTIPART_RFC_8187 -> multipart(folder, ("filename*=UTF-8''" + encode(name, true))
                        .getBytes(StandardCharsets.US_ASCII));
                case MULTIPART_QUOTED -> carriesQuoted(name) ? multipart(folder, concat("filename=\"".getBytes(
                        StandardCharsets.US_ASCII), name, "\"".getBytes(StandardCharsets.US_ASCII))) : null;
                case PUT_ENCODED -> put(("/" + encode(name, false)).getBytes(StandardCharsets.US_ASCII));
                case PUT_RAW -> visibleAscii(name) ? put(concat("/".getBytes(StandardCharsets.US_ASCII), name)) : null;
                case MKDIR -> form("mkdir=" + encode(name, true));
            };
        }
    }

    private static Response send(TestServer server, byte[] request) {
        try (RawSocket socket = server.connect()) {
            socket.send(request);
            return socket.readResponse(Method.POST);
        }
    }

    static byte[] put(byte[] target) {
        return concat("PUT ".getBytes(StandardCharsets.US_ASCII), target, (" HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: 5\r\nConnection: close\r\n\r\npwned").getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] multipart(String folder, byte[] filenameParameter) {
        byte[] body = concat("--b\r\nContent-Disposition: form-data; name=\"f\"; ".getBytes(StandardCharsets.US_ASCII),
                filenameParameter, "\r\n\r\npwned\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        return concat(("POST " + folder + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), body);
    }

    private static byte[] form(String body) {
        return ("POST / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: "
                + "application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Percent-encodes every octet but unreserved ones (RFC 3986 §2.3) and, in a form or RFC 8187, nothing more. */
    private static String encode(byte[] name, boolean query) {
        StringBuilder out = new StringBuilder();
        for (byte b : name) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~' && !query) {
                out.append((char) c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

    private static boolean carriesQuoted(byte[] name) {
        for (byte b : name) {
            if (b == '"' || b == '\\' || b == '\r' || b == '\n' || b == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean visibleAscii(byte[] name) {
        for (byte b : name) {
            if (b < 0x21 || b > 0x7E) {
                return false;
            }
        }
        return name.length > 0;
    }

    /** The corpus, unescaped: a backslash, x and two hex digits is a raw octet; a backslash, u and four, a code point. */
    private static List<byte[]> names() throws IOException {
        List<byte[]> names = new ArrayList<>();
        for (String line : lines("/safety/upload-names.txt")) {
            ByteArrayOutputStream name = new ByteArrayOutputStream();
            for (int i = 0; i < line.length(); i++) {
                int c = line.codePointAt(i);
                if (c != '\\' || i + 1 == line.length()) {
                    name.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                    i += Character.charCount(c) - 1;
                    continue;
                }
                char kind = line.charAt(++i);
                switch (kind) {
                    case 'x' -> name.write(Integer.parseInt(line.substring(i + 1, i + 3), 16));
                    case 'u' -> name.writeBytes(Character.toString(Integer.parseInt(line.substring(i + 1, i + 5), 16))
                            .getBytes(StandardCharsets.UTF_8));
                    case 's' -> name.write(' ');
                    case 'r' -> name.write('\r');
                    case 'n' -> name.write('\n');
                    case 't' -> name.write('\t');
                    default -> name.write(kind);
                }
                i += kind == 'x' ? 2 : kind == 'u' ? 4 : 0;
            }
            names.add(name.toByteArray());
        }
        return names;
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = UploadNamesSafetyTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isEmpty() && !line.startsWith("# ")).toList();
        }
    }

    private static String show(byte[] name) {
        StringBuilder out = new StringBuilder();
        String text = new String(name, StandardCharsets.UTF_8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c >= 0x7F && c <= 0x9F || c >= 0x2000 && c <= 0x206F || c == '\u061c'
                    ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).toList();
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
