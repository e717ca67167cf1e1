package dev.carbonkit.calc;

import static dev.carbonkit.Fixtures.activity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.Fixtures;
import dev.carbonkit.emissions.GwpSet;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class ExplanationTest {

    private static final String DIGEST = Fixtures.desnz2024().getDigest();

    @Test
    void golden1_underAr5_everyStep() {
        Footprint footprint = FootprintEngine.of(CalculationPolicy.defaults(), Fixtures.desnz2024())
                .score(activity("trip-1", "transport.car.average.petrol", "12 mi", "GB", "2024-03-05"));
        assertThat(footprint.getExplanation().toString()).isEqualTo(""
                + "ACTIVITY  trip-1: transport.car.average.petrol, 12 mi, GB, 2024-03-05 (Z)\n"
                + "SELECT    desnz-2024/4_301_3070_9 from table desnz-2024 " + DIGEST + ": Department for Energy"
                + " Security and Net Zero, 2024 v1.1, row 4_301_3070_9; transport.car.average.petrol, GB, valid"
                + " 2024-01-01/2024-12-31, per mi; a row in the activity's own unit\n"
                + "MULTIPLY  12 mi x 0.26473 kg CO2e/mi = 3.17676 kg CO2e (published total, AR5)\n"
                + "GAS       CO2: 12 mi x 0.26364 kg CO2e/mi = 3.16368 kg CO2e (AR5)\n"
                + "GAS       CH4-fossil: 12 mi x 0.00057 kg CO2e/mi = 0.00684 kg CO2e (AR5)\n"
                + "GAS       N2O: 12 mi x 0.00052 kg CO2e/mi = 0.00624 kg CO2e (AR5)\n"
                + "RESULT    3.17676 kg CO2e (AR5), the published total\n");
        assertThat(footprint.getExplanation().getSteps()).extracting(Step::getKind).containsExactly(Step.Kind.ACTIVITY,
                Step.Kind.SELECT, Step.Kind.MULTIPLY, Step.Kind.GAS, Step.Kind.GAS, Step.Kind.GAS, Step.Kind.RESULT);
    }

    @Test
    void golden29_weighingMassesUnderAr6() {
        Footprint footprint = FootprintEngine.of(CalculationPolicy.defaults().withGwpSet(GwpSet.AR6), Fixtures.epa2025())
                .score(activity("us", "transport.car.average.petrol", "100 mi", "US", "2025-03-05"));
        assertThat(footprint.getExplanation().getSteps()).filteredOn(s -> s.getKind() == Step.Kind.WEIGHT).singleElement()
                .extracting(Step::getText).isEqualTo("weighted under AR6: CO2 29.7 kg x 1 = 29.7; CH4-fossil 0.00059 kg"
                        + " x 29.8 = 0.017582; N2O 0.00053 kg x 273 = 0.14469; total 29.862272 kg CO2e");
    }

    @Test
    void conversionFallbackAndRounding_areSteps() {
        Footprint footprint = FootprintEngine.of(CalculationPolicy.defaults().withRounding(Rounding.of(1, RoundingMode.HALF_UP)),
                Fixtures.owid()).score(activity("o", "home.electricity.grid", "1 MWh", "US", "2024-03-05"));
        String text = footprint.getExplanation().toString();
        assertThat(text).contains("FALLBACK  results were asked under AR5; the factor's publisher does not state its GWP"
                + " set, so its total is used as published\n");
        assertThat(text).contains("CONVERT   1 MWh = 1000 kWh (1 MWh = 1000 kWh)\n");
        assertThat(text).contains("MULTIPLY  1000 kWh x 383.5492 g CO2e/kWh = 383.5492 kg CO2e (published total, GWP set"
                + " not stated)\n");
        assertThat(text).contains("ROUND     383.5492 kg CO2e rounded for presentation (scale 1, HALF_UP) = 383.5 kg CO2e\n");
        assertThat(text).endsWith("RESULT    383.5492 kg CO2e (GWP set not stated), the published total\n");
    }

    @Test
    void explicitFactor_saysSelectionWasBypassed() {
        Activity byId = Activity.builder("x").account("alice").type("home.electricity.grid")
                .quantity(dev.carbonkit.quantity.Quantity.parse("1 kWh"))
                .time(java.time.Instant.parse("2024-03-05T10:00:00Z"), Fixtures.LONDON)
                .region(dev.carbonkit.factor.Region.of("GB")).factorId("desnz-2024/7_400_4000_5").build();
        String text = FootprintEngine.of(CalculationPolicy.defaults(), Fixtures.desnz2024()).score(byId)
                .getExplanation().toString();
        assertThat(text).contains("per kWh; chosen by id, selection bypassed\n");
    }

    @Test
    void isBuiltOnceAndDoesNotDependOnLocaleOrZone() {
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults().withGwpSet(GwpSet.AR4), Fixtures.desnz2024());
            Footprint a = engine.score(activity("l", "home.electricity.grid", "3.2 kWh", "GB", "2024-03-05"));
            Locale.setDefault(Locale.GERMANY);
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
            Footprint b = engine.score(activity("l", "home.electricity.grid", "3.2 kWh", "GB", "2024-03-05"));
            assertThat(b.getExplanation().toString()).isEqualTo(a.getExplanation().toString()).doesNotContain(",6");
            assertThat(a.getExplanation()).isSameAs(a.getExplanation()).isEqualTo(b.getExplanation())
                    .hasSameHashCodeAs(b.getExplanation());
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }
}
