package dev.jhttp.tests.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The client side of the idle-connections measurement: opens N keep-alive connections, makes one request on each,
 * holds them all open, checks a fresh request still answers, then asks the server for its heap. Bounded: every read
 * times out after 10 s, and all sockets close at the end.
 */
public final class IdleConnectionsClient {
    private static final byte[] HELLO = "GET /hello HTTP/1.1\r\nHost: bench\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private IdleConnectionsClient() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        List<Socket> sockets = new ArrayList<>(count);
        int answered = 0;
        long start = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setSoTimeout(10_000);
                sockets.add(socket);
                socket.getOutputStream().write(HELLO);
                if (readResponse(socket.getInputStream()).endsWith("hello")) {
                    answered++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String stats;
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                probe.setSoTimeout(30_000);
                probe.getOutputStream().write("GET /stats HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                stats = new String(probe.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            }
            int stillOpen = 0;
            for (Socket socket : sockets) {
                socket.getOutputStream().write(HELLO);
                if (readResponse(socket.getInputStream()).endsWith("hello")) {
                    stillOpen++;
                }
            }
            System.out.printf("opened=%d answered=%d stillServing=%d openSeconds=%.1f %s%n", sockets.size(), answered,
                    stillOpen, seconds, stats.substring(stats.indexOf("heapUsedBytes")).strip());
        } finally {
            for (Socket socket : sockets) {
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
