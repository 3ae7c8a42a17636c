package dev.jhttp.tests.load;

import dev.jhttp.tests.fixtures.TestCertificate;

import javax.net.SocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The client side of the idle-connections measurement: opens N keep-alive connections, makes one request on each,
 * holds them all open, checks a fresh request still answers, then asks the server for its heap. Bounded: every read
 * times out after 10 s, and all sockets close at the end. Arguments: PORT COUNT [CERT], with CERT (a PEM file to
 * trust) over https.
 */
public final class IdleConnectionsClient {
    private static final byte[] HELLO = "GET /hello HTTP/1.1\r\nHost: bench\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private IdleConnectionsClient() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        SocketFactory sockets = args.length > 2
                ? new TestCertificate(Path.of(args[2]), null).clientContext().getSocketFactory()
                : SocketFactory.getDefault();
        List<Socket> open = new ArrayList<>(count);
        int answered = 0;
        long start = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                Socket socket = sockets.createSocket(InetAddress.getLoopbackAddress(), port);
                socket.setSoTimeout(10_000);
                socket.setTcpNoDelay(true); // else the TLS client's last handshake record waits on a delayed ACK
                open.add(socket);
                socket.getOutputStream().write(HELLO);
                if (readResponse(socket.getInputStream()).endsWith("hello")) {
                    answered++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String stats;
            try (Socket probe = sockets.createSocket(InetAddress.getLoopbackAddress(), port)) {
                probe.setSoTimeout(30_000);
                probe.getOutputStream().write("GET /stats HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                stats = new String(probe.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            }
            int stillOpen = 0;
            for (Socket socket : open) {
                socket.getOutputStream().write(HELLO);
                if (readResponse(socket.getInputStream()).endsWith("hello")) {
                    stillOpen++;
                }
            }
            System.out.printf("opened=%d answered=%d stillServing=%d openSeconds=%.1f %s%n", open.size(), answered,
                    stillOpen, seconds, stats.substring(stats.indexOf("heapUsedBytes")).strip());
        } finally {
            for (Socket socket : open) {
                socket.close();
            }
        }
    }

    /** Reads one small Content-Length response and returns its text. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        int contentLength = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return text.toString();
            }
            text.append((char) b);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                if (contentLength < 0) {
                    String head = text.substring(0, headEnd).toLowerCase();
                    int at = head.indexOf("content-length:");
                    contentLength = Integer.parseInt(head.substring(at + 15, head.indexOf("\r\n", at)).strip());
                }
                if (text.length() - headEnd - 4 >= contentLength) {
                    return text.toString();
                }
            }
        }
    }
}
