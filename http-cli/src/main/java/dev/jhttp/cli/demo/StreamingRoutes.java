package dev.jhttp.cli.demo;

import dev.jhttp.core.Body;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Demo routes whose content arrives over time: /drip and /sse. Every size and delay is bounded. */
final class StreamingRoutes {
    private StreamingRoutes() {
    }

    /** {@code numbytes} asterisks spread evenly over {@code duration} seconds, flushed one by one. */
    static Response drip(Request request) {
        int bytes = DemoRoutes.bounded(request.target().queryParameter("numbytes").orElse("10"), "numbytes", 0, 10_240);
        int seconds = DemoRoutes.bounded(request.target().queryParameter("duration").orElse("2"), "duration", 0, 10);
        Duration pause = bytes == 0 ? Duration.ZERO : Duration.ofMillis(seconds * 1000L / bytes);
        return Response.of(Status.OK_200, Headers.of("Content-Type", "application/octet-stream"),
                Body.ofStream(out -> {
                    for (int i = 0; i < bytes; i++) {
                        sleep(pause);
                        out.write('*');
                        out.flush();
                    }
                }, bytes));
    }

    /** {@code count} server-sent events, {@code interval} seconds apart (the HTML standard's event stream). */
    static Response serverSentEvents(Request request) {
        int count = DemoRoutes.bounded(request.target().queryParameter("count").orElse("5"), "count", 1, 100);
        int interval = DemoRoutes.bounded(request.target().queryParameter("interval").orElse("1"), "interval", 0, 5);
        return Response.of(Status.OK_200, Headers.of("Content-Type", "text/event-stream", "Cache-Control", "no-cache"),
                Body.ofStream(out -> {
                    for (int id = 0; id < count; id++) {
                        if (id > 0) {
                            sleep(Duration.ofSeconds(interval));
                        }
                        String event = "id: " + id + "\ndata: " + Json.object(Map.of("id", id,
                                "time", Instant.now().toString())) + "\n\n";
                        out.write(event.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }, -1));
    }

    private static void sleep(Duration pause) throws java.io.InterruptedIOException {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("stopped while streaming");
        }
    }
}
