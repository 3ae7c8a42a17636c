package dev.jhttp.server.files;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.Status;
import dev.jhttp.core.headers.EntityTag;
import dev.jhttp.core.headers.HttpDate;

import java.time.Instant;
import java.util.Optional;

/** Conditional requests, evaluated in the order of RFC 9110 §13.2.2. */
final class Preconditions {
    private Preconditions() {
    }

    /** 412 or 304 when a precondition decides the answer; empty when the request proceeds. */
    static Optional<Status> evaluate(Request request, EntityTag etag, Instant lastModified) {
        var headers = request.headers();
        boolean getOrHead = request.method().equals(Method.GET) || request.method().equals(Method.HEAD);
        Optional<String> ifMatch = headers.first(HeaderName.IF_MATCH);
        if (ifMatch.isPresent()) {
            // Step 1: strong comparison (§13.1.1).
            if (!EntityTag.matchesAny(ifMatch.get(), etag, true)) {
                return Optional.of(Status.PRECONDITION_FAILED_412);
            }
        } else {
            // Step 2: only without If-Match (§13.1.4).
            Optional<Instant> since = headers.first(HeaderName.IF_UNMODIFIED_SINCE).flatMap(HttpDate::parse);
            if (since.isPresent() && lastModified.isAfter(since.get())) {
                return Optional.of(Status.PRECONDITION_FAILED_412);
            }
        }
        Optional<String> ifNoneMatch = headers.first(HeaderName.IF_NONE_MATCH);
        if (ifNoneMatch.isPresent()) {
            // Step 3: weak comparison (§13.1.2).
            if (EntityTag.matchesAny(ifNoneMatch.get(), etag, false)) {
                return Optional.of(getOrHead ? Status.NOT_MODIFIED_304 : Status.PRECONDITION_FAILED_412);
            }
        } else if (getOrHead) {
            // Step 4: only without If-None-Match (§13.1.3).
            Optional<Instant> since = headers.first(HeaderName.IF_MODIFIED_SINCE).flatMap(HttpDate::parse);
            if (since.isPresent() && !lastModified.isAfter(since.get())) {
                return Optional.of(Status.NOT_MODIFIED_304);
            }
        }
        return Optional.empty();
    }

    /**
     * Step 5: whether a Range header is to be honoured. With If-Range, only if the validator still matches: a strong
     * ETag by strong comparison, or exactly the Last-Modified date (§13.1.5).
     */
    static boolean rangeApplies(Request request, EntityTag etag, Instant lastModified) {
        Optional<String> ifRange = request.headers().first(HeaderName.IF_RANGE);
        if (ifRange.isEmpty()) {
            return true;
        }
        String value = ifRange.get().strip();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return EntityTag.parse(value).map(tag -> tag.strongEquals(etag)).orElse(false);
        }
        return HttpDate.parse(value).map(lastModified::equals).orElse(false);
    }
}
