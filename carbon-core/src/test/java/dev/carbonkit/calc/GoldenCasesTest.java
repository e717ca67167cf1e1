package dev.carbonkit.calc;

import static dev.carbonkit.Fixtures.activity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.Fixtures;
import dev.carbonkit.emissions.Gas;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.quantity.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of docs/research/golden-cases.md that carbon-core can compute with in-test fixtures, with the
 * expected values as listed there. Exact values are compared exactly; values the reference marks with a
 * tilde (a division by 28 or 265) are compared after rounding half-even to 10 decimal places, as the
 * reference states them.
 */
class GoldenCasesTest {

    private static final Supplier<FactorTable> DESNZ_2024 = Fixtures::desnz2024;
    private static final Supplier<FactorTable> DESNZ_2025 = Fixtures::desnz2025;
    private static final Supplier<FactorTable> EPA = Fixtures::epa2025;
    private static final Supplier<FactorTable> OWID = Fixtures::owid;
    private static final Supplier<FactorTable> MEE = Fixtures::mee;
    private static final Supplier<FactorTable> POORE = Fixtures::poore;

    /** One golden case: expected is exact unless approx, which means rounded half-even to 10 dp. */
    record Case(String name, Supplier<FactorTable> table, String type, String quantity, String region, String date,
            GwpSet gwp, String expected, boolean approx) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Case exact(String name, Supplier<FactorTable> table, String type, String quantity, String region,
            String date, String expected) {
        return new Case(name, table, type, quantity, region, date, GwpSet.AR5, expected, false);
    }

    static Case under(GwpSet gwp, String name, Supplier<FactorTable> table, String type, String quantity,
            String region, String date, String expected, boolean approx) {
        return new Case(name, table, type, quantity, region, date, gwp, expected, approx);
    }

    static Stream<Case> cases() {
        String d24 = "2024-06-15";
        String d25 = "2025-06-15";
        return Stream.of(
                exact("1 petrol car 12 mi", DESNZ_2024, "transport.car.average.petrol", "12 mi", "GB", d24, "3.17676"),
                under(GwpSet.AR4, "1 petrol car AR4", DESNZ_2024, "transport.car.average.petrol", "12 mi", "GB", d24,
                        "3.1768041995", true),
                under(GwpSet.AR6, "1 petrol car AR6", DESNZ_2024, "transport.car.average.petrol", "12 mi", "GB", d24,
                        "3.1773880916", true),
                exact("3 diesel car 25 km", DESNZ_2024, "transport.car.average.diesel", "25 km", "GB", d24, "4.246"),
                exact("4 hybrid car 40 km", DESNZ_2024, "transport.car.average.hybrid", "40 km", "GB", d24, "5.0428"),
                exact("7 motorbike 30 mi", DESNZ_2024, "transport.motorbike.average", "30 mi", "GB", d24, "5.4879"),
                exact("8 bus 8.5 pkm", DESNZ_2024, "transport.bus.local.average", "8.5 passenger.km", "GB", d24,
                        "0.92191"),
                exact("8 bus 2025", DESNZ_2025, "transport.bus.local.average", "8.5 pkm", "GB", d25, "0.882725"),
                exact("9 coach 2025", DESNZ_2025, "transport.coach", "200 pkm", "GB", d25, "5.552"),
                exact("11 underground 12 pkm", DESNZ_2024, "transport.rail.underground", "12 pkm", "GB", d24, "0.3336"),
                under(GwpSet.AR4, "11 underground AR4", DESNZ_2024, "transport.rail.underground", "12 pkm", "GB", d24,
                        "0.3336976658", true),
                under(GwpSet.AR6, "11 underground AR6 fossil CH4", DESNZ_2024, "transport.rail.underground", "12 pkm",
                        "GB", d24, "0.3337428194", true),
                exact("12 tram 5 pkm", DESNZ_2024, "transport.rail.tram", "5 pkm", "GB", d24, "0.143"),
                exact("14 domestic flight with RF", DESNZ_2024, "transport.flight.domestic.with_rf", "500 pkm", "GB",
                        d24, "136.285"),
                exact("15 domestic flight without RF", DESNZ_2024, "transport.flight.domestic.without_rf", "500 pkm",
                        "GB", d24, "80.49"),
                exact("15 domestic flight with RF 2025", DESNZ_2025, "transport.flight.domestic.with_rf", "500 pkm",
                        "GB", d25, "114.64"),
                exact("15 domestic flight without RF 2025", DESNZ_2025, "transport.flight.domestic.without_rf",
                        "500 pkm", "GB", d25, "67.76"),
                exact("16 short-haul economy with RF", DESNZ_2024, "transport.flight.short_haul.economy.with_rf",
                        "1200 pkm", "GB", d24, "219.444"),
                exact("16 short-haul economy without RF", DESNZ_2024, "transport.flight.short_haul.economy.without_rf",
                        "1200 pkm", "GB", d24, "129.528"),
                exact("16 short-haul economy with RF 2025", DESNZ_2025, "transport.flight.short_haul.economy.with_rf",
                        "1200 pkm", "GB", d25, "150.912"),
                exact("16 short-haul economy without RF 2025", DESNZ_2025,
                        "transport.flight.short_haul.economy.without_rf", "1200 pkm", "GB", d25, "89.22"),
                exact("19 UK electricity 3.2 kWh", DESNZ_2024, "home.electricity.grid", "3.2 kWh", "GB", d24,
                        "0.66256"),
                under(GwpSet.AR4, "19 UK electricity AR4", DESNZ_2024, "home.electricity.grid", "3.2 kWh", "GB", d24,
                        "0.6627375871", true),
                under(GwpSet.AR6, "19 UK electricity AR6", DESNZ_2024, "home.electricity.grid", "3.2 kWh", "GB", d24,
                        "0.6628629995", true),
                exact("22 natural gas 1000 kWh", DESNZ_2024, "home.natural_gas", "1000 kWh", "GB", d24, "182.9"),
                exact("22 natural gas 2025", DESNZ_2025, "home.natural_gas", "1000 kWh", "GB", d25, "182.96"),
                exact("24 natural gas 120 m3", DESNZ_2024, "home.natural_gas", "120 m3", "GB", d24, "245.4504"),
                exact("24 natural gas 120 m3 2025", DESNZ_2025, "home.natural_gas", "120 m3", "GB", d25, "248.0064"),
                exact("25 hotel 3 room-nights", DESNZ_2024, "accommodation.hotel", "3 room-night", "GB", d24, "31.2"),
                exact("25 hotel London", DESNZ_2024, "accommodation.hotel", "3 room-night", "GB-LND", d24, "34.5"),
                exact("25 hotel 2025", DESNZ_2025, "accommodation.hotel", "3 room-night", "GB", d25, "31.2"),
                exact("26 water 12.5 m3", DESNZ_2024, "home.water.supply", "12.5 m3", "GB", d24, "1.913875"),
                exact("26 water 2025", DESNZ_2025, "home.water.supply", "12.5 m3", "GB", d25, "2.39125"),
                exact("29 US car AR5", EPA, "transport.car.average.petrol", "100 mi", "US", d25, "29.85697"),
                under(GwpSet.AR4, "29 US car AR4", EPA, "transport.car.average.petrol", "100 mi", "US", d25,
                        "29.87269", false),
                under(GwpSet.AR6, "29 US car AR6", EPA, "transport.car.average.petrol", "100 mi", "US", d25,
                        "29.862272", false),
                exact("33 US air medium haul", EPA, "transport.flight.medium_haul", "1000 pmi", "US", d25, "130.1033"),
                under(GwpSet.AR4, "39 US MSW landfill 500 lb", EPA, "waste.mixed_msw.landfill", "500 lb", "US", d25,
                        "145", false),
                exact("40 China grid OWID", OWID, "home.electricity.grid", "3.2 kWh", "CN", d24, "1.79056544"),
                exact("41 France grid OWID", OWID, "home.electricity.grid", "3.2 kWh", "FR", d24, "0.141373072"),
                exact("45 US grid OWID 1 MWh", OWID, "home.electricity.grid", "1 MWh", "US", d24, "383.5492"),
                exact("46 UK grid OWID", OWID, "home.electricity.grid", "3.2 kWh", "GB", d24, "0.674851648"),
                exact("47 China MEE 2023", MEE, "home.electricity.grid", "250 kWh", "CN", "2023-06-15", "132.65"),
                exact("47 China MEE 2022", MEE, "home.electricity.grid", "250 kWh", "CN", "2022-06-15", "134.15"),
                exact("49 beef 0.4 kg", POORE, "food.beef.beef_herd", "0.4 kg", "GLOBAL", d24, "39.792"),
                exact("50 cheese 250 g", POORE, "food.cheese", "250 g", "GLOBAL", d24, "5.97"),
                exact("51 rice 1.5 kg", POORE, "food.rice", "1.5 kg", "GLOBAL", d24, "6.675"),
                exact("52 tofu 400 g", POORE, "food.tofu", "400 g", "GLOBAL", d24, "1.264"),
                exact("54 poultry 750 g", POORE, "food.poultry", "750 g", "GLOBAL", d24, "7.4025"),
                exact("57 dark chocolate 100 g", POORE, "food.dark_chocolate", "100 g", "GLOBAL", d24, "4.665"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void golden(Case c) {
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults().withGwpSet(c.gwp()), c.table().get());
        Footprint footprint = engine.score(activity("golden", c.type(), c.quantity(), c.region(), c.date()));
        BigDecimal co2e = c.approx() ? footprint.getCo2e().setScale(10, RoundingMode.HALF_EVEN) : footprint.getCo2e();
        assertThat(co2e).as(footprint.getExplanation().toString()).isEqualByComparingTo(c.expected());
    }

    //-----------------------------------------------------------------------
    @Test
    void case1_perGas_isExactUnderAr5() {
        Footprint footprint = score(DESNZ_2024, GwpSet.AR5, "transport.car.average.petrol", "12 mi", "GB");
        assertThat(footprint.getEmissions().getCo2e(Gas.CO2)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("3.16368"));
        assertThat(footprint.getEmissions().getCo2e(Gas.CH4_FOSSIL)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.00684"));
        assertThat(footprint.getEmissions().getCo2e(Gas.N2O)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.00624"));
        assertThat(footprint.getFactor().getId()).isEqualTo("desnz-2024/4_301_3070_9");
        assertThat(footprint.getFallbacks()).isEmpty();
    }

    @Test
    void case1_perMileRowIsPreferredToPerKmRow() {
        Footprint footprint = score(DESNZ_2024, GwpSet.AR5, "transport.car.average.petrol", "12 mi", "GB");
        assertThat(footprint.getFactor().getPer().getCode()).isEqualTo("mi");
        Footprint inKm = score(DESNZ_2024, GwpSet.AR5, "transport.car.average.petrol", "19.312128 km", "GB");
        // the same distance against the independently rounded per-km row: 19.312128 x 0.1645
        assertThat(inKm.getCo2e()).isEqualByComparingTo("3.176845056");
    }

    @Test
    void case3_publishedTotalIsAuthoritativeThoughGasesDoNotAddUp() {
        Footprint footprint = score(DESNZ_2024, GwpSet.AR5, "transport.car.average.diesel", "25 km", "GB");
        assertThat(footprint.getCo2e()).isEqualByComparingTo("4.246");
        assertThat(footprint.getEmissions().isTotalPublished()).isTrue();
        assertThat(footprint.getEmissions().getCo2e(Gas.CO2)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("4.20425"));
        assertThat(footprint.getEmissions().getCo2e(Gas.CH4_FOSSIL)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.00011592"));
        assertThat(footprint.getEmissions().getCo2e(Gas.N2O)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.04175"));
        BigDecimal sumOfParts = footprint.getEmissions().getCo2eByGas().values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sumOfParts).isEqualByComparingTo("4.24611592");
    }

    @Test
    void case9_coachKilometresTimesOnePassenger() {
        Quantity passengerKm = Quantity.parse("200 km").multipliedBy(Quantity.parse("1 count"));
        assertThat(passengerKm).hasToString("200 pkm");
        Activity trip = Activity.builder("coach").account("alice").type("transport.coach").quantity(passengerKm)
                .time(java.time.Instant.parse("2024-06-15T12:00:00Z"), Fixtures.LONDON)
                .region(dev.carbonkit.factor.Region.of("GB")).build();
        assertThat(FootprintEngine.of(CalculationPolicy.defaults(), Fixtures.desnz2024()).score(trip).getCo2e())
                .isEqualByComparingTo("5.434");
    }

    @Test
    void case11_ar6WithGenericMethane() {
        FactorTable table = FactorTable.builder(Fixtures.DESNZ_2024)
                .add(dev.carbonkit.factor.EmissionFactor.builder("desnz-2024/25_315_3150_11", Fixtures.DESNZ_2024)
                        .activityType("transport.rail.underground").region(dev.carbonkit.factor.Region.of("GB"))
                        .validity(dev.carbonkit.factor.ValidityPeriod.ofYear(2024))
                        .per(dev.carbonkit.quantity.Unit.PASSENGER_KILOMETRE).co2e(Fixtures.kg("0.0278"))
                        .gwpSet(GwpSet.AR5).gasBasis(dev.carbonkit.emissions.GasBasis.CO2E)
                        .gas(Gas.CO2, Fixtures.kg("0.02753")).gas(Gas.CH4, Fixtures.kg("0.00011"))
                        .gas(Gas.N2O, Fixtures.kg("0.00016")).build())
                .build();
        Footprint footprint = FootprintEngine.of(CalculationPolicy.defaults().withGwpSet(GwpSet.AR6), table)
                .score(activity("tube", "transport.rail.underground", "12 pkm", "GB", "2024-06-15"));
        assertThat(footprint.getCo2e().setScale(10, RoundingMode.HALF_EVEN)).isEqualByComparingTo("0.333653248");
    }

    @Test
    void case29_perGasMassesInKg() {
        Footprint footprint = score(EPA, GwpSet.AR5, "transport.car.average.petrol", "100 mi", "US");
        assertThat(footprint.getEmissions().getMass(Gas.CO2)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("29.7"));
        assertThat(footprint.getEmissions().getMass(Gas.CH4_FOSSIL)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.00059"));
        assertThat(footprint.getEmissions().getMass(Gas.N2O)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.00053"));
    }

    @Test
    void case39_underAr5_usesAr4TotalAndRecordsFallback() {
        Footprint footprint = score(EPA, GwpSet.AR5, "waste.mixed_msw.landfill", "500 lb", "US");
        assertThat(footprint.getCo2e()).isEqualByComparingTo("145");
        assertThat(footprint.getGwpSet()).contains(GwpSet.AR4);
        assertThat(footprint.getFallbacks()).containsExactly(Fallback.of(Fallback.Kind.GWP_NOT_REWEIGHTED, "AR5", "AR4"));
        assertThat(footprint.getQuantityInFactorUnit()).hasToString("0.25 short-ton");
    }

    @Test
    void case47_chinaFactorKeepsItsUnverifiedStatusInTheExplanation() {
        Footprint footprint = FootprintEngine.of(CalculationPolicy.strict(), Fixtures.mee())
                .score(activity("cn", "home.electricity.grid", "250 kWh", "CN", "2023-06-15"));
        assertThat(footprint.getExplanation().toString()).contains("status: UNVERIFIED: secondary source");
        assertThat(footprint.getFallbacks()).isEmpty();
    }

    /** Scores on 2024-06-15 in DESNZ 2024, on 2025-06-15 in the EPA 2025 table. */
    private static Footprint score(Supplier<FactorTable> table, GwpSet gwp, String type, String quantity, String region) {
        FactorTable factors = table.get();
        String date = factors.getId().equals("epa-2025") ? "2025-06-15" : "2024-06-15";
        return FootprintEngine.of(CalculationPolicy.defaults().withGwpSet(gwp), List.of(factors))
                .score(activity("golden", type, quantity, region, date));
    }
}
