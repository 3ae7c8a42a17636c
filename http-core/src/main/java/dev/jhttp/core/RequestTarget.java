package dev.jhttp.core;

import dev.jhttp.core.headers.PercentEncoding;
import dev.jhttp.core.syntax.Prechecked;
import dev.jhttp.core.syntax.UriSyntax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request-target (RFC 9112 §3.2) in one of its four forms, keeping the raw text and offering the decoded path and
 * query. Decoding is done once, on demand; the raw form is what equality compares.
 *
 * {@snippet :
 * RequestTarget t = RequestTarget.of("/files/a%20b.txt?sort=name&dir=up");
 * String path = t.path();                              // "/files/a b.txt"
 * Optional<String> sort = t.queryParameter("sort");    // Optional[name]
 * }
 */
public final class RequestTarget {
    /** The four forms of RFC 9112 §3.2. */
    public enum Form {
        /** {@code /path?query} (§3.2.1), the usual form. */
        ORIGIN,
        /** {@code http://host/path?query} (§3.2.2), sent to proxies. */
        ABSOLUTE,
        /** {@code host:port} (§3.2.3), only with CONNECT. */
        AUTHORITY,
        /** {@code *} (§3.2.4), only with server-wide OPTIONS. */
        ASTERISK
    }

    private static final RequestTarget ASTERISK = new RequestTarget("*", Form.ASTERISK, null, null, "*", null);

    static {
        Prechecked.install((Prechecked.TargetFactory) RequestTarget::ofCheckedChars);
    }

    private final String raw;
    private final Form form;
    private final String scheme;
    private final String authority;
    private final String rawPath;
    private final String rawQuery;

    private RequestTarget(String raw, Form form, String scheme, String authority, String rawPath, String rawQuery) {
        this.raw = raw;
        this.form = form;
        this.scheme = scheme;
        this.authority = authority;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
    }

    /**
     * Parses an origin-form, absolute-form or asterisk-form target. Absolute-form must name an authority
     * ({@code scheme://host...}) and must not hold userinfo.
     *
     * @throws IllegalArgumentException if {@code raw} is none of those forms
     */
    public static RequestTarget of(String raw) {
        String reason = UriSyntax.checkTargetChars(Objects.requireNonNull(raw, "raw"));
        if (reason != null) {
            throw new IllegalArgumentException(reason);
        }
        return ofCheckedChars(raw);
    }

    /** {@link #of}, for a target whose characters are already known to be valid (see {@link Prechecked}). */
    private static RequestTarget ofCheckedChars(String raw) {
        String reason = checkForm(raw);
        if (reason != null) {
            throw new IllegalArgumentException(reason);
        }
        return parseValid(raw);
    }

    /**
     * Parses the authority-form {@code host:port} that CONNECT uses (RFC 9112 §3.2.3).
     *
     * @throws IllegalArgumentException if {@code raw} is not {@code uri-host ":" port}
     */
    public static RequestTarget authorityForm(String raw) {
        String reason = checkAuthorityForm(raw);
        if (reason != null) {
            throw new IllegalArgumentException(reason);
        }
        return new RequestTarget(raw, Form.AUTHORITY, null, raw, "", null);
    }

    /** Why {@code raw}, of valid characters, is not an origin-, absolute- or asterisk-form target, or null if it is. */
    private static String checkForm(String raw) {
        if (raw.charAt(0) == '/' || raw.equals("*")) {
            return null;
        }
        int colon = raw.indexOf(':');
        if (colon < 0 || !UriSyntax.isScheme(raw, colon) || !raw.startsWith("//", colon + 1)) {
            return "request-target is neither origin-form, absolute-form nor asterisk-form";
        }
        String authority = raw.substring(colon + 3, authorityEnd(raw, colon + 3));
        String authorityReason = UriSyntax.checkHostAndPort(authority, false);
        return authorityReason == null ? null : "absolute-form authority: " + authorityReason;
    }

    /** Why {@code raw} is not a valid authority-form target, or {@code null} if it is. */
    private static String checkAuthorityForm(String raw) {
        Objects.requireNonNull(raw, "raw");
        String reason = UriSyntax.checkTargetChars(raw);
        return reason != null ? reason : UriSyntax.checkHostAndPort(raw, true);
    }

    private static RequestTarget parseValid(String raw) {
        if (raw.equals("*")) {
            return ASTERISK;
        }
        if (raw.charAt(0) == '/') {
            int question = raw.indexOf('?');
            return question < 0
                    ? new RequestTarget(raw, Form.ORIGIN, null, null, raw, null)
                    : new RequestTarget(raw, Form.ORIGIN, null, null, raw.substring(0, question),
                            raw.substring(question + 1));
        }
        int colon = raw.indexOf(':');
        int authorityStart = colon + 3;
        int authorityEnd = authorityEnd(raw, authorityStart);
        int question = raw.indexOf('?', authorityEnd);
        String path = raw.substring(authorityEnd, question < 0 ? raw.length() : question);
        return new RequestTarget(raw, Form.ABSOLUTE, raw.substring(0, colon),
                raw.substring(authorityStart, authorityEnd), path.isEmpty() ? "/" : path,
                question < 0 ? null : raw.substring(question + 1));
    }

    private static int authorityEnd(String raw, int start) {
        int end = start;
        while (end < raw.length() && raw.charAt(end) != '/' && raw.charAt(end) != '?') {
            end++;
        }
        return end;
    }

    /** The target exactly as received. */
    public String raw() {
        return raw;
    }

    public Form form() {
        return form;
    }

    /** The scheme of an absolute-form target. */
    public Optional<String> scheme() {
        return Optional.ofNullable(scheme);
    }

    /** The {@code host[:port]} of an absolute-form or authority-form target. */
    public Optional<String> authority() {
        return Optional.ofNullable(authority);
    }

    /**
     * The path, still percent-encoded: {@code /} for an absolute-form target without one, {@code *} for the
     * asterisk-form, empty for the authority-form.
     */
    public String rawPath() {
        return rawPath;
    }

    /** The percent-decoded path. Use {@link #pathSegments()} where an encoded {@code /} must not split a segment. */
    public String path() {
        return PercentEncoding.decode(rawPath);
    }

    /** The path's segments, each percent-decoded on its own, without the leading empty one. */
    public List<String> pathSegments() {
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return List.of();
        }
        List<String> segments = new ArrayList<>();
        int start = 1;
        for (int slash = rawPath.indexOf('/', start); slash >= 0; slash = rawPath.indexOf('/', start)) {
            segments.add(PercentEncoding.decode(rawPath.substring(start, slash)));
            start = slash + 1;
        }
        segments.add(PercentEncoding.decode(rawPath.substring(start)));
        return Collections.unmodifiableList(segments);
    }

    /** The query after {@code ?}, still encoded; empty when there is no {@code ?}. */
    public Optional<String> rawQuery() {
        return Optional.ofNullable(rawQuery);
    }

    /**
     * The query as {@code application/x-www-form-urlencoded} parameters, decoded, in order of first appearance. A
     * name without {@code =} has the empty value.
     */
    public Map<String, List<String>> queryParameters() {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = PercentEncoding.decodeQuery(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : PercentEncoding.decodeQuery(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        parameters.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(parameters);
    }

    /** The first value of query parameter {@code name}. */
    public Optional<String> queryParameter(String name) {
        List<String> values = queryParameters().get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestTarget other && raw.equals(other.raw) && form == other.form;
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }

    @Override
    public String toString() {
        return raw;
    }
}
