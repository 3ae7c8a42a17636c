package dev.jhttp.core.parse;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Version;
import dev.jhttp.core.syntax.Ascii;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decides a message's framing from its Transfer-Encoding and Content-Length fields (RFC 9112 §6), refusing every
 * combination that two parsers could read differently.
 */
final class FramingRules {
    private static final byte[] CHUNKED = "chunked".getBytes(StandardCharsets.US_ASCII);
    /** Eighteen decimal digits always fit in a long. */
    private static final int MAX_PLAIN_DIGITS = 18;

    private FramingRules() {
    }

    /** The framing of a request, or {@code null} with {@code failure} set. */
    static Framing forRequest(Headers headers, FieldSectionReader section, Version version, ParserLimits limits,
                              Failure failure, long offset) {
        return decide(headers, section, version, true, limits, failure, offset);
    }

    /** The framing of a response that may have content; {@code null} with {@code failure} set. */
    static Framing forResponse(Headers headers, FieldSectionReader section, Version version, ParserLimits limits,
                               Failure failure, long offset) {
        return decide(headers, section, version, false, limits, failure, offset);
    }

    // The usual cases, one Transfer-Encoding: chunked or one Content-Length of plain digits, are read where the field
    // lies in the line buffer; everything else goes through the list rules on the decoded values.
    private static Framing decide(Headers headers, FieldSectionReader section, Version version, boolean request,
                                  ParserLimits limits, Failure failure, long offset) {
        int transferEncodings = section.count(HeaderName.TRANSFER_ENCODING);
        int contentLengths = section.count(HeaderName.CONTENT_LENGTH);
        if (transferEncodings > 0) {
            if (version == Version.HTTP_1_0) {
                // RFC 9112 §6.1: an HTTP/1.0 recipient may not know chunked; treat the framing as faulty.
                failure.set(Violation.TRANSFER_ENCODING_IN_HTTP_1_0, "Transfer-Encoding in an HTTP/1.0 message",
                        offset);
                return null;
            }
            if (contentLengths > 0) {
                // RFC 9112 §6.3 item 3: the CL.TE / TE.CL smuggling ambiguity; refuse rather than pick one.
                failure.set(Violation.CONTENT_LENGTH_WITH_TRANSFER_ENCODING,
                        "message has both Transfer-Encoding and Content-Length", offset);
                return null;
            }
            if (transferEncodings == 1
                    && Boolean.TRUE.equals(section.readFirst(HeaderName.TRANSFER_ENCODING, FramingRules::isChunked))) {
                return Framing.CHUNKED;
            }
            return transferCoding(headers.all(HeaderName.TRANSFER_ENCODING), request, failure, offset);
        }
        if (contentLengths > 0) {
            Framing plain = contentLengths == 1
                    ? section.readFirst(HeaderName.CONTENT_LENGTH, FramingRules::plainLength) : null;
            if (plain != null && plain.length() <= limits.maxBodySize()) {
                return plain;
            }
            long length = contentLength(headers.all(HeaderName.CONTENT_LENGTH), failure, offset);
            if (length < 0) {
                return null;
            }
            if (length > limits.maxBodySize()) {
                // Refused before any content byte is read.
                failure.set(Violation.BODY_TOO_LARGE,
                        "Content-Length exceeds the limit of " + limits.maxBodySize() + " bytes", offset);
                return null;
            }
            return Framing.length(length);
        }
        // RFC 9112 §6.3 items 6 and 7: a request without framing has no content; a response runs until close.
        return request ? Framing.NONE : Framing.UNTIL_CLOSE;
    }

    /** Whether a field value is exactly the one coding {@code chunked}, in any case. */
    private static Boolean isChunked(byte[] b, int from, int to) {
        return to - from == CHUNKED.length && Ascii.equalsIgnoringCase(b, from, CHUNKED);
    }

    /** The length a field value of 1 to 18 digits gives, or {@code null} for anything else. */
    private static Framing plainLength(byte[] b, int from, int to) {
        if (to == from || to - from > MAX_PLAIN_DIGITS) {
            return null;
        }
        long length = 0;
        for (int i = from; i < to; i++) {
            if (!Ascii.isDigit(b[i])) {
                return null;
            }
            length = length * 10 + (b[i] - '0');
        }
        return Framing.length(length);
    }

    private static Framing transferCoding(List<String> values, boolean request, Failure failure, long offset) {
        String last = null;
        boolean chunkedSeen = false;
        boolean otherSeen = false;
        for (String value : values) {
            for (String element : value.split(",", -1)) {
                String coding = Ascii.trimWhitespace(element);
                if (coding.isEmpty()) {
                    continue; // RFC 9110 §5.6.1: empty list elements are ignored
                }
                int semicolon = coding.indexOf(';');
                String name = Ascii.trimWhitespace(semicolon < 0 ? coding : coding.substring(0, semicolon));
                if (!Ascii.isToken(name)) {
                    failure.set(Violation.INVALID_TRANSFER_ENCODING, "transfer coding is not a token", offset);
                    return null;
                }
                boolean chunked = name.equalsIgnoreCase("chunked");
                if (chunked && (chunkedSeen || semicolon >= 0)) {
                    // RFC 9112 §7: chunked is applied once and takes no parameters.
                    failure.set(Violation.INVALID_TRANSFER_ENCODING,
                            chunkedSeen ? "chunked applied more than once" : "chunked with parameters", offset);
                    return null;
                }
                chunkedSeen |= chunked;
                otherSeen |= !chunked;
                last = name;
            }
        }
        if (last == null) {
            failure.set(Violation.INVALID_TRANSFER_ENCODING, "empty Transfer-Encoding", offset);
            return null;
        }
        if (!last.equalsIgnoreCase("chunked")) {
            if (request) {
                // RFC 9112 §6.3 item 4: the length cannot be determined; 400 and close.
                failure.set(Violation.CHUNKED_NOT_FINAL, "final transfer coding is not chunked", offset);
                return null;
            }
            return Framing.UNTIL_CLOSE;
        }
        if (otherSeen && request) {
            // RFC 9112 §6.1: a coding the server does not understand earns 501. A response's other codings stay on
            // its content for the client to undo: chunked, last, still frames it.
            failure.set(Violation.UNSUPPORTED_TRANSFER_CODING, "transfer coding other than chunked", offset);
            return null;
        }
        return Framing.CHUNKED;
    }

    /**
     * Content-Length = 1*DIGIT (RFC 9110 §8.6). Repeated lines or list elements are accepted only when all are the
     * same number. Returns -1 with {@code failure} set; a number too large for a long counts as {@link Long#MAX_VALUE}.
     */
    private static long contentLength(List<String> values, Failure failure, long offset) {
        long length = -1;
        for (String value : values) {
            for (String element : value.split(",", -1)) {
                long parsed = digits(Ascii.trimWhitespace(element));
                if (parsed < 0) {
                    failure.set(Violation.INVALID_CONTENT_LENGTH, "Content-Length is not a decimal number", offset);
                    return -1;
                }
                if (length >= 0 && parsed != length) {
                    failure.set(Violation.CONFLICTING_CONTENT_LENGTH, "Content-Length values differ", offset);
                    return -1;
                }
                length = parsed;
            }
        }
        return length;
    }

    private static long digits(String text) {
        if (text.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7F || !Ascii.isDigit(c)) {
                return -1;
            }
            value = value > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : value * 10 + (c - '0');
        }
        return value;
    }
}
