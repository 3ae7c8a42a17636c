package dev.jhttp.server.filters;

import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.server.Filter;
import dev.jhttp.server.Handler;
import dev.jhttp.server.RequestContext;

import java.time.Duration;
import java.util.Objects;

/**
 * HTTP Strict Transport Security (RFC 6797): tells browsers to reach this host over https only, for {@code maxAge}.
 * The field goes on responses sent over TLS alone; over cleartext it would be ignored and must not be sent
 * (RFC 6797 §7.2). A response that sets the field itself keeps its own.
 *
 * {@snippet :
 * Filter hsts = StrictTransportSecurity.of(Duration.ofDays(365)).withSubdomains(true);
 * }
 *
 * @param maxAge     how long browsers remember it ({@code max-age}, RFC 6797 §6.1.1)
 * @param subdomains whether it covers every subdomain too ({@code includeSubDomains}, §6.1.2)
 */
public record StrictTransportSecurity(Duration maxAge, boolean subdomains) implements Filter {
    private static final String FIELD = "Strict-Transport-Security";

    public StrictTransportSecurity {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("max-age cannot be negative: " + maxAge);
        }
    }

    /** For {@code maxAge}, this host only. */
    public static StrictTransportSecurity of(Duration maxAge) {
        return new StrictTransportSecurity(maxAge, false);
    }

    public StrictTransportSecurity withSubdomains(boolean value) {
        return new StrictTransportSecurity(maxAge, value);
    }

    /** The field's value, such as {@code max-age=31536000; includeSubDomains}. */
    public String value() {
        return "max-age=" + maxAge.toSeconds() + (subdomains ? "; includeSubDomains" : "");
    }

    @Override
    public Response apply(Request request, Handler next) throws Exception {
        Response response = next.handle(request);
        boolean secure = RequestContext.current().flatMap(RequestContext::tls).isPresent();
        return secure && response.headers().first(FIELD).isEmpty() ? response.withHeader(FIELD, value()) : response;
    }

    @Override
    public boolean mayBlock(Request request) {
        return false;
    }
}
