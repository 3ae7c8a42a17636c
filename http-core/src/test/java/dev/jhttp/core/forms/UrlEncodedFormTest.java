package dev.jhttp.core.forms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UrlEncodedFormTest {

    private static Form parsed(String input) {
        FormResult result = UrlEncodedForm.parse(input.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(result).as(input).isInstanceOf(FormResult.Parsed.class);
        return ((FormResult.Parsed) result).form();
    }

    private static FormError failed(String input) {
        FormResult result = UrlEncodedForm.parse(input.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(result).as(input).isInstanceOf(FormResult.Failed.class);
        return ((FormResult.Failed) result).error();
    }

    @Test
    void fieldsKeepTheirOrderAndRepeatedNames() {
        Form form = parsed("b=2&a=1&b=3");
        assertThat(form.fields()).containsExactly(new Form.Field("b", "2"), new Form.Field("a", "1"),
                new Form.Field("b", "3"));
        assertThat(form.all("b")).containsExactly("2", "3");
        assertThat(form.first("a")).contains("1");
        assertThat(form.first("c")).isEmpty();
        assertThat(form.names()).containsExactly("b", "a");
    }

    // URL Standard §5.1: the steps, one case each.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a+b=c+d|a b|c d",                // + is a space, in names and values
        "a%2Bb=%26%3D|a+b|&=",            // an escaped + & = stays literal
        "name|name|\"\"",                  // no = : the value is empty
        "=value|\"\"|value",               // an empty name is a field
        "a=b=c|a|b=c",                     // the first = splits
        "k=%C3%BC%E2%82%AC%F0%9F%98%80|k|ü€😀",
        "k=%c3%bc|k|ü",                    // hex digits in either case
    })
    void decodesAsTheUrlStandardSays(String input, String name, String value) {
        assertThat(parsed(input).fields()).containsExactly(new Form.Field(name, value));
    }

    @Test
    void emptySequencesAreSkipped() {
        assertThat(parsed("&&a=1&&b=2&").fields()).containsExactly(new Form.Field("a", "1"),
                new Form.Field("b", "2"));
        assertThat(parsed("").isEmpty()).isTrue();
        assertThat(parsed("&").isEmpty()).isTrue();
    }

    @Test
    void rawUtf8OctetsAreTextToo() {
        assertThat(parsed("k=\u00c3\u00bc").first("k")).contains("ü");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a=%|2",        // a % at the end
        "a=%4|2",       // one digit
        "a=%zz&b=1|2",  // not hex
        "x=1&a%g0=1|5", // in a name, after a good field
        "a=%%41|2",     // %% is not an escape of %
    })
    void malformedEscapesAreRefusedAtTheirPercentSign(String input, long offset) {
        FormError error = failed(input);
        assertThat(error.violation()).isEqualTo(FormViolation.MALFORMED_ESCAPE);
        assertThat(error.offset()).isEqualTo(offset);
        assertThat(error.status().code()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a=%FF|2",               // never in UTF-8
        "a=%C0%80|2",            // overlong NUL
        "a=%E0%80%80|5",         // overlong, caught at its second octet
        "a=%ED%A0%80|5",         // a surrogate
        "a=%F4%90%80%80|5",      // past U+10FFFF
        "a=%80|2",               // a stray continuation
        "a=%C3&b=1|5",           // cut short by the end of the value
        "a=%C3A|5",              // a lead without its continuation
    })
    void badUtf8IsRefusedAtTheOctetThatBreaksIt(String input, long offset) {
        FormError error = failed(input);
        assertThat(error.violation()).isEqualTo(FormViolation.INVALID_UTF8);
        assertThat(error.offset()).isEqualTo(offset);
    }

    @Test
    void rawBadUtf8IsRefusedToo() {
        FormError error = failed("a=\u00ff");
        assertThat(error.violation()).isEqualTo(FormViolation.INVALID_UTF8);
        assertThat(error.offset()).isEqualTo(2);
    }

    @Test
    void moreFieldsThanTheLimitAreRefusedAtTheFirstOneTooMany() {
        byte[] input = "a=1&b=2&&c=3".getBytes(StandardCharsets.US_ASCII);
        assertThat(UrlEncodedForm.parse(input, 3)).isInstanceOf(FormResult.Parsed.class);
        FormResult result = UrlEncodedForm.parse(input, 2);
        FormError error = ((FormResult.Failed) result).error();
        assertThat(error.violation()).isEqualTo(FormViolation.TOO_MANY_FIELDS);
        assertThat(error.offset()).isEqualTo(9);
        assertThat(error.status().code()).isEqualTo(413);
        assertThat(error.toString()).isEqualTo("TOO_MANY_FIELDS at byte 9 (RFC 9110 §15.5.14): more than 2 fields");
    }

    @Test
    void aQueryStringReadsTheSameWay() {
        FormResult result = UrlEncodedForm.parseQuery("q=caf%C3%A9+au+lait&lang=fr");
        assertThat(((FormResult.Parsed) result).form().fields()).isEqualTo(List.of(
                new Form.Field("q", "café au lait"), new Form.Field("lang", "fr")));
    }
}
