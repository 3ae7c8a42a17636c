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
import dev.jhttp.server.filters.ErrorPages;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.LockSupport;

/**
 * A client connection served on its own virtual thread with blocking I/O: it reads heads ({@link SocketInput}),
 * runs the handler chain, and answers ({@link ResponseSender}), for as long as {@link Persistence} allows. An event
 * loop hands a connection here ({@link LoopConnection}) when a request has content or a handler that may block, or
 * a response streams; the connection then stays on its thread until it closes.
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
final class Connection implements OpenConnection {
    /**
     * Requests a connection serves before it lets others run. A virtual thread is never preempted: a client that
     * pipelines without pause keeps its connection's reads from ever blocking, so its thread would hold a carrier, and
     * every connection waiting behind it, for as long as the client kept sending. {@code Thread.yield()} is not
     * enough, since it requeues the thread locally when other threads are runnable, ahead of the wake-ups the I/O
     * poller submits; a timed park comes back through the scheduler's submission queue, behind them.
     */
    private static final int FAIRNESS_BATCH = 8;
    /** How much a closing connection reads and drops, and for how long, so its last answer is not reset away. */
    static final int LINGER_BYTES = 64 * 1024;
    static final long LINGER_NANOS = 1_000_000_000L;

    private final Transport transport;
    private final SocketChannel channel;
    private final long id;
    private final Engine engine;
    private final RequestParser parser;
    private final SocketInput input;
    private final ResponseSender sender;
    private boolean idle = true;

    /** A connection an event loop hands over, with the bytes it has read and its parser's state. */
    Connection(Transport transport, long id, Engine engine, SocketInput input, RequestParser parser) {
        this.transport = transport;
        this.channel = transport.channel();
        this.id = id;
        this.engine = engine;
        this.parser = parser;
        this.input = input;
        this.sender = new ResponseSender(transport, engine.writer(), engine.config().writeTimeout());
    }

    long id() {
        return id;
    }

    /**
     * Serves the connection until it closes, starting from request number {@code served}: with {@code head}, if an
     * event loop has read it already (else from the socket), and with {@code answer}, if a handler has answered it.
     */
    void serve(int served, Request head, Response answer) {
        try (transport) {
            channel.configureBlocking(true);
            serveFrom(served, head, answer);
        } catch (IOException e) {
            ServerLog.get().log(Level.DEBUG, () -> "connection " + id + " closed: " + e);
        } finally {
            engine.connections().remove(this);
        }
    }

    private void serveFrom(int first, Request firstHead, Response firstAnswer) throws IOException {
        long firstDeadline = System.nanoTime() + engine.config().headTimeout().toNanos();
        Request head = firstHead;
        Response answer = firstAnswer;
        if (head != null) {
            markActive();
        }
        for (int served = first; ; served++) {
            if (head == null) {
                head = readHead(served == 1 ? firstDeadline : 0);
            }
            if (head == null || !exchange(head, served, answer)) {
                return;
            }
            head = null;
            answer = null;
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
     * Answers {@code head}, number {@code served} on this connection, with {@code answer} if it has one, else by
     * calling the handler; true if the connection stays open for another request.
     */
    private boolean exchange(Request head, int served, Response answer) throws IOException {
        if (HandlerCall.expectationFailed(head)) {
            answerAndClose(engine.errors().answer(head.headers(), Status.EXPECTATION_FAILED_417, Headers.empty()));
            return false;
        }
        RequestContent content = new RequestContent(input, sender, parser.content(),
                HandlerCall.expectsContinue(head), (int) engine.config().bodyTimeout().toMillis());
        Request request = content.isEmpty() ? head
                : head.withBody(Body.ofInputStream(content, content.length(), content::trailers));
        Response response = answer != null ? answer
                : HandlerCall.respond(engine, transport, id, served, request, content);
        if (content.disconnected()) {
            return false; // nobody is left to answer
        }
        if (content.failure() != null || content.timedOut()) {
            answerAndClose(content.timedOut()
                    ? engine.errors().answer(head.headers(), Status.REQUEST_TIMEOUT_408, Headers.empty())
                    : engine.errors().answer(content.failure(), head.headers()));
            return false;
        }
        boolean persist = HandlerCall.persists(engine, head, response, served);
        if (persist) {
            // Content the handler left unread is read and dropped, so the next request starts at its own first
            // byte; when that is not cheap, the connection closes after this answer instead.
            persist = content.finishForNextRequest();
        }
        sender.send(Persistence.finish(response, head.version(), persist, engine.config().serverName()),
                head.version(), Persistence.carriesContent(head, response));
        return persist;
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
            if (input.hasBuffered()) {
                markActive();
                ParseResult<Request> result = input.feedHead(parser);
                if (result instanceof ParseResult.Complete<Request>(Request head)) {
                    return head;
                }
                if (result instanceof ParseResult.Failed<Request>(ParseError error)) {
                    ServerLog.get().log(Level.DEBUG, () -> "connection " + id + " rejected a request: " + error);
                    answerAndClose(engine.errors().answer(error, parser.partialHeaders()));
                    return null;
                }
            }
            if (parser.isStarted() && headDeadline == 0) {
                headDeadline = System.nanoTime() + engine.config().headTimeout().toNanos();
            }
            try {
                long deadline = headDeadline != 0 ? headDeadline
                        : System.nanoTime() + engine.config().idleTimeout().toNanos();
                if (!input.fill(deadline)) {
                    return null;
                }
            } catch (SocketTimeoutException e) {
                if (parser.isStarted()) {
                    ServerLog.get().log(Level.DEBUG, () -> "connection " + id + " timed out inside a request head");
                    answerAndClose(engine.errors().answer(parser.partialHeaders(), Status.REQUEST_TIMEOUT_408,
                            Headers.empty()));
                }
                return null;
            }
        }
    }

    /**
     * Answers and closes without resetting the connection: the client may still be sending, and closing with unread
     * input would reset the connection and could destroy the answer before the client reads it.
     */
    private void answerAndClose(Response response) throws IOException {
        sender.sendLast(Persistence.finish(response, Version.HTTP_1_1, false, engine.config().serverName()));
        try {
            input.discard(LINGER_BYTES, System.nanoTime() + LINGER_NANOS);
        } catch (IOException lingerEnded) {
            // the client went away or stayed silent: either way, done
        }
    }

    /**
     * Called by its event loop every sweep, from the loop's thread: closes the socket if a write has run past its
     * deadline, and ends a read that has (its reader then sees the timeout).
     */
    @Override
    public void enforceDeadlines(long now) {
        if (sender.writeOverdue(now)) {
            ServerLog.get().log(Level.DEBUG, () -> "connection " + id + " dropped: write timed out");
            closeQuietly();
        }
        try {
            input.endOverdueRead(now);
        } catch (IOException e) {
            closeQuietly();
        }
    }

    private synchronized void markActive() {
        idle = false;
    }

    /** Back to waiting for a request; false if the server is stopping and the connection should close. */
    private synchronized boolean becomeIdle() {
        if (engine.isStopping() && !input.hasBuffered()) {
            return false;
        }
        sender.release();
        input.shrink();
        idle = true;
        return true;
    }

    /**
     * Called by shutdown: an idle connection stops reading (its blocked read sees end of input), while one in the
     * middle of a request finishes it and then closes.
     */
    @Override
    public synchronized void stopIfIdle() {
        if (idle) {
            try {
                channel.shutdownInput();
            } catch (IOException e) {
                closeQuietly();
            }
        }
    }

    @Override
    public void closeQuietly() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
