package dev.jhttp.core.h2;

import dev.jhttp.core.Body;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Response;
import dev.jhttp.core.Status;
import dev.jhttp.core.Version;
import dev.jhttp.core.hpack.HeaderField;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseFieldsTest {

    @Test
    void statusComesFirstNamesAreLowercaseAndConnectionFieldsAreLeftOut() {
        Response response = Response.of(Status.NOT_FOUND_404, Headers.of("Content-Type", "text/plain",
                "Connection", "close", "Transfer-Encoding", "chunked", "X-Trace", "a"), Body.empty());
        assertThat(ResponseFields.of(response)).containsExactly(HeaderField.of(":status", "404"),
                HeaderField.of("content-type", "text/plain"), HeaderField.of("x-trace", "a"));
        assertThat(ResponseFields.ofTrailers(Headers.of("Grpc-Status", "0")))
                .containsExactly(HeaderField.of("grpc-status", "0"));
    }

    @Test
    void aWrittenHeadReadsBackAsTheSameResponse() {
        Response response = Response.of(Status.OK_200, Headers.of("content-length", "5"), Body.empty());
        assertThat(ResponseFields.toResponse(ResponseFields.of(response))).isEqualTo(new FieldsResult.Valid<>(
                new Response(Version.HTTP_2, Status.OK_200, Headers.of("content-length", "5"), Body.empty(),
                        Headers.empty())));
    }

    @Test
    void aResponseNeedsOneThreeDigitStatusFirstAndNoRequestPseudoHeaders() {
        for (List<HeaderField> fields : List.of(List.<HeaderField>of(), List.of(HeaderField.of(":status", "20")),
                List.of(HeaderField.of(":status", "abc")), List.of(HeaderField.of(":status", "600")),
                List.of(HeaderField.of("server", "x"), HeaderField.of(":status", "200")))) {
            assertThat(ResponseFields.toResponse(fields)).as(fields.toString())
                    .isInstanceOfSatisfying(FieldsResult.Malformed.class, malformed ->
                            assertThat(malformed.violation()).isEqualTo(H2Violation.INVALID_STATUS));
        }
        assertThat(ResponseFields.toResponse(List.of(HeaderField.of(":status", "200"), HeaderField.of(":path", "/"))))
                .isEqualTo(new FieldsResult.Malformed<>(H2Violation.UNKNOWN_PSEUDO_HEADER, "5 octets"));
        assertThat(ResponseFields.toResponse(List.of(HeaderField.of(":status", "200"),
                HeaderField.of(":status", "204")))).isEqualTo(new FieldsResult.Malformed<>(
                H2Violation.DUPLICATE_PSEUDO_HEADER, "7 octets"));
    }
}
