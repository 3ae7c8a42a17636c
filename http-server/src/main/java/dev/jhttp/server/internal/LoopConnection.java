package dev.jhttp.server.internal;

import dev.jhttp.core.Body;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.core.Version;
import dev.jhttp.core.parse.ParseError;
import dev.jhttp.core.parse.ParseResult;
import dev.jhttp.core.parse.RequestParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import javax.net.ssl.SSLException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * A client connection served on an event loop, with a non-blocking channel: the loop reads heads and, for a request
 * without content whose handler does not block ({@code Handler.mayBlock}), calls the handler and writes the answer
 * on the loop's own thread. Any other request, or an answer with a streamed body, goes to a thread of its own
 * ({@link Connection}) with the bytes read so far, and the connection stays there.
 *
 * <pre>
 *   READING ──head──► (handler on the loop) ──► WRITING ──keep-alive──► READING
 *      │                      │                    │
 *      │ content, may block,  │ streamed body      │ Connection: close, shutdown ─► closed
 *      │ ────────────────────►└──► handed to a thread
 *      │ violation, head timeout ─► error answer ─► LINGERING ─► closed
 *      │ idle timeout, end of input ─► closed
 * </pre>
 *
 * Deadlines are the same as a {@link Connection}'s; the loop checks them ({@link #enforceDeadlines}). Everything here
 * runs on the loop's thread but {@link #stopIfIdle} and {@link #closeQuietly}, which post their work to it.
 */
final class LoopConnection implements OpenConnection {
    /** Pipelined requests served in a row before other connections of the loop get their turn. */
    private static final int FAIRNESS_BATCH = 8;
    /** The answer to plain HTTP on a TLS port, in plain HTTP, as nginx gives one. */
    private static final Response PLAIN_HTTP_REFUSAL = Response.of(Status.BAD_REQUEST_400)
            .withHeader("Content-Type", "text/plain; charset=utf-8")
            .withBody(Body.of("This port speaks HTTPS: use an https:// URL.\n"));

    private enum State { HANDSHAKING, READING, WRITING, LINGERING, GONE }

    /** What follows a write. */
    private enum Then { NEXT_REQUEST, CLOSE, LINGER }

    private final Transport transport;
    private final SocketChannel channel;
    private final long id;
    private final Engine engine;
    private final EventLoop loop;
    private final SocketInput input;
    private final RequestParser parser;
    private SelectionKey key;
    private State state;
    private int served;
    /** When the current wait must end (System.nanoTime), or 0. */
    private long deadline;
    private boolean headDeadlineSet;
    private PendingOutput output;
    private Then then;
    private int lingered;
    /** Whether the first bytes may still be the HTTP/2 preface (cleartext with h2c on, before the first request). */
    private boolean h2c;
    /** Whether the buffered bytes are a partial preface that needs more input. */
    private boolean prefacePending;

    LoopConnection(Transport transport, long id, Engine engine, EventLoop loop) {
        this.transport = transport;
        this.channel = transport.channel();
        this.id = id;
        this.engine = engine;
        this.loop = loop;
        this.input = new SocketInput(transport);
        this.parser = RequestParser.create(engine.config().limits());
        // A TLS handshake must end within its timeout; then (or from the start, in cleartext) the first request's
        // head must be complete within the head timeout.
        this.state = engine.config().tls().isPresent() ? State.HANDSHAKING : State.READING;
        this.deadline = System.nanoTime() + engine.config().tls().map(tls -> tls.handshakeTimeout())
                .orElse(engine.config().headTimeout()).toNanos();
        this.headDeadlineSet = state == State.READING;
        this.h2c = engine.config().tls().isEmpty() && engine.config().http2().offeredOn(false);
    }

    void attach(SelectionKey key) {
        this.key = key;
    }

    /** The loop found the channel ready. */
    void onReady() {
        try {
            if (state == State.HANDSHAKING) {
                continueHandshake();
            } else if (state == State.WRITING && key.isWritable()) {
                continueWriting();
            } else if (state == State.LINGERING) {
                linger();
            } else if (state == State.READING) {
                if (key.isWritable() && !transport.flush()) {
                    return; // TLS output from reading (a key update's answer) still waits for the socket
                }
                if (key.isReadable() && input.fillAvailable() < 0) {
                    close();
                    return;
                }
                prefacePending = false;
                serveBuffered();
                awaitInput();
            }
        } catch (IOException | RuntimeException e) {
            ServerLog.get().log(Level.DEBUG, () -> "connection " + id + " closed: " + e);
            close();
        }
    }

    /**
     * The TLS handshake, as far as the socket allows; then the first request, which may have come with the
     * handshake's last record. A client that spoke plain HTTP is told in plain HTTP; a failed handshake ends with
     * the engine's alert, and lingers so that the close does not reset it away.
     */
    private void continueHandshake() throws IOException {
        try {
            if (!transport.handshake()) {
                key.interestOps(transport.holdsOutput() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
                return;
            }
        } catch (PlainHttpOnTlsPort e) {
            ServerLog.get().log(Level.DEBUG, () -> "connection " + id + ": plain HTTP on the TLS port");
            ByteArrayOutputStream refusal = new ByteArrayOutputStream(256);
            engine.writer().write(Persistence.finish(PLAIN_HTTP_REFUSAL, Version.HTTP_1_1, false,
                    engine.config().serverName()), refusal);
            channel.write(ByteBuffer.wrap(refusal.toByteArray())); // small: the socket takes it at once
            lingerAfter(channel::shutdownOutput);
            return;
        } catch (SSLException e) {
            ServerLog.get().log(Level.DEBUG, () -> "connection " + id + ": TLS handshake failed: " + e.getMessage());
            lingerAfter(channel::shutdownOutput);
            return;
        }
        if (transport.tls().map(tls -> tls.applicationProtocol().equals("h2")).orElse(false)) {
            handOffHttp2(false);   // RFC 9113 §3.2: ALPN chose h2
            return;
        }
        state = State.READING;
        deadline = System.nanoTime() + engine.config().headTimeout().toNanos();
        headDeadlineSet = true;
        if (input.fillAvailable() < 0) {
            close();
            return;
        }
        serveBuffered();
        awaitInput();
    }

    /** While reading: wants the socket readable, and writable too while TLS output from reading waits. */
    private void awaitInput() {
        if (state == State.READING) {
            key.interestOps(SelectionKey.OP_READ | (transport.holdsOutput() ? SelectionKey.OP_WRITE : 0));
        }
    }

    /** Whether requests already read wait to be served (pipelined beyond the last batch). */
    boolean hasBufferedRequests() {
        return state == State.READING && !prefacePending && (input.hasBuffered() || transport.hasBufferedInput());
    }

    /** Serves the requests already read, up to a batch; the loop calls again while {@link #hasBufferedRequests}. */
    void serveBuffered() throws IOException {
        for (int i = 0; i < FAIRNESS_BATCH && state == State.READING && hasBufferedRequests(); i++) {
            if (!input.hasBuffered() && input.fillAvailable() <= 0) {
                return; // the transport's records are not whole yet
            }
            if (served == 0 && !parser.isStarted() && h2c) {
                // RFC 9113 §3.3: with prior knowledge, a cleartext connection starts with the HTTP/2 preface.
                switch (input.matchPreface()) {
                    case COMPLETE -> {
                        handOffHttp2(true);
                        return;
                    }
                    case PARTIAL -> {
                        prefacePending = true;   // wait for the rest before deciding
                        return;
                    }
                    case MISMATCH -> h2c = false;
                }
            }
            ParseResult<Request> result = input.feedHead(parser);
            if (result instanceof ParseResult.Complete<Request>(Request head)) {
                answer(head);
            } else if (result instanceof ParseResult.Failed<Request>(ParseError error)) {
                ServerLog.get().log(Level.DEBUG, () -> "connection " + id + " rejected a request: " + error);
                answerAndClose(engine.errors().answer(error, parser.partialHeaders()));
            } else if (parser.isStarted() && !headDeadlineSet) {
                deadline = System.nanoTime() + engine.config().headTimeout().toNanos();
                headDeadlineSet = true;
            }
        }
    }

    private void answer(Request head) throws IOException {
        served++;
        if (HandlerCall.expectationFailed(head)) {
            answerAndClose(engine.errors().answer(head.headers(), Status.EXPECTATION_FAILED_417, Headers.empty()));
            return;
        }
        if (!parser.content().isFinished() || mayBlock(head)) {
            handOff(head, null);
            return;
        }
        Response response = HandlerCall.respond(engine, transport, id, served, head, null);
        boolean persist = HandlerCall.persists(engine, head, response, served);
        Response finished = Persistence.finish(response, head.version(), persist, engine.config().serverName());
        PendingOutput whole = PendingOutput.of(engine.writer(), finished, head.version(),
                Persistence.carriesContent(head, finished));
        if (whole == null) {
            handOff(head, response); // a streamed body is written from a thread that may block
            return;
        }
        write(whole, persist ? Then.NEXT_REQUEST : Then.CLOSE);
    }

    /** Whether the handler may block on {@code head}; a handler that cannot tell is taken to. */
    private boolean mayBlock(Request head) {
        try {
            return engine.handler().mayBlock(head);
        } catch (RuntimeException e) {
            return true; // the thread that handles the request will meet the failure and answer it
        }
    }

    /** To a thread of its own, with {@code head} and, if a handler gave one, its {@code response}. */
    private void handOff(Request head, Response response) {
        state = State.GONE;
        key.cancel();
        Connection connection = new Connection(transport, id, engine, input, parser);
        int number = served;
        loop.handOff(connection, this, "jhttp-conn-" + id, () -> connection.serve(number, head, response));
    }

    /** To a thread of its own that speaks HTTP/2; {@code prefaceRead} when the client's preface is consumed (h2c). */
    private void handOffHttp2(boolean prefaceRead) {
        state = State.GONE;
        key.cancel();
        H2Connection connection = new H2Connection(transport, id, engine, input);
        loop.handOff(connection, this, "jhttp-h2-" + id, () -> connection.serve(prefaceRead));
    }

    private void write(PendingOutput pending, Then next) throws IOException {
        output = pending;
        then = next;
        state = State.WRITING;
        deadline = System.nanoTime() + engine.config().writeTimeout().toNanos();
        continueWriting();
    }

    private void continueWriting() throws IOException {
        if (!output.writeTo(transport)) {
            key.interestOps(SelectionKey.OP_WRITE);
            return;
        }
        output = null;
        switch (then) {
            case CLOSE -> close();
            case LINGER -> lingerAfter(transport::shutdownOutput);
            case NEXT_REQUEST -> {
                parser.reset();
                input.shrink();
                state = State.READING;
                deadline = System.nanoTime() + engine.config().idleTimeout().toNanos();
                headDeadlineSet = false;
                transport.release();
                awaitInput();
                if (engine.isStopping() && !input.hasBuffered()) {
                    close();
                }
            }
        }
    }

    /**
     * Answers and closes without resetting the connection, as {@link Connection} does: it reads and drops what the
     * client still sends, up to the same limits, before closing.
     */
    private void answerAndClose(Response response) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        engine.writer().write(Persistence.finish(response, Version.HTTP_1_1, false, engine.config().serverName()),
                bytes);
        write(PendingOutput.bytes(ByteBuffer.wrap(bytes.toByteArray())), Then.LINGER);
    }

    /** Ends the output with {@code shutdown}, then reads and drops what the client still sends, for a while. */
    private void lingerAfter(OutputShutdown shutdown) throws IOException {
        shutdown.run();
        state = State.LINGERING;
        deadline = System.nanoTime() + Connection.LINGER_NANOS;
        key.interestOps(SelectionKey.OP_READ);
    }

    @FunctionalInterface
    private interface OutputShutdown {
        void run() throws IOException;
    }

    private void linger() throws IOException {
        int read = input.discardAvailable();
        lingered += Math.max(read, 0);
        if (read < 0 || lingered >= Connection.LINGER_BYTES) {
            close();
        }
    }

    /** Called by the loop every sweep: acts on a deadline that has passed at {@code now}. */
    @Override
    public void enforceDeadlines(long now) {
        if (state == State.GONE || deadline == 0 || now - deadline <= 0) {
            return;
        }
        if (state == State.READING && parser.isStarted()) {
            ServerLog.get().log(Level.DEBUG, () -> "connection " + id + " timed out inside a request head");
            try {
                deadline = 0;
                answerAndClose(engine.errors().answer(parser.partialHeaders(), Status.REQUEST_TIMEOUT_408,
                        Headers.empty()));
            } catch (IOException e) {
                close();
            }
        } else {
            // idle too long, a write the client does not take, or a linger that has lasted long enough
            close();
        }
    }

    @Override
    public void stopIfIdle() {
        loop.execute(() -> {
            if (state == State.HANDSHAKING || state == State.READING && !parser.isStarted() && !input.hasBuffered()) {
                close();
            }
        });
    }

    @Override
    public void closeQuietly() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
        loop.execute(this::close);
    }

    /** Closes the channel and lets the engine forget the connection; does nothing once it is gone. */
    void close() {
        if (state == State.GONE) {
            return;
        }
        state = State.GONE;
        if (output != null) {
            output.close();
        }
        try {
            transport.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
        loop.forget(this);
    }
}
