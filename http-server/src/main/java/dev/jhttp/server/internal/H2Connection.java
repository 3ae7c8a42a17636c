package dev.jhttp.server.internal;

import dev.jhttp.core.h2.ConnectionPreface;
import dev.jhttp.core.h2.ErrorCode;
import dev.jhttp.core.h2.Frame;
import dev.jhttp.core.h2.FrameReader;
import dev.jhttp.core.h2.FrameResult;
import dev.jhttp.core.h2.H2Error;
import dev.jhttp.core.h2.H2Violation;
import dev.jhttp.core.h2.Setting;
import dev.jhttp.core.hpack.HpackDecoder;
import dev.jhttp.server.Http2Config;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An HTTP/2 connection (RFC 9113), served on a virtual thread that reads and dispatches frames; each stream's handler
 * runs on a thread of its own ({@link H2Exchange}) and writes through the shared {@link H2Output}. Streams and their
 * flow control are in {@link H2Streams}.
 *
 * <pre>
 *   (preface) ──► SETTINGS exchanged ──► frames ─┬─ stream error ─► RST_STREAM, go on
 *                                                 ├─ connection error ─► GOAWAY(code) ─► closed
 *                                                 ├─ idle timeout, client GOAWAY and no streams ─► GOAWAY ─► closed
 *                                                 └─ shutdown ─► GOAWAY(2^31-1), PING ─► ack ─► GOAWAY(last stream)
 *                                                        ─► streams finish ─► closed
 * </pre>
 */
final class H2Connection implements OpenConnection {
    /** How long a read may wait while streams are open: their handlers, not the client, decide when work ends. */
    private static final long BUSY_WAIT_NANOS = 24L * 3600 * 1_000_000_000L;
    /** The PING that follows the first GOAWAY of a graceful shutdown; its acknowledgement brings the second. */
    private static final long DRAIN_PING = 0x6a68_7474_7000_0001L;
    /** How long a shutdown waits for that acknowledgement before sending the second GOAWAY anyway. */
    private static final long DRAIN_NANOS = 1_000_000_000L;

    private final Transport transport;
    private final long id;
    private final Engine engine;
    private final SocketInput input;
    private final Http2Config config;
    private final FrameReader reader;
    private final H2Output output;
    private final H2Streams streams;
    private final FloodGuard floods = new FloodGuard();
    private volatile boolean settingsAcknowledged;
    private final long settingsDeadline;
    private volatile boolean goingAway;
    /** When the first GOAWAY of a graceful shutdown went out (System.nanoTime), or 0. */
    private volatile long drainingSince;
    private boolean firstFrame = true;

    H2Connection(Transport transport, long id, Engine engine, SocketInput input) {
        this.transport = transport;
        this.id = id;
        this.engine = engine;
        this.input = input;
        this.config = engine.config().http2();
        this.reader = FrameReader.create(16_384, config.maxFieldBlockSize());
        this.output = new H2Output(transport, engine.config().writeTimeout().toNanos());
        this.streams = new H2Streams(this, engine, transport, output, config,
                HpackDecoder.create(4096, engine.config().limits().maxHeaderSectionSize()));
        this.settingsDeadline = System.nanoTime() + config.settingsTimeout().toNanos();
    }

    long id() {
        return id;
    }

    /** Serves until the connection ends; {@code prefaceRead} when the client's preface was matched already (h2c). */
    void serve(boolean prefaceRead) {
        try (transport) {
            transport.channel().configureBlocking(true);
            output.send(new Frame.Settings(false, List.of(
                    new Setting(Setting.MAX_CONCURRENT_STREAMS, config.maxConcurrentStreams()),
                    new Setting(Setting.INITIAL_WINDOW_SIZE, config.initialWindowSize()),
                    new Setting(Setting.MAX_HEADER_LIST_SIZE, engine.config().limits().maxHeaderSectionSize()),
                    new Setting(Setting.ENABLE_PUSH, 0))));
            output.send(new Frame.WindowUpdate(0, config.connectionWindowSize() - H2Output.DEFAULT_WINDOW));
            if ((prefaceRead || readPreface()) && readFrames() && !goingAway) {
                goAway(ErrorCode.NO_ERROR, "");
            }
        } catch (IOException e) {
            ServerLog.get().log(Level.DEBUG, () -> "h2 connection " + id + " closed: " + e);
        } finally {
            output.wakeWaiters(true);
            streams.resetAll();
            engine.connections().remove(this);
        }
    }

    /** RFC 9113 §3.4: the client's preface first; false if it is not there. */
    private boolean readPreface() throws IOException {
        long deadline = System.nanoTime() + engine.config().headTimeout().toNanos();
        while (true) {
            if (input.hasBuffered()) {
                switch (input.matchPreface()) {
                    case COMPLETE -> {
                        return true;
                    }
                    case MISMATCH -> {
                        fail(new H2Error(H2Violation.INVALID_PREFACE, 0, "not the HTTP/2 preface", 0));
                        return false;
                    }
                    case PARTIAL -> {
                    }
                }
            }
            if (!fill(deadline)) {
                return false;
            }
        }
    }

    /** Reads and dispatches frames; true when the connection ends without error (idle, shutdown, end of input). */
    private boolean readFrames() throws IOException {
        while (true) {
            while (input.hasBuffered()) {
                FrameResult result = input.readFrame(reader);
                H2Error error = switch (result) {
                    case FrameResult.Read(Frame frame) -> dispatch(frame);
                    case FrameResult.Failed(H2Error failed) -> failed;
                    case FrameResult.NeedMore() -> null;
                };
                if (error != null && fail(error)) {
                    return false;
                }
                if (result instanceof FrameResult.NeedMore) {
                    break;
                }
            }
            if (goingAway && streams.isEmpty()) {
                return true;
            }
            boolean idle = streams.isEmpty();
            if (idle) {
                output.release();
            }
            long deadline = System.nanoTime() + (idle ? engine.config().idleTimeout().toNanos() : BUSY_WAIT_NANOS);
            try {
                if (!fill(deadline)) {
                    return false;   // the client closed: nobody is left to tell
                }
            } catch (SocketTimeoutException e) {
                return true;   // idle too long: GOAWAY(NO_ERROR) and close
            }
        }
    }

    private boolean fill(long deadline) throws IOException {
        return input.fill(deadline);
    }

    /** The error a frame causes, or null. */
    private H2Error dispatch(Frame frame) throws IOException {
        if (firstFrame) {
            firstFrame = false;
            if (!(frame instanceof Frame.Settings settings) || settings.ack()) {
                return new H2Error(H2Violation.SETTINGS_NOT_FIRST, 0, "first frame", reader.offset());
            }
        }
        return switch (frame) {
            case Frame.Settings settings -> settings(settings);
            case Frame.Ping ping -> {
                if (ping.ack()) {
                    if (ping.opaqueData() == DRAIN_PING && !goingAway) {
                        finishDraining();
                    }
                    yield null;
                }
                output.send(new Frame.Ping(true, ping.opaqueData()));
                yield floods.control(reader.offset());
            }
            case Frame.GoAway goAway -> {
                ServerLog.get().log(Level.DEBUG, () -> "h2 connection " + id + ": client GOAWAY " + goAway.error());
                goingAway = true;
                yield null;
            }
            case Frame.Priority priority -> floods.control(reader.offset());
            case Frame.PushPromise push -> new H2Error(H2Violation.PUSH_PROMISE_FROM_CLIENT, push.streamId(),
                    "promised " + push.promisedStreamId(), reader.offset());
            case Frame.WindowUpdate update -> streams.windowUpdate(update, reader.offset(), floods);
            case Frame.RstStream reset -> {
                H2Error error = streams.reset(reset, reader.offset());
                yield error != null ? error : floods.reset(reader.offset());
            }
            case Frame.Headers headers -> goingAway && headers.streamId() > streams.lastStreamId()
                    ? streams.ignore(headers)   // §6.8: a stream opened after GOAWAY is not served
                    : streams.headers(headers, reader.offset());
            case Frame.Data data -> {
                H2Error error = streams.data(data, reader.offset());
                yield error != null || data.data().hasRemaining() || data.endStream() ? error
                        : floods.control(reader.offset());
            }
        };
    }

    private H2Error settings(Frame.Settings settings) throws IOException {
        if (settings.ack()) {
            settingsAcknowledged = true;
            return null;
        }
        for (Setting setting : settings.settings()) {
            switch (setting.id()) {
                case Setting.HEADER_TABLE_SIZE -> output.setHeaderTableSize(setting.value());
                case Setting.MAX_FRAME_SIZE -> output.setMaxFrameSize((int) setting.value());
                case Setting.INITIAL_WINDOW_SIZE -> {
                    if (!streams.changeInitialWindow(setting.value())) {
                        return new H2Error(H2Violation.SETTINGS_WINDOW_OVERFLOW, 0, "initial window "
                                + setting.value(), reader.offset());
                    }
                }
                default -> {
                    // §6.5.2: the rest bind the server only when it pushes, and unknown ones are ignored
                }
            }
        }
        output.send(Frame.Settings.ACK);
        return floods.control(reader.offset());
    }

    /**
     * Answers an error: RST_STREAM for a stream error, after which reading goes on (false); GOAWAY for a connection
     * error, logged once, after which the connection closes (true).
     */
    boolean fail(H2Error error) throws IOException {
        if (!error.isConnectionError()) {
            ServerLog.get().log(Level.DEBUG, () -> "h2 connection " + id + ": " + error);
            streams.resetByServer(error.streamId(), error.code());
            return false;
        }
        ServerLog.get().log(Level.INFO, () -> "h2 connection " + id + " closed: " + error);
        goAway(error.code(), error.violation().description());
        transport.shutdownOutput();
        try {
            input.discard(Connection.LINGER_BYTES, System.nanoTime() + Connection.LINGER_NANOS);
        } catch (IOException lingerEnded) {
            // the client went away or stayed silent: either way, done
        }
        return true;
    }

    private void goAway(ErrorCode code, String debug) throws IOException {
        goingAway = true;
        output.send(new Frame.GoAway(streams.lastStreamId(), code.code(),
                ByteBuffer.wrap(debug.getBytes(StandardCharsets.US_ASCII))));
    }

    /** A stream finished; when it was the last one, an idle or closing connection stops waiting for the client. */
    void streamFinished() {
        if (streams.isEmpty()) {
            input.shortenRead(System.nanoTime() + (goingAway ? 0 : engine.config().idleTimeout().toNanos()));
        }
    }

    @Override
    public void enforceDeadlines(long now) {
        if (output.writeOverdue(now)) {
            ServerLog.get().log(Level.DEBUG, () -> "h2 connection " + id + " dropped: write timed out");
            closeQuietly();
            return;
        }
        if (!settingsAcknowledged && now - settingsDeadline > 0) {
            settingsAcknowledged = true;   // act once
            inBackground(() -> {
                fail(new H2Error(H2Violation.SETTINGS_NOT_ACKNOWLEDGED, 0, "after "
                        + config.settingsTimeout().toMillis() + " ms", reader.offset()));
                closeQuietly();
            });
            return;
        }
        long draining = drainingSince;
        if (draining != 0 && !goingAway && now - draining > DRAIN_NANOS) {
            inBackground(this::finishDraining);
        }
        try {
            input.endOverdueRead(now);
        } catch (IOException e) {
            closeQuietly();
        }
    }

    /** Runs {@code work} on a virtual thread: the event loop that calls {@link #enforceDeadlines} must not block. */
    private void inBackground(IoWork work) {
        Thread.ofVirtual().name("jhttp-h2-" + id + "-deadline").start(() -> {
            try {
                work.run();
            } catch (IOException e) {
                ServerLog.get().log(Level.DEBUG, () -> "h2 connection " + id + ": " + e);
                closeQuietly();
            }
        });
    }

    @FunctionalInterface
    private interface IoWork {
        void run() throws IOException;
    }

    /**
     * Shutdown, in two steps (RFC 9113 §6.8): GOAWAY with the largest stream identifier and a PING, so streams the
     * client opened meanwhile are still served; once the PING comes back (or after a second), GOAWAY naming the last
     * stream the server took. Streams in flight finish; then the connection closes.
     */
    @Override
    public void stopIfIdle() {
        try {
            if (streams.isEmpty()) {
                finishDraining();
                return;
            }
            drainingSince = System.nanoTime();
            output.send(new Frame.GoAway(Integer.MAX_VALUE, ErrorCode.NO_ERROR));
            output.send(new Frame.Ping(false, DRAIN_PING));
        } catch (IOException e) {
            closeQuietly();
        }
    }

    /** The second GOAWAY of a shutdown; an idle connection then stops reading. */
    private synchronized void finishDraining() throws IOException {
        if (goingAway) {
            return;
        }
        goAway(ErrorCode.NO_ERROR, "");
        if (streams.isEmpty()) {
            input.shortenRead(System.nanoTime());
        }
    }

    @Override
    public void closeQuietly() {
        output.wakeWaiters(true);
        try {
            transport.channel().close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
