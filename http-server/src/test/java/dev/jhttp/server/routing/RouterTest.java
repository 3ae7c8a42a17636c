package dev.jhttp.server.routing;

import dev.jhttp.core.Body;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.Handler;
import dev.jhttp.server.HttpException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouterTest {
    private static final Handler ROUTES = Router.builder()
            .get("/", text("home"))
            .get("/users/{id}", (request, path) -> ok("user " + path.get("id")))
            .get("/users/me", text("me"))
            .post("/users", text("created"))
            .get("/files/*", (request, path) -> ok("file " + path.wildcard()))
            .delete("/users/{id}", (request, path) -> ok("deleted " + path.get("id")))
            .build();

    @Test
    void dispatchesOnMethodAndPath() throws Exception {
        assertThat(body(call(Method.GET, "/"))).isEqualTo("home");
        assertThat(body(call(Method.POST, "/users"))).isEqualTo("created");
        assertThat(body(call(Method.DELETE, "/users/7"))).isEqualTo("deleted 7");
    }

    @Test
    void capturesDecodedPathParameters() throws Exception {
        assertThat(body(call(Method.GET, "/users/a%20b"))).isEqualTo("user a b");
    }

    @Test
    void literalSegmentsWinOverParametersWhateverTheOrder() throws Exception {
        assertThat(body(call(Method.GET, "/users/me"))).isEqualTo("me");
    }

    @Test
    void wildcardMatchesTheRestIncludingNothing() throws Exception {
        assertThat(body(call(Method.GET, "/files/a/b.txt"))).isEqualTo("file a/b.txt");
        assertThat(body(call(Method.GET, "/files"))).isEqualTo("file ");
    }

    @Test
    void aFallbackAnswersThePathsNoRouteHasWithoutAnException() throws Exception {
        Handler routes = Router.builder().get("/api/{name}", (request, path) -> ok("api " + path.get("name")))
                .orElse(request -> ok("files " + request.target().path()))
                .build();
        assertThat(body(routes.handle(Request.of(Method.GET, "/api/x")))).isEqualTo("api x");
        assertThat(body(routes.handle(Request.of(Method.GET, "/index.html")))).isEqualTo("files /index.html");
        assertThatThrownBy(() -> routes.handle(Request.of(Method.POST, "/api/x")))
                .isInstanceOfSatisfying(HttpException.class,
                        e -> assertThat(e.status()).isEqualTo(Status.METHOD_NOT_ALLOWED_405));
    }

    @Test
    void anyMethodRoutesTakeEveryMethodAndLoseToMoreSpecificPaths() throws Exception {
        Handler routes = Router.builder().any("/*", (request, path) -> ok("any " + request.method()))
                .get("/exact", text("exact"))
                .build();
        for (Method method : new Method[] {Method.GET, Method.POST, Method.OPTIONS, Method.of("PURGE")}) {
            assertThat(body(routes.handle(Request.of(method, "/x/y")))).isEqualTo("any " + method);
        }
        assertThat(body(routes.handle(Request.of(Method.GET, "/exact")))).isEqualTo("exact");
        assertThat(body(routes.handle(Request.of(Method.POST, "/exact")))).isEqualTo("any POST");
    }

    @Test
    void unknownPathIs404() {
        for (String path : new String[] {"/nowhere", "/users/7/extra", "/users/"}) {
            assertThatThrownBy(() -> call(Method.GET, path)).isInstanceOfSatisfying(HttpException.class,
                    e -> assertThat(e.status()).isEqualTo(Status.NOT_FOUND_404));
        }
    }

    @Test
    void wrongMethodIs405WithAllow() {
        assertThatThrownBy(() -> call(Method.PUT, "/users/7")).isInstanceOfSatisfying(HttpException.class, e -> {
            assertThat(e.status()).isEqualTo(Status.METHOD_NOT_ALLOWED_405);
            assertThat(e.headers().first("Allow")).contains("GET, DELETE, HEAD, OPTIONS");
        });
    }

    @Test
    void headIsAnsweredByTheGetRoute() throws Exception {
        assertThat(body(call(Method.HEAD, "/users/3"))).isEqualTo("user 3");
    }

    @Test
    void optionsListsTheAllowedMethods() throws Exception {
        Response response = call(Method.OPTIONS, "/users");
        assertThat(response.status()).isEqualTo(Status.NO_CONTENT_204);
        assertThat(response.headers().first("Allow")).contains("POST, OPTIONS");
    }

    @Test
    void refusesMalformedPatterns() {
        assertThatThrownBy(() -> PathPattern.of("users")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathPattern.of("/*/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathPattern.of("/{a}/{a}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathPattern.of("/a{b}")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Response call(Method method, String target) throws Exception {
        return ROUTES.handle(Request.of(method, target).withHeader("Host", "test"));
    }

    private static Handler text(String text) {
        return request -> ok(text);
    }

    private static Response ok(String text) {
        return Response.of(Status.OK_200).withBody(Body.of(text));
    }

    private static String body(Response response) {
        return ((Body.Bytes) response.body()).asString(StandardCharsets.UTF_8);
    }
}
