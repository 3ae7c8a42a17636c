package dev.jhttp.core.syntax;

import dev.jhttp.core.Headers;
import dev.jhttp.core.RequestTarget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrecheckedTest {
    @Test
    void theModelsInstallTheirFactoriesOnceAndNothingReplacesThem() {
        assertThat(Prechecked.target("/a?b").rawPath()).isEqualTo("/a");
        assertThat(Headers.empty().isEmpty()).isTrue();
        assertThatThrownBy(() -> Prechecked.install((Prechecked.HeadersFactory) (names, size, source) -> null))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Prechecked.install((Prechecked.TargetFactory) raw -> RequestTarget.of("/x")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Prechecked.target("/c").rawPath()).isEqualTo("/c");
    }
}
