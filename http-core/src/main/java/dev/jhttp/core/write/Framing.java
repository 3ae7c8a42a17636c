package dev.jhttp.core.write;

import dev.jhttp.core.Body;
import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;

/**
 * The framing fields a writer derives from a body (RFC 9112 §6). Whatever framing fields the caller set are replaced:
 * only the body decides how its end is marked, so headers and bytes can never disagree.
 */
final class Framing {
    private Framing() {
    }

    /**
     * Headers with Content-Length for a body of known length, or Transfer-Encoding: chunked for one of unknown length.
     *
     * @param content whether the message carries content at all (not for 1xx, 204 or 304 responses)
     * @param emptyNeedsLength whether an empty body still announces {@code Content-Length: 0}
     * @param chunkedAllowed whether the recipient reads chunked coding; if not, unknown-length content gets no
     *     framing field and ends when the connection closes (RFC 9112 §6.3 item 8)
     */
    static Headers apply(Headers headers, Body body, boolean content, boolean emptyNeedsLength,
                         boolean chunkedAllowed) {
        Headers bare = headers.without(HeaderName.CONTENT_LENGTH).without(HeaderName.TRANSFER_ENCODING);
        if (!content) {
            return bare;
        }
        long length = body.length();
        if (length < 0) {
            return chunkedAllowed ? bare.with(HeaderName.TRANSFER_ENCODING, "chunked") : bare;
        }
        return length == 0 && !emptyNeedsLength ? bare : bare.with(HeaderName.CONTENT_LENGTH, Long.toString(length));
    }

    static boolean isChunked(Headers framedHeaders) {
        return framedHeaders.contains(HeaderName.TRANSFER_ENCODING);
    }
}
