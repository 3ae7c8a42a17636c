package dev.jhttp.server;

import dev.jhttp.core.Body;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.files.StaticFiles;
import dev.jhttp.server.filters.AccessLog;
import dev.jhttp.server.filters.Cors;
import dev.jhttp.server.filters.ErrorPages;
import dev.jhttp.server.routing.RouteHandler;
import dev.jhttp.server.routing.Router;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which handler chains declare that they may block ({@link Handler#mayBlock}): the engine answers the others on its
 * I/O threads, so a chain that could block must never say it does not.
 */
class MayBlockTest {
    private static final Request GET = Request.of(Method.GET, "/");
    private static final Handler BLOCKING = request -> Response.of(Status.OK_200);
    private static final Handler PROMPT = Handler.nonBlocking(request -> Response.of(Status.OK_200)
            .withBody(Body.of("prompt")));

    @Test
    void aHandlerMayBlockUnlessDeclaredNotTo() throws Exception {
        assertThat(BLOCKING.mayBlock(GET)).isTrue();
        assertThat(PROMPT.mayBlock(GET)).isFalse();
        assertThat(PROMPT.handle(GET).body()).isEqualTo(Body.of("prompt"));
    }

    @Test
    void aChainMayBlockWhenAnyFilterInItOrItsHandlerMay() {
        Filter lambda = (request, next) -> next.handle(request);
        Filter library = ErrorPages.negotiated().andThen(Cors.allowingAnyOrigin())
                .andThen(AccessLog.commonLogFormat(line -> { }));
        assertThat(library.wrap(PROMPT).mayBlock(GET)).isFalse();
        assertThat(library.wrap(BLOCKING).mayBlock(GET)).isTrue();
        assertThat(lambda.wrap(PROMPT).mayBlock(GET)).isTrue();
        assertThat(library.andThen(lambda).wrap(PROMPT).mayBlock(GET)).isTrue();
        assertThat(lambda.andThen(library).wrap(PROMPT).mayBlock(GET)).isTrue();
    }

    @Test
    void aRouterMayBlockAsTheRouteARequestGoesTo() {
        Router router = Router.builder()
                .get("/prompt", PROMPT)
                .get("/blocking", BLOCKING)
                .get("/lambda/{id}", (request, path) -> Response.of(Status.OK_200))
                .get("/declared/{id}", RouteHandler.of(PROMPT))
                .build();
        assertThat(router.mayBlock(Request.of(Method.GET, "/prompt"))).isFalse();
        assertThat(router.mayBlock(Request.of(Method.HEAD, "/prompt"))).as("HEAD goes to the GET route").isFalse();
        assertThat(router.mayBlock(Request.of(Method.GET, "/blocking"))).isTrue();
        assertThat(router.mayBlock(Request.of(Method.HEAD, "/blocking"))).isTrue();
        assertThat(router.mayBlock(Request.of(Method.GET, "/lambda/1"))).isTrue();
        assertThat(router.mayBlock(Request.of(Method.GET, "/declared/1"))).isFalse();
        assertThat(router.mayBlock(Request.of(Method.POST, "/blocking"))).as("its own 405").isFalse();
        assertThat(router.mayBlock(Request.of(Method.GET, "/nowhere"))).as("its own 404").isFalse();
    }

    @Test
    void theFallbackDecidesForThePathsNoRouteHas() {
        Router files = Router.builder().get("/api", BLOCKING).orElse(StaticFiles.serving(Path.of("."))).build();
        Router blocking = Router.builder().get("/api", PROMPT).orElse(BLOCKING).build();
        assertThat(files.mayBlock(Request.of(Method.GET, "/index.html"))).isFalse();
        assertThat(files.mayBlock(Request.of(Method.GET, "/api"))).isTrue();
        assertThat(blocking.mayBlock(Request.of(Method.GET, "/other"))).isTrue();
        assertThat(blocking.mayBlock(Request.of(Method.GET, "/api"))).isFalse();
    }
}
