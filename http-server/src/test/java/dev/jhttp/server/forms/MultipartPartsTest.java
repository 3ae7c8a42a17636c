package dev.jhttp.server.forms;

import dev.jhttp.core.Body;
import dev.jhttp.core.Method;
import dev.jhttp.core.Request;
import dev.jhttp.core.forms.FormViolation;
import dev.jhttp.core.forms.MultipartLimits;
import dev.jhttp.server.HttpException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultipartPartsTest {
    private static final String BODY = String.join("\r\n",
            "--xyz", "Content-Disposition: form-data; name=\"title\"", "", "Holiday",
            "--xyz", "Content-Disposition: form-data; name=\"skipped\"; filename=\"a.bin\"", "", "never read",
            "--xyz", "Content-Disposition: form-data; name=\"photo\"; filename=\"beach.txt\"", "",
            "sand\r\n--xy and sea", "--xyz--", "");

    private static Request upload(String body) {
        return Request.of(Method.POST, "/upload").withHeader("Content-Type", "multipart/form-data; boundary=xyz")
                .withBody(Body.of(body));
    }

    @Test
    void partsComeOneByOneAndWhatIsNotReadIsSkipped() throws IOException {
        List<String> seen = new ArrayList<>();
        try (MultipartParts parts = Forms.parts(upload(BODY))) {
            for (Optional<FormPart> part = parts.next(); part.isPresent(); part = parts.next()) {
                String name = part.get().head().name();
                seen.add(name.equals("skipped") ? name : name + "=" + part.get().text());
            }
            assertThat(parts.next()).isEmpty();
        }
        assertThat(seen).containsExactly("title=Holiday", "skipped", "photo=sand\r\n--xy and sea");
    }

    @Test
    void aPartsStreamReadsNothingOnceTheNextPartIsReached() throws IOException {
        try (MultipartParts parts = Forms.parts(upload(BODY))) {
            FormPart title = parts.next().orElseThrow();
            FormPart skipped = parts.next().orElseThrow();
            assertThat(title.content().read()).isEqualTo(-1);
            assertThat(new String(skipped.content().readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("never");
        }
    }

    @Test
    void aBrokenBodyIsAFormExceptionWithItsRule() {
        assertThatThrownBy(() -> {
            try (MultipartParts parts = Forms.parts(upload("--xyz\r\nContent-Type: text/plain\r\n\r\nx\r\n--xyz--"))) {
                parts.next();
            }
        }).isInstanceOfSatisfying(FormException.class, e -> assertThat(e.error().violation())
                .isEqualTo(FormViolation.INVALID_CONTENT_DISPOSITION));
        assertThatThrownBy(() -> {
            String cut = "--xyz\r\nContent-Disposition: form-data; name=a\r\n\r\nx";
            try (MultipartParts parts = Forms.parts(upload(cut))) {
                parts.next().orElseThrow().text();
            }
        }).isInstanceOfSatisfying(FormException.class, e -> assertThat(e.error().violation())
                .isEqualTo(FormViolation.TRUNCATED_MULTIPART));
    }

    @Test
    void anotherMediaTypeIs415AndADeclaredLengthPastTheLimit413() {
        Request plain = Request.of(Method.POST, "/upload").withHeader("Content-Type", "text/plain")
                .withBody(Body.of(BODY));
        assertThatThrownBy(() -> Forms.parts(plain))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status().code()).isEqualTo(415));
        assertThatThrownBy(() -> Forms.parts(upload(BODY), MultipartLimits.defaults().withMaxTotalSize(10)))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status().code()).isEqualTo(413));
    }

    @Test
    void aTwoGibibyteFilePartStreamsThroughA48MibHeap() throws Exception {
        long size = 2L << 30;
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Process child = new ProcessBuilder(java.toString(), "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                StreamPartToDigest.class.getName(), Long.toString(size)).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(child.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();

        CRC32 expected = new CRC32();
        byte[] period = GeneratedMultipart.period(1 << 16);
        for (long at = 0; at < size; at += period.length) {
            expected.update(period, 0, (int) Math.min(period.length, size - at));
        }
        assertThat(output).isEqualTo("big one big.bin " + size + " " + Long.toHexString(expected.getValue()));
    }
}
