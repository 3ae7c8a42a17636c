package dev.jhttp.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class Http2OptionsTest {
    @TempDir
    Path folder;

    /** The first bytes the server sends after the HTTP/2 preface and an empty SETTINGS frame. */
    private static byte[] answerToPreface(int port) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0});
            InputStream in = socket.getInputStream();
            return in.readNBytes(9);
        }
    }

    @Test
    void servesH2cByDefaultAndSaysSo() throws Exception {
        try (CliRun run = CliRun.start("serve", folder.toString(), "-p", "0", "--ready-json")) {
            int port = run.port();
            assertThat(run.out()).contains("\"protocols\":[\"h2c\",\"http/1.1\"]");
            byte[] head = answerToPreface(port);
            assertThat(head[3]).as("a SETTINGS frame").isEqualTo((byte) 4);
        }
    }

    @Test
    void noH2cAndNoHttp2LeaveHttp11() throws Exception {
        for (String option : new String[] {"--no-h2c", "--no-http2"}) {
            try (CliRun run = CliRun.start("serve", folder.toString(), "-p", "0", "--ready-json", option)) {
                int port = run.port();
                assertThat(run.out()).contains("\"protocols\":[\"http/1.1\"]");
                // The preface is then an HTTP/1.1 request line with an unsupported version.
                assertThat(new String(answerToPreface(port), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 ");
            }
        }
    }

    @Test
    void limitsOutOfRangeAreOneLineErrors() throws Exception {
        CliRun streams = CliRun.finished("serve", folder.toString(), "-p", "0", "--max-streams", "0");
        CliRun window = CliRun.finished("serve", folder.toString(), "-p", "0", "--stream-window", "100");
        assertThat(streams.exitCode()).isEqualTo(1);
        assertThat(streams.err()).isEqualTo("jhttp: --max-streams must be at least 1, not 0\n");
        assertThat(window.exitCode()).isEqualTo(1);
        assertThat(window.err()).isEqualTo("jhttp: --stream-window must be at least 16384, not 100\n");
    }
}
