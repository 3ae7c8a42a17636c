package dev.jhttp.tests.load;

import dev.jhttp.core.Status;
import dev.jhttp.tests.fixtures.RawSocket;
import dev.jhttp.tests.fixtures.SlowLorises;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * The client side of scripts/slow-clients-bench.sh: a normal client's latency on its own, then beside slow-loris
 * clients that dribble a head one byte per 200 ms until the server answers 408. Prints one markdown row. A
 * measurement, not a test: latency depends on the machine, so nothing here passes or fails on it.
 */
public final class SlowClientsBench {
    private static final byte[] LORIS_HEAD = ("GET /slow HTTP/1.1\r\nHost: bench\r\n"
            + "X-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final int REQUESTS = 1_000;

    private SlowClientsBench() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        latencies(port);   // warm-up: the JIT's first compilations would blur the baseline
        long[] baseline = latencies(port);
        long[] underAttack;
        int answered408;
        try (SlowLorises lorises = SlowLorises.start(port, count, LORIS_HEAD, Duration.ofMillis(200))) {
            underAttack = latencies(port);
            lorises.awaitAnswers(Duration.ofMinutes(2));
            answered408 = lorises.timedOut();
        }
        System.out.printf("| %d | %d | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f |%n", count, answered408,
                baseline[REQUESTS / 2] / 1e3, baseline[REQUESTS * 99 / 100] / 1e3,
                underAttack[REQUESTS / 2] / 1e3, underAttack[REQUESTS * 99 / 100] / 1e3,
                (double) underAttack[REQUESTS * 99 / 100] / baseline[REQUESTS * 99 / 100]);
    }

    /** The sorted latencies, in microseconds, of sequential keep-alive requests on one connection. */
    private static long[] latencies(int port) {
        long[] micros = new long[REQUESTS];
        try (RawSocket socket = RawSocket.connect(port)) {
            for (int i = 0; i < REQUESTS; i++) {
                long start = System.nanoTime();
                socket.send("GET /hello HTTP/1.1\r\nHost: bench\r\n\r\n");
                if (socket.readResponse().status() != Status.OK_200) {
                    throw new IllegalStateException("the normal client was not served");
                }
                micros[i] = (System.nanoTime() - start) / 1000;
            }
        }
        Arrays.sort(micros);
        return micros;
    }
}
