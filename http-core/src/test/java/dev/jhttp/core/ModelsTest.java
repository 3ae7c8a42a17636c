package dev.jhttp.core;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelsTest {
    @Test
    void aStreamedRequestsTrailersArriveWithTheEndOfItsBody() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Headers> arrived = new java.util.concurrent.atomic.AtomicReference<>(
                Headers.empty());
        Request request = Request.of(Method.POST, "/").withBody(Body.ofInputStream(
                new java.io.ByteArrayInputStream(new byte[3]), -1, arrived::get));
        assertThat(request.trailers().isEmpty()).isTrue();
        arrived.set(Headers.of("X-Checksum", "abc"));
        assertThat(request.trailers().first("X-Checksum")).contains("abc");
        Headers given = Headers.of("X-Given", "1");
        assertThat(request.withTrailers(given).trailers()).isEqualTo(given);
    }

    @Test
    void standardMethodsAreConstantsAndMethodsAreCaseSensitive() {
        assertThat(Method.of("GET")).isSameAs(Method.GET);
        assertThat(Method.of("get")).isNotEqualTo(Method.GET);
        assertThat(Method.of("PURGE").name()).isEqualTo("PURGE");
        assertThatThrownBy(() -> Method.of("GE T")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Method.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void methodsReadFromBytesAreTheConstants() {
        byte[] wire = "OPTIONS * HTTP/1.1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(Method.ofAscii(wire, 0, 7)).isSameAs(Method.OPTIONS);
        byte[] custom = "PURGE".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(Method.ofAscii(custom, 0, 5)).isEqualTo(Method.of("PURGE"));
        assertThat(Method.ofAscii("get".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, 3))
                .isNotEqualTo(Method.GET);
    }

    @Test
    void methodPropertiesFollowRfc9110() {
        assertThat(Method.GET.isSafe()).isTrue();
        assertThat(Method.POST.isSafe()).isFalse();
        assertThat(Method.PUT.isIdempotent()).isTrue();
        assertThat(Method.PATCH.isIdempotent()).isFalse();
    }

    @Test
    void statusConstantsCarryTheirCodeAndReason() {
        assertThat(Status.of(404)).isSameAs(Status.NOT_FOUND_404);
        assertThat(Status.NOT_FOUND_404.reason()).isEqualTo("Not Found");
        assertThat(Status.of(299)).isEqualTo(new Status(299, ""));
        assertThat(Status.of(404, "Not Found")).isSameAs(Status.NOT_FOUND_404);
        assertThat(Status.of(404, "Gone fishing").code()).isEqualTo(404);
    }

    @Test
    void statusRefusesCodesOutOfRangeAndBrokenReasons() {
        assertThatThrownBy(() -> Status.of(99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Status.of(600)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Status.of(200, "O\r\nK")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusKnowsWhetherContentIsAllowed() {
        assertThat(Status.OK_200.permitsContent()).isTrue();
        assertThat(Status.NO_CONTENT_204.permitsContent()).isFalse();
        assertThat(Status.NOT_MODIFIED_304.permitsContent()).isFalse();
        assertThat(Status.CONTINUE_100.permitsContent()).isFalse();
    }

    @Test
    void bytesBodiesCompareByContentAndCopyTheirInput() {
        byte[] source = {1, 2, 3};
        Body body = Body.of(source);
        source[0] = 9;
        assertThat(body).isEqualTo(Body.of(new byte[] {1, 2, 3})).hasSameHashCodeAs(Body.of(new byte[] {1, 2, 3}));
        assertThat(((Body.Bytes) body).asByteBuffer().isReadOnly()).isTrue();
        assertThat(Body.of("")).isSameAs(Body.empty());
    }

    @Test
    void streamBodyWritesWhatItsProducerWrites() throws IOException {
        Body body = Body.ofStream(out -> out.write(new byte[] {7, 8}), 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        assertThat(out.toByteArray()).containsExactly(7, 8);
        assertThat(body.length()).isEqualTo(2);
        assertThatThrownBy(() -> Body.ofStream(o -> { }, -2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestOfPicksTheTargetFormFromTheMethod() {
        assertThat(Request.of(Method.CONNECT, "example.com:443").target().form())
                .isEqualTo(RequestTarget.Form.AUTHORITY);
        assertThat(Request.of(Method.GET, "/x").target().form()).isEqualTo(RequestTarget.Form.ORIGIN);
        assertThatThrownBy(() -> Request.of(Method.GET, "no-slash")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionsKnowTheirPersistenceDefault() {
        assertThat(Version.HTTP_1_1.keepsAliveByDefault()).isTrue();
        assertThat(Version.HTTP_1_0.keepsAliveByDefault()).isFalse();
        assertThat(Version.HTTP_1_1.text()).isEqualTo("HTTP/1.1");
    }
}
