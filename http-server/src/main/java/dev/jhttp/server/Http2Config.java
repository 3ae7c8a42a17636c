package dev.jhttp.server;

import java.time.Duration;
import java.util.Objects;

/**
 * HTTP/2 on a listener: whether it is offered (h2 by ALPN over TLS, h2c by prior knowledge in cleartext, RFC 9113
 * §3.2–3.3), and the limits each connection announces in its SETTINGS and enforces.
 *
 * {@snippet :
 * ServerConfig config = ServerConfig.defaults().withHttp2(Http2Config.defaults().withMaxConcurrentStreams(250));
 * ServerConfig http11Only = ServerConfig.defaults().withHttp2(Http2Config.disabled());
 * }
 *
 * @param enabled              whether HTTP/2 is offered at all
 * @param cleartext            whether a cleartext listener takes h2c with prior knowledge
 * @param maxConcurrentStreams streams a client may have open at once (SETTINGS_MAX_CONCURRENT_STREAMS); more are
 *                             refused with REFUSED_STREAM
 * @param maxServerStreams     streams open at once across all the server's connections, each holding a handler's
 *                             thread and buffers; more are refused with REFUSED_STREAM (RFC 9113 §8.7), which
 *                             clients may retry, rather than let many connections exhaust the heap together
 * @param maxServerContent     octets of request content waiting, across all connections, for handlers to read them;
 *                             a stream whose DATA would pass it is reset with ENHANCE_YOUR_CALM, as the windows of
 *                             many connections together could otherwise promise more than the heap holds
 * @param initialWindowSize    what each stream may send before the server asks for more
 *                             (SETTINGS_INITIAL_WINDOW_SIZE); also bounds what a handler that does not read holds
 * @param connectionWindowSize what all streams of a connection together may send ahead of the handlers reading it
 * @param maxFieldBlockSize    compressed size of one field block, CONTINUATION frames included
 * @param settingsTimeout      how long the client may take to acknowledge the server's SETTINGS (RFC 9113 §6.5.3)
 */
public record Http2Config(boolean enabled, boolean cleartext, int maxConcurrentStreams, int maxServerStreams,
                          long maxServerContent, int initialWindowSize, int connectionWindowSize,
                          int maxFieldBlockSize, Duration settingsTimeout) {
    private static final int MIN_FRAME = 16_384;
    /** Heap set aside for each stream by the default {@link #maxServerStreams}: thread stack, buffers, request. */
    private static final long HEAP_PER_STREAM = 32 * 1024;

    /**
     * @throws IllegalArgumentException if a count is below 1, a window is outside 16 KiB..2^31-1, the field block
     *     limit is below 16 KiB, or the timeout is not positive
     */
    public Http2Config {
        Objects.requireNonNull(settingsTimeout, "settingsTimeout");
        if (maxConcurrentStreams < 1 || maxServerStreams < 1) {
            throw new IllegalArgumentException("stream limits below 1: " + maxConcurrentStreams + ", "
                    + maxServerStreams);
        }
        if (maxServerContent < MIN_FRAME) {
            throw new IllegalArgumentException("maxServerContent below 16 KiB: " + maxServerContent);
        }
        if (initialWindowSize < MIN_FRAME || connectionWindowSize < MIN_FRAME) {
            throw new IllegalArgumentException("windows below 16 KiB: " + initialWindowSize + ", "
                    + connectionWindowSize);
        }
        if (maxFieldBlockSize < MIN_FRAME) {
            throw new IllegalArgumentException("maxFieldBlockSize below 16 KiB: " + maxFieldBlockSize);
        }
        if (settingsTimeout.isNegative() || settingsTimeout.isZero()) {
            throw new IllegalArgumentException("settingsTimeout must be positive: " + settingsTimeout);
        }
    }

    /**
     * On, h2c included; 100 streams per connection, and across the server one per 32 KiB of the JVM's maximum heap
     * (8,142 with {@code -Xmx256m}, at least 1,000); 256 KiB per stream and 1 MiB per connection of unread request
     * content, and across the server a quarter of the maximum heap; field blocks up to 64 KiB, SETTINGS acknowledged
     * within 10 s.
     */
    public static Http2Config defaults() {
        long heap = Runtime.getRuntime().maxMemory();
        int serverStreams = Math.clamp(heap / HEAP_PER_STREAM, 1_000, Integer.MAX_VALUE);
        return new Http2Config(true, true, 100, serverStreams, Math.max(heap / 4, MIN_FRAME), 256 * 1024,
                1024 * 1024, 64 * 1024, Duration.ofSeconds(10));
    }

    /** HTTP/1.1 only. */
    public static Http2Config disabled() {
        return defaults().withEnabled(false);
    }

    public Http2Config withEnabled(boolean value) {
        return new Http2Config(value, cleartext, maxConcurrentStreams, maxServerStreams, maxServerContent,
                initialWindowSize, connectionWindowSize, maxFieldBlockSize, settingsTimeout);
    }

    /** With {@code false}, a cleartext listener speaks HTTP/1.1 only; h2 over TLS is unaffected. */
    public Http2Config withCleartext(boolean value) {
        return new Http2Config(enabled, value, maxConcurrentStreams, maxServerStreams, maxServerContent,
                initialWindowSize, connectionWindowSize, maxFieldBlockSize, settingsTimeout);
    }

    public Http2Config withMaxConcurrentStreams(int value) {
        return new Http2Config(enabled, cleartext, value, maxServerStreams, maxServerContent, initialWindowSize,
                connectionWindowSize, maxFieldBlockSize, settingsTimeout);
    }

    public Http2Config withMaxServerStreams(int value) {
        return new Http2Config(enabled, cleartext, maxConcurrentStreams, value, maxServerContent, initialWindowSize,
                connectionWindowSize, maxFieldBlockSize, settingsTimeout);
    }

    public Http2Config withMaxServerContent(long value) {
        return new Http2Config(enabled, cleartext, maxConcurrentStreams, maxServerStreams, value, initialWindowSize,
                connectionWindowSize, maxFieldBlockSize, settingsTimeout);
    }

    public Http2Config withInitialWindowSize(int value) {
        return new Http2Config(enabled, cleartext, maxConcurrentStreams, maxServerStreams, maxServerContent, value,
                connectionWindowSize, maxFieldBlockSize, settingsTimeout);
    }

    public Http2Config withConnectionWindowSize(int value) {
        return new Http2Config(enabled, cleartext, maxConcurrentStreams, maxServerStreams, maxServerContent,
                initialWindowSize, value, maxFieldBlockSize, settingsTimeout);
    }

    public Http2Config withMaxFieldBlockSize(int value) {
        return new Http2Config(enabled, cleartext, maxConcurrentStreams, maxServerStreams, maxServerContent,
                initialWindowSize, connectionWindowSize, value, settingsTimeout);
    }

    public Http2Config withSettingsTimeout(Duration value) {
        return new Http2Config(enabled, cleartext, maxConcurrentStreams, maxServerStreams, maxServerContent,
                initialWindowSize, connectionWindowSize, maxFieldBlockSize, value);
    }

    /** Whether a listener with TLS ({@code tls}) or without speaks HTTP/2. */
    public boolean offeredOn(boolean tls) {
        return enabled && (tls || cleartext);
    }
}
