package dev.jhttp.server.tls;

import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cleartext listener's answer beside https: 308 to the same host, path and query (RFC 9110 §15.4.9). */
class HttpsRedirectTest {
    private static String location(HttpsRedirect redirect, Method method, String target, String host) {
        Request request = Request.of(method, target);
        if (host != null) {
            request = request.withHeaders(request.headers().with("Host", host));
        }
        Response response = redirect.handle(request);
        assertThat(response.status()).isEqualTo(Status.PERMANENT_REDIRECT_308);
        return response.headers().first("Location").orElseThrow();
    }

    @Test
    void keepsHostPathAndQueryAndEveryMethod() {
        HttpsRedirect redirect = HttpsRedirect.toPort(8443);

        assertThat(location(redirect, Method.GET, "/a/b%20c?x=1&y", "example.com:8080"))
                .isEqualTo("https://example.com:8443/a/b%20c?x=1&y");
        assertThat(location(redirect, Method.POST, "/form", "example.com"))
                .isEqualTo("https://example.com:8443/form");
        assertThat(location(redirect, Method.GET, "/", "[::1]:8080")).isEqualTo("https://[::1]:8443/");
        assertThat(location(redirect, Method.GET, "http://other.example:80/p?q", "example.com"))
                .as("an absolute-form target's authority wins over Host (RFC 9112 §3.2.2)")
                .isEqualTo("https://other.example:8443/p?q");
        assertThat(location(redirect, Method.OPTIONS, "*", "example.com")).isEqualTo("https://example.com:8443/");
        assertThat(location(HttpsRedirect.toPort(443), Method.GET, "/x", "example.com"))
                .isEqualTo("https://example.com/x");
        assertThat(redirect.mayBlock(Request.of(Method.GET, "/"))).isFalse();
    }
}
