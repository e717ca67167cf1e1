package dev.carbonkit.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.UnknownCodeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RegionTest {

    @ParameterizedTest
    @CsvSource({"GLOBAL, GLOBAL", "GB, COUNTRY", "CN, COUNTRY", "GB-LND, SUBDIVISION", "CN-BJ, SUBDIVISION",
        "US-CA, SUBDIVISION", "XK, COUNTRY", "EU27, GROUP", "CN-GRID-EAST, GROUP", "EGRID_CAMX, GROUP"})
    void of_kinds(String code, Region.Kind kind) {
        Region region = Region.of(code);
        assertThat(region.getKind()).isEqualTo(kind);
        assertThat(region.getCode()).isEqualTo(code);
        assertThat(region).hasToString(code).isEqualTo(Region.of(code)).hasSameHashCodeAs(Region.of(code));
    }

    @Test
    void groups_areCodesThatNameNoCountry() {
        for (String group : java.util.List.of("EU27", "EGRID-CAMX", "CN-GRID-SOUTH", "OECD", "ASIA_PACIFIC")) {
            assertThat(Region.of(group).getKind()).as(group).isEqualTo(Region.Kind.GROUP);
        }
    }

    @Test
    void getCountry_ofSubdivision() {
        assertThat(Region.of("GB-LND").getCountry()).contains(Region.of("GB"));
        assertThat(Region.of("GB").getCountry()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "UK|Unknown region 'UK'; did you mean 'GB'?", "gb|Unknown region 'gb'; did you mean 'GB'?",
        "XX|Unknown region 'XX'", "XX-ABC|Unknown region 'XX-ABC'", "gb-lnd|Unknown region 'gb-lnd'; did you mean 'GB-LND'?",
        "G|Unknown region 'G'", "global|Unknown region 'global'; did you mean 'GLOBAL'?", "E U|Unknown region 'E U'",
        "USA|Unknown region 'USA'; did you mean 'US'?", "GBR|Unknown region 'GBR'; did you mean 'GB'?",
        "usa|Unknown region 'usa'; did you mean 'US'?", "DEU|Unknown region 'DEU'; did you mean 'DE'?",
        "WORLD|Unknown region 'WORLD'; did you mean 'GLOBAL'?", "EU|Unknown region 'EU'; did you mean 'EU27'?",
        "GERMANY|Unknown region 'GERMANY'; did you mean 'DE'?", "China|Unknown region 'China'; did you mean 'CN'?",
        "UNITED_KINGDOM|Unknown region 'UNITED_KINGDOM'; did you mean 'GB'?",
        "United Kingdom|Unknown region 'United Kingdom'; did you mean 'GB'?"})
    void of_unknown_throwsWithHint(String code, String message) {
        assertThatThrownBy(() -> Region.of(code)).isInstanceOf(UnknownRegionException.class)
                .isInstanceOf(UnknownCodeException.class).hasMessage(message);
    }

    @Test
    void compareTo_byCode() {
        assertThat(Region.of("FR").compareTo(Region.of("GB"))).isNegative();
        assertThat(Region.GLOBAL.compareTo(Region.of("GB"))).isPositive();
    }
}
