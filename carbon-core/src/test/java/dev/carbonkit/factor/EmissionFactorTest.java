package dev.carbonkit.factor;

import static dev.carbonkit.Fixtures.kg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.Fixtures;
import dev.carbonkit.emissions.Gas;
import dev.carbonkit.emissions.GasBasis;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EmissionFactorTest {

    private static EmissionFactor.Builder petrolPerMile() {
        return EmissionFactor.builder("desnz-2024/4_301_3070_9", Fixtures.DESNZ_2024).rowId("4_301_3070_9")
                .activityType("transport.car.average.petrol").region(Region.of("GB"))
                .validity(ValidityPeriod.ofYear(2024)).per(Unit.MILE).co2e(kg("0.26473")).gwpSet(GwpSet.AR5);
    }

    @Test
    void builder_keepsEveryField() {
        EmissionFactor factor = petrolPerMile().gasBasis(GasBasis.CO2E).gas(Gas.CO2, kg("0.26364"))
                .gas(Gas.CH4_FOSSIL, kg("0.00057")).gas(Gas.N2O, kg("0.00052")).location("sheet Factors by Category")
                .uncertainty(Uncertainty.ofPercent(BigDecimal.ONE, BigDecimal.ONE)).boundary("tailpipe (scope 1)")
                .status("SOURCED").build();
        assertThat(factor.getId()).isEqualTo("desnz-2024/4_301_3070_9");
        assertThat(factor.getTable()).isEqualTo(Fixtures.DESNZ_2024);
        assertThat(factor.getActivityType()).isEqualTo("transport.car.average.petrol");
        assertThat(factor.getRegion()).isEqualTo(Region.of("GB"));
        assertThat(factor.getValidity()).isEqualTo(ValidityPeriod.ofYear(2024));
        assertThat(factor.getPer()).isEqualTo(Unit.MILE);
        assertThat(factor.getCo2e()).contains(kg("0.26473"));
        assertThat(factor.getGwpSet()).contains(GwpSet.AR5);
        assertThat(factor.getGasBasis()).contains(GasBasis.CO2E);
        assertThat(factor.getGases()).containsOnlyKeys(Gas.CO2, Gas.CH4_FOSSIL, Gas.N2O);
        assertThat(factor.getRowId()).contains("4_301_3070_9");
        assertThat(factor.getLocation()).contains("sheet Factors by Category");
        assertThat(factor.getUncertainty()).isPresent();
        assertThat(factor.getBoundary()).contains("tailpipe (scope 1)");
        assertThat(factor.getStatus()).contains("SOURCED");
        assertThat(factor).hasToString("desnz-2024/4_301_3070_9 transport.car.average.petrol GB 2024-01-01/2024-12-31:"
                + " 0.26473 kg CO2e/mi [CO2 0.26364 kg CO2e/mi, CH4-fossil 0.00057 kg CO2e/mi, N2O 0.00052 kg CO2e/mi] (AR5)");
    }

    @Test
    void valuesAreThePublishersTextExactly() {
        // 0.26473 has no exact double; the factor holds the decimal as written
        EmissionFactor factor = petrolPerMile().build();
        assertThat(factor.getCo2e().orElseThrow().getAmount()).isEqualTo(new BigDecimal("0.26473"));
        assertThat(factor.getCo2e().orElseThrow().getAmount()).isNotEqualTo(new BigDecimal(0.26473));
    }

    @Test
    void builder_missingRequired_namesFieldAndFactor() {
        assertThatThrownBy(() -> EmissionFactor.builder("f1", Fixtures.DESNZ_2024).activityType("a.b")
                .validity(ValidityPeriod.ALWAYS).per(Unit.KILOMETRE).co2e(kg("1")).build())
                .isInstanceOf(NullPointerException.class).hasMessage("Factor f1 needs region");
        assertThatThrownBy(() -> EmissionFactor.builder("f1", Fixtures.DESNZ_2024).region(Region.GLOBAL)
                .validity(ValidityPeriod.ALWAYS).per(Unit.KILOMETRE).co2e(kg("1")).build())
                .isInstanceOf(NullPointerException.class).hasMessage("activity type of factor f1");
    }

    @Test
    void builder_inconsistent_throws() {
        assertThatThrownBy(() -> petrolPerMile().co2e(Quantity.parse("1 km")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Factor desnz-2024/4_301_3070_9: CO2e must be a mass, not '1 km'");
        assertThatThrownBy(() -> petrolPerMile().gas(Gas.CO2, kg("1")).build())
                .hasMessage("Factor desnz-2024/4_301_3070_9 has per-gas values but no gas basis (MASS or CO2E)");
        assertThatThrownBy(() -> petrolPerMile().gwpSet(null).gasBasis(GasBasis.CO2E).gas(Gas.CO2, kg("1")).build())
                .hasMessage("Factor desnz-2024/4_301_3070_9 gives per-gas CO2e but no GWP set");
        assertThatThrownBy(() -> petrolPerMile().gas(Gas.CO2, kg("1")).gas(Gas.CO2, kg("2")))
                .hasMessage("Factor desnz-2024/4_301_3070_9 gives CO2 twice");
        assertThatThrownBy(() -> EmissionFactor.builder("f1", Fixtures.DESNZ_2024).activityType("a.b")
                .region(Region.GLOBAL).validity(ValidityPeriod.ALWAYS).per(Unit.KILOMETRE).build())
                .hasMessage("Factor f1 has neither a CO2e total nor per-gas values");
        assertThatThrownBy(() -> EmissionFactor.builder("bad id", Fixtures.DESNZ_2024))
                .hasMessage("Factor id must be letters, digits, '.', '_', ':', '/' or '-': 'bad id'");
        assertThatThrownBy(() -> petrolPerMile().activityType("Transport.Car").build())
                .hasMessage("activity type of factor desnz-2024/4_301_3070_9 must be a dotted lower-case key such as"
                        + " 'transport.rail.metro': 'Transport.Car'");
    }

    @Test
    void equalsAndHashCode() {
        assertThat(petrolPerMile().build()).isEqualTo(petrolPerMile().build()).hasSameHashCodeAs(petrolPerMile().build())
                .isNotEqualTo(petrolPerMile().co2e(kg("0.26474")).build());
    }

    /** The row id is kept as UTF-8 bytes and comes back as the publisher wrote it, in any script; it takes part in equals. */
    @Test
    void rowId_comesBackAsWritten() {
        for (String row : new String[] {"4_301_3070_9", "AFG,2001", "表2 第3行", "", "row \"q\" \uD83C\uDF3F"}) {
            EmissionFactor factor = petrolPerMile().rowId(row).build();
            assertThat(factor.getRowId()).as(row).contains(row);
            assertThat(factor).isEqualTo(petrolPerMile().rowId(row).build());
        }
        assertThat(petrolPerMile().rowId(null).build().getRowId()).isEmpty();
        assertThat(petrolPerMile().rowId("a").build()).isNotEqualTo(petrolPerMile().rowId("b").build())
                .isNotEqualTo(petrolPerMile().rowId(null).build());
    }

    /** The total is kept as its digits (a long and a scale, or a BigDecimal past a long) and comes back unchanged. */
    @Test
    void co2e_comesBackWithItsDigitsAndScale() {
        for (String amount : new String[] {"0.26473", "0.264730", "-0.000000000000000001", "9223372036854775807",
                "9223372036854775808", "-9223372036854775809", "123456789012345678901234.5678", "0"}) {
            Quantity total = Quantity.of(new BigDecimal(amount), Unit.GRAM);
            EmissionFactor factor = petrolPerMile().co2e(total).build();
            assertThat(factor.getCo2e().orElseThrow().getAmount()).as(amount).isEqualTo(new BigDecimal(amount));
            assertThat(factor.getCo2e().orElseThrow().getUnit()).isEqualTo(Unit.GRAM);
            assertThat(factor).isEqualTo(petrolPerMile().co2e(total).build());
        }
        assertThat(petrolPerMile().co2e(kg("0.26473")).build()).isNotEqualTo(petrolPerMile().co2e(kg("0.264730")).build());
        EmissionFactor gasesOnly = EmissionFactor.builder("t/g", Fixtures.DESNZ_2024).activityType("a.b")
                .region(Region.GLOBAL).validity(ValidityPeriod.ofYear(2024)).per(Unit.KILOGRAM)
                .gasBasis(GasBasis.MASS).gas(Gas.CO2, kg("1")).build();
        assertThat(gasesOnly.getCo2e()).isEmpty();
        assertThat(gasesOnly.toString()).doesNotContain("CO2e/");
    }

    /** A table keeps one shape (provenance, type, region, unit...) for the factors that share it; they stay equal. */
    @Test
    void table_sharesWhatFactorsRepeat() {
        EmissionFactor first = petrolPerMile().build();
        EmissionFactor second = EmissionFactor.builder("desnz-2024/other", Fixtures.DESNZ_2024)
                .activityType("transport.car.average.petrol").region(Region.of("GB"))
                .validity(ValidityPeriod.ofYear(2024)).per(Unit.MILE).co2e(kg("0.3")).gwpSet(GwpSet.AR5).build();
        FactorTable table = FactorTable.builder(Fixtures.DESNZ_2024).add(first).add(second).build();
        assertThat(table.getFactors()).containsExactly(first, second);
        assertThat(table.getFactor("desnz-2024/other").orElseThrow().getRegion())
                .isSameAs(table.getFactor("desnz-2024/4_301_3070_9").orElseThrow().getRegion());
        assertThat(table.getFactor("desnz-2024/none")).isEmpty();
    }
}
