package dev.jhttp.server.filters;

import dev.jhttp.core.Body;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.Handler;
import dev.jhttp.server.HttpException;
import dev.jhttp.core.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorPagesTest {
    private static final Handler MISSING = request -> {
        throw new HttpException(Status.METHOD_NOT_ALLOWED_405, "internal detail", Headers.of("Allow", "GET"));
    };

    @ParameterizedTest(name = "Accept: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | text/html; charset=utf-8",
        "application/json                                                 | application/problem+json",
        "application/problem+json                                         | application/problem+json",
        "*/*                                                              | text/plain; charset=utf-8",
        "text/plain                                                       | text/plain; charset=utf-8",
        "image/png                                                        | text/plain; charset=utf-8"})
    void negotiatesTheFormat(String accept, String contentType) throws Exception {
        Response response = ErrorPages.negotiated().wrap(MISSING).handle(request(accept));
        assertThat(response.status()).isEqualTo(Status.METHOD_NOT_ALLOWED_405);
        assertThat(response.headers().first("Content-Type")).contains(contentType);
        assertThat(response.headers().first("Allow")).contains("GET");
        assertThat(text(response)).contains("Method Not Allowed").doesNotContain("internal detail");
    }

    @Test
    void problemDetailsFollowRfc9457() throws Exception {
        Response response = ErrorPages.negotiated().wrap(MISSING).handle(request("application/json"));
        assertThat(text(response))
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Method Not Allowed\",\"status\":405}\n");
    }

    @Test
    void noAcceptMeansPlainText() throws Exception {
        Response response = ErrorPages.negotiated().wrap(MISSING).handle(Request.of(Method.GET, "/"));
        assertThat(text(response)).isEqualTo("405 Method Not Allowed\n");
    }

    @Test
    void anExplainedRefusalShowsItsDetailInEveryFormat() throws Exception {
        Handler conflict = request -> {
            throw HttpException.explained(Status.CONFLICT_409, "a file named <a&b>.txt exists", Headers.of("X-A", "1"));
        };
        Handler app = ErrorPages.negotiated().wrap(conflict);
        assertThat(text(app.handle(Request.of(Method.GET, "/"))))
                .isEqualTo("409 Conflict\na file named <a&b>.txt exists\n");
        assertThat(text(app.handle(request("application/json")))).isEqualTo("{\"type\":\"about:blank\",\"title\":"
                + "\"Conflict\",\"status\":409,\"detail\":\"a file named <a&b>.txt exists\"}\n");
        Response html = app.handle(request("text/html"));
        assertThat(text(html)).contains("<p>a file named &lt;a&amp;b&gt;.txt exists</p>");
        assertThat(html.headers().first("X-A")).contains("1");
    }

    @Test
    void handlerFailureBecomesAGeneric500() throws Exception {
        Handler failing = request -> {
            throw new IllegalStateException("do not show this");
        };
        Response response = ErrorPages.negotiated().wrap(failing).handle(request("text/html"));
        assertThat(response.status()).isEqualTo(Status.INTERNAL_SERVER_ERROR_500);
        assertThat(text(response)).contains("<h1>500 Internal Server Error</h1>").doesNotContain("do not show");
    }

    @Test
    void customPageReplacesTheGeneratedOne() throws Exception {
        ErrorPages pages = ErrorPages.negotiated().withPage(Status.METHOD_NOT_ALLOWED_405, "text/html", Body.of("<p>no"));
        Response response = pages.wrap(MISSING).handle(request("application/json"));
        assertThat(response.headers().first("Content-Type")).contains("text/html");
        assertThat(text(response)).isEqualTo("<p>no");
    }

    @Test
    void returnedResponsesPassUntouched() throws Exception {
        Response teapot = Response.of(Status.IM_A_TEAPOT_418).withBody(Body.of("short and stout"));
        assertThat(ErrorPages.negotiated().wrap(request -> teapot).handle(request("text/html"))).isSameAs(teapot);
    }

    private static Request request(String accept) {
        return Request.of(Method.GET, "/").withHeader("Accept", accept);
    }

    private static String text(Response response) {
        return ((Body.Bytes) response.body()).asString(StandardCharsets.UTF_8);
    }
}
