package dev.jhttp.server.routing;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jhttp.core.Body;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.HttpException;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of routing: any method and target is answered by the one route whose pattern fits the
 * decoded path (literals before parameters before wildcards), or refused with 404 or 405 and an Allow list, never
 * with another exception.
 */
class RouterFuzzTest {
    private static final Method[] METHODS = {Method.GET, Method.HEAD, Method.POST, Method.DELETE, Method.OPTIONS,
            Method.PUT, Method.of("PURGE")};
    private static final Router ROUTER = Router.builder()
            .get("/", (request, path) -> answer("/", ""))
            .get("/users/{id}", (request, path) -> answer("/users/{id}", path.get("id")))
            .get("/users/me", (request, path) -> answer("/users/me", ""))
            .post("/users", (request, path) -> answer("/users", ""))
            .get("/files/*", (request, path) -> answer("/files/*", path.wildcard()))
            .delete("/users/{id}", (request, path) -> answer("/users/{id}", path.get("id")))
            .build();

    /** The route in a field; the decoded parameter, which may hold any character, in the content. */
    private static Response answer(String pattern, String parameter) {
        return Response.of(Status.OK_200).withHeader("Route", pattern).withBody(Body.of(parameter));
    }

    @FuzzTest(maxDuration = "30s")
    void everyRequestGetsTheRouteThatFits(FuzzedDataProvider data) throws Exception {
        Method method = METHODS[data.consumeInt(0, METHODS.length - 1)];
        Request request;
        try {
            request = Request.of(method, "/" + data.consumeRemainingAsAsciiString());
        } catch (IllegalArgumentException notATarget) {
            return; // the parser refuses it before any handler sees it
        }
        List<String> segments = request.target().pathSegments();
        Response response;
        try {
            response = ROUTER.handle(request);
        } catch (HttpException e) {
            assertThat(e.status().code()).isIn(404, 405);
            if (e.status().code() == 405) {
                assertThat(e.headers().first("Allow")).isPresent().get().asString()
                        .doesNotContain(method.name() + ",").contains("OPTIONS");
            }
            return;
        }
        if (method.equals(Method.OPTIONS)) {
            assertThat(response.status().code()).isEqualTo(204);
            assertThat(response.headers().first("Allow")).isPresent();
            return;
        }
        String route = response.headers().first("Route").orElseThrow();
        String parameter;
        try (InputStream body = response.body().openStream()) {
            parameter = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
        switch (route) {
            case "/" -> assertThat(request.target().path()).isEqualTo("/");
            case "/users/me" -> assertThat(segments).containsExactly("users", "me");
            case "/users/{id}" -> {
                assertThat(segments).hasSize(2).first().isEqualTo("users");
                assertThat(parameter).isEqualTo(segments.get(1));
                if (!method.equals(Method.DELETE)) {
                    assertThat(parameter).isNotEqualTo("me");
                }
            }
            case "/files/*" -> assertThat(segments).first().isEqualTo("files");
            case "/users" -> assertThat(segments).containsExactly("users");
            default -> throw new AssertionError("unknown route " + route);
        }
    }
}
