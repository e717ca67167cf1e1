package dev.carbonkit.factors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.UnknownCodeException;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.Fallback;
import dev.carbonkit.calc.Footprint;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factor.Region;
import dev.carbonkit.quantity.Quantity;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The public golden cases (docs/research/golden-cases.md) through the bundled catalog. */
class BundledFactorsTest {

    private static final FactorCatalog CATALOG = BundledFactors.catalog();

    private static Activity activity(String type, String quantity, String region, String date, String factorId) {
        return Activity.builder("golden").account("auditor").type(type).quantity(Quantity.parse(quantity))
                .time(LocalDate.parse(date).atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC)
                .region(Region.of(region)).factorId(factorId).build();
    }

    @Test
    void catalog_hasEveryBundledTableInOrder() {
        assertThat(CATALOG.getTables()).extracting(t -> t.getId()).containsExactlyElementsOf(BundledFactors.TABLE_IDS);
        assertThat(BundledFactors.catalog()).isSameAs(CATALOG);
        assertThat(BundledFactors.available()).as("carbon-factors' own jar has every table")
                .containsExactlyElementsOf(BundledFactors.TABLE_IDS);
        assertThat(BundledFactors.table("desnz-2024").size()).isEqualTo(207);
        assertThat(BundledFactors.table("epa-2025").size()).isEqualTo(235);
        assertThatThrownBy(() -> BundledFactors.table("desnz-2023")).isInstanceOf(UnknownCodeException.class)
                .hasMessage("Unknown bundled table 'desnz-2023'; did you mean 'desnz-2025'?");
        assertThatThrownBy(() -> BundledFactors.table("ipcc")).isInstanceOf(UnknownCodeException.class)
                .hasMessageStartingWith("Unknown bundled table 'ipcc'; known: [desnz-2025, desnz-2024, epa-2025,");
    }

    /**
     * Selected by type, region and date (strict: no fallback), then again by the explicit factor id. The
     * policy allows GWP_NOT_STATED where the publisher states no GWP set (OWID, food).
     */
    @ParameterizedTest(name = "case {0}: {1} {2} {3} {4}")
    @CsvSource({
        "1, transport.car.average.petrol, 12 mi, GB, 2024-06-15, desnz-2024/4_301_3070_9, 3.17676",
        "3, transport.car.average.diesel, 25 km, GB, 2024-06-15, desnz-2024/4_301_3069_4, 4.246",
        "4, transport.car.average.hybrid, 40 km, GB, 2024-06-15, desnz-2024/4_301_3071_4, 5.0428",
        "7, transport.motorbike.average, 30 mi, GB, 2024-06-15, desnz-2024/4_302_3080_9, 5.4879",
        "7, transport.motorbike.average, 30 mi, GB, 2025-06-15, desnz-2025/4_302_3080_9, 5.4879",
        "8, transport.bus.local.average, 8.5 passenger.km, GB, 2024-06-15, desnz-2024/25_314_3145_11, 0.92191",
        "8, transport.bus.local.average, 8.5 pkm, GB, 2025-06-15, desnz-2025/25_314_3145_11, 0.882725",
        "9, transport.coach, 200 pkm, GB, 2024-06-15, desnz-2024/25_314_3146_11, 5.434",
        "9, transport.coach, 200 pkm, GB, 2025-06-15, desnz-2025/25_314_3146_11, 5.552",
        "11, transport.rail.underground, 12 pkm, GB, 2024-06-15, desnz-2024/25_315_3150_11, 0.3336",
        "12, transport.rail.tram, 5 pkm, GB, 2024-06-15, desnz-2024/25_315_3149_11, 0.143",
        "14, transport.flight.domestic.average.with_rf, 500 pkm, GB, 2024-06-15, desnz-2024/21_316_3160_11, 136.285",
        "15, transport.flight.domestic.average.without_rf, 500 pkm, GB, 2024-06-15, desnz-2024/21_316_3161_11, 80.49",
        "15, transport.flight.domestic.average.with_rf, 500 pkm, GB, 2025-06-15, desnz-2025/21_316_3160_11, 114.64",
        "15, transport.flight.domestic.average.without_rf, 500 pkm, GB, 2025-06-15, desnz-2025/21_316_3161_11, 67.76",
        "16, transport.flight.short_haul.economy.with_rf, 1200 pkm, GB, 2024-06-15, desnz-2024/21_316_3164_11, 219.444",
        "16, transport.flight.short_haul.economy.without_rf, 1200 pkm, GB, 2024-06-15, desnz-2024/21_316_3165_11, 129.528",
        "16, transport.flight.short_haul.economy.with_rf, 1200 pkm, GB, 2025-06-15, desnz-2025/21_316_3164_11, 150.912",
        "16, transport.flight.short_haul.economy.without_rf, 1200 pkm, GB, 2025-06-15, desnz-2025/21_316_3165_11, 89.22",
        "19, home.electricity.grid, 3.2 kWh, GB, 2024-06-15, desnz-2024/7_400_4000_5, 0.66256",
        "22, home.natural_gas, 1000 kWh, GB, 2024-06-15, desnz-2024/1_100_1004_6, 182.9",
        "22, home.natural_gas, 1000 kWh, GB, 2025-06-15, desnz-2025/1_100_1004_6, 182.96",
        "24, home.natural_gas, 120 m3, GB, 2024-06-15, desnz-2024/1_100_1004_1, 245.4504",
        "24, home.natural_gas, 120 m3, GB, 2025-06-15, desnz-2025/1_100_1004_1, 248.0064",
        "25, accommodation.hotel, 3 room-night, GB, 2024-06-15, desnz-2024/29_600_4000_13, 31.2",
        "25, accommodation.hotel, 3 room-night, GB-LND, 2024-06-15, desnz-2024/29_600_4001_13, 34.5",
        "25, accommodation.hotel, 3 room-night, GB, 2025-06-15, desnz-2025/29_600_4000_13, 31.2",
        "26, home.water.supply, 12.5 m3, GB, 2024-06-15, desnz-2024/17_404_4005_1, 1.913875",
        "26, home.water.supply, 12.5 m3, GB, 2025-06-15, desnz-2025/17_404_4005_1, 2.39125",
        "29, transport.car.average.petrol, 100 mi, US, 2025-06-15, epa-2025/t10/passenger_car, 29.85697",
        "33, transport.flight.us_medium_haul.average.without_rf, 1000 pmi, US, 2025-06-15,"
            + " epa-2025/t10/air_travel_medium_haul_300_miles_2300_miles, 130.1033",
        "45, home.electricity.grid, 1 MWh, US, 2025-06-15, epa-2025/t6/us_average, 351.64249532643",
        "47, home.electricity.grid, 250 kWh, CN, 2023-06-15, cn-electricity/national-2023, 132.65",
        "47, home.electricity.grid, 250 kWh, CN, 2022-06-15, cn-electricity/national-2022, 134.15",
        "40, home.electricity.grid.lifecycle, 3.2 kWh, CN, 2024-06-15, owid/CN-2024, 1.79056544",
        "41, home.electricity.grid.lifecycle, 3.2 kWh, FR, 2024-06-15, owid/FR-2024, 0.141373072",
        "45, home.electricity.grid.lifecycle, 1 MWh, US, 2024-06-15, owid/US-2024, 383.5492",
        "46, home.electricity.grid.lifecycle, 3.2 kWh, GB, 2024-06-15, owid/GB-2024, 0.674851648",
        "49, food.beef.beef_herd, 0.4 kg, GLOBAL, 2024-06-15, poore-nemecek-2018/beef.beef_herd, 39.792",
        "50, food.cheese, 250 g, GLOBAL, 2024-06-15, poore-nemecek-2018/cheese, 5.97",
        "51, food.rice, 1.5 kg, GLOBAL, 2024-06-15, poore-nemecek-2018/rice, 6.675",
        "52, food.tofu.soybeans, 400 g, GLOBAL, 2024-06-15, poore-nemecek-2018/tofu.soybeans, 1.264",
        "54, food.poultry_meat, 750 g, GLOBAL, 2024-06-15, poore-nemecek-2018/poultry_meat, 7.4025",
        "57, food.dark_chocolate, 100 g, GLOBAL, 2024-06-15, poore-nemecek-2018/dark_chocolate, 4.665"})
    void golden_bySelectionAndById(String goldenCase, String type, String quantity, String region, String date,
            String factorId, String expected) {
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.strict()
                .withAllowedFallbacks(Set.of(Fallback.Kind.GWP_NOT_STATED)), CATALOG);
        Footprint selected = engine.score(activity(type, quantity, region, date, null));
        assertThat(selected.getFactor().getId()).isEqualTo(factorId);
        assertThat(selected.getCo2e()).isEqualByComparingTo(expected);
        assertThat(selected.getFallbacks()).allMatch(f -> f.getKind() == Fallback.Kind.GWP_NOT_STATED);
        Footprint byId = engine.score(activity(type, quantity, region, date, factorId));
        assertThat(byId.getCo2e()).isEqualByComparingTo(expected);
        assertThat(byId.getSelection().isExplicit()).isTrue();
    }

    @ParameterizedTest(name = "case {0} under {1}")
    @CsvSource({"1, AR4, transport.car.average.petrol, 12 mi, 3.1768041995",
        "1, AR6, transport.car.average.petrol, 12 mi, 3.1773880916",
        "11, AR4, transport.rail.underground, 12 pkm, 0.3336976658",
        "11, AR6, transport.rail.underground, 12 pkm, 0.3337428194",
        "19, AR4, home.electricity.grid, 3.2 kWh, 0.6627375871",
        "19, AR6, home.electricity.grid, 3.2 kWh, 0.6628629995"})
    void golden_reweighted(String goldenCase, GwpSet gwp, String type, String quantity, String expected) {
        Footprint footprint = FootprintEngine.of(CalculationPolicy.strict().withGwpSet(gwp), CATALOG)
                .score(activity(type, quantity, "GB", "2024-06-15", null));
        assertThat(footprint.getCo2e().setScale(10, RoundingMode.HALF_EVEN)).isEqualByComparingTo(expected);
    }

    @Test
    void chinaFactors_carryTheirUnverifiedStatusIntoExplanations() {
        Footprint footprint = FootprintEngine.of(CalculationPolicy.strict(), CATALOG)
                .score(activity("home.electricity.grid", "250 kWh", "CN-GRID-SOUTHWEST", "2023-06-15", null));
        assertThat(footprint.getCo2e()).isEqualByComparingTo("61.8");
        assertThat(footprint.getExplanation().toString()).contains("status: UNVERIFIED: secondary source");
    }

    @Test
    void evElectricity_isItsOwnRow_andTheTailpipeIsZero() {
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.strict(), CATALOG);
        assertThat(engine.score(activity("transport.car.average.bev", "100 km", "GB", "2024-06-15", null)).getCo2e())
                .isEqualByComparingTo("0");
        assertThat(engine.score(activity("transport.car.average.bev.electricity", "100 km", "GB", "2024-06-15", null))
                .getCo2e()).isEqualByComparingTo("4.358");
    }
}
