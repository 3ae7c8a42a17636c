package dev.jhttp.core.write;

import dev.jhttp.core.Body;
import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;

/**
 * The framing fields a writer derives from a body (RFC 9112 §6). Whatever framing fields the caller set are replaced:
 * only the body decides how its end is marked, so headers and bytes can never disagree.
 */
final class FramingFields {
    private FramingFields() {
    }

    /** {@link #lengthField}'s answer for chunked coding. */
    static final long CHUNKED = -1;
    /** {@link #lengthField}'s answer when no framing field goes out. */
    static final long NO_FIELD = -2;

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
        long field = lengthField(body, content, emptyNeedsLength, chunkedAllowed);
        return field == NO_FIELD ? bare
                : field == CHUNKED ? bare.with(HeaderName.TRANSFER_ENCODING, "chunked")
                : bare.with(HeaderName.CONTENT_LENGTH, Long.toString(field));
    }

    /**
     * The framing field a body calls for, the one rule behind {@link #apply} and the writers' encoded heads: the
     * Content-Length value, {@link #CHUNKED}, or {@link #NO_FIELD}. Parameters as for {@link #apply}.
     */
    static long lengthField(Body body, boolean content, boolean emptyNeedsLength, boolean chunkedAllowed) {
        if (!content) {
            return NO_FIELD;
        }
        long length = body.length();
        if (length < 0) {
            return chunkedAllowed ? CHUNKED : NO_FIELD;
        }
        return length == 0 && !emptyNeedsLength ? NO_FIELD : length;
    }

    static boolean isChunked(Headers framedHeaders) {
        return framedHeaders.contains(HeaderName.TRANSFER_ENCODING);
    }
}
