package dev.jhttp.server.tls;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of certificate and key reading: any text, built around PEM boundaries so the fuzzer
 * reaches the decoders behind them, is read or refused with a {@link PemException} that says why, never with another
 * exception.
 */
class PemFuzzTest {
    private static final String[] LABELS = {"CERTIFICATE", "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY",
            "ENCRYPTED PRIVATE KEY", "X"};

    @FuzzTest(maxDuration = "30s")
    void anyTextIsReadOrRefusedWithAReason(FuzzedDataProvider data) {
        StringBuilder text = new StringBuilder();
        int blocks = data.consumeInt(0, 3);
        for (int i = 0; i < blocks; i++) {
            String label = LABELS[data.consumeInt(0, LABELS.length - 1)];
            text.append(data.consumeString(20)).append("-----BEGIN ").append(label).append("-----\n")
                    .append(Base64.getMimeEncoder().encodeToString(data.consumeBytes(2000)))
                    .append("\n-----END ").append(data.consumeBoolean() ? label : "X").append("-----\n");
        }
        text.append(data.consumeRemainingAsString());
        for (boolean key : new boolean[] {false, true}) {
            try {
                Object read = key ? Pem.privateKey(text.toString()) : Pem.certificates(text.toString());
                assertThat(read).isNotNull();
            } catch (PemException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        }
    }
}
