package dev.jhttp.cli.demo;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Request;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.server.HttpException;
import dev.jhttp.server.routing.PathParameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /cookies}: shows the cookies sent; {@code /cookies/set?a=1} and {@code /cookies/delete?a} change them. */
final class CookieRoutes {
    private CookieRoutes() {
    }

    static Response handle(Request request, PathParameters path) {
        return switch (path.wildcard()) {
            case "" -> DemoRoutes.json(Status.OK_200, Json.object(Map.of("cookies", cookies(request))));
            case "set" -> redirectSetting(request, false);
            case "delete" -> redirectSetting(request, true);
            default -> throw new HttpException(Status.NOT_FOUND_404, "no cookie route " + path.wildcard());
        };
    }

    /** RFC 6265 §5.4: the Cookie header as name/value pairs, in order. */
    private static Map<String, String> cookies(Request request) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : request.headers().all(HeaderName.COOKIE)) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
                }
            }
        }
        return cookies;
    }

    private static Response redirectSetting(Request request, boolean delete) {
        Headers headers = Headers.of("Location", "/cookies");
        for (Map.Entry<String, List<String>> parameter : request.target().queryParameters().entrySet()) {
            String name = parameter.getKey();
            String value = parameter.getValue().getFirst();
            // RFC 6265 §4.1.1: a token for the name, a value without separators or controls.
            if (!isToken(name) || !value.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != '"' && c != ','
                    && c != ';' && c != '\\')) {
                throw new HttpException(Status.BAD_REQUEST_400, "cookie " + name + " is not a valid cookie");
            }
            String cookie = delete ? name + "=; Path=/; Max-Age=0" : name + "=" + value + "; Path=/";
            headers = headers.with("Set-Cookie", cookie);
        }
        return Response.of(Status.FOUND_302).withHeaders(headers);
    }

    // token = 1*tchar (RFC 9110 §5.6.2)
    private static boolean isToken(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> c < 0x7F
                && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0));
    }
}
