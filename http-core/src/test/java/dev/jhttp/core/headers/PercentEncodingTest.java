package dev.jhttp.core.headers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PercentEncodingTest {
    @Test
    void decodesUtf8Sequences() {
        assertThat(PercentEncoding.decode("caf%C3%A9%20au%20lait")).isEqualTo("caf\u00e9 au lait");
    }

    @Test
    void leavesBrokenEscapesAsTheyAre() {
        assertThat(PercentEncoding.decode("100%")).isEqualTo("100%");
        assertThat(PercentEncoding.decode("%zz%4")).isEqualTo("%zz%4");
    }

    @Test
    void keepsCharactersOutsideAsciiIntact() {
        assertThat(PercentEncoding.decode("\ud83d\ude00%21")).isEqualTo("\ud83d\ude00!");
    }

    @Test
    void encodesEverythingButUnreserved() {
        assertThat(PercentEncoding.encodePathSegment("a b/c\u00e9~")).isEqualTo("a%20b%2Fc%C3%A9~");
        String text = "x?#[]@!$&'()*+,;= \u00ff";
        assertThat(PercentEncoding.decode(PercentEncoding.encodePathSegment(text))).isEqualTo(text);
    }
}
