package dev.jhttp.server.tls;

import dev.jhttp.core.Body;
import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Request;
import dev.jhttp.core.RequestTarget;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.Handler;

/**
 * The handler of a cleartext listener beside an https one: every request, whatever its method, is answered
 * {@code 308 Permanent Redirect} to the same host, path and query on https (RFC 9110 §15.4.9: 308 keeps the method
 * and content, so a POST is sent again as a POST). The host is the request's own (the absolute-form target's
 * authority, else its {@code Host}, which the parser has checked), with the https port.
 *
 * {@snippet :
 * HttpServer.create(ServerConfig.defaults().withPort(80), HttpsRedirect.toPort(443)).start();
 * }
 */
public final class HttpsRedirect implements Handler {
    private final int httpsPort;

    private HttpsRedirect(int httpsPort) {
        this.httpsPort = httpsPort;
    }

    /** Redirects to {@code httpsPort} (443 is left out of the URL, as the scheme's default). */
    public static HttpsRedirect toPort(int httpsPort) {
        if (httpsPort < 1 || httpsPort > 65535) {
            throw new IllegalArgumentException("not a port: " + httpsPort);
        }
        return new HttpsRedirect(httpsPort);
    }

    @Override
    public Response handle(Request request) {
        RequestTarget target = request.target();
        String authority = target.authority().or(() -> request.headers().first(HeaderName.HOST)).orElse("localhost");
        String location = "https://" + hostOf(authority) + (httpsPort == 443 ? "" : ":" + httpsPort)
                + (target.form() == RequestTarget.Form.ASTERISK ? "/" : target.rawPath())
                + target.rawQuery().map(query -> "?" + query).orElse("");
        return Response.of(Status.PERMANENT_REDIRECT_308)
                .withHeader(HeaderName.LOCATION.name(), location)
                .withHeader(HeaderName.CONTENT_TYPE.name(), "text/plain; charset=utf-8")
                .withBody(Body.of("This site is served over https: " + location + "\n"));
    }

    @Override
    public boolean mayBlock(Request request) {
        return false;
    }

    /** The host of {@code host[:port]}, an IPv6 literal keeping its brackets. */
    private static String hostOf(String authority) {
        int end = authority.startsWith("[") ? authority.indexOf(']') + 1 : authority.indexOf(':');
        return end <= 0 ? authority : authority.substring(0, end);
    }
}
