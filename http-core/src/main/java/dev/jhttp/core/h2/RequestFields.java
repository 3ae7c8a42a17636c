package dev.jhttp.core.h2;

import dev.jhttp.core.Body;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.RequestTarget;
import dev.jhttp.core.Version;
import dev.jhttp.core.hpack.HeaderField;
import dev.jhttp.core.syntax.UriSyntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the decoded field section of an HTTP/2 request into the same {@link Request} the HTTP/1.1 parser gives
 * (version {@link Version#HTTP_2}, no content yet), enforcing RFC 9113 §8: lowercase valid names, pseudo-headers
 * first, once each, and only those of requests; no connection-specific fields; {@code te} only {@code trailers}.
 * {@code :authority} becomes a Host field when the request has none, and Cookie fields are joined with "; " as
 * §8.2.3 asks before handing them to an application (the joined field comes after the others).
 *
 * {@snippet :
 * if (RequestFields.toRequest(fields) instanceof FieldsResult.Valid<Request>(Request request)) {
 *     Response response = handler.handle(request.withBody(streamBody));
 * }
 * }
 */
public final class RequestFields {
    private RequestFields() {
    }

    /** The request the fields describe, or why they are malformed. */
    public static FieldsResult<Request> toRequest(List<HeaderField> fields) {
        String method = null;
        String scheme = null;
        String authority = null;
        String path = null;
        int seen = 0;
        List<HeaderField> regular = new ArrayList<>(fields.size() + 1);
        for (HeaderField field : fields) {
            String name = field.name();
            if (!name.startsWith(":")) {
                H2Violation broken = FieldRules.check(field);
                if (broken != null) {
                    return malformed(broken, "field of " + name.length() + " octets named");
                }
                regular.add(field);
                continue;
            }
            if (!regular.isEmpty()) {
                return malformed(H2Violation.PSEUDO_HEADER_AFTER_FIELD, name.length() + " octets");
            }
            int bit = switch (name) {
                case ":method" -> 1;
                case ":scheme" -> 2;
                case ":authority" -> 4;
                case ":path" -> 8;
                default -> 0;
            };
            if (bit == 0) {
                return malformed(H2Violation.UNKNOWN_PSEUDO_HEADER, name.length() + " octets");
            }
            if ((seen & bit) != 0) {
                return malformed(H2Violation.DUPLICATE_PSEUDO_HEADER, name);
            }
            seen |= bit;
            switch (bit) {
                case 1 -> method = field.value();
                case 2 -> scheme = field.value();
                case 4 -> authority = field.value();
                default -> path = field.value();
            }
        }
        return build(method, scheme, authority, path, regular);
    }

    /** The trailer fields, or why they are malformed: pseudo-headers are not allowed there (§8.1). */
    public static FieldsResult<Headers> toTrailers(List<HeaderField> fields) {
        Headers.Builder trailers = Headers.builder();
        for (HeaderField field : fields) {
            if (field.name().startsWith(":")) {
                return new FieldsResult.Malformed<>(H2Violation.PSEUDO_HEADER_IN_TRAILERS, field.name().length()
                        + " octets");
            }
            H2Violation broken = FieldRules.check(field);
            if (broken != null) {
                return new FieldsResult.Malformed<>(broken, "trailer of " + field.name().length() + " octets");
            }
            trailers.add(field.name(), field.value());
        }
        return new FieldsResult.Valid<>(trailers.build());
    }

    private static FieldsResult<Request> build(String method, String scheme, String authority, String path,
                                               List<HeaderField> regular) {
        if (method == null) {
            return malformed(H2Violation.MISSING_PSEUDO_HEADER, ":method");
        }
        Method parsedMethod;
        try {
            parsedMethod = Method.of(method);
        } catch (IllegalArgumentException e) {
            return malformed(H2Violation.INVALID_PSEUDO_HEADER, ":method is not a token");
        }
        if (authority != null && (authority.isEmpty()
                || UriSyntax.checkHostAndPort(authority, parsedMethod.equals(Method.CONNECT)) != null)) {
            return malformed(parsedMethod.equals(Method.CONNECT) ? H2Violation.INVALID_CONNECT
                    : H2Violation.INVALID_PSEUDO_HEADER, ":authority is not host[:port]");
        }
        RequestTarget target;
        if (parsedMethod.equals(Method.CONNECT)) {
            // §8.5: CONNECT names only the authority it tunnels to.
            if (scheme != null || path != null || authority == null) {
                return malformed(H2Violation.INVALID_CONNECT, "needs :authority alone");
            }
            target = RequestTarget.authorityForm(authority);
        } else {
            if (scheme == null || path == null) {
                return malformed(H2Violation.MISSING_PSEUDO_HEADER, scheme == null ? ":scheme" : ":path");
            }
            if (!UriSyntax.isScheme(scheme, scheme.length())) {
                return malformed(H2Violation.INVALID_PSEUDO_HEADER, ":scheme is not a scheme");
            }
            target = target(parsedMethod, path);
            if (target == null) {
                return malformed(H2Violation.INVALID_PSEUDO_HEADER, ":path is not origin-form or * for OPTIONS");
            }
        }
        return switch (headers(authority, regular)) {
            case FieldsResult.Valid<Headers>(Headers headers) ->
                    new FieldsResult.Valid<>(new Request(parsedMethod, target, Version.HTTP_2, headers, Body.empty()));
            case FieldsResult.Malformed<Headers>(H2Violation violation, String detail) -> malformed(violation, detail);
        };
    }

    /** §8.3.1: :path is origin-form, or "*" for OPTIONS; never empty. */
    private static RequestTarget target(Method method, String path) {
        boolean asterisk = path.equals("*") && method.equals(Method.OPTIONS);
        if (!asterisk && !path.startsWith("/")) {
            return null;
        }
        try {
            return RequestTarget.of(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static FieldsResult<Headers> headers(String authority, List<HeaderField> regular) {
        Headers.Builder headers = Headers.builder();
        boolean hasHost = false;
        StringBuilder cookies = null;
        String contentLength = null;
        for (HeaderField field : regular) {
            if (field.name().equals("content-length")) {
                // RFC 9110 §8.6: one decimal number, however many times it is repeated.
                if (!isDecimal(field.value()) || (contentLength != null && !contentLength.equals(field.value()))) {
                    return new FieldsResult.Malformed<>(H2Violation.CONTENT_LENGTH_MISMATCH, "not one number");
                }
                contentLength = field.value();
            }
            if (field.name().equals("host")) {
                hasHost = true;
                // §8.3.1: a Host that names another entity than :authority makes the request malformed.
                if (authority != null && !field.value().equalsIgnoreCase(authority)) {
                    return new FieldsResult.Malformed<>(H2Violation.HOST_DIFFERS_FROM_AUTHORITY, "different hosts");
                }
            }
        }
        if (!hasHost && authority != null) {
            headers.add("host", authority);
        }
        for (HeaderField field : regular) {
            if (field.name().equals("cookie")) {
                if (cookies == null) {
                    cookies = new StringBuilder(field.value());
                } else {
                    cookies.append("; ").append(field.value());
                }
            } else {
                headers.add(field.name(), field.value());
            }
        }
        if (cookies != null) {
            headers.add("cookie", cookies.toString());
        }
        return new FieldsResult.Valid<>(headers.build());
    }

    private static boolean isDecimal(String value) {
        if (value.isEmpty() || value.length() > 18) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static FieldsResult<Request> malformed(H2Violation violation, String detail) {
        return new FieldsResult.Malformed<>(violation, detail);
    }
}
