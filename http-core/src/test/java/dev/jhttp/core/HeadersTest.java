package dev.jhttp.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeadersTest {
    @Test
    void looksUpNamesCaseInsensitivelyInWireOrder() {
        Headers headers = Headers.of("Vary", "a", "content-type", "text/html", "VARY", "b");
        assertThat(headers.first("vary")).contains("a");
        assertThat(headers.all(HeaderName.VARY)).containsExactly("a", "b");
        assertThat(headers.first(HeaderName.CONTENT_TYPE)).contains("text/html");
        assertThat(headers.count(HeaderName.VARY)).isEqualTo(2);
        assertThat(headers.first("Missing")).isEmpty();
    }

    @Test
    void keepsTheOriginalSpelling() {
        Headers headers = Headers.of("x-LoWeR", "1");
        assertThat(headers.name(0).name()).isEqualTo("x-LoWeR");
    }

    @Test
    void changesReturnNewInstances() {
        Headers original = Headers.of("A", "1", "B", "2", "A", "3");
        assertThat(original.with("C", "4")).isEqualTo(Headers.of("A", "1", "B", "2", "A", "3", "C", "4"));
        assertThat(original.withReplaced("a", "9")).isEqualTo(Headers.of("a", "9", "B", "2"));
        assertThat(original.withReplaced("Z", "9")).isEqualTo(Headers.of("A", "1", "B", "2", "A", "3", "Z", "9"));
        assertThat(original.without(HeaderName.of("A"))).isEqualTo(Headers.of("B", "2"));
        assertThat(original).isEqualTo(Headers.of("A", "1", "B", "2", "A", "3"));
    }

    @Test
    void builtHeadersStayAsTheyWereWhenTheBuilderGoesOn() {
        Headers.Builder builder = Headers.builder().add("A", "1");
        Headers one = builder.build();
        Headers two = builder.add("B", "2").build();
        Headers three = one.toBuilder().add("C", "3").build();
        assertThat(one).isEqualTo(Headers.of("A", "1"));
        assertThat(two).isEqualTo(Headers.of("A", "1", "B", "2"));
        assertThat(three).isEqualTo(Headers.of("A", "1", "C", "3"));
        Headers.Builder full = Headers.builder();
        for (int i = 0; i < 8; i++) {
            full.add("X" + i, "v");
        }
        Headers eight = full.build();
        Headers nine = full.add("Y", "v").build();
        assertThat(eight.size()).isEqualTo(8);
        assertThat(nine.size()).isEqualTo(9);
        assertThat(eight.contains("Y")).isFalse();
    }

    @Test
    void builderAppendsWholeSectionsInOrder() {
        Headers tail = Headers.of("B", "2", "a", "3");
        Headers joined = Headers.builder().add("A", "1").addAll(tail).addAll(Headers.empty()).build();
        assertThat(joined).isEqualTo(Headers.of("A", "1", "B", "2", "a", "3"));
        assertThat(joined.all("A")).containsExactly("1", "3");
    }

    @Test
    void trimsSurroundingWhitespaceFromValues() {
        assertThat(Headers.of("A", " \t v  w \t").first("A")).contains("v  w");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nInjected: yes", "a\nb", "a\rb", "a\u0000b", "a\u007fb", "a\u0100b"})
    void refusesValuesThatCouldSplitOrCorruptAHead(String value) {
        assertThatThrownBy(() -> Headers.of("X", value)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bad Name", "Bad:Name", "Caf\u00e9", "a\r\nb"})
    void refusesNamesThatAreNotTokens(String name) {
        assertThatThrownBy(() -> HeaderName.of(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsTokensInCommaSeparatedLists() {
        Headers headers = Headers.of("Connection", "keep-alive, Upgrade", "Connection", "CLOSE");
        assertThat(headers.hasToken(HeaderName.CONNECTION, "close")).isTrue();
        assertThat(headers.hasToken(HeaderName.CONNECTION, "upgrade")).isTrue();
        assertThat(headers.hasToken(HeaderName.CONNECTION, "keep")).isFalse();
    }

    @Test
    void equalityIgnoresNameCaseButNotOrder() {
        assertThat(Headers.of("A", "1", "b", "2")).isEqualTo(Headers.of("a", "1", "B", "2"))
                .hasSameHashCodeAs(Headers.of("a", "1", "B", "2"));
        assertThat(Headers.of("A", "1", "B", "2")).isNotEqualTo(Headers.of("B", "2", "A", "1"));
    }

    @Test
    void iteratesFieldLines() {
        assertThat(Headers.of("A", "1", "B", "2")).containsExactly(
                new Header(HeaderName.of("A"), "1"), new Header(HeaderName.of("B"), "2"));
    }

    @Test
    void wellKnownNamesAreInterned() {
        assertThat(HeaderName.of("Content-Length")).isSameAs(HeaderName.CONTENT_LENGTH);
        assertThat(HeaderName.of("content-length")).isEqualTo(HeaderName.CONTENT_LENGTH);
        assertThat(HeaderName.of("content-length").lowerCase()).isSameAs(HeaderName.CONTENT_LENGTH.lowerCase());
    }

    @Test
    void findsEveryWellKnownNameFromBytesInAnyCase() throws IllegalAccessException {
        for (java.lang.reflect.Field field : HeaderName.class.getFields()) {
            if (field.getType() != HeaderName.class) {
                continue;
            }
            HeaderName known = (HeaderName) field.get(null);
            for (String spelling : new String[] {known.name(), known.lowerCase(),
                    known.name().toUpperCase(java.util.Locale.ROOT)}) {
                byte[] wire = spelling.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                HeaderName read = HeaderName.ofAscii(wire, 0, wire.length);
                assertThat(read).as(spelling).isEqualTo(known);
                assertThat(read.name()).isEqualTo(spelling);
                assertThat(read.lowerCase()).isSameAs(known.lowerCase());
            }
            byte[] exact = known.name().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(HeaderName.ofAscii(exact, 0, exact.length)).isSameAs(known);
        }
    }

    @Test
    void internsNamesReadFromBytes() {
        byte[] wire = "xxContent-Length: 5".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(HeaderName.ofAscii(wire, 2, 14)).isSameAs(HeaderName.CONTENT_LENGTH);
        byte[] lower = "content-length".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HeaderName differentlySpelled = HeaderName.ofAscii(lower, 0, lower.length);
        assertThat(differentlySpelled).isEqualTo(HeaderName.CONTENT_LENGTH).isNotSameAs(HeaderName.CONTENT_LENGTH);
        assertThat(differentlySpelled.name()).isEqualTo("content-length");
        byte[] custom = "X-Custom-Thing".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(HeaderName.ofAscii(custom, 0, custom.length).lowerCase()).isEqualTo("x-custom-thing");
        byte[] bad = "Bad Name".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> HeaderName.ofAscii(bad, 0, bad.length)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyWellKnownNameIsFoundFromItsBytes() throws Exception {
        for (java.lang.reflect.Field field : HeaderName.class.getFields()) {
            HeaderName known = (HeaderName) field.get(null);
            byte[] bytes = known.name().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(HeaderName.ofAscii(bytes, 0, bytes.length)).as(known.name()).isSameAs(known);
        }
    }

    @Test
    void refusesAnOddNumberOfNamesAndValues() {
        assertThatThrownBy(() -> Headers.of("A")).isInstanceOf(IllegalArgumentException.class);
    }
}
