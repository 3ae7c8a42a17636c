package dev.jhttp.core.forms;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.integers;

/** A form written by an independent encoder (the JDK's {@link URLEncoder}) reads back field for field. */
class UrlEncodedFormPropertyTest {

    /** Any text UTF-8 can carry: code points from all planes, surrogates skipped. */
    private static Gen<String> text() {
        return lists().of(integers().between(0, 0x10F7FF).map(c -> c < 0xD800 ? c : c + 0x800)).ofSizeBetween(0, 12)
                .map(codePoints -> codePoints.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint,
                        StringBuilder::append).toString());
    }

    @Test
    void whatAnEncoderWritesReadsBackTheSame() {
        qt().forAll(lists().of(text()).ofSizeBetween(0, 10), lists().of(text()).ofSizeBetween(0, 10))
                .checkAssert((names, values) -> {
                    List<Form.Field> fields = new java.util.ArrayList<>();
                    for (int i = 0; i < Math.min(names.size(), values.size()); i++) {
                        fields.add(new Form.Field(names.get(i), values.get(i)));
                    }
                    String encoded = fields.stream()
                            .map(f -> URLEncoder.encode(f.name(), StandardCharsets.UTF_8) + "="
                                    + URLEncoder.encode(f.value(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&"));
                    FormResult result = UrlEncodedForm.parse(encoded.getBytes(StandardCharsets.US_ASCII));
                    assertThat(result).isEqualTo(new FormResult.Parsed(Form.of(fields)));
                });
    }
}
