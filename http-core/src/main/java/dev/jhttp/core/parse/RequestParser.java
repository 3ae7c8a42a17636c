package dev.jhttp.core.parse;

import dev.jhttp.core.Body;
import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.RequestTarget;
import dev.jhttp.core.Version;
import dev.jhttp.core.syntax.Prechecked;
import dev.jhttp.core.syntax.UriSyntax;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A strict, incremental HTTP/1.1 request parser (RFC 9112). Feed it bytes in chunks of any size; any split of the
 * same input gives the same result. It consumes only the bytes of the current message, so pipelined requests parse
 * one after another from one buffer. Bad input never throws: it yields {@link ParseResult.Failed} with the
 * {@link Violation} broken, the status to answer, and the byte offset.
 *
 * {@snippet :
 * RequestParser parser = RequestParser.create(ParserLimits.defaults());
 * ByteBuffer in = ByteBuffer.wrap(bytes);   // may hold several pipelined requests
 * while (in.hasRemaining() && parser.feed(in) instanceof ParseResult.Complete<Request>(Request request)) {
 *     handle(request);   // the next feed starts the next request
 * }
 * }
 *
 * <p>Not thread-safe: one parser per connection.
 */
public final class RequestParser {
    private final MessageReader<Request> reader;

    private RequestParser(ParserLimits limits) {
        this.reader = new MessageReader<>(new RequestDialect(limits), limits);
    }

    /** A parser with these limits. */
    public static RequestParser create(ParserLimits limits) {
        return new RequestParser(Objects.requireNonNull(limits, "limits"));
    }

    /** A parser with {@link ParserLimits#defaults()}. */
    public static RequestParser create() {
        return create(ParserLimits.defaults());
    }

    /**
     * Parses as much of the current request as {@code in} holds, advancing its position over the bytes consumed. After
     * {@link ParseResult.Complete}, the next call starts the next request, so a loop over one buffer reads pipelined
     * requests one after another. After {@link ParseResult.Failed}, every later call returns the same failure, until
     * {@link #reset()}.
     *
     * @throws IllegalStateException if {@link #feedHead} delivered a head and {@link #reset()} was not called since
     */
    public ParseResult<Request> feed(ByteBuffer in) {
        startNextIfComplete();
        return reader.feed(in);
    }

    /**
     * Like {@link #feed}, but completes as soon as the head is parsed and valid, framing included, with empty content
     * in the request; the content is then read through {@link #content()}, so a server can stream it. Call
     * {@link #reset()} once the content is done.
     *
     * @throws IllegalStateException if a head was delivered and {@link #reset()} was not called since
     */
    public ParseResult<Request> feedHead(ByteBuffer in) {
        startNextIfComplete();
        return reader.feedHead(in);
    }

    private void startNextIfComplete() {
        if (reader.isComplete()) {
            reader.reset();
        }
    }

    /**
     * The decoder of the content of the request whose head {@link #feedHead} just completed.
     *
     * @throws IllegalStateException if {@link #feedHead} has not completed a head since the last {@link #reset()}
     */
    public ContentDecoder content() {
        return reader.content();
    }

    /**
     * The header fields of the current request that were parsed before it failed (or so far): each one valid. A
     * server uses them to answer a failure in the format the client accepts; they are never needed to frame
     * anything.
     */
    public Headers partialHeaders() {
        return reader.partialFields();
    }

    /** Whether any byte of the current request has been consumed (leading empty lines included). */
    public boolean isStarted() {
        return reader.isStarted();
    }

    /** Prepares for the next request: after a head from {@link #feedHead}, after a failure, or to abandon one. */
    public void reset() {
        reader.reset();
    }

    /** The request-line and Host rules (RFC 9112 §3), and request framing (§6.3). */
    private static final class RequestDialect implements MessageReader.Dialect<Request> {
        private final ParserLimits limits;
        private final RequestLineCheck lineCheck = new RequestLineCheck();
        private Method method;
        private RequestTarget target;
        private Version version;

        RequestDialect(ParserLimits limits) {
            this.limits = limits;
        }

        @Override
        public Violation startLineTooLong() {
            return Violation.REQUEST_LINE_TOO_LONG;
        }

        @Override
        public LineCheck startLineCheck() {
            return lineCheck;
        }

        // request-line = method SP request-target SP HTTP-version (RFC 9112 §3): its bytes passed lineCheck.
        @Override
        public boolean parseStartLine(byte[] b, int start, int end, Failure failure) {
            int methodEnd = lineCheck.methodEnd();
            int targetEnd = lineCheck.targetEnd();
            // RFC 9110 §6.2: a 1.x minor version above 1 is served as 1.1.
            version = b[end - 1] == '0' ? Version.HTTP_1_0 : Version.HTTP_1_1;
            method = Method.ofAscii(b, start, methodEnd - start);
            return parseTarget(new String(b, methodEnd + 1, targetEnd - methodEnd - 1, StandardCharsets.ISO_8859_1),
                    methodEnd + 1, failure);
        }

        /** {@code raw}'s bytes are target characters, and every {@code %} is followed by two hex digits. */
        private boolean parseTarget(String raw, int offset, Failure failure) {
            boolean connect = method.equals(Method.CONNECT);
            try {
                target = connect ? RequestTarget.authorityForm(raw) : Prechecked.target(raw);
            } catch (IllegalArgumentException invalid) {
                // RFC 9112 §3.2.3: CONNECT takes the authority-form, and only CONNECT does.
                boolean wrongForm = connect && (raw.charAt(0) == '/' || raw.equals("*"));
                failure.set(wrongForm ? Violation.TARGET_FORM_NOT_ALLOWED : Violation.INVALID_REQUEST_TARGET,
                        wrongForm ? "CONNECT needs the authority-form" : invalid.getMessage(), offset);
                return false;
            }
            if (target.form() == RequestTarget.Form.ASTERISK && !method.equals(Method.OPTIONS)) {
                // RFC 9112 §3.2.4: the asterisk-form is only for OPTIONS.
                failure.set(Violation.TARGET_FORM_NOT_ALLOWED, "asterisk-form is only for OPTIONS", offset);
                return false;
            }
            return true;
        }

        @Override
        public Framing framing(Headers headers, FieldSectionReader section, Failure failure, long offset) {
            return checkHost(section, failure, offset)
                    ? FramingRules.forRequest(headers, section, version, limits, failure, offset)
                    : null;
        }

        // RFC 9112 §3.2: HTTP/1.1 needs exactly one Host; no version may send two.
        private boolean checkHost(FieldSectionReader section, Failure failure, long offset) {
            int hosts = section.count(HeaderName.HOST);
            if (hosts > 1) {
                failure.set(Violation.DUPLICATE_HOST, hosts + " Host field lines", offset);
                return false;
            }
            if (hosts == 0) {
                if (version == Version.HTTP_1_1) {
                    failure.set(Violation.MISSING_HOST, "HTTP/1.1 request without Host", offset);
                    return false;
                }
                return true;
            }
            // An empty Host is valid when the target has no authority (RFC 9112 §3.2).
            String reason = section.readFirst(HeaderName.HOST,
                    (b, from, to) -> from == to ? null : UriSyntax.checkHostAndPort(b, from, to, false));
            if (reason != null) {
                failure.set(Violation.INVALID_HOST, "Host: " + reason, offset);
                return false;
            }
            return true;
        }

        @Override
        public Request build(Headers headers, Body body, Headers trailers) {
            return new Request(method, target, version, headers, body, trailers);
        }
    }
}
