package dev.carbonkit.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.carbonkit.CarbonMath;
import dev.carbonkit.Generators;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmissionsTest {

    private static final Map<Gas, BigDecimal> PETROL_12_MI = Map.of(Gas.CO2, new BigDecimal("3.16368"),
            Gas.CH4_FOSSIL, new BigDecimal("0.00684"), Gas.N2O, new BigDecimal("0.00624"));

    @Test
    void ofMasses_weighsExactly() {
        Emissions e = Emissions.ofMasses(Map.of(Gas.CO2, new BigDecimal("29.7"), Gas.CH4_FOSSIL,
                new BigDecimal("0.00059"), Gas.N2O, new BigDecimal("0.00053")), GwpSet.AR5);
        assertThat(e.getCo2e()).isEqualByComparingTo("29.85697");
        assertThat(e.getCo2e(Gas.N2O)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.14045"));
        assertThat(e.getGwpSet()).contains(GwpSet.AR5);
        assertThat(e.isTotalPublished()).isFalse();
        assertThat(e.isReweightable()).isTrue();
    }

    @Test
    void ofGasCo2e_derivesMassesWithTheDocumentedContext() {
        Emissions e = Emissions.ofGasCo2e(PETROL_12_MI, GwpSet.AR5);
        assertThat(e.getCo2e()).isEqualByComparingTo("3.17676");
        assertThat(e.getMass(Gas.CO2)).contains(new BigDecimal("3.16368"));
        assertThat(e.getMass(Gas.CH4_FOSSIL)).contains(new BigDecimal("0.00684").divide(new BigDecimal(28), CarbonMath.CONTEXT));
        assertThat(e.getGases()).containsExactly(Gas.CO2, Gas.CH4_FOSSIL, Gas.N2O);
    }

    @Test
    void withPublishedTotal_isAuthoritative() {
        Emissions e = Emissions.ofGasCo2e(Map.of(Gas.CO2, new BigDecimal("4.20425"), Gas.CH4_FOSSIL,
                new BigDecimal("0.00011592"), Gas.N2O, new BigDecimal("0.04175")), GwpSet.AR5)
                .withPublishedTotal(new BigDecimal("4.24600"));
        assertThat(e.getCo2e()).hasToString("4.246");
        assertThat(e.isTotalPublished()).isTrue();
    }

    @Test
    void reweighted_golden1ToAr4() {
        Emissions ar4 = Emissions.ofGasCo2e(PETROL_12_MI, GwpSet.AR5).reweighted(GwpSet.AR4);
        assertThat(ar4.getCo2e().setScale(10, java.math.RoundingMode.HALF_EVEN)).isEqualByComparingTo("3.1768041995");
        assertThat(ar4.getGwpSet()).contains(GwpSet.AR4);
    }

    @Test
    void reweighted_sameSet_returnsThis() {
        Emissions e = Emissions.ofGasCo2e(PETROL_12_MI, GwpSet.AR5);
        assertThat(e.reweighted(GwpSet.AR5)).isSameAs(e);
    }

    @Test
    void reweighted_totalOnly_throws() {
        Emissions hotel = Emissions.ofTotal(new BigDecimal("31.2"), GwpSet.AR5);
        assertThat(hotel.isReweightable()).isFalse();
        assertThatThrownBy(() -> hotel.reweighted(GwpSet.AR4)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot re-weight 31.2 kg CO2e (AR5) under AR4: no per-gas values");
    }

    /** AR5 -> AR4 -> AR5 returns the original CO2e within the documented 34-digit context. */
    @Test
    void reweighted_roundTrip_returnsOriginalWithinContext() {
        qt().withFixedSeed(20261128L).withExamples(1000)
                .forAll(Generators.amounts(), Generators.amounts(), Generators.amounts())
                .checkAssert((co2, ch4, n2o) -> {
                    Emissions original = Emissions.ofGasCo2e(Map.of(Gas.CO2, co2, Gas.CH4_FOSSIL, ch4, Gas.N2O, n2o),
                            GwpSet.AR5);
                    Emissions back = original.reweighted(GwpSet.AR4).reweighted(GwpSet.AR6).reweighted(GwpSet.AR5);
                    MathContext within = new MathContext(CarbonMath.CONTEXT.getPrecision() - 2);
                    assertThat(back.getCo2e().round(within)).isEqualByComparingTo(original.getCo2e().round(within));
                    for (Gas gas : original.getGases()) {
                        assertThat(back.getCo2e(gas).orElseThrow().round(within))
                                .isEqualByComparingTo(original.getCo2e(gas).orElseThrow().round(within));
                    }
                });
    }

    @Test
    void plus_sameSet_addsTotalsAndGases() {
        Emissions a = Emissions.ofGasCo2e(PETROL_12_MI, GwpSet.AR5);
        Emissions sum = a.plus(a);
        assertThat(sum.getCo2e()).isEqualByComparingTo("6.35352");
        assertThat(sum.getCo2e(Gas.CO2)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("6.32736"));
        assertThat(Emissions.none().plus(a)).isSameAs(a);
        assertThat(a.plus(Emissions.none())).isSameAs(a);
    }

    @Test
    void plus_otherSet_throws() {
        assertThatThrownBy(() -> Emissions.ofGasCo2e(PETROL_12_MI, GwpSet.AR5).plus(Emissions.ofTotal(BigDecimal.ONE, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("GWP sets differ: AR5/null");
    }

    @Test
    void ofTotal_unstatedSet() {
        Emissions e = Emissions.ofTotal(new BigDecimal("1.79056544"), null);
        assertThat(e.getGwpSet()).isEmpty();
        assertThat(e).hasToString("1.79056544 kg CO2e (GWP set not stated)");
    }

    @Test
    void equalsHashCodeToString() {
        Emissions a = Emissions.ofGasCo2e(PETROL_12_MI, GwpSet.AR5);
        Emissions b = Emissions.ofGasCo2e(Map.of(Gas.N2O, new BigDecimal("0.006240"), Gas.CO2, new BigDecimal("3.16368"),
                Gas.CH4_FOSSIL, new BigDecimal("0.00684")), GwpSet.AR5);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(a.withPublishedTotal(a.getCo2e()));
        assertThat(a).hasToString("3.17676 kg CO2e (AR5; CO2 3.16368, CH4-fossil 0.00684, N2O 0.00624)");
        assertThat(Emissions.none().getCo2e()).isEqualByComparingTo("0");
    }
}
