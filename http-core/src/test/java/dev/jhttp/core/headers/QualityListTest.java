package dev.jhttp.core.headers;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QualityListTest {
    @Test
    void readsWeightsAndMatchesMediaRangesBySpecificity() {
        QualityList accept = QualityList.parse("text/*;q=0.5, text/html, */*;q=0.1");
        assertThat(accept.qualityOfMediaType("text/html")).isEqualTo(1.0);
        assertThat(accept.qualityOfMediaType("text/plain")).isEqualTo(0.5);
        assertThat(accept.qualityOfMediaType("image/png")).isEqualTo(0.1);
    }

    @Test
    void picksTheBestOfferTiesGoingToTheFirst() {
        QualityList accept = QualityList.parse("application/json;q=0.9, text/plain;q=0.9, text/html;q=0.2");
        assertThat(accept.bestMediaType(List.of("text/html", "text/plain", "application/json"))).contains("text/plain");
        assertThat(QualityList.parse("").bestMediaType(List.of("a/b", "c/d"))).contains("a/b");
    }

    @Test
    void zeroWeightMeansNotAcceptable() {
        QualityList accept = QualityList.parse("text/html;q=0, */*");
        assertThat(accept.qualityOfMediaType("text/html")).isZero();
        assertThat(QualityList.parse("text/html;q=0").bestMediaType(List.of("text/html"))).isEmpty();
    }

    @Test
    void weighsPlainTokensWithAStarFallback() {
        QualityList codings = QualityList.parse("gzip;q=0.5, BR, *;q=0.1");
        assertThat(codings.qualityOf("br")).isEqualTo(1.0);
        assertThat(codings.qualityOf("gzip")).isEqualTo(0.5);
        assertThat(codings.qualityOf("zstd")).isEqualTo(0.1);
        assertThat(QualityList.parse("gzip").qualityOf("br")).isZero();
    }

    @Test
    void skipsUnreadableElements() {
        QualityList accept = QualityList.parse("text/html;q=2, , text/plain;q=abc, image/png;Q=0.3, a/b;q=-1");
        assertThat(accept.entries()).containsExactly(new QualityList.Entry("image/png", 0.3));
    }
}
