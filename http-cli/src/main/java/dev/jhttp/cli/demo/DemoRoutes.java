package dev.jhttp.cli.demo;

import dev.jhttp.core.Body;
import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.HttpException;
import dev.jhttp.server.RequestContext;
import dev.jhttp.server.routing.PathParameters;
import dev.jhttp.server.routing.RouteHandler;
import dev.jhttp.server.tls.TlsDetails;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The built-in demo routes, in the spirit of httpbin: each has a name (its path), a pattern, a description and a
 * handler. All sizes and delays are bounded, so a demo route can never be used to exhaust the server.
 */
public final class DemoRoutes {
    /** One demo route. */
    public record Route(String name, String pattern, String description, RouteHandler handler) {
    }

    private static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final int MAX_DELAY_SECONDS = 10;
    private static final int MAX_REDIRECTS = 20;

    private static final List<Route> CATALOGUE = List.of(
            new Route("/echo", "/echo", "the request back as JSON: method, target, headers in order, body",
                    (request, path) -> json(Status.OK_200, describe(request))),
            new Route("/anything", "/anything/*", "like /echo, under any path below /anything",
                    (request, path) -> json(Status.OK_200, describe(request))),
            new Route("/headers", "/headers", "the request headers, in the order and case received",
                    (request, path) -> json(Status.OK_200, Json.object(Map.of("headers", Json.fieldPairs(request.headers()))))),
            new Route("/ip", "/ip", "the client's address",
                    (request, path) -> json(Status.OK_200, Json.object(Map.of("origin", clientAddress())))),
            new Route("/user-agent", "/user-agent", "the User-Agent header",
                    (request, path) -> json(Status.OK_200, Json.object(Map.of("user-agent",
                            request.headers().first(HeaderName.USER_AGENT).orElse(""))))),
            new Route("/status", "/status/{code}", "answers with the status code given (100-599)",
                    (request, path) -> Response.of(Status.of(number(path, "code", 100, 599)))),
            new Route("/uuid", "/uuid", "a random UUID",
                    (request, path) -> json(Status.OK_200, Json.object(Map.of("uuid", UUID.randomUUID().toString())))),
            new Route("/time", "/time", "the server's time, ISO-8601 and epoch milliseconds",
                    (request, path) -> {
                        Instant now = Instant.now();
                        return json(Status.OK_200, Json.object(Map.of("iso", now.toString(),
                                "epochMillis", now.toEpochMilli())));
                    }),
            new Route("/delay", "/delay/{seconds}", "answers after the given delay (at most 10 s)",
                    (request, path) -> {
                        Thread.sleep(Duration.ofSeconds(number(path, "seconds", 0, MAX_DELAY_SECONDS)));
                        return json(Status.OK_200, describe(request));
                    }),
            new Route("/bytes", "/bytes/{n}", "n random bytes (at most 10 MiB)",
                    (request, path) -> {
                        byte[] bytes = new byte[number(path, "n", 0, MAX_BYTES)];
                        ThreadLocalRandom.current().nextBytes(bytes);
                        return Response.of(Status.OK_200, Headers.of("Content-Type", "application/octet-stream"),
                                Body.of(bytes));
                    }),
            new Route("/stream", "/stream/{n}", "n JSON lines, streamed with chunked coding (at most 1000)",
                    (request, path) -> {
                        int lines = number(path, "n", 0, 1000);
                        return Response.of(Status.OK_200, Headers.of("Content-Type", "application/x-ndjson"),
                                Body.ofStream(out -> {
                                    for (int i = 0; i < lines; i++) {
                                        out.write((Json.object(Map.of("id", i)) + "\n")
                                                .getBytes(StandardCharsets.UTF_8));
                                        out.flush();
                                    }
                                }, -1));
                    }),
            new Route("/drip", "/drip", "?numbytes=N&duration=S: N bytes spread over S seconds (at most 10 KiB, 10 s)",
                    (request, path) -> StreamingRoutes.drip(request)),
            new Route("/sse", "/sse", "?count=N&interval=S: server-sent events (at most 100, 5 s apart)",
                    (request, path) -> StreamingRoutes.serverSentEvents(request)),
            new Route("/cookies", "/cookies/*", "the cookies sent; /cookies/set?name=value and /cookies/delete?name",
                    CookieRoutes::handle),
            new Route("/basic-auth", "/basic-auth/{user}/{password}", "200 with matching Basic credentials, else 401",
                    DemoRoutes::basicAuth),
            new Route("/redirect", "/redirect/{n}", "redirects n times, then answers 200 (at most 20)",
                    (request, path) -> {
                        int remaining = number(path, "n", 0, MAX_REDIRECTS);
                        return remaining == 0 ? json(Status.OK_200, describe(request))
                                : Response.of(Status.FOUND_302).withHeader("Location", "/redirect/" + (remaining - 1));
                    }));

    private DemoRoutes() {
    }

    public static List<Route> catalogue() {
        return CATALOGUE;
    }

    /** The demo route named {@code name}, such as {@code /echo}. */
    public static Optional<Route> named(String name) {
        return CATALOGUE.stream().filter(route -> route.name().equals(name)).findFirst();
    }

    private static Response basicAuth(Request request, PathParameters path) {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (path.get("user") + ":" + path.get("password")).getBytes(StandardCharsets.UTF_8));
        if (request.headers().first(HeaderName.AUTHORIZATION).filter(expected::equals).isPresent()) {
            return json(Status.OK_200, Json.object(Map.of("authenticated", true, "user", path.get("user"))));
        }
        return Response.of(Status.UNAUTHORIZED_401, Headers.of("WWW-Authenticate", "Basic realm=\"jhttp\"",
                "Content-Type", "application/json"), Body.of("{\"authenticated\":false}\n"));
    }

    private static int number(PathParameters path, String name, int min, int max) {
        return bounded(path.get(name), name, min, max);
    }

    /**
     * {@code text} as a number from min to max.
     *
     * @throws HttpException 400 otherwise
     */
    static int bounded(String text, String name, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new HttpException(Status.BAD_REQUEST_400, name + " must be a number from " + min + " to " + max);
    }

    private static String describe(Request request) throws IOException {
        byte[] bytes;
        // Echoed content is held in memory, so it is bounded here whatever the server lets requests carry.
        try (InputStream in = request.body().openStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw HttpException.explained(Status.CONTENT_TOO_LARGE_413, "/echo echoes at most " + MAX_BYTES
                    + " bytes of content", Headers.empty());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("method", request.method().name());
        fields.put("target", request.target().raw());
        fields.put("path", request.target().path());
        fields.put("query", request.target().queryParameters());
        fields.put("version", request.version().text());
        Optional<TlsDetails> tls = RequestContext.current().flatMap(RequestContext::tls);
        fields.put("scheme", tls.isPresent() ? "https" : "http");
        fields.put("tls", tls.map(DemoRoutes::describe).orElse(null));
        fields.put("headers", Json.fieldPairs(request.headers()));
        fields.put("origin", clientAddress());
        String text = new String(bytes, StandardCharsets.UTF_8);
        boolean utf8 = java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes);
        fields.put("body", utf8 ? text : null);
        fields.put("bodyBase64", utf8 ? null : Base64.getEncoder().encodeToString(bytes));
        fields.put("bodyLength", bytes.length);
        return Json.object(fields);
    }

    private static Map<String, Object> describe(TlsDetails tls) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("protocol", tls.protocol());
        fields.put("cipherSuite", tls.cipherSuite());
        fields.put("alpn", tls.applicationProtocol().isEmpty() ? null : tls.applicationProtocol());
        fields.put("serverName", tls.serverName().orElse(null));
        return fields;
    }

    private static String clientAddress() {
        return RequestContext.current().map(c -> c.remoteAddress().getAddress().getHostAddress()).orElse("unknown");
    }

    static Response json(Status status, String json) {
        return Response.of(status, Headers.of("Content-Type", "application/json"), Body.of(json + "\n"));
    }
}
