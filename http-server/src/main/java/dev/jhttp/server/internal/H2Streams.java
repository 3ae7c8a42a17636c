package dev.jhttp.server.internal;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Request;
import dev.jhttp.core.Status;
import dev.jhttp.core.h2.ErrorCode;
import dev.jhttp.core.h2.FieldsResult;
import dev.jhttp.core.h2.Frame;
import dev.jhttp.core.h2.H2Error;
import dev.jhttp.core.h2.H2Violation;
import dev.jhttp.core.h2.RequestFields;
import dev.jhttp.core.hpack.HeaderField;
import dev.jhttp.core.hpack.HpackDecoder;
import dev.jhttp.core.hpack.HpackResult;
import dev.jhttp.server.Http2Config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The streams of one HTTP/2 connection: their states (RFC 9113 §5.1), the frames that open, feed and end them, and
 * receive flow control (§5.2): the client may send what the windows allow, and gets window back as handlers read,
 * so a handler that does not read holds at most its stream's window. Frame methods run on the reader thread and
 * return the error a frame causes, or null; {@link #consumed} and {@link #finished} run on handlers' threads.
 */
final class H2Streams {
    /** Closed streams remembered, to tell a late frame on one of them from one on a stream never opened. */
    private static final int REMEMBERED = 256;

    private final H2Connection connection;
    private final Engine engine;
    private final Transport transport;
    private final H2Output output;
    private final Http2Config config;
    private final HpackDecoder decoder;
    private final Map<Integer, H2Stream> open = new ConcurrentHashMap<>();
    /** Closed stream → whether the server reset it (frames on it are then ignored, §5.1). */
    private final Map<Integer, Boolean> closed = new LinkedHashMap<>(REMEMBERED * 2) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };
    /** Streams that count against the client's concurrency limit: open, and the server has not yet ended its side. */
    private final AtomicInteger active = new AtomicInteger();
    private final Object flow = new Object();
    private long connectionReceiveWindow;
    private long connectionUnacknowledged;
    private volatile int lastStreamId;
    private int served;

    H2Streams(H2Connection connection, Engine engine, Transport transport, H2Output output, Http2Config config,
              HpackDecoder decoder) {
        this.connection = connection;
        this.engine = engine;
        this.transport = transport;
        this.output = output;
        this.config = config;
        this.decoder = decoder;
        this.connectionReceiveWindow = config.connectionWindowSize();
    }

    int lastStreamId() {
        return lastStreamId;
    }

    boolean isEmpty() {
        return open.isEmpty();
    }

    /** HEADERS: a new stream, or the trailers of an open one. */
    H2Error headers(Frame.Headers frame, long offset) throws IOException {
        int id = frame.streamId();
        // §4.3: every field block is decoded, whatever becomes of its stream, to keep the table in step.
        HpackResult decoded = decoder.decode(frame.block());
        if (decoded instanceof HpackResult.Failed(var error)) {
            return new H2Error(H2Violation.HPACK_FAILED, id, error.toString(), offset);
        }
        H2Stream stream = open.get(id);
        if (stream != null) {
            return trailers(stream, frame, decoded, offset);
        }
        if (id % 2 == 0) {
            return new H2Error(H2Violation.EVEN_STREAM_ID, id, "HEADERS", offset);
        }
        if (id <= lastStreamId) {
            Boolean resetByServer = closedState(id);
            if (Boolean.TRUE.equals(resetByServer)) {
                return null;   // §5.1: frames the client sent before it saw the server's RST_STREAM
            }
            return new H2Error(resetByServer == null ? H2Violation.STREAM_ID_NOT_INCREASING
                    : H2Violation.HEADERS_ON_CLOSED_STREAM, id, "last stream " + lastStreamId, offset);
        }
        lastStreamId = id;
        if (active.get() >= config.maxConcurrentStreams()) {
            return new H2Error(H2Violation.TOO_MANY_STREAMS, id, active.get() + " open", offset);
        }
        if (decoded instanceof HpackResult.TooLarge) {
            return answer(frame, Status.REQUEST_HEADER_FIELDS_TOO_LARGE_431, offset);
        }
        List<HeaderField> fields = ((HpackResult.Decoded) decoded).fields();
        FieldsResult<Request> request = RequestFields.toRequest(fields);
        if (request instanceof FieldsResult.Malformed<Request>(H2Violation violation, String detail)) {
            return new H2Error(violation, id, detail, offset);
        }
        Request head = ((FieldsResult.Valid<Request>) request).value();
        long length = head.headers().first(HeaderName.CONTENT_LENGTH).map(Long::parseLong).orElse(-1L);
        if (frame.endStream() && length > 0) {
            return new H2Error(H2Violation.CONTENT_LENGTH_MISMATCH, id, "no content, declared " + length, offset);
        }
        if (length > engine.config().limits().maxBodySize()) {
            return answer(frame, Status.CONTENT_TOO_LARGE_413, offset);
        }
        return start(frame, length, new H2Exchange(engine, transport, connection.id(), ++served, head), offset);
    }

    private H2Error trailers(H2Stream stream, Frame.Headers frame, HpackResult decoded, long offset) {
        int id = frame.streamId();
        if (stream.remoteEnded()) {
            return new H2Error(H2Violation.HEADERS_ON_CLOSED_STREAM, id, "after END_STREAM", offset);
        }
        if (!frame.endStream()) {
            return new H2Error(H2Violation.TRAILERS_WITHOUT_END_STREAM, id, "trailers", offset);
        }
        if (!(decoded instanceof HpackResult.Decoded(var fields))) {
            return new H2Error(H2Violation.TRAILERS_WITHOUT_END_STREAM, id, "trailers over the list limit", offset);
        }
        if (stream.endsShort(0)) {
            return new H2Error(H2Violation.CONTENT_LENGTH_MISMATCH, id, "content ended short", offset);
        }
        return switch (RequestFields.toTrailers(fields)) {
            case FieldsResult.Valid<Headers>(Headers trailers) -> {
                stream.receiveTrailers(trailers);
                yield null;
            }
            case FieldsResult.Malformed<Headers>(H2Violation violation, String detail) ->
                    new H2Error(violation, id, detail, offset);
        };
    }

    /**
     * Opens the stream and runs {@code exchange} for it on a thread of its own, if the server has room for another
     * stream; else the stream is refused.
     */
    private H2Error start(Frame.Headers frame, long length, H2Exchange exchange, long offset) {
        if (!engine.streamPermits().tryAcquire()) {
            return new H2Error(H2Violation.SERVER_BUSY, frame.streamId(), engine.config().http2().maxServerStreams()
                    + " streams open in the server", offset);
        }
        H2Stream stream = new H2Stream(frame.streamId(), this, engine.contentBudget(), output.initialStreamWindow(),
                config.initialWindowSize(), length);
        if (frame.endStream()) {
            stream.receive(ByteBuffer.allocate(0), true);
        }
        open.put(stream.id(), stream);
        active.incrementAndGet();
        Thread.ofVirtual().name("jhttp-h2-" + connection.id() + "-" + stream.id())
                .start(() -> exchange.run(stream, output, this));
        return null;
    }

    /** Answers a stream with {@code status} from the server's error pages, without calling the handler. */
    private H2Error answer(Frame.Headers frame, Status status, long offset) {
        return start(frame, -1, new H2Exchange(engine, transport, connection.id(), ++served,
                engine.errors().answer(Headers.empty(), status, Headers.empty())), offset);
    }

    /** A stream's END_STREAM is going out, or it closed ({@link H2Stream#endLocally}, once for each stream). */
    void endedLocally() {
        active.decrementAndGet();
    }

    /** Takes the stream out of the open ones, once: its permit goes back to the server. */
    private H2Stream close(int id) {
        H2Stream stream = open.remove(id);
        if (stream != null) {
            stream.endLocally();
            stream.discardContent();
            engine.streamPermits().release();
        }
        return stream;
    }

    /** A HEADERS frame after GOAWAY: decoded, so the table stays in step, and not served (§6.8). */
    H2Error ignore(Frame.Headers frame) {
        return decoder.decode(frame.block()) instanceof HpackResult.Failed(var error)
                ? new H2Error(H2Violation.HPACK_FAILED, frame.streamId(), error.toString(), 0)
                : null;
    }

    H2Error data(Frame.Data frame, long offset) throws IOException {
        int id = frame.streamId();
        int flowLength = frame.flowControlledLength();
        int length = frame.data().remaining();
        synchronized (flow) {
            if (flowLength > connectionReceiveWindow) {
                return new H2Error(H2Violation.CONNECTION_WINDOW_EXCEEDED, id, flowLength + " > "
                        + connectionReceiveWindow, offset);
            }
            connectionReceiveWindow -= flowLength;
        }
        H2Stream stream = open.get(id);
        H2Error error = null;
        if (stream == null) {
            Boolean resetByServer = closedState(id);
            error = id > lastStreamId ? new H2Error(H2Violation.FRAME_ON_IDLE_STREAM, id, "DATA", offset)
                    : Boolean.TRUE.equals(resetByServer) ? null
                    : new H2Error(H2Violation.DATA_ON_CLOSED_STREAM, id, "closed", offset);
        } else if (stream.remoteEnded()) {
            error = new H2Error(H2Violation.DATA_ON_CLOSED_STREAM, id, "after END_STREAM", offset);
        } else if (flowLength > stream.receiveWindow()) {
            error = new H2Error(H2Violation.STREAM_WINDOW_EXCEEDED, id, flowLength + " > " + stream.receiveWindow(),
                    offset);
        } else if (stream.passesDeclaredLength(length) || frame.endStream() && stream.endsShort(length)) {
            error = new H2Error(H2Violation.CONTENT_LENGTH_MISMATCH, id, "DATA disagrees with content-length",
                    offset);
        }
        if (error != null || stream == null) {
            giveBack(flowLength);   // nobody will read it
            return error;
        }
        long limit = engine.config().limits().maxBodySize();
        if (stream.contentRefused() || stream.passesLimit(length, limit)) {
            // The handler answers 413 and the stream is reset once it has (RFC 9113 §8.1); this content is dropped.
            if (!stream.contentRefused()) {
                stream.refuseContent(limit);
            }
            giveBack(flowLength);
            return null;
        }
        if (!engine.contentBudget().take(length)) {
            giveBack(flowLength);
            return new H2Error(H2Violation.SERVER_CONTENT_FULL, id, engine.contentBudget().max()
                    + " octets of content already wait for handlers", offset);
        }
        synchronized (flow) {
            stream.takeReceiveWindow(flowLength, flowLength - length);
        }
        stream.receive(frame.data(), frame.endStream());
        if (flowLength > length) {
            giveBack(flowLength - length);   // padding
        }
        return null;
    }

    H2Error reset(Frame.RstStream frame, long offset) {
        int id = frame.streamId();
        H2Stream stream = close(id);
        if (stream == null) {
            return id > lastStreamId ? new H2Error(H2Violation.FRAME_ON_IDLE_STREAM, id, "RST_STREAM", offset) : null;
        }
        stream.reset();
        output.wakeWaiters(false);
        remember(id, false);
        release(stream);
        return null;
    }

    /** WINDOW_UPDATE; one that opens window the server never used counts against {@code floods}. */
    H2Error windowUpdate(Frame.WindowUpdate frame, long offset, FloodGuard floods) {
        int id = frame.streamId();
        H2Output.WindowOutcome outcome;
        if (id == 0) {
            outcome = output.openConnectionWindow(frame.increment());
        } else {
            H2Stream stream = open.get(id);
            if (stream == null) {
                return id > lastStreamId ? new H2Error(H2Violation.FRAME_ON_IDLE_STREAM, id, "WINDOW_UPDATE",
                        offset) : floods.control(offset);
            }
            outcome = output.openStreamWindow(stream, frame.increment());
        }
        return switch (outcome) {
            case REFILLED -> null;
            case UNUSED -> floods.control(offset);
            case OVERFLOW -> new H2Error(id == 0 ? H2Violation.CONNECTION_WINDOW_OVERFLOW
                    : H2Violation.STREAM_WINDOW_OVERFLOW, id, "+" + frame.increment(), offset);
        };
    }

    boolean changeInitialWindow(long size) {
        return output.changeInitialWindow(size, open.values());
    }

    /** Sends RST_STREAM and forgets the stream; frames the client sent before seeing it are then ignored. */
    void resetByServer(int id, ErrorCode code) throws IOException {
        remember(id, true);
        H2Stream stream = close(id);
        if (stream != null) {
            stream.reset();
            output.wakeWaiters(false);
            release(stream);
        }
        output.send(new Frame.RstStream(id, code));
    }

    /** The connection ends: every handler's reads and writes fail from now on. */
    void resetAll() {
        for (int id : open.keySet()) {
            H2Stream stream = close(id);
            if (stream != null) {
                stream.reset();
            }
        }
    }

    /** A handler read {@code n} octets: window goes back to the client once half of it is used. */
    void consumed(H2Stream stream, int n) throws IOException {
        long streamIncrement;
        synchronized (flow) {
            long increment = stream.consumed(n, config.initialWindowSize() / 2);
            streamIncrement = stream.remoteEnded() ? 0 : increment;   // a stream the client ended needs no window
        }
        if (streamIncrement > 0) {
            output.send(new Frame.WindowUpdate(stream.id(), (int) streamIncrement));
        }
        giveBack(n);
    }

    /** The exchange on {@code stream} is over: the stream closes, resetting it if the client is still sending. */
    void finished(H2Stream stream) throws IOException {
        if (!stream.remoteEnded() && !stream.isReset()) {
            resetByServer(stream.id(), ErrorCode.NO_ERROR);   // §8.1: the rest of the request is not needed
        } else if (close(stream.id()) != null) {
            remember(stream.id(), false);
            release(stream);
        }
        connection.streamFinished();
    }

    private void release(H2Stream stream) {
        long unread;
        synchronized (flow) {
            unread = stream.unread();
        }
        try {
            giveBack(unread);
        } catch (IOException e) {
            // the connection is failing; its reader will see it
        }
    }

    /** Connection window back to the client, in increments of at least half the window. */
    private void giveBack(long octets) throws IOException {
        long increment = 0;
        synchronized (flow) {
            connectionUnacknowledged += octets;
            if (connectionUnacknowledged >= config.connectionWindowSize() / 2) {
                increment = connectionUnacknowledged;
                connectionUnacknowledged = 0;
                connectionReceiveWindow += increment;
            }
        }
        if (increment > 0) {
            output.send(new Frame.WindowUpdate(0, (int) increment));
        }
    }

    private void remember(int id, boolean resetByServer) {
        synchronized (closed) {
            closed.put(id, resetByServer);
        }
    }

    /** For a closed stream, whether the server reset it; null if it is not remembered (or was never opened). */
    private Boolean closedState(int id) {
        synchronized (closed) {
            return closed.get(id);
        }
    }
}
