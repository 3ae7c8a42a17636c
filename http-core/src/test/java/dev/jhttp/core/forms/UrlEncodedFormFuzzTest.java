package dev.jhttp.core.forms;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the urlencoded form reader: any octets are read or refused, never thrown on; no more
 * fields than the limit; a refusal points inside the input; and a form read re-encodes to octets that read the same.
 */
class UrlEncodedFormFuzzTest {
    private static final int MAX_FIELDS = 16;

    @FuzzTest(maxDuration = "30s")
    void anyOctetsAreReadOrRefusedWithinTheLimit(FuzzedDataProvider data) {
        byte[] input = data.consumeRemainingAsBytes();
        switch (UrlEncodedForm.parse(input, MAX_FIELDS)) {
            case FormResult.Parsed(Form form) -> {
                assertThat(form.fields()).hasSizeLessThanOrEqualTo(MAX_FIELDS);
                assertThat(UrlEncodedForm.parse(encode(form), MAX_FIELDS)).isEqualTo(new FormResult.Parsed(form));
            }
            case FormResult.Failed(FormError error) -> assertThat(error.offset()).isBetween(0L, (long) input.length);
        }
    }

    private static byte[] encode(Form form) {
        StringBuilder out = new StringBuilder();
        for (Form.Field field : form.fields()) {
            out.append(out.isEmpty() ? "" : "&")
                    .append(java.net.URLEncoder.encode(field.name(), StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(field.value(), StandardCharsets.UTF_8));
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
