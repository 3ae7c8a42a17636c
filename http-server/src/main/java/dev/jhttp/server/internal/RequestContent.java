package dev.jhttp.server.internal;

import dev.jhttp.core.Headers;
import dev.jhttp.core.parse.ContentDecoder;
import dev.jhttp.core.parse.ParseError;
import dev.jhttp.core.parse.ParseResult;
import dev.jhttp.server.RequestContentException;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/**
 * A request's content, streamed from the connection as the handler reads it, decoded and bounded by the parser's
 * rules. {@code 100 Continue} goes out on the first read, so a client that waits for it sends nothing the handler
 * does not want. Afterwards the connection asks whether it ended cleanly, failed or timed out.
 */
final class RequestContent extends InputStream implements ClientContent {
    private static final int DRAIN_LIMIT = 64 * 1024;
    private static final int DRAIN_READ_TIMEOUT_MILLIS = 1000;

    private final SocketInput input;
    private final ResponseSender sender;
    private final ContentDecoder decoder;
    private final int readTimeoutMillis;
    private boolean continuePending;
    private boolean started;
    private boolean ended;
    private ParseError failure;
    private boolean timedOut;
    private boolean disconnected;
    private Headers trailers = Headers.empty();

    RequestContent(SocketInput input, ResponseSender sender, ContentDecoder decoder, boolean expectsContinue,
                   int readTimeoutMillis) {
        this.input = input;
        this.sender = sender;
        this.decoder = decoder;
        this.continuePending = expectsContinue;
        this.readTimeoutMillis = readTimeoutMillis;
        this.ended = decoder.isFinished();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        return read(bytes, offset, length, readTimeoutMillis);
    }

    private int read(byte[] bytes, int offset, int length, int timeoutMillis) throws IOException {
        if (failure != null) {
            throw RequestContentException.of(failure);
        }
        if (ended) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        started = true;
        if (continuePending) {
            continuePending = false;
            sender.sendContinue();
        }
        ByteBuffer out = ByteBuffer.wrap(bytes, offset, length);
        while (true) {
            ParseResult<Headers> step = input.decode(decoder, out);
            int count = out.position() - offset;
            if (step instanceof ParseResult.Complete<Headers>(Headers received)) {
                ended = true;
                trailers = received;
                return count > 0 ? count : -1;
            }
            if (step instanceof ParseResult.Failed<Headers>(ParseError error)) {
                failure = error;
                if (count > 0) {
                    return count;
                }
                throw RequestContentException.of(error);
            }
            if (count > 0) {
                return count;
            }
            boolean more;
            try {
                more = input.fill(System.nanoTime() + timeoutMillis * 1_000_000L);
            } catch (SocketTimeoutException e) {
                timedOut = true;
                throw RequestContentException.timedOut();
            } catch (IOException e) {
                disconnected = true;
                throw e;
            }
            if (!more && decoder.finish() instanceof ParseResult.Failed<Headers>(ParseError error)) {
                failure = error;
                throw RequestContentException.of(error);
            }
        }
    }

    long length() {
        return decoder.length();
    }

    /** Whether there is no content at all. */
    boolean isEmpty() {
        return decoder.length() == 0;
    }

    /** The trailer fields, once the content has been read to its end. */
    Headers trailers() {
        return trailers;
    }

    ParseError failure() {
        return failure;
    }

    boolean timedOut() {
        return timedOut;
    }

    /** Whether reading the content failed because the connection broke (a reset, say). */
    boolean disconnected() {
        return disconnected;
    }

    /** Whether the client spoiled the content: malformed, late, or cut off. */
    @Override
    public boolean spoiledByClient() {
        return failure != null || timedOut || disconnected;
    }

    /**
     * Makes sure the content is consumed, so the next request can be read: reads and drops what the handler left,
     * up to a small limit. False when that is not possible cheaply, or the client is waiting for a 100 Continue it
     * never got; the connection then closes after its response.
     */
    boolean finishForNextRequest() {
        if (ended) {
            return failure == null;
        }
        if (continuePending && !started) {
            return false;
        }
        byte[] scratch = new byte[8192];
        try {
            for (int total = 0; total <= DRAIN_LIMIT; ) {
                int read = read(scratch, 0, scratch.length, DRAIN_READ_TIMEOUT_MILLIS);
                if (read < 0) {
                    return true;
                }
                total += read;
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
