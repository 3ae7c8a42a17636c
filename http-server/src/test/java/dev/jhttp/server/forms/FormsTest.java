package dev.jhttp.server.forms;

import dev.jhttp.core.Body;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.forms.Form;
import dev.jhttp.core.forms.FormViolation;
import dev.jhttp.server.HttpException;
import dev.jhttp.server.filters.ErrorPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormsTest {

    private static Request post(String contentType, String body) {
        return Request.of(Method.POST, "/form").withHeader("Content-Type", contentType).withBody(Body.of(body));
    }

    @Test
    void aUrlencodedBodyIsReadInOneCall() {
        Form form = Forms.read(post("application/x-www-form-urlencoded", "name=J%C3%BCrgen&tag=a&tag=b+c"));
        assertThat(form.first("name")).contains("Jürgen");
        assertThat(form.all("tag")).containsExactly("a", "b c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Application/X-WWW-Form-Urlencoded", "application/x-www-form-urlencoded; charset=UTF-8",
        "application/x-www-form-urlencoded;charset=\"utf-8\""})
    void theMediaTypeIsCaseInsensitiveAndUtf8MayBeNamed(String type) {
        assertThat(Forms.read(post(type, "a=1")).first("a")).contains("1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text/plain", "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded; charset=iso-8859-1"})
    void anotherMediaTypeOrCharsetIs415(String type) {
        assertThatThrownBy(() -> Forms.read(post(type, "a=1")))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status().code()).isEqualTo(415));
    }

    @Test
    void aBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot() {
        Request declared = post("application/x-www-form-urlencoded", "a=12345");
        Request streamed = declared.withBody(Body.ofInputStream(
                new ByteArrayInputStream("a=12345".getBytes(StandardCharsets.US_ASCII)), -1));
        assertThat(Forms.read(declared, 7).first("a")).contains("12345");
        for (Request request : new Request[] {declared, streamed}) {
            assertThatThrownBy(() -> Forms.read(request, 6))
                    .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status().code()).isEqualTo(413));
        }
    }

    @Test
    void aMalformedFormIsAnsweredWithItsRuleAndByte() throws Exception {
        Request request = post("application/x-www-form-urlencoded", "a=1&b=%zz").withHeader("Accept",
                "application/json");
        FormException refused = null;
        try {
            Forms.read(request);
        } catch (FormException e) {
            refused = e;
        }
        assertThat(refused).isNotNull();
        assertThat(refused.error().violation()).isEqualTo(FormViolation.MALFORMED_ESCAPE);
        Response answer = ErrorPages.negotiated().answer(request, refused);
        assertThat(answer.status().code()).isEqualTo(400);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        answer.body().writeTo(body);
        assertThat(body.toString(StandardCharsets.UTF_8))
                .contains("\"violation\":\"MALFORMED_ESCAPE\"").contains("\"offset\":6")
                .contains("\"rule\":\"URL Standard \\u00a75.1, RFC 3986 \\u00a72.1\"");   // JSON escapes §
    }

    @Test
    void theQueryStringIsAFormToo() {
        assertThat(Forms.query(Request.of(Method.GET, "/search?q=caf%C3%A9+au+lait&q=2")).all("q"))
                .containsExactly("café au lait", "2");
        assertThat(Forms.query(Request.of(Method.GET, "/search")).isEmpty()).isTrue();
    }
}
