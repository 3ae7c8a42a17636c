package dev.jhttp.core.h2;

import dev.jhttp.core.Body;
import dev.jhttp.core.Header;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.core.Version;
import dev.jhttp.core.hpack.HeaderField;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A response head as an HTTP/2 field section and back (RFC 9113 §8.3.2): {@code :status} first, then the header
 * fields with lowercase names. Connection-specific fields, which HTTP/2 forbids (§8.2.2) but an HTTP/1.1 handler may
 * set, are left out; reading a section back enforces the same field rules as requests.
 *
 * {@snippet :
 * List<HeaderField> fields = ResponseFields.of(Response.of(Status.OK_200));   // [:status: 200]
 * byte[] block = encoder.encode(fields);
 * }
 */
public final class ResponseFields {
    /** RFC 9113 §8.2.2; {@code te} is a request field, so a response never carries it either. */
    private static final Set<String> LEFT_OUT =
            Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te");

    private ResponseFields() {
    }

    /** The field section of the response's head. */
    public static List<HeaderField> of(Response response) {
        List<HeaderField> fields = new ArrayList<>(response.headers().size() + 1);
        fields.add(HeaderField.of(":status", Integer.toString(response.status().code())));
        addFields(response.headers(), fields);
        return fields;
    }

    /** The field section of trailers. */
    public static List<HeaderField> ofTrailers(Headers trailers) {
        List<HeaderField> fields = new ArrayList<>(trailers.size());
        addFields(trailers, fields);
        return fields;
    }

    /** The response head a field section describes, with no content; or why it is malformed. */
    public static FieldsResult<Response> toResponse(List<HeaderField> fields) {
        if (fields.isEmpty() || !fields.get(0).name().equals(":status") || !isStatus(fields.get(0).value())) {
            return new FieldsResult.Malformed<>(H2Violation.INVALID_STATUS, "first field is not :status NNN");
        }
        Headers.Builder headers = Headers.builder();
        for (HeaderField field : fields.subList(1, fields.size())) {
            if (field.name().startsWith(":")) {
                return new FieldsResult.Malformed<>(field.name().equals(":status")
                        ? H2Violation.DUPLICATE_PSEUDO_HEADER : H2Violation.UNKNOWN_PSEUDO_HEADER,
                        field.name().length() + " octets");
            }
            H2Violation broken = FieldRules.check(field);
            if (broken != null) {
                return new FieldsResult.Malformed<>(broken, "field of " + field.name().length() + " octets named");
            }
            headers.add(field.name(), field.value());
        }
        Status status = Status.of(Integer.parseInt(fields.get(0).value()));
        return new FieldsResult.Valid<>(new Response(Version.HTTP_2, status, headers.build(), Body.empty(),
                Headers.empty()));
    }

    private static void addFields(Headers headers, List<HeaderField> fields) {
        for (Header header : headers) {
            String name = header.name().lowerCase();
            if (!LEFT_OUT.contains(name)) {
                fields.add(HeaderField.of(name, header.value()));
            }
        }
    }

    private static boolean isStatus(String value) {
        return value.length() == 3 && value.chars().allMatch(c -> c >= '0' && c <= '9') && value.charAt(0) >= '1'
                && value.charAt(0) <= '5';
    }
}
