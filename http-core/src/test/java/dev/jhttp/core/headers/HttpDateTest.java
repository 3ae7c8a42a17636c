package dev.jhttp.core.headers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HttpDateTest {
    private static final Instant RFC_EXAMPLE = Instant.parse("1994-11-06T08:49:37Z");

    @Test
    void formatsImfFixdate() {
        assertThat(HttpDate.format(RFC_EXAMPLE)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        assertThat(HttpDate.format(Instant.EPOCH)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
        assertThat(HttpDate.format(Instant.parse("2026-11-30T23:59:59.999Z"))).isEqualTo("Mon, 30 Nov 2026 23:59:59 GMT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994"})
    void parsesAllThreeFormatsOfRfc9110(String text) {
        assertThat(HttpDate.parse(text)).contains(RFC_EXAMPLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "Sun, 6 Nov 1994 08:49:37 GMT", "Mon, 06 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT"})
    void refusesAnythingElse(String text) {
        assertThat(HttpDate.parse(text)).isEmpty();
    }

    @Test
    void formatThenParseIsIdentityToTheSecond() {
        Instant now = Instant.parse("2031-05-17T12:34:56Z");
        assertThat(HttpDate.parse(HttpDate.format(now))).contains(now);
    }
}
