package dev.jhttp.server.internal;

import dev.jhttp.core.Body;
import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.core.Version;
import dev.jhttp.core.parse.ParseError;
import dev.jhttp.core.parse.ParseResult;
import dev.jhttp.core.parse.RequestParser;
import dev.jhttp.server.RequestContentException;
import dev.jhttp.server.RequestContext;
import dev.jhttp.server.filters.ErrorPages;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.StandardOpenOption;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * One client connection, served on its own virtual thread with blocking I/O.
 *
 * <pre>
 *   IDLE ──first byte──► READING ──request──► HANDLING ──► WRITING ──keep-alive──► IDLE
 *    │                      │                                 │
 *    │ idle timeout, EOF,   │ head timeout ─► 408             │ Connection: close, request cap,
 *    │ shutdown             │ violation ─► its status         │ shutdown, write timeout
 *    ▼                      ▼                                 ▼
 *  CLOSED ◄──────────────────────────────────────────────────────
 * </pre>
 *
 * Errors: a parse failure answers its violation's status and closes; a handler's failure is answered by
 * {@link ErrorPages#answer(Request, Exception)}, the mapping the filter uses too (an {@code HttpException}'s status,
 * else a logged 500), and keeps the connection; content the client spoiled answers from its state and closes.
 */
final class Connection implements Runnable {
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** Idle connections hold only this much; a read that fills the buffer doubles it, up to the maximum. */
    private static final int MIN_READ_BUFFER = 2 * 1024;
    private static final int MAX_READ_BUFFER = 64 * 1024;
    private static final int WRITE_BUFFER = 8 * 1024;
    /** Up to this size a file is read and written with its head, above it sent by zero-copy transfer. */
    private static final int SMALL_FILE = 16 * 1024;
    /**
     * Requests a connection serves before it lets others run. A virtual thread is never preempted: a client that
     * pipelines without pause keeps its connection's reads from ever blocking, so its thread would hold a carrier, and
     * every connection waiting behind it, for as long as the client kept sending. {@code Thread.yield()} is not
     * enough, since it requeues the thread locally when other threads are runnable, ahead of the wake-ups the I/O
     * poller submits; a timed park comes back through the scheduler's submission queue, behind them.
     */
    private static final int FAIRNESS_BATCH = 8;
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);
    private static final int LINGER_BYTES = 64 * 1024;
    private static final int LINGER_MILLIS = 1000;
    private static final long TIMED_OUT = Long.MIN_VALUE;
    private static final VarHandle READ_DEADLINE;

    static {
        try {
            READ_DEADLINE = MethodHandles.lookup().findVarHandle(Connection.class, "readDeadline", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SocketChannel channel;
    private final Socket socket;
    private final long id;
    private final Engine engine;
    private final RequestParser parser;
    private ByteBuffer buffer = ByteBuffer.allocate(MIN_READ_BUFFER).flip();
    private InputStream in;
    private OutputStream socketOut;
    /** Buffers one response into few writes; dropped while idle to keep idle connections small. */
    private OutputStream out;
    private boolean idle = true;
    private volatile long writeDeadline;
    /** When the blocked read must end (System.nanoTime), 0 when none is, or TIMED_OUT once the sweeper ended it. */
    private volatile long readDeadline;

    Connection(SocketChannel channel, long id, Engine engine) {
        this.channel = channel;
        this.socket = channel.socket();
        this.id = id;
        this.engine = engine;
        this.parser = RequestParser.create(engine.config().limits());
    }

    @Override
    public void run() {
        try (socket) {
            in = socket.getInputStream();
            socketOut = socket.getOutputStream();
            serve();
        } catch (IOException e) {
            ServerLog.get().log(Level.DEBUG, () -> "connection " + id + " closed: " + e);
        } finally {
            engine.connections().remove(this);
        }
    }

    private void serve() throws IOException {
        long firstDeadline = System.nanoTime() + engine.config().headTimeout().toNanos();
        for (int served = 1; ; served++) {
            Request head = readHead(served == 1 ? firstDeadline : 0);
            if (head == null) {
                return;
            }
            if (expectationFailed(head)) {
                answerAndClose(head.version(), engine.errors().answer(head.headers(), Status.EXPECTATION_FAILED_417,
                        Headers.empty()));
                return;
            }
            RequestContent content = new RequestContent(this, parser.content(), expectsContinue(head),
                    (int) engine.config().bodyTimeout().toMillis());
            Request request = content.isEmpty() ? head
                    : head.withBody(Body.ofInputStream(content, content.length(), content::trailers));
            Response response = respond(request, served, content);
            if (content.disconnected()) {
                return; // nobody is left to answer
            }
            if (content.failure() != null || content.timedOut()) {
                answerAndClose(head.version(), content.timedOut()
                        ? engine.errors().answer(head.headers(), Status.REQUEST_TIMEOUT_408, Headers.empty())
                        : engine.errors().answer(content.failure(), head.headers()));
                return;
            }
            // Decided after the handler ran: a shutdown that began meanwhile closes this connection too.
            boolean keepAlive = served < engine.config().maxRequestsPerConnection() && wantsKeepAlive(head)
                    && !engine.isStopping() && !response.headers().hasToken(HeaderName.CONNECTION, "close")
                    && content.finishForNextRequest();
            if (!write(head, response, keepAlive)) {
                return;
            }
            parser.reset();
            if (served % FAIRNESS_BATCH == 0) {
                LockSupport.parkNanos(1);
            }
            if (!becomeIdle()) {
                return;
            }
        }
    }

    /**
     * Reads bytes until the parser completes a request head. Returns null when the connection is to close: at EOF,
     * on a timeout, or after answering a parse failure.
     *
     * @param idleDeadline for the first request, when its head must be complete; 0 to wait idleTimeout for a byte
     */
    private Request readHead(long idleDeadline) throws IOException {
        long headDeadline = idleDeadline;
        while (true) {
            if (buffer.hasRemaining()) {
                markActive();
                ParseResult<Request> result = parser.feedHead(buffer);
                if (result instanceof ParseResult.Complete<Request>(Request head)) {
                    return head;
                }
                if (result instanceof ParseResult.Failed<Request>(ParseError error)) {
                    ServerLog.get().log(Level.DEBUG, () -> "connection " + id + " rejected a request: " + error);
                    answerAndClose(Version.HTTP_1_1, engine.errors().answer(error, parser.partialHeaders()));
                    return null;
                }
            }
            if (parser.isStarted() && headDeadline == 0) {
                headDeadline = System.nanoTime() + engine.config().headTimeout().toNanos();
            }
            try {
                long deadline = headDeadline != 0 ? headDeadline
                        : System.nanoTime() + engine.config().idleTimeout().toNanos();
                if (!fill(deadline)) {
                    return null;
                }
            } catch (SocketTimeoutException e) {
                if (parser.isStarted()) {
                    ServerLog.get().log(Level.DEBUG, () -> "connection " + id + " timed out inside a request head");
                    answerAndClose(Version.HTTP_1_1, engine.errors().answer(parser.partialHeaders(),
                            Status.REQUEST_TIMEOUT_408, Headers.empty()));
                }
                return null;
            }
        }
    }

    /** Reads what the socket has into the buffer, by {@code deadlineNanos}; false at end of input. */
    private boolean fill(long deadlineNanos) throws IOException {
        buffer.compact();
        int room = buffer.remaining();
        int read;
        try {
            read = read(buffer.array(), buffer.arrayOffset() + buffer.position(), room, deadlineNanos);
        } finally {
            buffer.flip();
        }
        buffer.limit(buffer.limit() + Math.max(read, 0));
        if (read == room && buffer.capacity() < MAX_READ_BUFFER) {
            // A full read suggests more is streaming in (a large body): read in bigger steps.
            buffer = ByteBuffer.allocate(buffer.capacity() * 2).put(buffer).flip();
        }
        return read > 0;
    }

    /**
     * A blocking read that ends by {@code deadlineNanos}. The read itself is untimed, which spares the scheduler a
     * timer per read; the sweeper shuts the input of a read that overruns, and this then reports the timeout.
     */
    private int read(byte[] bytes, int offset, int length, long deadlineNanos) throws IOException {
        if (deadlineNanos - System.nanoTime() <= 0) {
            throw new SocketTimeoutException("read deadline passed");
        }
        readDeadline = deadlineNanos;
        int read;
        try {
            read = in.read(bytes, offset, length);
        } catch (IOException e) {
            if (endRead()) {
                throw new SocketTimeoutException("read timed out");
            }
            throw e;
        }
        if (endRead()) {
            throw new SocketTimeoutException("read timed out");
        }
        return read;
    }

    /** Clears the read deadline; true if the sweeper had already ended the read. */
    private boolean endRead() {
        return (long) READ_DEADLINE.getAndSet(this, 0L) == TIMED_OUT;
    }

    private OutputStream output() {
        if (out == null) {
            out = new BufferedOutputStream(socketOut, WRITE_BUFFER);
        }
        return out;
    }

    // RFC 9110 §10.1.1: only 100-continue is defined; a server may answer any other expectation with 417.
    private static boolean expectationFailed(Request request) {
        Optional<String> expect = request.headers().first(HeaderName.EXPECT);
        return expect.isPresent() && !expect.get().equalsIgnoreCase("100-continue");
    }

    // RFC 9110 §10.1.1: a 1.0 client never gets 100 Continue.
    private static boolean expectsContinue(Request head) {
        return head.version() == Version.HTTP_1_1 && head.headers().first(HeaderName.EXPECT).isPresent();
    }

    /** Tells the client to send its content; called on the handler's first read of it. */
    void sendContinue() throws IOException {
        output().write(CONTINUE);
        output().flush();
    }

    ByteBuffer readBuffer() {
        return buffer;
    }

    /** Reads more request content into the buffer; false at end of input. */
    boolean fillContent(int timeoutMillis) throws IOException {
        return fill(System.nanoTime() + timeoutMillis * 1_000_000L);
    }

    private static boolean wantsKeepAlive(Request request) {
        Headers headers = request.headers();
        return request.version().keepsAliveByDefault()
                ? !headers.hasToken(HeaderName.CONNECTION, "close")
                : headers.hasToken(HeaderName.CONNECTION, "keep-alive");
    }

    private Response respond(Request request, int requestNumber, RequestContent content) {
        RequestContext context = new RequestContext((InetSocketAddress) socket.getRemoteSocketAddress(),
                (InetSocketAddress) socket.getLocalSocketAddress(), id, requestNumber, Instant.now());
        try {
            Response response = context.runWith(() -> engine.handler().handle(request));
            if (response == null) {
                throw new IllegalStateException("handler returned null for " + request.method() + " "
                        + request.target().rawPath());
            }
            return response;
        } catch (Exception e) {
            if (content.spoiledByClient()) {
                // The handler stumbled over the client's bad, late or cut-off content, perhaps wrapped in another
                // exception: the client's fault, answered by the caller from the content's state, with no stack trace.
                ServerLog.get().log(Level.DEBUG, () -> "connection " + id + ": bad request content: " + e);
                return engine.errors().answer(request.headers(), Status.BAD_REQUEST_400, Headers.empty());
            }
            try {
                return engine.errors().answer(request, e);
            } catch (RequestContentException fromTheHandler) {
                return engine.errors().answer(request.headers(), Status.BAD_REQUEST_400, Headers.empty());
            }
        }
    }

    /** Writes the response; false when the connection must close after it. */
    private boolean write(Request request, Response response, boolean keepAlive) throws IOException {
        // An HTTP/1.0 client cannot read chunked coding: content of unknown length ends at close instead.
        boolean closeDelimited = request.version() == Version.HTTP_1_0 && response.body().length() < 0
                && response.status().permitsContent() && !request.method().equals(Method.HEAD);
        boolean persist = keepAlive && !closeDelimited;
        Response finished = response.withHeaders(connectionHeaders(request.version(), response.headers(), persist));
        armWriteDeadline();
        try {
            Body body = finished.body();
            boolean content = finished.status().permitsContent() && !request.method().equals(Method.HEAD);
            if (!content || body instanceof Body.Empty || body instanceof Body.Bytes) {
                // The head and any bytes in one gathering write, with no buffer to fill.
                ByteBuffer head = engine.writer().head(finished, request.version());
                writeFully(head, content && body instanceof Body.Bytes bytes ? bytes.asByteBuffer() : NOTHING);
            } else if (body instanceof Body.FileRegion region) {
                ByteBuffer head = engine.writer().head(finished, request.version());
                if (region.length() <= SMALL_FILE) {
                    // A small file goes out with its head in one write: cheaper than a separate sendfile.
                    writeFully(head, readSmall(region));
                } else {
                    writeFully(head, NOTHING);
                    transfer(region);
                }
            } else {
                engine.writer().write(finished, request.version(), output());
            }
        } finally {
            writeDeadline = 0;
        }
        return persist;
    }

    private void writeFully(ByteBuffer head, ByteBuffer content) throws IOException {
        ByteBuffer[] parts = {head, content};
        while (content.hasRemaining() || head.hasRemaining()) {
            channel.write(parts);
        }
    }

    /** The bytes of a small file region. */
    private static ByteBuffer readSmall(Body.FileRegion region) throws IOException {
        byte[] bytes = new byte[(int) region.length()];
        try (RandomAccessFile file = new RandomAccessFile(region.path().toFile(), "r")) {
            if (region.offset() > 0) {
                file.seek(region.offset());
            }
            file.readFully(bytes);
        } catch (EOFException e) {
            throw new IOException("file " + region.path() + " shrank while being sent", e);
        }
        return ByteBuffer.wrap(bytes);
    }

    /** Sends a file region by zero-copy transfer from the file to the socket (sendfile where the OS has it). */
    private void transfer(Body.FileRegion region) throws IOException {
        try (FileChannel file = FileChannel.open(region.path(), StandardOpenOption.READ)) {
            long position = region.offset();
            long end = region.offset() + region.length();
            while (position < end) {
                long sent = file.transferTo(position, end - position, channel);
                if (sent <= 0 && file.size() <= position) {
                    throw new IOException("file " + region.path() + " shrank while being sent");
                }
                position += sent;
            }
        }
    }

    private Headers connectionHeaders(Version version, Headers headers, boolean persist) {
        Headers result = headers;
        String serverName = engine.config().serverName();
        if (!serverName.isEmpty() && !result.contains(HeaderName.SERVER)) {
            result = result.with(HeaderName.SERVER, serverName);
        }
        if (!persist && !result.hasToken(HeaderName.CONNECTION, "close")) {
            result = result.with(HeaderName.CONNECTION, "close");
        } else if (persist && version == Version.HTTP_1_0) {
            result = result.withReplaced(HeaderName.CONNECTION, "keep-alive");
        }
        return result;
    }

    /**
     * Answers and closes without resetting the connection: the client may still be sending, and closing with unread
     * input would reset the connection and could destroy the answer before the client reads it.
     */
    private void answerAndClose(Version version, Response response) throws IOException {
        Response finished = response.withHeaders(connectionHeaders(version, response.headers(), false));
        armWriteDeadline();
        try {
            engine.writer().write(finished, output());
            socket.shutdownOutput();
        } finally {
            writeDeadline = 0;
        }
        try {
            byte[] discard = new byte[4096];
            long deadline = System.nanoTime() + LINGER_MILLIS * 1_000_000L;
            for (int total = 0; total < LINGER_BYTES && System.nanoTime() < deadline; ) {
                int read = read(discard, 0, discard.length, deadline);
                if (read < 0) {
                    break;
                }
                total += read;
            }
        } catch (IOException lingerEnded) {
            // the client went away or stayed silent: either way, done
        }
    }

    private void armWriteDeadline() {
        writeDeadline = System.nanoTime() + engine.config().writeTimeout().toNanos();
    }

    /**
     * Called by the sweeper: closes the socket if a write has run past its deadline, and ends a read that has (its
     * reader then sees the timeout).
     */
    void enforceDeadlines(long now) {
        long write = writeDeadline;
        if (write != 0 && now - write > 0) {
            ServerLog.get().log(Level.DEBUG, () -> "connection " + id + " dropped: write timed out");
            closeQuietly();
        }
        long read = readDeadline;
        if (read != 0 && read != TIMED_OUT && now - read > 0 && READ_DEADLINE.compareAndSet(this, read, TIMED_OUT)) {
            try {
                socket.shutdownInput();
            } catch (IOException e) {
                closeQuietly();
            }
        }
    }

    private synchronized void markActive() {
        idle = false;
    }

    /** Back to waiting for a request; false if the server is stopping and the connection should close. */
    private synchronized boolean becomeIdle() {
        if (engine.isStopping() && !buffer.hasRemaining()) {
            return false;
        }
        out = null;
        if (!buffer.hasRemaining() && buffer.capacity() > MIN_READ_BUFFER) {
            buffer = ByteBuffer.allocate(MIN_READ_BUFFER).flip();
        }
        idle = true;
        return true;
    }

    /**
     * Called by shutdown: an idle connection stops reading (its blocked read sees end of input), while one in the
     * middle of a request finishes it and then closes.
     */
    synchronized void stopIfIdle() {
        if (idle) {
            try {
                socket.shutdownInput();
            } catch (IOException e) {
                closeQuietly();
            }
        }
    }

    void closeQuietly() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
