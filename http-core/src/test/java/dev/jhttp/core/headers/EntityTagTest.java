package dev.jhttp.core.headers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityTagTest {
    @Test
    void parsesStrongAndWeakTags() {
        assertThat(EntityTag.parse("\"abc\"")).contains(EntityTag.strong("abc"));
        assertThat(EntityTag.parse("W/\"abc\"")).contains(EntityTag.weak("abc"));
        assertThat(EntityTag.parse("abc")).isEmpty();
        assertThat(EntityTag.parse("\"a\"b\"")).isEmpty();
    }

    @Test
    void parsesLists() {
        assertThat(EntityTag.parseList("\"a\", W/\"b\",\"c\"")).containsExactly(
                EntityTag.strong("a"), EntityTag.weak("b"), EntityTag.strong("c"));
    }

    @Test
    void comparesStronglyAndWeaklyAsRfc9110Says() {
        EntityTag current = EntityTag.strong("v1");
        assertThat(EntityTag.matchesAny("W/\"v1\"", current, false)).isTrue();
        assertThat(EntityTag.matchesAny("W/\"v1\"", current, true)).isFalse();
        assertThat(EntityTag.matchesAny("\"v0\", \"v1\"", current, true)).isTrue();
        assertThat(EntityTag.matchesAny("*", current, true)).isTrue();
        assertThat(EntityTag.matchesAny("\"v2\"", current, false)).isFalse();
    }

    @Test
    void refusesCharactersOutsideEtagc() {
        assertThatThrownBy(() -> EntityTag.strong("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(EntityTag.strong("a").toString()).isEqualTo("\"a\"");
        assertThat(EntityTag.weak("a").toString()).isEqualTo("W/\"a\"");
    }
}
