package dev.jhttp.tests.h2;

import dev.jhttp.core.h2.Frame;
import dev.jhttp.core.hpack.HeaderField;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static dev.jhttp.core.h2.ErrorCode.PROTOCOL_ERROR;
import static dev.jhttp.tests.fixtures.H2Client.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance rows for HTTP semantics over HTTP/2: the field rules, content-length, trailers and HEAD (RFC 9113
 * §8).
 */
final class SemanticsRows extends RowBook {
    SemanticsRows() {
        httpSemantics();
    }

    private void httpSemantics() {
        section = "RFC 9113 §8.1";
        row("content and trailers reach the handler", c -> {
            c.sendHeaders(1, false, request("POST", "/echo"));
            c.send(new Frame.Data(1, ByteBuffer.wrap("hello".getBytes()), false));
            c.sendHeaders(1, true, List.of(HeaderField.of("x-checksum", "abc")));
        }, answer(1, 200, r -> assertThat(text(r)).isEqualTo("5 bytes, trailers [x-checksum]")));
        row("trailers without END_STREAM", c -> {
            c.sendHeaders(1, false, request("POST", "/echo"));
            c.sendHeaders(1, false, List.of(HeaderField.of("x-checksum", "abc")));
        }, reset(1, PROTOCOL_ERROR));
        row("a pseudo-header in trailers", c -> {
            c.sendHeaders(1, false, request("POST", "/echo"));
            c.sendHeaders(1, true, List.of(HeaderField.of(":path", "/")));
        }, reset(1, PROTOCOL_ERROR));
        row("HEAD: headers with content-length, no DATA", c -> get(c, 1, "/big", ":method", "HEAD"),
                answer(1, 200, r -> {
                    assertThat(r.field("content-length")).isEqualTo("100000");
                    assertThat(r.content()).isEmpty();
                }));
        row("204: END_STREAM on the HEADERS frame", c -> get(c, 1, "/no-content"), answer(1, 204,
                r -> assertThat(r.content()).isEmpty()));
        row("expect: 100-continue gets 100 before the final response", c -> {
            c.sendHeaders(1, false, request("POST", "/echo", "expect", "100-continue"));
            Object first = c.next();
            while (!(first instanceof Frame.Headers)) {
                first = c.next();
            }
            assertThat(c.fields((Frame.Headers) first).get(0)).isEqualTo(HeaderField.of(":status", "100"));
            c.send(new Frame.Data(1, ByteBuffer.wrap("go".getBytes()), true));
        }, answer(1, 200, r -> assertThat(text(r)).startsWith("2 bytes")));
        section = "RFC 9113 §8.1.1";
        row("content longer than content-length", c -> {
            c.sendHeaders(1, false, request("POST", "/echo", "content-length", "2"));
            c.send(new Frame.Data(1, ByteBuffer.wrap("abc".getBytes()), true));
        }, reset(1, PROTOCOL_ERROR));
        row("content shorter than content-length", c -> {
            c.sendHeaders(1, false, request("POST", "/echo", "content-length", "4"));
            c.send(new Frame.Data(1, ByteBuffer.wrap("abc".getBytes()), true));
        }, reset(1, PROTOCOL_ERROR));
        row("content-length with END_STREAM on HEADERS", c -> c.sendHeaders(1, true,
                request("POST", "/echo", "content-length", "4")), reset(1, PROTOCOL_ERROR));
        row("content-length that is not a number", c -> c.sendHeaders(1, true,
                request("POST", "/echo", "content-length", "4a")), reset(1, PROTOCOL_ERROR));
        row("content equal to content-length", c -> {
            c.sendHeaders(1, false, request("POST", "/echo", "content-length", "3"));
            c.send(new Frame.Data(1, ByteBuffer.wrap("abc".getBytes()), true));
        }, answer(1, 200, r -> assertThat(text(r)).startsWith("3 bytes")));
        section = "RFC 9113 §8.2";
        malformed("an uppercase field name", "X-Upper", "1");
        section = "RFC 9113 §8.2.1";
        for (String name : List.of("x y", "x:y", "x\u0000y", "x\ty", "x\u007fy", "x\u00e9y", "x(y", "x\"y")) {
            malformed("a field name holding " + describe(name.charAt(1)), name, "1");
        }
        malformed("an empty field name", "", "1");
        for (String value : List.of("a\u0000b", "a\rb", "a\nb", "a\u0001b", "a\u007fb")) {
            malformed("a field value holding " + describe(value.charAt(1)), "x-value", value);
        }
        for (String value : List.of(" a", "\ta")) {
            malformed("a field value with leading " + describe(value.charAt(0)), "x-value", value);
        }
        for (String value : List.of("a ", "a\t")) {
            malformed("a field value with trailing " + describe(value.charAt(1)), "x-value", value);
        }
        row("a value with inner spaces, tabs and obs-text is fine", c -> get(c, 1, "/", "x-value", "a b\tc\u00e9"),
                answer(1, 200));
        section = "RFC 9113 §8.2.2";
        for (String name : List.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade")) {
            malformed("the connection-specific field " + name, name, "x");
        }
        malformed("te other than trailers", "te", "gzip");
        row("te: trailers is allowed", c -> get(c, 1, "/", "te", "trailers"), answer(1, 200));
        section = "RFC 9113 §8.2.3";
        row("cookie fields are joined with \"; \"", c -> get(c, 1, "/cookie", "cookie", "a=1", "cookie", "b=2"),
                answer(1, 200, r -> assertThat(text(r)).isEqualTo("a=1; b=2")));
        section = "RFC 9113 §8.3";
        pseudo("a pseudo-header after a regular field", List.of(HeaderField.of(":method", "GET"),
                HeaderField.of(":scheme", "http"), HeaderField.of("x-a", "1"), HeaderField.of(":path", "/")));
        pseudo("an undefined pseudo-header", plus(request("GET", "/"), ":foo", "bar"));
        pseudo(":status in a request", plus(request("GET", "/"), ":status", "200"));
        pseudo(":protocol, which needs extended CONNECT", plus(request("GET", "/"), ":protocol", "websocket"));
        for (String name : List.of(":method", ":scheme", ":authority", ":path")) {
            List<HeaderField> fields = new ArrayList<>(request("GET", "/"));
            fields.add(1, fields.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow());
            pseudo("a repeated " + name, fields);
        }
        section = "RFC 9113 §8.3.1";
        for (String name : List.of(":method", ":scheme", ":path")) {
            pseudo("no " + name, request("GET", "/").stream().filter(f -> !f.name().equals(name)).toList());
        }
        pseudo("an empty :path", request("GET", ""));
        pseudo("a :path that is not origin-form", request("GET", "a/b"));
        pseudo("an absolute URI as :path", request("GET", "http://localhost/"));
        pseudo("* as :path for GET", request("GET", "*"));
        pseudo("a :method that is not a token", request("GE T", "/"));
        pseudo("a :scheme that is not a scheme", List.of(HeaderField.of(":method", "GET"),
                HeaderField.of(":scheme", "1http"), HeaderField.of(":path", "/")));
        pseudo("an :authority with userinfo", List.of(HeaderField.of(":method", "GET"),
                HeaderField.of(":scheme", "http"), HeaderField.of(":authority", "user@localhost"),
                HeaderField.of(":path", "/")));
        pseudo("a Host that differs from :authority", plus(request("GET", "/"), "host", "elsewhere.test"));
        row("a Host equal to :authority is allowed", c -> get(c, 1, "/", "host", "localhost"), answer(1, 200));
        row("no :authority: Host names the server", c -> c.sendHeaders(1, true, List.of(
                HeaderField.of(":method", "GET"), HeaderField.of(":scheme", "http"), HeaderField.of(":path", "/host"),
                HeaderField.of("host", "example.test"))), answer(1, 200, r -> assertThat(text(r))
                .isEqualTo("example.test")));
        row(":authority becomes the Host handlers see", c -> get(c, 1, "/host"),
                answer(1, 200, r -> assertThat(text(r)).isEqualTo("localhost")));
        section = "RFC 9113 §8.5";
        pseudo("CONNECT with :path", List.of(HeaderField.of(":method", "CONNECT"),
                HeaderField.of(":authority", "localhost:443"), HeaderField.of(":path", "/")));
        pseudo("CONNECT without :authority", List.of(HeaderField.of(":method", "CONNECT")));
    }
}
