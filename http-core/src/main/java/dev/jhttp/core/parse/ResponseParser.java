package dev.jhttp.core.parse;

import dev.jhttp.core.Body;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Method;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.core.Version;
import dev.jhttp.core.syntax.Ascii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A strict, incremental HTTP/1.1 response parser (RFC 9112), the counterpart of {@link RequestParser} for clients and
 * tests. A response's framing depends on the request it answers, so tell the parser the request method: a response
 * to HEAD, a 1xx, 204 or 304, and a 2xx to CONNECT have no content (RFC 9112 §6.3). Content with neither
 * Content-Length nor chunked coding runs until the connection closes: call {@link #finish()} then. The parser undoes
 * chunked coding only; other transfer codings (gzip, say) stay on the content, named in Transfer-Encoding.
 *
 * {@snippet :
 * ResponseParser parser = ResponseParser.create(ParserLimits.defaults());
 * parser.reset(Method.HEAD);                                    // the next response answers a HEAD
 * ParseResult<Response> result = parser.feed(ByteBuffer.wrap(bytes));
 * }
 *
 * <p>Not thread-safe: one parser per connection.
 */
public final class ResponseParser {
    private final ResponseDialect dialect;
    private final MessageReader<Response> reader;

    private ResponseParser(ParserLimits limits) {
        this.dialect = new ResponseDialect(limits);
        this.reader = new MessageReader<>(dialect, limits);
    }

    /** A parser with these limits, expecting a response to GET. */
    public static ResponseParser create(ParserLimits limits) {
        return new ResponseParser(Objects.requireNonNull(limits, "limits"));
    }

    /** A parser with {@link ParserLimits#defaults()}, expecting a response to GET. */
    public static ResponseParser create() {
        return create(ParserLimits.defaults());
    }

    /**
     * Parses as much of the current response as {@code in} holds, advancing its position over the bytes consumed.
     * After a complete response the next call starts the next one as {@link #reset()} would: as the answer to a GET;
     * call {@link #reset(Method)} first when it answers a method that changes framing.
     */
    public ParseResult<Response> feed(ByteBuffer in) {
        if (reader.isComplete()) {
            reset();
        }
        return reader.feed(in);
    }

    /**
     * Tells the parser the input has ended. Completes a response whose content runs until close; otherwise the
     * response is incomplete ({@link Violation#INCOMPLETE_MESSAGE}).
     *
     * @throws IllegalStateException if the last response completed and {@link #reset} was not called since: the
     *     input ended between responses
     */
    public ParseResult<Response> finish() {
        return reader.finish();
    }

    /** Prepares for the next response, to a GET or any request whose method does not change framing. */
    public void reset() {
        reset(Method.GET);
    }

    /** Prepares for the next response, which answers a request with {@code requestMethod}. */
    public void reset(Method requestMethod) {
        reader.reset();
        dialect.requestMethod = Objects.requireNonNull(requestMethod, "requestMethod");
    }

    /** The status-line (RFC 9112 §4) and response framing (RFC 9112 §6.3). */
    private static final class ResponseDialect implements MessageReader.Dialect<Response> {
        private final ParserLimits limits;
        private final LineCheck lineCheck = LineCheck.bareCrOnly();
        private Method requestMethod = Method.GET;
        private Version version;
        private Status status;

        ResponseDialect(ParserLimits limits) {
            this.limits = limits;
        }

        @Override
        public Violation startLineTooLong() {
            return Violation.INVALID_STATUS_LINE;
        }

        // status-line = HTTP-version SP status-code SP [ reason-phrase ]
        @Override
        public LineCheck startLineCheck() {
            return lineCheck;
        }

        @Override
        public boolean parseStartLine(byte[] b, int start, int end, Failure failure) {
            if (end - start < 13 || b[start + 8] != ' ' || b[start + 12] != ' ') {
                failure.set(Violation.INVALID_STATUS_LINE, "status line is not version SP code SP reason", start);
                return false;
            }
            version = StartLines.parseVersion(b, start, start + 8, failure);
            if (version == null) {
                return false;
            }
            int code = 0;
            for (int i = start + 9; i < start + 12; i++) {
                if (!Ascii.isDigit(b[i])) {
                    failure.set(Violation.INVALID_STATUS_LINE, "status code is not three digits", i);
                    return false;
                }
                code = code * 10 + b[i] - '0';
            }
            if (code < 100 || code > 599) {
                failure.set(Violation.INVALID_STATUS_LINE, "status code out of range 100..599", start + 9);
                return false;
            }
            for (int i = start + 13; i < end; i++) {
                if (!Ascii.isFieldVisible(b[i]) && !Ascii.isWhitespace(b[i])) {
                    failure.set(Violation.INVALID_STATUS_LINE, "control byte in reason phrase", i);
                    return false;
                }
            }
            status = Status.of(code, new String(b, start + 13, end - start - 13, StandardCharsets.ISO_8859_1));
            return true;
        }

        @Override
        public Framing framing(Headers headers, FieldSectionReader section, Failure failure, long offset) {
            boolean connectTunnel = requestMethod.equals(Method.CONNECT) && status.isSuccess();
            if (requestMethod.equals(Method.HEAD) || !status.permitsContent() || connectTunnel) {
                return Framing.NONE;
            }
            return FramingRules.forResponse(headers, section, version, limits, failure, offset);
        }

        @Override
        public Response build(Headers headers, Body body, Headers trailers) {
            return new Response(version, status, headers, body, trailers);
        }
    }
}
