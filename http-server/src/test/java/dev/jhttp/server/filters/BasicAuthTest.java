package dev.jhttp.server.filters;

import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.Handler;
import dev.jhttp.server.HttpException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BasicAuthTest {
    private static final Handler OK = request -> Response.of(Status.OK_200);
    private static final BasicAuth AUTH = BasicAuth.of("files", PasswordCheck.plain(Map.of("ada", "pa:ss wörd",
            "Grace Hopper", "cobol")));

    @Test
    void theRightUserAndPasswordPass() throws Exception {
        assertThat(AUTH.wrap(OK).handle(with("ada", "pa:ss wörd")).status()).isEqualTo(Status.OK_200);
        assertThat(AUTH.wrap(OK).handle(with("Grace Hopper", "cobol")).status()).isEqualTo(Status.OK_200);
        // RFC 9110 §11.1: the scheme name is case-insensitive; more than one space may follow it.
        Request lower = Request.of(Method.GET, "/").withHeader("Authorization", "basic   " + token("ada:pa:ss wörd"));
        assertThat(AUTH.wrap(OK).handle(lower).status()).isEqualTo(Status.OK_200);
    }

    @Test
    void noCredentialsGetTheChallengeWithItsCharset() {
        HttpException refused = refusal(Request.of(Method.GET, "/"));
        assertThat(refused.status()).isEqualTo(Status.UNAUTHORIZED_401);
        assertThat(refused.headers().first("WWW-Authenticate")).contains("Basic realm=\"files\", charset=\"UTF-8\"");
    }

    @Test
    void wrongPasswordsUnknownUsersAndOtherSchemesGet401() {
        for (Request request : new Request[] {with("ada", "pa:ss word"), with("ada", "pa:ss wörd "),
            with("ada", ""), with("bob", "pa:ss wörd"), with("ADA", "pa:ss wörd"),
            Request.of(Method.GET, "/").withHeader("Authorization", "Bearer abc.def"),
            // A user-id that is not UTF-8, or holds a control character, is nobody's (RFC 7617 §2).
            raw(new byte[] {'a', (byte) 0xFF, ':', 'x'}), raw("ad\u0001a:pa:ss wörd".getBytes(StandardCharsets.UTF_8))}) {
            HttpException refused = refusal(request);
            assertThat(refused.status()).as(request.headers().toString()).isEqualTo(Status.UNAUTHORIZED_401);
            assertThat(refused.headers().contains("WWW-Authenticate")).isTrue();
        }
    }

    @Test
    void malformedCredentialsAreABadRequestNamingTheRule() {
        Request twoFields = with("ada", "pa:ss wörd").withHeader("Authorization", "Basic " + token("ada:x"));
        assertThat(refusal(twoFields).status()).isEqualTo(Status.BAD_REQUEST_400);
        assertThat(refusal(twoFields).detail()).contains("§11.6.2");
        HttpException notBase64 = refusal(Request.of(Method.GET, "/").withHeader("Authorization", "Basic YW*k"));
        assertThat(notBase64.status()).isEqualTo(Status.BAD_REQUEST_400);
        assertThat(notBase64.detail()).contains("character 3").contains("RFC 7617 §2");
        HttpException badLength = refusal(Request.of(Method.GET, "/").withHeader("Authorization", "Basic Y"));
        assertThat(badLength.status()).isEqualTo(Status.BAD_REQUEST_400);
        HttpException noColon = refusal(raw("ada".getBytes(StandardCharsets.UTF_8)));
        assertThat(noColon.status()).isEqualTo(Status.BAD_REQUEST_400);
        assertThat(noColon.detail()).contains("':'");
    }

    @Test
    void theRealmIsQuotedAndControlCharactersRefused() {
        BasicAuth quoted = BasicAuth.of("a \"b\" \\c", PasswordCheck.plain(Map.of()));
        assertThatThrownBy(() -> quoted.wrap(OK).handle(Request.of(Method.GET, "/")))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.headers().first("WWW-Authenticate"))
                        .contains("Basic realm=\"a \\\"b\\\" \\\\c\", charset=\"UTF-8\""));
        assertThatThrownBy(() -> BasicAuth.of("a\nb", PasswordCheck.plain(Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyARequestWithCredentialsMayBlock() {
        assertThat(AUTH.mayBlock(Request.of(Method.GET, "/"))).isFalse();
        assertThat(AUTH.mayBlock(with("ada", "x"))).isTrue();
    }

    @Test
    void aRememberedCheckAsksTheSlowCheckOncePerPassword() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        PasswordCheck slow = (user, password) -> {
            asked.incrementAndGet();
            return user.equals("ada") && new String(password, StandardCharsets.UTF_8).equals("right");
        };
        BasicAuth auth = BasicAuth.of("files", slow.remembered(10));
        for (int i = 0; i < 5; i++) {
            assertThat(auth.wrap(OK).handle(with("ada", "right")).status()).isEqualTo(Status.OK_200);
        }
        assertThat(asked.get()).isEqualTo(1);
        // Wrong passwords are never remembered: each one is asked again, and refused.
        for (int i = 0; i < 3; i++) {
            assertThat(refusal(auth, with("ada", "wrong")).status()).isEqualTo(Status.UNAUTHORIZED_401);
        }
        assertThat(asked.get()).isEqualTo(4);
        assertThat(auth.wrap(OK).handle(with("ada", "right")).status()).isEqualTo(Status.OK_200);
        assertThat(asked.get()).isEqualTo(4);
    }

    @Test
    void theRememberedUsersAreBounded() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        PasswordCheck anyone = (user, password) -> asked.incrementAndGet() > 0;
        BasicAuth auth = BasicAuth.of("files", anyone.remembered(2));
        for (String user : new String[] {"a", "b", "c", "a"}) {
            auth.wrap(OK).handle(with(user, "p"));
        }
        assertThat(asked.get()).as("'a' was forgotten when 'c' came").isEqualTo(4);
    }

    private static HttpException refusal(Request request) {
        return refusal(AUTH, request);
    }

    private static HttpException refusal(BasicAuth auth, Request request) {
        try {
            Response response = auth.wrap(request2 -> {
                throw new AssertionError("reached the handler");
            }).handle(request);
            throw new AssertionError("answered " + response.status());
        } catch (HttpException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Request with(String user, String password) {
        return Request.of(Method.GET, "/").withHeader("Authorization", "Basic " + token(user + ":" + password));
    }

    private static Request raw(byte[] userPass) {
        return Request.of(Method.GET, "/").withHeader("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(userPass));
    }

    private static String token(String userPass) {
        return Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }
}
