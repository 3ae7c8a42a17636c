package dev.jhttp.server.filters;

import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.Handler;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CorsTest {
    private static final Handler OK = request -> Response.of(Status.OK_200);

    @Test
    void requestsWithoutOriginPassThroughUntouched() throws Exception {
        Response response = Cors.allowingAnyOrigin().wrap(OK).handle(Request.of(Method.GET, "/"));
        assertThat(response.headers().isEmpty()).isTrue();
    }

    @Test
    void anyOriginGetsAStar() throws Exception {
        Response response = Cors.allowingAnyOrigin().wrap(OK).handle(from("https://a.example"));
        assertThat(response.headers().first("Access-Control-Allow-Origin")).contains("*");
    }

    @Test
    void listedOriginsAreEchoedWithVaryAndOthersGetNothing() throws Exception {
        Cors cors = Cors.allowingOrigins(Set.of("https://a.example"));
        Response allowed = cors.wrap(OK).handle(from("https://a.example"));
        assertThat(allowed.headers().first("Access-Control-Allow-Origin")).contains("https://a.example");
        assertThat(allowed.headers().hasToken(dev.jhttp.core.HeaderName.VARY, "Origin")).isTrue();
        Response refused = cors.wrap(OK).handle(from("https://evil.example"));
        assertThat(refused.headers().contains("Access-Control-Allow-Origin")).isFalse();
    }

    @Test
    void credentialsEchoTheOriginNeverAStar() throws Exception {
        Response response = Cors.allowingAnyOrigin().withCredentials(true).wrap(OK).handle(from("https://a.example"));
        assertThat(response.headers().first("Access-Control-Allow-Origin")).contains("https://a.example");
        assertThat(response.headers().first("Access-Control-Allow-Credentials")).contains("true");
    }

    @Test
    void answersPreflightWithoutCallingTheHandler() throws Exception {
        Handler never = request -> {
            throw new AssertionError("preflight reached the handler");
        };
        Request preflight = Request.of(Method.OPTIONS, "/api").withHeader("Origin", "https://a.example")
                .withHeader("Access-Control-Request-Method", "PUT")
                .withHeader("Access-Control-Request-Headers", "content-type, x-token");
        Response response = Cors.allowingAnyOrigin().wrap(never).handle(preflight);
        assertThat(response.status()).isEqualTo(Status.NO_CONTENT_204);
        assertThat(response.headers().first("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("PUT"));
        assertThat(response.headers().first("Access-Control-Allow-Headers")).contains("content-type, x-token");
        assertThat(response.headers().first("Access-Control-Max-Age")).contains("600");
    }

    @Test
    void preflightForAMethodNotAllowedGetsNoGrant() throws Exception {
        Request preflight = Request.of(Method.OPTIONS, "/").withHeader("Origin", "https://a.example")
                .withHeader("Access-Control-Request-Method", "TRACE");
        Response response = Cors.allowingAnyOrigin().wrap(OK).handle(preflight);
        assertThat(response.headers().contains("Access-Control-Allow-Origin")).isFalse();
    }

    private static Request from(String origin) {
        return Request.of(Method.GET, "/").withHeader("Origin", origin);
    }
}
