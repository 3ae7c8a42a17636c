package dev.jhttp.core.write;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.core.Version;
import dev.jhttp.core.headers.HttpDate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Serializes responses (RFC 9112 §4 and §6): status-line, header fields, framing and content. {@link #prepare} shows
 * exactly the headers that will go out — framing derived from the body, and a {@code Date} in IMF-fixdate when the
 * response has none (RFC 9110 §6.6.1).
 *
 * {@snippet :
 * ResponseWriter writer = ResponseWriter.create();
 * writer.write(Response.of(Status.OK_200).withBody(Body.of("hi")), socketOut);
 * // HTTP/1.1 200 OK, Date: ..., Content-Length: 2, then "hi"
 * }
 */
public final class ResponseWriter {
    /** The Date value of one second, shared by every response written in it. */
    private record StampedDate(long epochSecond, String text) {
    }

    private final Clock clock;
    private volatile StampedDate date = new StampedDate(Long.MIN_VALUE, "");

    private ResponseWriter(Clock clock) {
        this.clock = clock;
    }

    /** A writer that stamps {@code Date} from the system clock. */
    public static ResponseWriter create() {
        return create(Clock.systemUTC());
    }

    /** A writer that stamps {@code Date} from {@code clock}. */
    public static ResponseWriter create(Clock clock) {
        return new ResponseWriter(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * The response as it will be written to an HTTP/1.1 recipient: framing fields set from the body (none for 1xx,
     * 204 and 304, which carry no content), and {@code Date} added for final responses that lack one.
     */
    public Response prepare(Response response) {
        return prepare(response, Version.HTTP_1_1);
    }

    /**
     * The response as it will be written to a recipient of {@code recipientVersion}. An HTTP/1.0 recipient cannot
     * read chunked coding, so content of unknown length goes without framing and ends when the connection closes:
     * the caller must then close it.
     */
    public Response prepare(Response response, Version recipientVersion) {
        Status status = response.status();
        Headers headers = FramingFields.apply(response.headers(), response.body(), status.permitsContent(), true,
                recipientVersion == Version.HTTP_1_1);
        if (!status.isInformational() && !headers.contains(HeaderName.DATE)) {
            headers = headers.with(HeaderName.DATE, currentDate());
        }
        return response.withHeaders(headers);
    }

    /**
     * Writes the prepared head and, unless the status forbids it, the content (chunked when its length is unknown).
     *
     * @throws IOException if writing to {@code out} or reading the body fails
     */
    public void write(Response response, OutputStream out) throws IOException {
        write(response, Version.HTTP_1_1, out);
    }

    /**
     * Writes the response as {@link #prepare(Response, Version)} shapes it for a recipient of that version.
     *
     * @throws IOException if writing to {@code out} or reading the body fails
     */
    public void write(Response response, Version recipientVersion, OutputStream out) throws IOException {
        framedHead(response, recipientVersion).writeTo(out);
        if (response.status().permitsContent()) {
            MessageBodies.write(lengthField(response, recipientVersion) == FramingFields.CHUNKED, response.body(),
                    response.trailers(), out);
        }
        out.flush();
    }

    /**
     * Writes only the prepared head: the answer to a HEAD request, which carries the headers a GET would.
     *
     * @throws IOException if writing fails
     */
    public void writeHead(Response response, OutputStream out) throws IOException {
        framedHead(response, Version.HTTP_1_1).writeTo(out);
        out.flush();
    }

    /**
     * The head exactly as {@link #write(Response, Version, OutputStream)} sends it, ready to write to a channel: the
     * same bytes as {@code encodeHead(prepare(response, recipientVersion))}, built without copying the headers.
     */
    public ByteBuffer head(Response response, Version recipientVersion) {
        return framedHead(response, recipientVersion).toByteBuffer();
    }

    // The fields as given, less framing; then the framing the body calls for and a Date: the order prepare() gives.
    private HeadEncoder framedHead(Response response, Version recipientVersion) {
        Status status = response.status();
        Headers headers = response.headers();
        HeadEncoder head = new HeadEncoder(128 + headers.size() * 48);
        head.append(response.version().text()).append((byte) ' ').appendDigits(status.code()).append((byte) ' ')
                .line(status.reason());
        head.fieldsExcept(headers, HeaderName.CONTENT_LENGTH, HeaderName.TRANSFER_ENCODING);
        long field = lengthField(response, recipientVersion);
        if (field == FramingFields.CHUNKED) {
            head.field(HeaderName.TRANSFER_ENCODING, "chunked");
        } else if (field != FramingFields.NO_FIELD) {
            head.append(HeaderName.CONTENT_LENGTH.name()).append((byte) ':').append((byte) ' ').appendDigits(field)
                    .crlf();
        }
        if (!status.isInformational() && !headers.contains(HeaderName.DATE)) {
            head.field(HeaderName.DATE, currentDate());
        }
        return head.crlf();
    }

    private static long lengthField(Response response, Version recipientVersion) {
        return FramingFields.lengthField(response.body(), response.status().permitsContent(), true,
                recipientVersion == Version.HTTP_1_1);
    }

    // IMF-fixdate has one-second resolution, so formatting once a second is enough.
    private String currentDate() {
        Instant now = clock.instant();
        StampedDate stamped = date;
        if (stamped.epochSecond() != now.getEpochSecond()) {
            stamped = new StampedDate(now.getEpochSecond(), HttpDate.format(now));
            date = stamped;
        }
        return stamped.text();
    }

    /** The status-line and fields of {@code response} exactly as given, with the empty line that ends them. */
    public static byte[] encodeHead(Response response) {
        Status status = response.status();
        String statusLine = response.version().text() + " " + status.code() + " " + status.reason();
        return HeadEncoder.encode(statusLine, response.headers());
    }
}
