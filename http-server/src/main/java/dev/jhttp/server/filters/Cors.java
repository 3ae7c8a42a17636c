package dev.jhttp.server.filters;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.Filter;
import dev.jhttp.server.Handler;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-origin resource sharing (the Fetch standard's CORS protocol). Preflight requests are answered here, with
 * {@code 204}; other requests from an allowed origin get the {@code Access-Control-Allow-*} fields on their
 * response. Requests from other origins pass through without them, so the browser withholds the response.
 *
 * {@snippet :
 * Filter cors = Cors.allowingOrigins(Set.of("https://app.example")).withCredentials(true);
 * Filter open = Cors.allowingAnyOrigin();          // Access-Control-Allow-Origin: *
 * }
 *
 * @param origins     the allowed origins, or empty for any
 * @param methods     the methods a preflight may ask for
 * @param credentials whether cookies and authorization may be sent (the origin is then echoed, never {@code *})
 * @param maxAge      how long a browser may cache a preflight answer
 */
public record Cors(Set<String> origins, Set<Method> methods, boolean credentials, Duration maxAge) implements Filter {
    private static final Set<Method> SIMPLE_AND_COMMON = Set.of(Method.GET, Method.HEAD, Method.POST, Method.PUT,
            Method.PATCH, Method.DELETE);

    public Cors {
        origins = Set.copyOf(origins);
        methods = Set.copyOf(methods);
        Objects.requireNonNull(maxAge, "maxAge");
    }

    /** Any origin, the common methods, no credentials, preflights cached for ten minutes. */
    public static Cors allowingAnyOrigin() {
        return new Cors(Set.of(), SIMPLE_AND_COMMON, false, Duration.ofMinutes(10));
    }

    /** Only these origins (such as {@code https://app.example}), the common methods, no credentials. */
    public static Cors allowingOrigins(Set<String> origins) {
        if (origins.isEmpty()) {
            throw new IllegalArgumentException("name at least one origin, or use allowingAnyOrigin()");
        }
        return new Cors(origins, SIMPLE_AND_COMMON, false, Duration.ofMinutes(10));
    }

    public Cors withCredentials(boolean value) {
        return new Cors(origins, methods, value, maxAge);
    }

    public Cors withMethods(Set<Method> value) {
        return new Cors(origins, value, credentials, maxAge);
    }

    /** Its own work never blocks. */
    @Override
    public boolean mayBlock(Request request) {
        return false;
    }

    @Override
    public Response apply(Request request, Handler next) throws Exception {
        Optional<String> origin = request.headers().first(HeaderName.ORIGIN);
        if (origin.isEmpty()) {
            return next.handle(request);
        }
        boolean allowed = origins.isEmpty() || origins.contains(origin.get());
        Optional<String> preflightMethod = request.headers().first(HeaderName.ACCESS_CONTROL_REQUEST_METHOD);
        if (request.method().equals(Method.OPTIONS) && preflightMethod.isPresent()) {
            return preflight(request, origin.get(), allowed, preflightMethod.get());
        }
        Response response = next.handle(request);
        return allowed ? response.withHeaders(allowOrigin(response.headers(), origin.get())) : response;
    }

    private Response preflight(Request request, String origin, boolean allowed, String method) {
        Response response = Response.of(Status.NO_CONTENT_204).withHeaders(Headers.of(
                HeaderName.VARY.name(), "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"));
        if (!allowed || methods.stream().map(Method::name).noneMatch(method::equals)) {
            return response;
        }
        Headers headers = allowOrigin(response.headers(), origin)
                .with(HeaderName.ACCESS_CONTROL_ALLOW_METHODS, String.join(", ",
                        methods.stream().map(Method::name).sorted().toList()))
                .with(HeaderName.ACCESS_CONTROL_MAX_AGE, Long.toString(maxAge.toSeconds()));
        // The headers a preflight asks for are echoed: this filter does not restrict request headers.
        List<String> requested = request.headers().all(HeaderName.ACCESS_CONTROL_REQUEST_HEADERS);
        if (!requested.isEmpty()) {
            headers = headers.with(HeaderName.ACCESS_CONTROL_ALLOW_HEADERS, String.join(", ", requested));
        }
        return response.withHeaders(headers);
    }

    private Headers allowOrigin(Headers headers, String origin) {
        boolean echo = credentials || !origins.isEmpty();
        Headers result = headers.withReplaced(HeaderName.ACCESS_CONTROL_ALLOW_ORIGIN, echo ? origin : "*");
        if (echo && !result.hasToken(HeaderName.VARY, "Origin")) {
            result = result.with(HeaderName.VARY, "Origin");
        }
        return credentials ? result.withReplaced(HeaderName.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true") : result;
    }
}
