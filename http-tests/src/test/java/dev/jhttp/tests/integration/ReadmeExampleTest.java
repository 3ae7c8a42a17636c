package dev.jhttp.tests.integration;

import dev.jhttp.core.Body;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.Handler;
import dev.jhttp.server.filters.AccessLog;
import dev.jhttp.server.filters.ErrorPages;
import dev.jhttp.server.files.StaticFiles;
import dev.jhttp.server.routing.Router;
import dev.jhttp.tests.fixtures.RawSocket;
import dev.jhttp.tests.fixtures.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.jhttp.tests.integration.ExchangeTest.bodyOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The http-server example of the README, kept compiling and behaving as described. */
class ReadmeExampleTest {
    @Test
    void routesFilesAndFiltersWorkAsTheReadmeSays(@TempDir Path publicDir) throws Exception {
        Files.writeString(publicDir.resolve("site.css"), "body{}");
        List<String> log = new CopyOnWriteArrayList<>();
        Handler routes = Router.builder()
                .get("/hello/{name}", (request, path) -> Response.of(Status.OK_200).withBody(Body.of("hi " + path.get("name"))))
                .orElse(StaticFiles.serving(publicDir).withListing(true))
                .build();
        Handler app = AccessLog.commonLogFormat(log::add)
                .andThen(ErrorPages.negotiated())
                .wrap(routes);
        try (var server = TestServer.start(app); RawSocket socket = server.connect()) {
            socket.send("GET /hello/ada HTTP/1.1\r\nHost: t\r\n\r\nGET /site.css HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "GET /nope HTTP/1.1\r\nHost: t\r\nAccept: application/json\r\n\r\n");
            assertThat(bodyOf(socket.readResponse())).isEqualTo("hi ada");
            assertThat(bodyOf(socket.readResponse())).isEqualTo("body{}");
            Response missing = socket.readResponse();
            assertThat(missing.status()).isEqualTo(Status.NOT_FOUND_404);
            assertThat(missing.headers().first("Content-Type")).contains("application/problem+json");
        }
        assertThat(log).hasSize(3);
    }
}
