package dev.carbonkit.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factor.RegionHierarchy;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CalculationPolicyTest {

    @Test
    void defaults() {
        CalculationPolicy policy = CalculationPolicy.defaults();
        assertThat(policy.getGwpSet()).isEqualTo(GwpSet.AR5);
        // every kind but PROXY, which only a policy that names a proxy allows
        assertThat(policy.getAllowedFallbacks()).isEqualTo(EnumSet.complementOf(EnumSet.of(Fallback.Kind.PROXY)));
        assertThat(policy.getProxies()).isEmpty();
        assertThat(policy.getRegionHierarchy()).isEqualTo(RegionHierarchy.standard());
        assertThat(policy.getRounding()).isEmpty();
        assertThat(policy).hasToString("gwp AR5, fallbacks [TYPE, REGION, DATE, GWP_NOT_REWEIGHTED, GWP_NOT_STATED], rounding none");
    }

    @Test
    void strict_allowsNoFallback() {
        for (Fallback.Kind kind : Fallback.Kind.values()) {
            assertThat(CalculationPolicy.strict().allows(kind)).isFalse();
        }
    }

    @Test
    void with_changesOneChoice() {
        CalculationPolicy policy = CalculationPolicy.defaults().withGwpSet(GwpSet.AR6)
                .withAllowedFallbacks(Set.of(Fallback.Kind.REGION)).withRounding(Rounding.of(2, RoundingMode.HALF_UP))
                .withRegionHierarchy(RegionHierarchy.builder().build());
        assertThat(policy.getGwpSet()).isEqualTo(GwpSet.AR6);
        assertThat(policy.allows(Fallback.Kind.REGION)).isTrue();
        assertThat(policy.allows(Fallback.Kind.DATE)).isFalse();
        assertThat(policy.getRounding()).contains(Rounding.of(2, RoundingMode.HALF_UP));
        assertThat(policy.getRegionHierarchy().getGroups()).isEmpty();
        assertThat(policy).isEqualTo(CalculationPolicy.defaults().withGwpSet(GwpSet.AR6)
                .withAllowedFallbacks(Set.of(Fallback.Kind.REGION)).withRounding(Rounding.of(2, RoundingMode.HALF_UP))
                .withRegionHierarchy(RegionHierarchy.builder().build()))
                .isNotEqualTo(CalculationPolicy.defaults());
        assertThat(policy.hashCode()).isEqualTo(policy.hashCode());
        assertThat(CalculationPolicy.defaults().getGwpSet()).isEqualTo(GwpSet.AR5);
    }

    @Test
    void withProxy_namesTheRegion_andAllowsTheFallbackThatRecordsIt() {
        CalculationPolicy policy = CalculationPolicy.strict().withProxy("spend", Region.of("US"));
        assertThat(policy.getProxies()).containsExactly(org.assertj.core.api.Assertions.entry("spend", Region.of("US")));
        assertThat(policy.getAllowedFallbacks()).containsExactly(Fallback.Kind.PROXY);
        assertThat(policy.proxyOrNull("spend.naics.722511")).isEqualTo(Region.of("US"));
        assertThat(policy.proxyOrNull("food.rice")).isNull();
        // the nearest group wins
        assertThat(policy.withProxy("spend.naics.722511", Region.of("CA")).proxyOrNull("spend.naics.722511"))
                .isEqualTo(Region.of("CA"));
        assertThat(policy).hasToString("gwp AR5, fallbacks [PROXY], rounding none, proxies {spend=US}")
                .isEqualTo(CalculationPolicy.strict().withProxy("spend", Region.of("US")))
                .isNotEqualTo(CalculationPolicy.strict().withAllowedFallbacks(Set.of(Fallback.Kind.PROXY)));
        assertThatThrownBy(() -> policy.withProxy("Spend!", Region.of("US"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not an activity type: Spend!");
    }
}
