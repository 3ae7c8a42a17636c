package dev.jhttp.server.internal;

import dev.jhttp.core.Body;
import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.core.Version;
import dev.jhttp.core.h2.ErrorCode;
import dev.jhttp.core.h2.ResponseFields;
import dev.jhttp.core.hpack.HeaderField;
import dev.jhttp.server.RequestContentException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * One request and its response on an HTTP/2 stream, on the stream's own thread: the handler chain runs as it does
 * for HTTP/1.1 (with the same {@code RequestContext} and error answers), and its response goes out as HEADERS, DATA
 * within the flow-control windows, and trailers. Or, for a request the server refuses before any handler sees it
 * (431, 413), a fixed answer.
 */
final class H2Exchange {
    private static final List<HeaderField> CONTINUE = List.of(HeaderField.of(":status", "100"));

    private final Engine engine;
    private final Transport transport;
    private final long connectionId;
    private final int number;
    private final Request head;
    private final Response fixedAnswer;

    /** The handler's answer to {@code head}, request number {@code number} of the connection. */
    H2Exchange(Engine engine, Transport transport, long connectionId, int number, Request head) {
        this(engine, transport, connectionId, number, head, null);
    }

    /** {@code answer}, whatever the request. */
    H2Exchange(Engine engine, Transport transport, long connectionId, int number, Response answer) {
        this(engine, transport, connectionId, number, null, answer);
    }

    private H2Exchange(Engine engine, Transport transport, long connectionId, int number, Request head,
                       Response fixedAnswer) {
        this.engine = engine;
        this.transport = transport;
        this.connectionId = connectionId;
        this.number = number;
        this.head = head;
        this.fixedAnswer = fixedAnswer;
    }

    void run(H2Stream stream, H2Output output, H2Streams streams) {
        try {
            Content content = new Content(stream, output);
            Request request = head == null ? null
                    : stream.remoteEnded() && content.available() == 0 ? head
                    : head.withBody(Body.ofInputStream(content, declaredLength(), stream::trailers));
            Response response = fixedAnswer != null ? fixedAnswer
                    : HandlerCall.respond(engine, transport, connectionId, number, request, content);
            if (stream.isReset()) {
                return;   // the client gave up: nobody is left to answer
            }
            if (content.timedOut) {
                response = engine.errors().answer(head.headers(), Status.REQUEST_TIMEOUT_408, Headers.empty());
            } else if (content.refused) {
                response = engine.errors().answer(head.headers(), Status.CONTENT_TOO_LARGE_413, Headers.empty());
            }
            send(stream, output, request, response);
        } catch (WindowTimeoutException e) {
            // The client kept its window shut past the write timeout: the stream ends, the connection does not.
            ServerLog.get().log(Level.DEBUG, () -> "h2 connection " + connectionId + ": " + e.getMessage());
            try {
                streams.resetByServer(stream.id(), ErrorCode.CANCEL);
            } catch (IOException broken) {
                ServerLog.get().log(Level.DEBUG, () -> "h2 connection " + connectionId + ": " + broken);
            }
        } catch (IOException e) {
            ServerLog.get().log(Level.DEBUG, () -> "h2 connection " + connectionId + " stream " + stream.id()
                    + ": " + e);
        } finally {
            try {
                streams.finished(stream);
            } catch (IOException e) {
                ServerLog.get().log(Level.DEBUG, () -> "h2 connection " + connectionId + ": " + e);
            }
        }
    }

    private long declaredLength() {
        return head.headers().first(HeaderName.CONTENT_LENGTH).map(Long::parseLong).orElse(-1L);
    }

    private void send(H2Stream stream, H2Output output, Request request, Response response) throws IOException {
        Response prepared = engine.writer().prepare(
                Persistence.finish(response, Version.HTTP_2, true, engine.config().serverName()), Version.HTTP_2);
        List<HeaderField> fields = ResponseFields.of(prepared);
        Body body = prepared.body();
        boolean content = request == null ? prepared.status().permitsContent()
                : Persistence.carriesContent(request, prepared);
        Headers trailers = prepared.trailers();
        if (!content || body.length() == 0 && trailers.isEmpty()) {
            output.sendHeaders(stream, fields, true, false);
            return;
        }
        output.sendHeaders(stream, fields, false, true);
        boolean endsWithData = trailers.isEmpty();
        if (body instanceof Body.Bytes bytes) {
            output.sendData(stream, bytes.asByteBuffer(), endsWithData);
        } else {
            try (DataOutput out = new DataOutput(stream, output, endsWithData, body.length())) {
                body.writeTo(out);
            }
        }
        if (!endsWithData) {
            output.sendHeaders(stream, ResponseFields.ofTrailers(trailers), true, false);
        }
    }

    /**
     * A body written as DATA frames of up to 16 KiB; closing sends what is left, with END_STREAM if asked. The buffer
     * is no larger than a body of known length needs, as many streams may wait for window at once.
     */
    private static final class DataOutput extends OutputStream {
        private static final int FRAME = 16 * 1024;
        private final H2Stream stream;
        private final H2Output output;
        private final boolean endStream;
        private final ByteBuffer buffer;

        DataOutput(H2Stream stream, H2Output output, boolean endStream, long length) {
            this.stream = stream;
            this.output = output;
            this.endStream = endStream;
            this.buffer = ByteBuffer.allocate(length < 0 ? FRAME : (int) Math.max(1, Math.min(FRAME, length)));
        }

        @Override
        public void write(int b) throws IOException {
            if (!buffer.hasRemaining()) {
                flushBuffer(false);
            }
            buffer.put((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (!buffer.hasRemaining()) {
                    flushBuffer(false);
                }
                int n = Math.min(length, buffer.remaining());
                buffer.put(bytes, offset, n);
                offset += n;
                length -= n;
            }
        }

        @Override
        public void close() throws IOException {
            flushBuffer(endStream);
        }

        private void flushBuffer(boolean last) throws IOException {
            output.sendData(stream, buffer.flip(), last);
            buffer.clear();
        }
    }

    /** The request content, with 100 (Continue) sent before the first read when the client asked (RFC 9110 §10.1.1). */
    private final class Content extends FilterInputStream implements ClientContent {
        private final H2Stream stream;
        private final H2Output output;
        private boolean continueDue;
        private boolean timedOut;
        /** Whether a read failed because the content passed the server's limit. */
        private boolean refused;

        Content(H2Stream stream, H2Output output) {
            super(stream.content(engine.config().bodyTimeout().toNanos()));
            this.stream = stream;
            this.output = output;
            this.continueDue = head != null && !stream.remoteEnded()
                    && head.headers().first(HeaderName.EXPECT).isPresent();
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (continueDue) {
                continueDue = false;
                output.sendHeaders(stream, CONTINUE, false, false);
            }
            try {
                return super.read(into, offset, length);
            } catch (SocketTimeoutException e) {
                timedOut = true;
                throw e;
            } catch (RequestContentException e) {
                refused = true;
                throw e;
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public boolean spoiledByClient() {
            return stream.isReset() || timedOut || refused;
        }
    }
}
