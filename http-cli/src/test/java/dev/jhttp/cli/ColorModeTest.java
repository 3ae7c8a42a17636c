package dev.jhttp.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ColorModeTest {
    @Test
    void autoColoursOnATerminalUnlessNoColorIsSet() {
        assertThat(ColorMode.auto.enabled(null, true)).isTrue();
        assertThat(ColorMode.auto.enabled("", true)).isTrue();
        assertThat(ColorMode.auto.enabled("1", true)).isFalse();
        assertThat(ColorMode.auto.enabled(null, false)).isFalse();
    }

    @Test
    void alwaysAndNeverIgnoreTheTerminal() {
        assertThat(ColorMode.always.enabled("1", false)).isTrue();
        assertThat(ColorMode.never.enabled(null, true)).isFalse();
    }
}
