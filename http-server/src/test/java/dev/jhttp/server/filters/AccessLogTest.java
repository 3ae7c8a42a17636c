package dev.jhttp.server.filters;

import dev.jhttp.core.Body;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.Filter;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessLogTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T08:49:37Z"), ZoneOffset.UTC);

    @Test
    void writesCommonLogFormatWithTimeTaken() throws Exception {
        List<String> lines = new ArrayList<>();
        AccessLog.commonLogFormat(lines::add).withClock(CLOCK)
                .wrap(request -> Response.of(Status.OK_200).withBody(Body.of("hello")))
                .handle(Request.of(Method.GET, "/a?b=\"c\""));
        assertThat(lines).singleElement().asString()
                .matches("- - - \\[30/Nov/2026:08:49:37 \\+0000] \"GET /a\\?b=\\\\\"c\\\\\" HTTP/1.1\" 200 5 \\d+\\.\\d{3}ms");
    }

    @Test
    void writesJsonLines() throws Exception {
        List<String> lines = new ArrayList<>();
        AccessLog.jsonLines(lines::add).withClock(CLOCK)
                .wrap(request -> Response.of(Status.NOT_FOUND_404))
                .handle(Request.of(Method.GET, "/x").withHeader("User-Agent", "curl/8 \"quoted\""));
        assertThat(lines).singleElement().asString()
                .startsWith("{\"time\":\"2026-11-30T08:49:37Z\",\"remote\":\"-\",\"method\":\"GET\",\"target\":\"/x\","
                        + "\"version\":\"HTTP/1.1\",\"status\":404,\"bytes\":0,\"durationMs\":")
                .endsWith(",\"userAgent\":\"curl/8 \\\"quoted\\\"\"}");
    }

    @Test
    void coloursTheStatusByItsClassWhenAsked() throws Exception {
        List<String> lines = new ArrayList<>();
        Filter log = AccessLog.commonLogFormat(lines::add).withAnsiColors();
        for (int code : new int[] {200, 304, 404, 503}) {
            log.wrap(request -> Response.of(Status.of(code))).handle(Request.of(Method.GET, "/"));
        }
        assertThat(lines).extracting(line -> line.substring(line.indexOf("\" ") + 2, line.lastIndexOf(" 0 ")))
                .containsExactly("\u001b[32m200\u001b[0m", "\u001b[36m304\u001b[0m", "\u001b[33m404\u001b[0m",
                        "\u001b[31m503\u001b[0m");
    }

    @Test
    void neverColoursJsonLines() throws Exception {
        List<String> lines = new ArrayList<>();
        AccessLog.jsonLines(lines::add).withAnsiColors()
                .wrap(request -> Response.of(Status.NOT_FOUND_404)).handle(Request.of(Method.GET, "/"));
        assertThat(lines).singleElement().asString().contains("\"status\":404").doesNotContain("\u001b");
    }

    @Test
    void logsAFailingHandlerAs500AndRethrows() {
        List<String> lines = new ArrayList<>();
        AccessLog log = AccessLog.commonLogFormat(lines::add);
        assertThatThrownBy(() -> log.wrap(request -> {
            throw new IllegalStateException("boom");
        }).handle(Request.of(Method.GET, "/"))).isInstanceOf(IllegalStateException.class);
        assertThat(lines).singleElement().asString().contains("\" 500 - ");
    }
}
