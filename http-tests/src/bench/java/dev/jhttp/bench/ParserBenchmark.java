package dev.jhttp.bench;

import dev.jhttp.core.Request;
import dev.jhttp.core.parse.ParseResult;
import dev.jhttp.core.parse.RequestParser;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.util.ReferenceCountUtil;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One request parsed into each parser's own model, on the same bytes: jhttp's {@link RequestParser}, Netty's
 * {@link HttpRequestDecoder} (through an EmbeddedChannel, as it is used) and Jetty's {@link HttpParser}. Run it with
 * {@code http-tests/scripts/parser-bench.sh}; add {@code -prof gc} for allocation per request.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParserBenchmark {
    /** The 703-byte browser request of picohttpparser's benchmark. */
    static final String BROWSER_703 = "GET /wp-content/uploads/2010/03/hello-kitty-darth-vader-pink.jpg HTTP/1.1\r\n"
            + "Host: www.kittyhell.com\r\n"
            + "User-Agent: Mozilla/5.0 (Macintosh; U; Intel Mac OS X 10.6; ja-JP-mac; rv:1.9.2.3) Gecko/20100401 "
            + "Firefox/3.6.3 Pathtraq/0.9\r\n"
            + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
            + "Accept-Language: ja,en-us;q=0.7,en;q=0.3\r\n"
            + "Accept-Encoding: gzip,deflate\r\n"
            + "Accept-Charset: Shift_JIS,utf-8;q=0.7,*;q=0.7\r\n"
            + "Keep-Alive: 115\r\n"
            + "Connection: keep-alive\r\n"
            + "Cookie: wp_ozh_wsa_visits=2; wp_ozh_wsa_visit_lasttime=xxxxxxxxxx; "
            + "__utma=xxxxxxxxx.xxxxxxxxxx.xxxxxxxxxx.xxxxxxxxxx.xxxxxxxxxx.x; "
            + "__utmz=xxxxxxxxx.xxxxxxxxxx.x.x.utmccn=(referral)|utmcsr=reader.livedoor.com|utmcct=/reader/"
            + "|utmcmd=referral\r\n"
            + "\r\n";
    /** What curl sends for a plain GET: 77 bytes. */
    static final String CURL_77 = "GET / HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n";
    static final String CHUNKED_POST = "POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n" + "10\r\n0123456789abcdef\r\n".repeat(4) + "0\r\n\r\n";

    @Param({"browser703", "curl77", "chunkedPost"})
    public String request;

    private byte[] bytes;
    private RequestParser jhttp;
    private EmbeddedChannel netty;
    private HttpParser jetty;
    private CollectingHandler jettyHandler;

    @Setup(Level.Trial)
    public void setUp() {
        String text = switch (request) {
            case "browser703" -> BROWSER_703;
            case "curl77" -> CURL_77;
            default -> CHUNKED_POST;
        };
        bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        jhttp = RequestParser.create();
        netty = new EmbeddedChannel(new HttpRequestDecoder());
        jettyHandler = new CollectingHandler();
        jetty = new HttpParser(jettyHandler);
    }

    @Benchmark
    public Request jhttp() {
        jhttp.reset();
        ParseResult<Request> result = jhttp.feed(ByteBuffer.wrap(bytes));
        if (result instanceof ParseResult.Complete<Request>(Request parsed)) {
            return parsed;
        }
        throw new IllegalStateException("jhttp did not complete: " + result);
    }

    @Benchmark
    public void netty(Blackhole sink) {
        netty.writeInbound(Unpooled.wrappedBuffer(bytes));
        for (Object message = netty.readInbound(); message != null; message = netty.readInbound()) {
            sink.consume(message);
            ReferenceCountUtil.release(message);
        }
    }

    @Benchmark
    public void jetty(Blackhole sink) {
        jetty.reset();
        jettyHandler.fields.clear();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        while (in.hasRemaining() && !jettyHandler.complete) {
            jetty.parseNext(in);
        }
        jettyHandler.complete = false;
        sink.consume(jettyHandler.uri);
        sink.consume(jettyHandler.fields);
    }

    /** Keeps what Jetty reports, as a server would. */
    static final class CollectingHandler implements HttpParser.RequestHandler {
        final List<HttpField> fields = new ArrayList<>();
        String uri;
        boolean complete;

        @Override
        public void startRequest(String method, String target, HttpVersion version) {
            uri = target;
        }

        @Override
        public void parsedHeader(HttpField field) {
            fields.add(field);
        }

        @Override
        public boolean headerComplete() {
            return false;
        }

        @Override
        public boolean content(ByteBuffer content) {
            return false;
        }

        @Override
        public boolean contentComplete() {
            return false;
        }

        @Override
        public boolean messageComplete() {
            complete = true;
            return true;
        }

        @Override
        public void earlyEOF() {
            throw new IllegalStateException("early EOF");
        }
    }
}
