package dev.jhttp.core;

import java.util.Objects;

/**
 * A response status: a three-digit code and its reason phrase (RFC 9110 §15, RFC 9112 §4). The registered codes are
 * constants named with their code; any code from 100 to 599 is accepted. Two statuses are equal when both the code
 * and the reason phrase are, so compare {@link #code()} to ask "is this a 404".
 *
 * {@snippet :
 * Status ok = Status.OK_200;
 * Status teapot = Status.of(418);               // the registered constant, with its reason phrase
 * Status custom = Status.of(299, "Fine-ish");   // any code in range, any reason phrase
 * }
 */
public record Status(int code, String reason) {
    public static final Status CONTINUE_100 = new Status(100, "Continue");
    public static final Status SWITCHING_PROTOCOLS_101 = new Status(101, "Switching Protocols");
    public static final Status EARLY_HINTS_103 = new Status(103, "Early Hints");
    public static final Status OK_200 = new Status(200, "OK");
    public static final Status CREATED_201 = new Status(201, "Created");
    public static final Status ACCEPTED_202 = new Status(202, "Accepted");
    public static final Status NON_AUTHORITATIVE_INFORMATION_203 = new Status(203, "Non-Authoritative Information");
    public static final Status NO_CONTENT_204 = new Status(204, "No Content");
    public static final Status RESET_CONTENT_205 = new Status(205, "Reset Content");
    public static final Status PARTIAL_CONTENT_206 = new Status(206, "Partial Content");
    public static final Status MULTI_STATUS_207 = new Status(207, "Multi-Status");
    public static final Status ALREADY_REPORTED_208 = new Status(208, "Already Reported");
    public static final Status IM_USED_226 = new Status(226, "IM Used");
    public static final Status MULTIPLE_CHOICES_300 = new Status(300, "Multiple Choices");
    public static final Status MOVED_PERMANENTLY_301 = new Status(301, "Moved Permanently");
    public static final Status FOUND_302 = new Status(302, "Found");
    public static final Status SEE_OTHER_303 = new Status(303, "See Other");
    public static final Status NOT_MODIFIED_304 = new Status(304, "Not Modified");
    public static final Status TEMPORARY_REDIRECT_307 = new Status(307, "Temporary Redirect");
    public static final Status PERMANENT_REDIRECT_308 = new Status(308, "Permanent Redirect");
    public static final Status BAD_REQUEST_400 = new Status(400, "Bad Request");
    public static final Status UNAUTHORIZED_401 = new Status(401, "Unauthorized");
    public static final Status PAYMENT_REQUIRED_402 = new Status(402, "Payment Required");
    public static final Status FORBIDDEN_403 = new Status(403, "Forbidden");
    public static final Status NOT_FOUND_404 = new Status(404, "Not Found");
    public static final Status METHOD_NOT_ALLOWED_405 = new Status(405, "Method Not Allowed");
    public static final Status NOT_ACCEPTABLE_406 = new Status(406, "Not Acceptable");
    public static final Status PROXY_AUTHENTICATION_REQUIRED_407 = new Status(407, "Proxy Authentication Required");
    public static final Status REQUEST_TIMEOUT_408 = new Status(408, "Request Timeout");
    public static final Status CONFLICT_409 = new Status(409, "Conflict");
    public static final Status GONE_410 = new Status(410, "Gone");
    public static final Status LENGTH_REQUIRED_411 = new Status(411, "Length Required");
    public static final Status PRECONDITION_FAILED_412 = new Status(412, "Precondition Failed");
    public static final Status CONTENT_TOO_LARGE_413 = new Status(413, "Content Too Large");
    public static final Status URI_TOO_LONG_414 = new Status(414, "URI Too Long");
    public static final Status UNSUPPORTED_MEDIA_TYPE_415 = new Status(415, "Unsupported Media Type");
    public static final Status RANGE_NOT_SATISFIABLE_416 = new Status(416, "Range Not Satisfiable");
    public static final Status EXPECTATION_FAILED_417 = new Status(417, "Expectation Failed");
    public static final Status IM_A_TEAPOT_418 = new Status(418, "I'm a teapot");
    public static final Status MISDIRECTED_REQUEST_421 = new Status(421, "Misdirected Request");
    public static final Status UNPROCESSABLE_CONTENT_422 = new Status(422, "Unprocessable Content");
    public static final Status LOCKED_423 = new Status(423, "Locked");
    public static final Status FAILED_DEPENDENCY_424 = new Status(424, "Failed Dependency");
    public static final Status TOO_EARLY_425 = new Status(425, "Too Early");
    public static final Status UPGRADE_REQUIRED_426 = new Status(426, "Upgrade Required");
    public static final Status PRECONDITION_REQUIRED_428 = new Status(428, "Precondition Required");
    public static final Status TOO_MANY_REQUESTS_429 = new Status(429, "Too Many Requests");
    public static final Status REQUEST_HEADER_FIELDS_TOO_LARGE_431 = new Status(431, "Request Header Fields Too Large");
    public static final Status UNAVAILABLE_FOR_LEGAL_REASONS_451 = new Status(451, "Unavailable For Legal Reasons");
    public static final Status INTERNAL_SERVER_ERROR_500 = new Status(500, "Internal Server Error");
    public static final Status NOT_IMPLEMENTED_501 = new Status(501, "Not Implemented");
    public static final Status BAD_GATEWAY_502 = new Status(502, "Bad Gateway");
    public static final Status SERVICE_UNAVAILABLE_503 = new Status(503, "Service Unavailable");
    public static final Status GATEWAY_TIMEOUT_504 = new Status(504, "Gateway Timeout");
    public static final Status HTTP_VERSION_NOT_SUPPORTED_505 = new Status(505, "HTTP Version Not Supported");
    public static final Status VARIANT_ALSO_NEGOTIATES_506 = new Status(506, "Variant Also Negotiates");
    public static final Status INSUFFICIENT_STORAGE_507 = new Status(507, "Insufficient Storage");
    public static final Status LOOP_DETECTED_508 = new Status(508, "Loop Detected");
    public static final Status NETWORK_AUTHENTICATION_REQUIRED_511 = new Status(511, "Network Authentication Required");

    private static final Status[] REGISTERED = new Status[600];

    static {
        for (Status s : new Status[] {
            CONTINUE_100, SWITCHING_PROTOCOLS_101, EARLY_HINTS_103, OK_200,
            CREATED_201, ACCEPTED_202, NON_AUTHORITATIVE_INFORMATION_203, NO_CONTENT_204,
            RESET_CONTENT_205, PARTIAL_CONTENT_206, MULTI_STATUS_207, ALREADY_REPORTED_208,
            IM_USED_226, MULTIPLE_CHOICES_300, MOVED_PERMANENTLY_301, FOUND_302,
            SEE_OTHER_303, NOT_MODIFIED_304, TEMPORARY_REDIRECT_307, PERMANENT_REDIRECT_308,
            BAD_REQUEST_400, UNAUTHORIZED_401, PAYMENT_REQUIRED_402, FORBIDDEN_403,
            NOT_FOUND_404, METHOD_NOT_ALLOWED_405, NOT_ACCEPTABLE_406, PROXY_AUTHENTICATION_REQUIRED_407,
            REQUEST_TIMEOUT_408, CONFLICT_409, GONE_410, LENGTH_REQUIRED_411,
            PRECONDITION_FAILED_412, CONTENT_TOO_LARGE_413, URI_TOO_LONG_414, UNSUPPORTED_MEDIA_TYPE_415,
            RANGE_NOT_SATISFIABLE_416, EXPECTATION_FAILED_417, IM_A_TEAPOT_418, MISDIRECTED_REQUEST_421,
            UNPROCESSABLE_CONTENT_422, LOCKED_423, FAILED_DEPENDENCY_424, TOO_EARLY_425,
            UPGRADE_REQUIRED_426, PRECONDITION_REQUIRED_428, TOO_MANY_REQUESTS_429, REQUEST_HEADER_FIELDS_TOO_LARGE_431,
            UNAVAILABLE_FOR_LEGAL_REASONS_451, INTERNAL_SERVER_ERROR_500, NOT_IMPLEMENTED_501, BAD_GATEWAY_502,
            SERVICE_UNAVAILABLE_503, GATEWAY_TIMEOUT_504, HTTP_VERSION_NOT_SUPPORTED_505, VARIANT_ALSO_NEGOTIATES_506,
            INSUFFICIENT_STORAGE_507, LOOP_DETECTED_508, NETWORK_AUTHENTICATION_REQUIRED_511}) {
            REGISTERED[s.code] = s;
        }
    }

    /**
     * @throws IllegalArgumentException if {@code code} is not in 100..599, or {@code reason} has a character a
     *     reason-phrase may not hold (RFC 9112 §4: HTAB, SP, visible ASCII and obs-text only)
     */
    public Status {
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("status code out of range 100..599: " + code);
        }
        Objects.requireNonNull(reason, "reason");
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            if (c > 0xFF || (c < 0x20 && c != '\t') || c == 0x7F) {
                throw new IllegalArgumentException("invalid character in reason phrase at index " + i);
            }
        }
    }

    /**
     * The status with this code: the registered constant, or a status with an empty reason phrase.
     *
     * @throws IllegalArgumentException if {@code code} is not in 100..599
     */
    public static Status of(int code) {
        if (code >= 100 && code <= 599 && REGISTERED[code] != null) {
            return REGISTERED[code];
        }
        return new Status(code, "");
    }

    /**
     * The status with this code and reason phrase; the registered constant when both match it.
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static Status of(int code, String reason) {
        Status registered = code >= 100 && code <= 599 ? REGISTERED[code] : null;
        return registered != null && registered.reason.equals(reason) ? registered : new Status(code, reason);
    }

    /** 1xx: an interim response. */
    public boolean isInformational() {
        return code < 200;
    }

    /** 2xx. */
    public boolean isSuccess() {
        return code >= 200 && code < 300;
    }

    /** 3xx. */
    public boolean isRedirection() {
        return code >= 300 && code < 400;
    }

    /** 4xx. */
    public boolean isClientError() {
        return code >= 400 && code < 500;
    }

    /** 5xx. */
    public boolean isServerError() {
        return code >= 500;
    }

    /** Whether a response with this status may carry content: not 1xx, 204 or 304 (RFC 9110 §6.4.1). */
    public boolean permitsContent() {
        return code >= 200 && code != 204 && code != 304;
    }

    @Override
    public String toString() {
        return reason.isEmpty() ? Integer.toString(code) : code + " " + reason;
    }
}
