package dev.jhttp.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestTargetTest {
    @Test
    void originFormSplitsPathAndQuery() {
        RequestTarget target = RequestTarget.of("/a/b%2Fc?x=1&y");
        assertThat(target.form()).isEqualTo(RequestTarget.Form.ORIGIN);
        assertThat(target.rawPath()).isEqualTo("/a/b%2Fc");
        assertThat(target.rawQuery()).contains("x=1&y");
        assertThat(target.queryParameters()).isEqualTo(Map.of("x", List.of("1"), "y", List.of("")));
    }

    @Test
    void pathSegmentsKeepAnEncodedSlashInsideItsSegment() {
        RequestTarget target = RequestTarget.of("/a/b%2Fc/");
        assertThat(target.path()).isEqualTo("/a/b/c/");
        assertThat(target.pathSegments()).containsExactly("a", "b/c", "");
    }

    @Test
    void decodesOnceOnly() {
        assertThat(RequestTarget.of("/%252e%252e/").path()).isEqualTo("/%2e%2e/");
    }

    @Test
    void decodesQueryPlusAsSpaceButPathPlusAsPlus() {
        RequestTarget target = RequestTarget.of("/a+b?q=a+b%2Bc");
        assertThat(target.path()).isEqualTo("/a+b");
        assertThat(target.queryParameter("q")).contains("a b+c");
    }

    @Test
    void malformedUtf8DecodesToReplacementCharacters() {
        assertThat(RequestTarget.of("/%C0%AE").path()).isEqualTo("/\ufffd\ufffd");
    }

    @Test
    void absoluteFormExposesSchemeAndAuthority() {
        RequestTarget target = RequestTarget.of("https://example.com:8443?x");
        assertThat(target.form()).isEqualTo(RequestTarget.Form.ABSOLUTE);
        assertThat(target.scheme()).contains("https");
        assertThat(target.authority()).contains("example.com:8443");
        assertThat(target.rawPath()).isEqualTo("/");
        assertThat(target.rawQuery()).contains("x");
    }

    @Test
    void authorityAndAsteriskForms() {
        assertThat(RequestTarget.authorityForm("[::1]:443").authority()).contains("[::1]:443");
        assertThat(RequestTarget.of("*").form()).isEqualTo(RequestTarget.Form.ASTERISK);
        assertThatThrownBy(() -> RequestTarget.authorityForm("example.com"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "relative", "/a b", "/a#f", "/%zz", "/%2", "/caf\u00e9", "http://user@host/",
        "http://host:99999/", "http:relative", "//"})
    void refusesInvalidTargets(String raw) {
        if (raw.equals("//")) {
            assertThat(RequestTarget.of(raw).rawPath()).isEqualTo("//");  // a valid origin-form path
            return;
        }
        assertThatThrownBy(() -> RequestTarget.of(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[::1]", "[::]", "[1:2:3:4:5:6:7:8]", "[2001:db8::1]", "[1::]", "[1:2:3:4:5:6:7::]",
        "[::ffff:192.0.2.1]", "[1:2:3:4:5:6:10.0.0.1]", "[FEDC:BA98::3210]", "[v1.fe80::a+en1]", "[::1]:8080"})
    void acceptsIpLiterals(String authority) {
        assertThat(RequestTarget.of("http://" + authority + "/").authority()).contains(authority);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[4712::abcd::]", "[:1]", "[1:]", "[1:2:3:4:5:6:7:8:9]", "[1:2:3:4:5:6:7]",
        "[12345::]", "[::g]", "[::1.2.3]", "[::1.2.3.256]", "[::01.2.3.4]", "[1:2:3:4:5:6:7:1.2.3.4]",
        "[1.2.3.4::]", "[::1%25eth0]", "[]", "[v.x]", "[v1.]", "[::1"})
    void refusesMalformedIpLiterals(String authority) {
        assertThatThrownBy(() -> RequestTarget.of("http://" + authority + "/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IP literal");
    }

    @Test
    void namesUserinfoAsTheReasonAnAuthorityIsRefused() {
        assertThatThrownBy(() -> RequestTarget.of("http://a:b@host:1234/")).hasMessageContaining("userinfo");
        assertThatThrownBy(() -> RequestTarget.of("http://user@host/")).hasMessageContaining("userinfo");
    }
}
