package dev.carbonkit.calc;

import static dev.carbonkit.Fixtures.activity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.CarbonMath;
import dev.carbonkit.Fixtures;
import dev.carbonkit.emissions.Gas;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.FactorTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FootprintEngineTest {

    private static final FactorTable DESNZ = Fixtures.desnz2024();
    private static final FootprintEngine ENGINE = FootprintEngine.of(CalculationPolicy.defaults(), DESNZ);
    private static final FootprintEngine STRICT = FootprintEngine.of(CalculationPolicy.strict(), DESNZ);

    @Test
    void of_noTables_throws() {
        assertThatThrownBy(() -> FootprintEngine.of(CalculationPolicy.defaults(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("An engine needs at least one factor table");
    }

    @Test
    void accessors() {
        assertThat(ENGINE.getPolicy()).isEqualTo(CalculationPolicy.defaults());
        assertThat(ENGINE.getTables()).containsExactly(DESNZ);
        assertThat(ENGINE.toString()).isEqualTo("FootprintEngine[" + CalculationPolicy.defaults() + "; tables [desnz-2024 "
                + DESNZ.getDigest() + "]]");
        assertThat(ENGINE.select(activity("a", "home.electricity.grid", "1 kWh", "GB", "2024-01-01")).getFactor().getId())
                .isEqualTo("desnz-2024/7_400_4000_5");
    }

    @Test
    void score_recordsFactorTableAndDigest() {
        Footprint footprint = ENGINE.score(activity("e1", "home.electricity.grid", "3.2 kWh", "GB", "2024-02-01"));
        assertThat(footprint.getCo2e()).isEqualByComparingTo("0.66256");
        assertThat(footprint.getFactor().getId()).isEqualTo("desnz-2024/7_400_4000_5");
        assertThat(footprint.getTableId()).isEqualTo("desnz-2024");
        assertThat(footprint.getTableDigest()).isEqualTo(DESNZ.getDigest());
        assertThat(footprint.getGwpSet()).contains(GwpSet.AR5);
        assertThat(footprint.getRequestedGwpSet()).isEqualTo(GwpSet.AR5);
        assertThat(footprint.getQuantityInFactorUnit()).hasToString("3.2 kWh");
        assertThat(footprint.isConversionExact()).isTrue();
        assertThat(footprint.getScaledTotal()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.66256"));
        assertThat(footprint.getScaledGases()).containsOnlyKeys(Gas.CO2, Gas.CH4_FOSSIL, Gas.N2O);
        assertThat(footprint.getPresentedCo2e()).isEmpty();
        assertThat(footprint.getRounding()).isEmpty();
        assertThat(footprint).hasToString("e1: 0.66256 kg CO2e (AR5) from desnz-2024/7_400_4000_5");
    }

    @Test
    void score_conversionThatDoesNotTerminate_roundsEachProductOnce() {
        // 10 km against the per-mile row: 10 / 1.609344 x 0.26473, rounded once to 34 digits
        FactorTable perMileOnly = FactorTable.builder(Fixtures.DESNZ_2024).add(DESNZ.getFactor("desnz-2024/4_301_3070_9")
                .orElseThrow()).build();
        Footprint footprint = FootprintEngine.of(CalculationPolicy.defaults(), perMileOnly)
                .score(activity("k", "transport.car.average.petrol", "10 km", "GB", "2024-02-01"));
        assertThat(footprint.isConversionExact()).isFalse();
        assertThat(footprint.getCo2e()).isEqualTo(
                new BigDecimal("2.6473").divide(new BigDecimal("1.609344"), CarbonMath.CONTEXT));
        // Python decimal, 34 digits: Decimal("2.6473") / Decimal("1.609344")
        assertThat(footprint.getCo2e()).hasToString("1.644955957209894217768233516265012");
        assertThat(footprint.getQuantityInFactorUnit()).hasToString("6.213711922373339696174341843633182 mi");
    }

    @Test
    void score_presentationRounding_keepsExactValue() {
        Footprint footprint = FootprintEngine.of(CalculationPolicy.defaults().withRounding(Rounding.of(2, RoundingMode.HALF_EVEN)), DESNZ)
                .score(activity("r", "transport.car.average.petrol", "12 mi", "GB", "2024-02-01"));
        assertThat(footprint.getCo2e()).isEqualByComparingTo("3.17676");
        assertThat(footprint.getPresentedCo2e()).contains(new BigDecimal("3.18"));
        assertThat(footprint.getRounding()).contains(Rounding.of(2, RoundingMode.HALF_EVEN));
    }

    @Test
    void score_strict_forbidsRegionFallback() {
        assertThatThrownBy(() -> STRICT.score(activity("s1", "home.electricity.grid", "1 kWh", "GB-LND", "2024-02-01")))
                .isInstanceOf(FallbackNotAllowedException.class)
                .hasMessage("Activity 's1': the policy forbids the fallback it would need: REGION: GB-LND -> GB")
                .satisfies(e -> assertThat(((FallbackNotAllowedException) e).getFallback().getKind())
                        .isEqualTo(Fallback.Kind.REGION));
    }

    @Test
    void score_typeAbove_isAFallback_explained_andForbiddenWhenStrict() {
        Footprint footprint = FootprintEngine.of(CalculationPolicy.defaults(), DESNZ)
                .score(activity("t1", "home.electricity.grid.green_tariff", "3.2 kWh", "GB", "2024-02-01"));
        assertThat(footprint.getCo2e()).isEqualByComparingTo("0.66256");
        assertThat(footprint.getFactor().getActivityType()).isEqualTo("home.electricity.grid");
        assertThat(footprint.getExplanation().toString()).contains("FALLBACK  no factor for activity type"
                + " home.electricity.grid.green_tariff; used the type above it, home.electricity.grid");
        assertThatThrownBy(() -> STRICT.score(activity("t2", "home.electricity.grid.green_tariff", "1 kWh", "GB",
                "2024-02-01")))
                .isInstanceOf(FallbackNotAllowedException.class)
                .hasMessage("Activity 't2': the policy forbids the fallback it would need: TYPE:"
                        + " home.electricity.grid.green_tariff -> home.electricity.grid");
    }

    @Test
    void score_proxy_isTriedOnlyWhereThePolicyNamesOne_recorded_explained_andReplayed() {
        // DESNZ has grid electricity for GB only: FR finds none in its chain [FR, EU27, GLOBAL]
        Activity paris = activity("p1", "home.electricity.grid", "3.2 kWh", "FR", "2024-02-01");
        assertThatThrownBy(() -> ENGINE.score(paris)).isInstanceOf(FactorNotFoundException.class)
                .hasMessageContaining("no factor for type 'home.electricity.grid' in region FR");
        CalculationPolicy proxied = CalculationPolicy.defaults().withProxy("home.electricity",
                dev.carbonkit.factor.Region.of("GB"));
        Footprint footprint = FootprintEngine.of(proxied, DESNZ).score(paris);
        assertThat(footprint.getCo2e()).isEqualByComparingTo("0.66256");
        assertThat(footprint.getFallbacks()).extracting(Fallback::toString).containsExactly("PROXY: FR -> GB");
        assertThat(footprint.getExplanation().toString()).contains("FALLBACK  no factor for region FR or any region it"
                + " is in; used GB's as a proxy, as the policy names it for this type");
        // its receipt names the proxy, and replays
        dev.carbonkit.audit.Receipt receipt = dev.carbonkit.audit.Receipt.of(footprint);
        assertThat(receipt.toJson()).contains("\"proxies\":{\"home.electricity\":\"GB\"}")
                .contains("\"fallbacks\":[\"TYPE\",\"REGION\",\"PROXY\",");
        assertThat(dev.carbonkit.audit.ReceiptVerifier.of(dev.carbonkit.factor.FactorCatalog.of(DESNZ), List.of())
                .verify(receipt).getStatus()).isEqualTo(dev.carbonkit.audit.Verification.Status.REPRODUCED);
        // a type outside the group, or a strict policy without the proxy, is refused as before
        assertThatThrownBy(() -> FootprintEngine.of(proxied, DESNZ).score(activity("p2", "transport.car.average.petrol",
                "10 km", "FR", "2024-02-01"))).isInstanceOf(FactorNotFoundException.class);
        assertThat(FootprintEngine.of(CalculationPolicy.strict().withProxy("home", dev.carbonkit.factor.Region.of("GB")),
                DESNZ).score(paris).getFallbacks()).extracting(Fallback::getKind).containsExactly(Fallback.Kind.PROXY);
    }

    @Test
    void scoreEach_scoresWhatItCan_andNamesEachFailure() {
        Scored scored = STRICT.scoreEach(List.of(
                activity("ok", "home.electricity.grid", "3.2 kWh", "GB", "2024-02-01"),
                activity("no-type", "transport.teleport", "1 km", "GB", "2024-02-01"),
                activity("fallback", "home.electricity.grid", "1 kWh", "GB-LND", "2024-02-01"),
                activity("ok-2", "transport.car.average.petrol", "12 mi", "GB", "2024-02-01")));
        assertThat(scored.getFootprints()).extracting(f -> f.getActivity().getId()).containsExactly("ok", "ok-2");
        assertThat(scored.getFootprints().get(1).getCo2e()).isEqualByComparingTo("3.17676");
        assertThat(scored.getFailures()).containsOnlyKeys("no-type", "fallback");
        assertThat(scored.getFailures().get("no-type")).isInstanceOf(FactorNotFoundException.class);
        assertThat(scored.getFailures().get("fallback")).isInstanceOf(FallbackNotAllowedException.class);
        assertThat(scored.isComplete()).isFalse();
        assertThat(scored).hasToString("2 scored, 2 not [no-type, fallback]");
        assertThatThrownBy(() -> STRICT.scoreEach(List.of(
                activity("same", "home.electricity.grid", "1 kWh", "GB", "2024-02-01"),
                activity("same", "home.electricity.grid", "2 kWh", "GB", "2024-02-01"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Activity id 'same' appears twice in the batch");
    }

    @Test
    void score_strict_forbidsDateFallback() {
        assertThatThrownBy(() -> STRICT.score(activity("s2", "home.electricity.grid", "1 kWh", "GB", "2026-02-01")))
                .isInstanceOf(FallbackNotAllowedException.class)
                .hasMessage("Activity 's2': the policy forbids the fallback it would need: DATE: 2026-02-01 ->"
                        + " 2024-01-01/2024-12-31");
    }

    @Test
    void score_strict_forbidsGwpFallbacks() {
        assertThatThrownBy(() -> FootprintEngine.of(CalculationPolicy.strict(), Fixtures.epa2025())
                .score(activity("s3", "waste.mixed_msw.landfill", "500 lb", "US", "2025-02-01")))
                .isInstanceOf(FallbackNotAllowedException.class)
                .hasMessage("Activity 's3': the policy forbids the fallback it would need: GWP_NOT_REWEIGHTED: AR5 -> AR4");
        assertThatThrownBy(() -> FootprintEngine.of(CalculationPolicy.strict(), Fixtures.owid())
                .score(activity("s4", "home.electricity.grid", "1 kWh", "FR", "2024-02-01")))
                .isInstanceOf(FallbackNotAllowedException.class)
                .hasMessage("Activity 's4': the policy forbids the fallback it would need: GWP_NOT_STATED: AR5 -> not stated");
        assertThat(FootprintEngine.of(CalculationPolicy.strict().withGwpSet(GwpSet.AR4), Fixtures.epa2025())
                .score(activity("s5", "waste.mixed_msw.landfill", "500 lb", "US", "2025-02-01")).getCo2e())
                .isEqualByComparingTo("145");
    }

    @Test
    void score_allowsOnlyTheFallbacksThePolicyLists() {
        FootprintEngine regionOnly = FootprintEngine.of(CalculationPolicy.defaults()
                .withAllowedFallbacks(Set.of(Fallback.Kind.REGION)), DESNZ);
        assertThat(regionOnly.score(activity("p1", "home.electricity.grid", "1 kWh", "GB-LND", "2024-02-01"))
                .getFallbacks()).containsExactly(Fallback.of(Fallback.Kind.REGION, "GB-LND", "GB"));
        assertThatThrownBy(() -> regionOnly.score(activity("p2", "home.electricity.grid", "1 kWh", "GB-LND", "2025-02-01")))
                .isInstanceOf(FallbackNotAllowedException.class);
    }

    @Test
    void score_totalOnlyFactor_unstatedGwp_isRecordedNotHidden() {
        Footprint footprint = FootprintEngine.of(CalculationPolicy.defaults(), Fixtures.poore())
                .score(activity("f", "food.cheese", "250 g", "GB", "2024-02-01"));
        assertThat(footprint.getCo2e()).isEqualByComparingTo("5.97");
        assertThat(footprint.getGwpSet()).isEmpty();
        assertThat(footprint.getFallbacks()).containsExactly(Fallback.of(Fallback.Kind.REGION, "GB", "GLOBAL"),
                Fallback.of(Fallback.Kind.GWP_NOT_STATED, "AR5", "not stated"));
    }

    @Test
    void score_co2OnlyFactor_isTheCo2Mass() {
        Footprint footprint = FootprintEngine.of(CalculationPolicy.strict().withGwpSet(GwpSet.AR6), Fixtures.mee())
                .score(activity("cn", "home.electricity.grid", "250 kWh", "CN", "2023-02-01"));
        assertThat(footprint.getCo2e()).isEqualByComparingTo("132.65");
        assertThat(footprint.getEmissions().getGases()).containsExactly(Gas.CO2);
    }

    @Test
    void scoreAll_andStream_keepOrder() {
        List<Activity> activities = List.of(activity("1", "home.electricity.grid", "1 kWh", "GB", "2024-02-01"),
                activity("2", "home.water.supply", "1 m3", "GB", "2024-02-01"));
        assertThat(ENGINE.scoreAll(activities)).extracting(f -> f.getActivity().getId()).containsExactly("1", "2");
        assertThat(ENGINE.score(activities.stream())).extracting(Footprint::getCo2e)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.20705"), new BigDecimal("0.15311"));
        assertThat(ENGINE.score(Stream.<Activity>empty())).isEmpty();
    }

    @Test
    void scoreAll_badActivity_namesIt() {
        List<Activity> activities = List.of(activity("good", "home.electricity.grid", "1 kWh", "GB", "2024-02-01"),
                activity("bad", "home.electricity.grid", "1 kg", "GB", "2024-02-01"));
        assertThatThrownBy(() -> ENGINE.scoreAll(activities)).isInstanceOf(FactorNotFoundException.class)
                .hasMessageStartingWith("Activity 'bad': ");
    }

    @Test
    void score_tablesInPrecedence_desnz2025Before2024() {
        FootprintEngine both = FootprintEngine.of(CalculationPolicy.defaults(), Fixtures.desnz2025(), DESNZ);
        assertThat(both.score(activity("b1", "home.water.supply", "12.5 m3", "GB", "2025-02-01")).getCo2e())
                .isEqualByComparingTo("2.39125");
        assertThat(both.score(activity("b2", "home.water.supply", "12.5 m3", "GB", "2024-02-01")).getCo2e())
                .isEqualByComparingTo("1.913875");
    }
}
