package dev.jhttp.server.files;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Request;

import java.util.Locale;
import java.util.Optional;

/**
 * Refuses writes a browser makes on another site's behalf. A page anywhere can post a form, or send a simple
 * request, to a server on the loopback or the LAN; the browser says where the page came from ({@code Origin},
 * {@code Sec-Fetch-Site}), and a write from any other origin is refused (403). Clients that are not browsers send
 * neither field and are not affected. For a server without authentication, {@code loopbackHostOnly} also refuses a
 * {@code Host} other than the loopback's names: a page whose own name is made to resolve to 127.0.0.1 (DNS rebinding)
 * is then same-origin with the server, and only its {@code Host} gives it away.
 */
final class WriteGuard {
    private WriteGuard() {
    }

    static void check(Request request, boolean loopbackHostOnly) {
        Optional<String> site = request.headers().first(HeaderName.SEC_FETCH_SITE);
        if (site.isPresent() && !site.get().equals("same-origin") && !site.get().equals("none")) {
            throw UploadAnswers.forbidden("writes from another site's page are refused (Sec-Fetch-Site: "
                    + site.get() + ")");
        }
        String host = request.headers().first(HeaderName.HOST).orElse("").toLowerCase(Locale.ROOT);
        Optional<String> origin = request.headers().first(HeaderName.ORIGIN);
        if (origin.isPresent()) {
            String value = origin.get().toLowerCase(Locale.ROOT);
            int scheme = value.indexOf("://");
            if (scheme < 0 || !value.substring(scheme + 3).equals(host)) {
                throw UploadAnswers.forbidden("writes from another site's page are refused (Origin: "
                        + (value.length() > 100 ? value.substring(0, 100) + "…" : value) + ")");
            }
        }
        if (loopbackHostOnly && !isLoopbackName(host)) {
            throw UploadAnswers.forbidden("without authentication, this server takes writes only at localhost, "
                    + "127.0.0.1 or [::1], not at the name this request used");
        }
    }

    /** {@code localhost} (and its subdomains, RFC 6761 §6.3), {@code 127.0.0.0/8} or {@code [::1]}, with any port. */
    static boolean isLoopbackName(String host) {
        String name;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            name = close < 0 ? host : host.substring(0, close + 1);
            return name.equals("[::1]") || name.equals("[0:0:0:0:0:0:0:1]");
        }
        int colon = host.indexOf(':');
        name = colon < 0 ? host : host.substring(0, colon);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        String[] octets = name.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
