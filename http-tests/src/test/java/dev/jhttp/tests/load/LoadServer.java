package dev.jhttp.tests.load;

import dev.jhttp.core.Body;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.Handler;
import dev.jhttp.server.HttpServer;
import dev.jhttp.server.ServerConfig;
import dev.jhttp.server.routing.Router;
import dev.jhttp.server.tls.ServerCertificate;
import dev.jhttp.server.tls.TlsConfig;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The server side of the load scripts (idle-connections.sh, soak.sh, slow-clients-bench.sh): room for many
 * connections, {@code /hello} (answered on the event loops), {@code /echo} (the request content back, on a virtual
 * thread) and a {@code /stats} route that reports heap after a full GC. The head timeout is a minute, or
 * {@code -Djhttp.bench.headTimeoutSeconds}; with {@code -Djhttp.bench.tlsCert=FILE -Djhttp.bench.tlsKey=FILE} it
 * serves https. Prints its port, then serves for at most the number of seconds given as its argument (the script
 * stops it sooner).
 */
public final class LoadServer {
    private LoadServer() {
    }

    public static void main(String[] args) throws Exception {
        Router routes = Router.builder()
                .get("/hello", Handler.nonBlocking(request -> Response.of(Status.OK_200).withBody(Body.of("hello"))))
                .post("/echo", request -> {
                    try (InputStream in = request.body().openStream()) {
                        return Response.of(Status.OK_200).withBody(Body.of(in.readAllBytes()));
                    }
                })
                .get("/stats", request -> {
                    System.gc();
                    Runtime runtime = Runtime.getRuntime();
                    long used = runtime.totalMemory() - runtime.freeMemory();
                    return Response.of(Status.OK_200).withBody(Body.of("heapUsedBytes=" + used + "\n"));
                })
                .build();
        ServerConfig config = ServerConfig.defaults().withPort(0).withMaxConnections(19_000)
                .withIdleTimeout(Duration.ofMinutes(10))
                .withHeadTimeout(Duration.ofSeconds(Long.getLong("jhttp.bench.headTimeoutSeconds", 60)));
        String certificate = System.getProperty("jhttp.bench.tlsCert");
        if (certificate != null) {
            config = config.withTls(TlsConfig.of(ServerCertificate.fromPem(Path.of(certificate),
                    Path.of(System.getProperty("jhttp.bench.tlsKey")))));
        }
        try (HttpServer server = HttpServer.create(config, routes).start()) {
            System.out.println(server.port());
            System.out.flush();
            Thread.sleep(Duration.ofSeconds(Long.parseLong(args[0])));
        }
    }
}
