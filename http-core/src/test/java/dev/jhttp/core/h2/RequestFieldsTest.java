package dev.jhttp.core.h2;

import dev.jhttp.core.Body;
import dev.jhttp.core.Headers;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.RequestTarget;
import dev.jhttp.core.Version;
import dev.jhttp.core.hpack.HeaderField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

class RequestFieldsTest {
    private static final List<HeaderField> GET = fields(":method", "GET", ":scheme", "https", ":authority",
            "example.com", ":path", "/a?b=c");

    /** Fields breaking each rule of RFC 9113 §8, each a valid GET but for one change. */
    private static final Map<H2Violation, List<HeaderField>> BREAKING = Map.ofEntries(
            entry(H2Violation.INVALID_FIELD_NAME, plus("x y", "1")),
            entry(H2Violation.UPPERCASE_FIELD_NAME, plus("Accept", "*/*")),
            entry(H2Violation.INVALID_FIELD_VALUE, plus("accept", " */*")),
            entry(H2Violation.CONNECTION_SPECIFIC_FIELD, plus("connection", "keep-alive")),
            entry(H2Violation.TE_NOT_TRAILERS, plus("te", "gzip")),
            entry(H2Violation.PSEUDO_HEADER_AFTER_FIELD, fields("accept", "*/*", ":method", "GET", ":scheme", "https",
                    ":path", "/")),
            entry(H2Violation.UNKNOWN_PSEUDO_HEADER, fields(":status", "200", ":method", "GET", ":scheme", "https",
                    ":path", "/")),
            entry(H2Violation.DUPLICATE_PSEUDO_HEADER, fields(":method", "GET", ":method", "GET", ":scheme", "https",
                    ":path", "/")),
            entry(H2Violation.MISSING_PSEUDO_HEADER, fields(":method", "GET", ":scheme", "https")),
            entry(H2Violation.INVALID_PSEUDO_HEADER, fields(":method", "GET", ":scheme", "https", ":path", "")),
            entry(H2Violation.INVALID_CONNECT, fields(":method", "CONNECT", ":authority", "example.com:443",
                    ":path", "/")),
            entry(H2Violation.HOST_DIFFERS_FROM_AUTHORITY, plus("host", "other.example")),
            entry(H2Violation.CONTENT_LENGTH_MISMATCH, plus("content-length", "1, 2")));

    static Set<H2Violation> rules() {
        return BREAKING.keySet();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void everyFieldRuleMakesTheRequestMalformed(H2Violation violation) {
        FieldsResult<Request> result = RequestFields.toRequest(BREAKING.get(violation));
        assertThat(result).isInstanceOfSatisfying(FieldsResult.Malformed.class, malformed -> {
            assertThat(malformed.violation()).isEqualTo(violation);
            assertThat(malformed.violation().scope()).isEqualTo(H2Violation.Scope.STREAM);
            assertThat(malformed.violation().code()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
        });
    }

    @Test
    void aRequestIsTheSameValueTheHttp11ParserGivesButForItsVersion() {
        List<HeaderField> fields = new ArrayList<>(GET);
        fields.add(HeaderField.of("cookie", "a=1"));
        fields.add(HeaderField.of("accept", "text/html"));
        fields.add(HeaderField.sensitive("cookie", "b=2"));
        Request request = ((FieldsResult.Valid<Request>) RequestFields.toRequest(fields)).value();
        assertThat(request).isEqualTo(new Request(Method.GET, RequestTarget.of("/a?b=c"), Version.HTTP_2,
                Headers.of("host", "example.com", "accept", "text/html", "cookie", "a=1; b=2"), Body.empty()));
        assertThat(request.target().queryParameter("b")).contains("c");
    }

    @Test
    void connectNamesOnlyTheAuthorityAndOptionsMayAskForTheServer() {
        assertThat(RequestFields.toRequest(fields(":method", "CONNECT", ":authority", "example.com:443")))
                .isInstanceOfSatisfying(FieldsResult.Valid.class, valid ->
                        assertThat(((Request) valid.value()).target().form()).isEqualTo(RequestTarget.Form.AUTHORITY));
        assertThat(RequestFields.toRequest(fields(":method", "OPTIONS", ":scheme", "http", ":path", "*")))
                .isInstanceOf(FieldsResult.Valid.class);
        assertThat(RequestFields.toRequest(fields(":method", "GET", ":scheme", "http", ":path", "*")))
                .isInstanceOf(FieldsResult.Malformed.class);
        assertThat(RequestFields.toRequest(fields(":method", "GET", ":scheme", "http", ":path", "http://a/b")))
                .isInstanceOf(FieldsResult.Malformed.class);
    }

    @Test
    void aHostEqualToTheAuthorityIsKeptAndTeTrailersIsAllowed() {
        List<HeaderField> fields = new ArrayList<>(GET);
        fields.add(HeaderField.of("host", "EXAMPLE.com"));
        fields.add(HeaderField.of("te", "trailers"));
        assertThat(RequestFields.toRequest(fields)).isInstanceOfSatisfying(FieldsResult.Valid.class, valid ->
                assertThat(((Request) valid.value()).headers().all("host")).containsExactly("EXAMPLE.com"));
    }

    @Test
    void trailersHoldNoPseudoHeaders() {
        assertThat(RequestFields.toTrailers(fields("x-checksum", "abc")))
                .isEqualTo(new FieldsResult.Valid<>(Headers.of("x-checksum", "abc")));
        assertThat(RequestFields.toTrailers(fields(":path", "/")))
                .isEqualTo(new FieldsResult.Malformed<>(H2Violation.PSEUDO_HEADER_IN_TRAILERS, "5 octets"));
        assertThat(RequestFields.toTrailers(fields("X-Checksum", "abc")))
                .isInstanceOf(FieldsResult.Malformed.class);
    }

    @Test
    void controlCharactersAndOuterWhitespaceInValuesAreRefused() {
        for (String value : List.of("a\u0000b", "a\rb", "a\nb", "a\u007fb", "a\u0001b", "a ", "\ta")) {
            assertThat(RequestFields.toRequest(plus("x-v", value))).as(value)
                    .isEqualTo(new FieldsResult.Malformed<>(H2Violation.INVALID_FIELD_VALUE, "field of 3 octets named"));
        }
        assertThat(RequestFields.toRequest(plus("x-v", "a \u00e9 b"))).isInstanceOf(FieldsResult.Valid.class);
    }

    private static List<HeaderField> plus(String name, String value) {
        List<HeaderField> fields = new ArrayList<>(GET);
        fields.add(HeaderField.of(name, value));
        return fields;
    }

    private static List<HeaderField> fields(String... namesAndValues) {
        List<HeaderField> fields = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.add(HeaderField.of(namesAndValues[i], namesAndValues[i + 1]));
        }
        return fields;
    }
}
