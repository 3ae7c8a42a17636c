package dev.jhttp.server.forms;

import dev.jhttp.core.HeaderName;
import dev.jhttp.core.Request;
import dev.jhttp.core.Status;
import dev.jhttp.core.forms.Form;
import dev.jhttp.core.forms.FormError;
import dev.jhttp.core.forms.FormResult;
import dev.jhttp.core.forms.MultipartLimits;
import dev.jhttp.core.forms.MultipartReader;
import dev.jhttp.core.forms.UrlEncodedForm;
import dev.jhttp.core.headers.ParameterizedValue;
import dev.jhttp.server.HttpException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A handler's form in one call: the fields of an {@code application/x-www-form-urlencoded} body, or of the query
 * string; or the parts of a {@code multipart/form-data} body one by one, each streamed ({@link #parts}). What a client gets wrong becomes an {@link HttpException}, which the server answers like any other: 415 for
 * another media type, 413 past the size limit, and for what the reader refuses (a malformed escape, bad UTF-8, too
 * many fields) a {@link FormException} whose answer names the rule and the byte.
 *
 * {@snippet :
 * Handler signUp = request -> {
 *     Form form = Forms.read(request);
 *     String name = form.first("name").orElseThrow(() -> new HttpException(Status.BAD_REQUEST_400, "no name"));
 *     return Response.of(Status.OK_200, Headers.empty(), Body.of("Welcome, " + name));
 * };
 * }
 */
public final class Forms {
    /** The body a form may have unless the caller says otherwise: 1 MiB. */
    public static final long DEFAULT_MAX_SIZE = 1 << 20;
    private static final String URLENCODED = "application/x-www-form-urlencoded";

    private Forms() {
    }

    /** The urlencoded body's fields, read up to {@link #DEFAULT_MAX_SIZE} octets. */
    public static Form read(Request request) {
        return read(request, DEFAULT_MAX_SIZE);
    }

    /**
     * The urlencoded body's fields, read up to {@code maxSize} octets.
     *
     * @throws HttpException 415 if the body is not {@code application/x-www-form-urlencoded} (in UTF-8, the only
     *     charset the URL Standard's form encoding has), 413 if it is larger than {@code maxSize}
     * @throws FormException 413 if it has more than {@link UrlEncodedForm#DEFAULT_MAX_FIELDS} fields, 400 if it is
     *     malformed
     */
    public static Form read(Request request, long maxSize) {
        String type = request.headers().first(HeaderName.CONTENT_TYPE).orElse("");
        if (!isUrlEncoded(type)) {
            throw new HttpException(Status.UNSUPPORTED_MEDIA_TYPE_415, "expected " + URLENCODED + " in UTF-8");
        }
        return fields(UrlEncodedForm.parse(content(request, maxSize)));
    }

    /** The parts of a {@code multipart/form-data} body, with {@link MultipartLimits#defaults()}. */
    public static MultipartParts parts(Request request) {
        return parts(request, MultipartLimits.defaults());
    }

    /**
     * The parts of a {@code multipart/form-data} body, read as the handler asks for them.
     *
     * @throws HttpException 415 if the body is not {@code multipart/form-data} with a valid boundary, 413 if its
     *     declared length passes {@code limits.maxTotalSize()}
     */
    public static MultipartParts parts(Request request, MultipartLimits limits) {
        String type = request.headers().first(HeaderName.CONTENT_TYPE).orElse("");
        String boundary = MultipartReader.boundary(type).orElseThrow(() -> new HttpException(
                Status.UNSUPPORTED_MEDIA_TYPE_415, "expected multipart/form-data with a boundary"));
        if (request.body().length() > limits.maxTotalSize()) {
            throw tooLarge(limits.maxTotalSize());
        }
        try {
            return new MultipartParts(request.body().openStream(), MultipartReader.create(boundary, limits));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The query string's fields; an empty form when there is no query. */
    public static Form query(Request request) {
        return request.target().rawQuery().map(query -> fields(UrlEncodedForm.parseQuery(query))).orElse(Form.empty());
    }

    /** RFC 9110 §8.3.1: the type and subtype are case-insensitive; a charset parameter, if any, must be UTF-8. */
    private static boolean isUrlEncoded(String contentType) {
        return ParameterizedValue.parse(contentType)
                .filter(type -> type.value().equalsIgnoreCase(URLENCODED))
                .filter(type -> type.parameter("charset").map(charset -> charset.equalsIgnoreCase("utf-8"))
                        .orElse(true))
                .isPresent();
    }

    private static byte[] content(Request request, long maxSize) {
        long declared = request.body().length();
        if (declared > maxSize) {
            throw tooLarge(maxSize);   // refused before a byte of it is read
        }
        try (InputStream in = request.body().openStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(maxSize + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxSize) {
                throw tooLarge(maxSize);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpException tooLarge(long maxSize) {
        return new HttpException(Status.CONTENT_TOO_LARGE_413, "a form larger than " + maxSize + " bytes");
    }

    private static Form fields(FormResult result) {
        return switch (result) {
            case FormResult.Parsed(Form form) -> form;
            case FormResult.Failed(FormError error) -> throw new FormException(error);
        };
    }
}
