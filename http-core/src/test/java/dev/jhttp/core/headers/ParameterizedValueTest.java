package dev.jhttp.core.headers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterizedValueTest {

    @Test
    void readsTheValueAndItsParametersQuotedOrNot() {
        ParameterizedValue type = ParameterizedValue.parse(" multipart/form-data ;Boundary=\"a;b \\\"c\\\"\"; "
                + "charset=UTF-8; filename*=UTF-8''%e2%82%ac ").orElseThrow();
        assertThat(type.value()).isEqualTo("multipart/form-data");
        assertThat(type.parameters()).isEqualTo(Map.of("boundary", "a;b \"c\"", "charset", "UTF-8",
                "filename*", "UTF-8''%e2%82%ac"));
        assertThat(type.parameter("BOUNDARY")).contains("a;b \"c\"");
        assertThat(ParameterizedValue.parse("form-data").orElseThrow().parameters()).isEmpty();
        assertThat(ParameterizedValue.parse("x; empty=\"\"").orElseThrow().parameter("empty")).contains("");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ";a=1", "text/plain; a", "text/plain; a=", "text/plain; a=1; A=2",
        "text/plain; a=\"open", "text/plain; a=1 b", "text/plain,x", "text/plain; =1"})
    void breakingTheGrammarOrRepeatingANameGivesNothing(String field) {
        assertThat(ParameterizedValue.parse(field)).isEmpty();
    }
}
