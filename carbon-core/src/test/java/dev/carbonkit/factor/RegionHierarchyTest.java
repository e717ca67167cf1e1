package dev.carbonkit.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionHierarchyTest {

    private static List<String> chain(RegionHierarchy hierarchy, String code) {
        return hierarchy.chain(Region.of(code)).stream().map(Region::getCode).toList();
    }

    @Test
    void standard_chains() {
        RegionHierarchy standard = RegionHierarchy.standard();
        assertThat(chain(standard, "FR-75C")).containsExactly("FR-75C", "FR", "EU27", "GLOBAL");
        assertThat(chain(standard, "GB-LND")).containsExactly("GB-LND", "GB", "GLOBAL");
        assertThat(chain(standard, "DE")).containsExactly("DE", "EU27", "GLOBAL");
        assertThat(chain(standard, "EU27")).containsExactly("EU27", "GLOBAL");
        assertThat(chain(standard, "GLOBAL")).containsExactly("GLOBAL");
        assertThat(standard.getGroups().get(Region.of("EU27"))).hasSize(27).contains(Region.of("GR"))
                .doesNotContain(Region.of("GB"));
    }

    @Test
    void builder_groupsOfSubdivisionsComeBeforeTheCountry() {
        RegionHierarchy china = RegionHierarchy.builder()
                .group("CN-GRID-NORTH", List.of("CN-BJ", "CN-TJ"))
                .group("ASIA", List.of("CN", "JP"))
                .build();
        assertThat(chain(china, "CN-BJ")).containsExactly("CN-BJ", "CN-GRID-NORTH", "CN", "ASIA", "GLOBAL");
        assertThat(chain(china, "CN-SH")).containsExactly("CN-SH", "CN", "ASIA", "GLOBAL");
        assertThat(china).isEqualTo(RegionHierarchy.builder().group("CN-GRID-NORTH", List.of("CN-BJ", "CN-TJ"))
                .group("ASIA", List.of("CN", "JP")).build()).isNotEqualTo(RegionHierarchy.standard());
        assertThat(china.hashCode()).isEqualTo(china.hashCode());
        assertThat(china.toString()).startsWith("RegionHierarchy{CN-GRID-NORTH=[CN-BJ, CN-TJ]");
    }

    @Test
    void builder_rejectsNonGroupAndDuplicates() {
        assertThatThrownBy(() -> RegionHierarchy.builder().group("GB", List.of("GB-LND")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a group code (three or more characters): 'GB'");
        assertThatThrownBy(() -> RegionHierarchy.builder().group("EU27", List.of()).group("EU27", List.of()))
                .hasMessage("Group defined twice: 'EU27'");
        assertThatThrownBy(() -> RegionHierarchy.builder().group("NORDIC", List.of("SE", "UK")))
                .isInstanceOf(UnknownRegionException.class);
    }
}
