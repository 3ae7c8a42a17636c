package dev.jhttp.tests.load;

import dev.jhttp.core.Response;
import dev.jhttp.core.parse.ParseResult;
import dev.jhttp.core.parse.ResponseParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of scripts/soak.sh: keep-alive workers send a mix of GETs, fixed-length and chunked POSTs, and
 * abrupt disconnects (half a request, or a request then a close without reading), for the given number of seconds.
 * Every good request must get a 200 with the right content. Heap after GC is sampled from {@code /stats} every
 * {@code sampleSeconds}. Prints a markdown summary; exits 1 if any good request failed.
 * Arguments: PORT SECONDS [WORKERS] [SAMPLE_SECONDS]
 */
public final class SoakClient {
    private static final byte[] HELLO = "GET /hello HTTP/1.1\r\nHost: soak\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final int port;
    private final AtomicLong good = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong abrupt = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();

    private SoakClient(int port) {
        this.port = port;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Duration length = Duration.ofSeconds(Long.parseLong(args[1]));
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        Duration sampleEvery = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 30);
        SoakClient soak = new SoakClient(port);
        long deadline = System.nanoTime() + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            long seed = i;
            threads.add(Thread.ofVirtual().start(() -> soak.work(deadline, new Random(seed))));
        }
        List<Long> heap = new ArrayList<>();
        heap.add(heapAfterGc(port));
        while (System.nanoTime() < deadline) {
            Thread.sleep(Math.min(sampleEvery.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            heap.add(heapAfterGc(port));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        heap.add(heapAfterGc(port));
        System.out.println("| seconds | workers | good requests | failed good requests | abrupt disconnects "
                + "| connections | heap after GC, MiB (every " + sampleEvery.toSeconds() + " s) |");
        System.out.println("|---|---|---|---|---|---|---|");
        System.out.printf("| %d | %d | %d | %d | %d | %d | %s |%n", length.toSeconds(), workers, soak.good.get(),
                soak.failed.get(), soak.abrupt.get(), soak.connections.get(),
                String.join(" → ", heap.stream().map(b -> String.format("%.1f", b / 1048576.0)).toList()));
        System.exit(soak.failed.get() == 0 ? 0 : 1);
    }

    private void work(long deadline, Random random) {
        while (System.nanoTime() < deadline) {
            connections.incrementAndGet();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(10_000);
                exchangeUntilAbrupt(socket, deadline, random);
            } catch (IOException e) {
                failed.incrementAndGet();
                System.err.println("failed: " + e);
            }
        }
    }

    /** Good exchanges on one connection, ended by an abrupt disconnect after a random number of them. */
    private void exchangeUntilAbrupt(Socket socket, long deadline, Random random) throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        ResponseParser parser = ResponseParser.create();
        for (int left = random.nextInt(200); left > 0 && System.nanoTime() < deadline; left--) {
            byte[] content = new byte[random.nextInt(3) == 0 ? random.nextInt(64 * 1024) : random.nextInt(64)];
            random.nextBytes(content);
            byte[] expected;
            switch (random.nextInt(3)) {
                case 0 -> {
                    out.write(HELLO);
                    expected = "hello".getBytes(StandardCharsets.US_ASCII);
                }
                case 1 -> {
                    out.write(("POST /echo HTTP/1.1\r\nHost: soak\r\nContent-Length: " + content.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(content);
                    expected = content;
                }
                default -> {
                    out.write("POST /echo HTTP/1.1\r\nHost: soak\r\nTransfer-Encoding: chunked\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    if (content.length > 0) { // a zero size would be the last chunk
                        out.write((Integer.toHexString(content.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(content);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    expected = content;
                }
            }
            Response response = read(in, parser);
            boolean ok = response != null && response.status().code() == 200
                    && Arrays.equals(bytesOf(response), expected);
            (ok ? good : failed).incrementAndGet();
            if (!ok) {
                System.err.println("failed: " + (response == null ? "no response" : response.status() + " "
                        + response.headers() + " " + bytesOf(response).length + " bytes, expected " + expected.length));
                return;
            }
        }
        if (random.nextBoolean()) {
            out.write("POST /echo HTTP/1.1\r\nHost: soak\r\nContent-Length: 100\r\n\r\nhalf".getBytes(
                    StandardCharsets.US_ASCII));
        } else {
            out.write(HELLO);
        }
        abrupt.incrementAndGet();
        socket.setSoLinger(true, 0); // a reset, not a polite close
    }

    private static Response read(InputStream in, ResponseParser parser) throws IOException {
        parser.reset();
        byte[] chunk = new byte[16 * 1024];
        ByteBuffer pending = ByteBuffer.allocate(0);
        while (true) {
            ParseResult<Response> result = pending.hasRemaining() ? parser.feed(pending) : ParseResult.needMore();
            if (result instanceof ParseResult.Complete<Response>(Response response)) {
                return response;
            }
            if (result instanceof ParseResult.Failed) {
                return null;
            }
            int read = in.read(chunk);
            if (read < 0) {
                return null;
            }
            pending = ByteBuffer.wrap(chunk, 0, read);
        }
    }

    private static byte[] bytesOf(Response response) throws IOException {
        try (InputStream body = response.body().openStream()) {
            return body.readAllBytes();
        }
    }

    private static long heapAfterGc(int port) throws IOException {
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
            probe.getOutputStream().write("GET /stats HTTP/1.1\r\nHost: soak\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String stats = new String(probe.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            int at = stats.indexOf("heapUsedBytes=");
            return Long.parseLong(stats.substring(at + "heapUsedBytes=".length()).strip());
        }
    }
}
