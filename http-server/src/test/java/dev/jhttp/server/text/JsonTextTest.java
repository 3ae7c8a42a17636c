package dev.jhttp.server.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTextTest {
    @Test
    void leavesPlainAsciiAlone() {
        String plain = "GET /a?b=<c>&d='e'";
        assertThat(JsonText.escape(plain)).isSameAs(plain);
    }

    @Test
    void escapesWhatCouldBreakOutOfAStringOrALine() {
        assertThat(JsonText.escape("a\"b\\c\nd\u0001caf\u00e9")).isEqualTo("a\\\"b\\\\c\\u000ad\\u0001caf\\u00e9");
    }
}
