package dev.carbonkit.factors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.emissions.Gas;
import dev.carbonkit.emissions.GasBasis;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factor.TableInfo;
import dev.carbonkit.factor.ValidityPeriod;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DesnzFlatFileTest {

    private static final DesnzFlatFile FILE = read2024();
    private static final TableInfo TABLE = TableInfo.builder("desnz-2024")
            .title("UK Government GHG Conversion Factors for Company Reporting")
            .publisher("Department for Energy Security and Net Zero").edition("2024 v1.1").licence("OGL-3.0").build();
    private static final String HEADER = "ID,Scope,Level 1,Level 2,Level 3,Level 4,Column Text,UOM,GHG/Unit,"
            + "GHG Conversion Factor 2024\n";

    @Test
    void bundled2024_readsEveryRow() {
        assertThat(FILE.getRows()).hasSize(8740);
        assertThat(FILE.getYear()).isEqualTo("2024");
        assertThat(FILE.getSource()).endsWith("ghg-conversion-factors-2024-flat-factors-by-category.csv");
        DesnzFlatFile.Row row = FILE.getRow("21_316_3160_11_1").orElseThrow();
        assertThat(row.levels()).containsExactly("Business travel- air", "Flights", "Domestic, to/from UK",
                "Average passenger", "With RF");
        assertThat(row.value()).isEqualTo("0.27257");
        assertThat(row.uom()).isEqualTo("passenger.km");
        assertThat(row.ghgUnit()).isEqualTo("kg CO2e");
        assertThat(row.scope()).isEqualTo("Scope 3");
        assertThat(FILE.getRow("no-such-row")).isEmpty();
    }

    @Test
    void factor_valuesAreTheCellsTextExactly() {
        EmissionFactor factor = FILE.factor(TABLE, "4_301_3070_9", "transport.car.average.petrol", Region.of("GB"),
                ValidityPeriod.ofYear(2024), Gas.CH4_FOSSIL);
        assertThat(factor.getId()).isEqualTo("desnz-2024/4_301_3070_9");
        assertThat(factor.getRowId()).contains("4_301_3070_9");
        assertThat(factor.getPer()).isEqualTo(Unit.MILE);
        assertThat(factor.getGasBasis()).contains(GasBasis.CO2E);
        assertThat(factor.getCo2e().orElseThrow().getAmount()).isEqualTo(new BigDecimal(FILE.getRow("4_301_3070_9_1")
                .orElseThrow().value())).isEqualTo(new BigDecimal("0.26473"));
        assertThat(factor.getGases().get(Gas.CO2).getAmount()).isEqualTo(new BigDecimal("0.26364"));
        assertThat(factor.getGases().get(Gas.CH4_FOSSIL).getAmount()).isEqualTo(new BigDecimal("0.00057"));
        assertThat(factor.getGases().get(Gas.N2O).getAmount()).isEqualTo(new BigDecimal("0.00052"));
        assertThat(factor.getLocation()).contains("Factors by Category, rows 4_301_3070_9_1.._4: Scope 1 > Passenger"
                + " vehicles > Cars (by size) > Average car > Petrol (miles)");
    }

    @Test
    void factor_totalOnly() {
        EmissionFactor hotel = FILE.factor(TABLE, "29_600_4001_13", "accommodation.hotel", Region.of("GB-LND"),
                ValidityPeriod.ofYear(2024), Gas.CH4_FOSSIL);
        assertThat(hotel.getCo2e()).contains(Quantity.parse("11.5 kg"));
        assertThat(hotel.getGases()).isEmpty();
        assertThat(hotel.getGasBasis()).isEmpty();
        assertThat(hotel.getPer()).isEqualTo(Unit.ROOM_NIGHT);
    }

    /** Golden cases (docs/research/golden-cases.md) through factors built from the publisher's file. */
    @ParameterizedTest(name = "case {0}")
    @CsvSource({"1, 4_301_3070_9, 12 mi, 3.17676", "3, 4_301_3069_4, 25 km, 4.246", "4, 4_301_3071_4, 40 km, 5.0428",
        "7, 4_302_3080_9, 30 mi, 5.4879", "8, 25_314_3145_11, 8.5 pkm, 0.92191", "9, 25_314_3146_11, 200 pkm, 5.434",
        "11, 25_315_3150_11, 12 pkm, 0.3336", "12, 25_315_3149_11, 5 pkm, 0.143", "14, 21_316_3160_11, 500 pkm, 136.285",
        "15, 21_316_3161_11, 500 pkm, 80.49", "16, 21_316_3164_11, 1200 pkm, 219.444",
        "16, 21_316_3165_11, 1200 pkm, 129.528", "19, 7_400_4000_5, 3.2 kWh, 0.66256",
        "22, 1_100_1004_6, 1000 kWh, 182.9", "24, 1_100_1004_1, 120 m3, 245.4504",
        "25, 29_600_4000_13, 3 room-night, 31.2", "25, 29_600_4001_13, 3 room-night, 34.5",
        "26, 17_404_4005_1, 12.5 m3, 1.913875"})
    void golden_throughThePublishersFile(String goldenCase, String row, String quantity, String expected) {
        FactorTable table = FactorTable.builder(TABLE).add(FILE.factor(TABLE, row, "golden.case", Region.of("GB"),
                ValidityPeriod.ofYear(2024), Gas.CH4_FOSSIL)).build();
        Activity activity = Activity.builder("case-" + goldenCase).account("auditor").type("golden.case")
                .quantity(Quantity.parse(quantity)).time(Instant.parse("2024-06-15T12:00:00Z"), ZoneId.of("Europe/London"))
                .region(Region.of("GB")).build();
        assertThat(FootprintEngine.of(CalculationPolicy.strict(), table).score(activity).getCo2e())
                .isEqualByComparingTo(expected);
    }

    //-----------------------------------------------------------------------
    @Test
    void factor_missingOrEmptyOrUnmappedRow_namesFileAndLine() {
        assertThatThrownBy(() -> FILE.factor(TABLE, "9_999_9999_9", "a.b", Region.GLOBAL, ValidityPeriod.ALWAYS, Gas.CH4))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage(FILE.getSource() + ": no row '9_999_9999_9_1' in the file");
        int argentina = FILE.getRow("29_600_4002_13_1").orElseThrow().line();
        assertThatThrownBy(() -> FILE.factor(TABLE, "29_600_4002_13", "a.b", Region.of("AR"), ValidityPeriod.ALWAYS, Gas.CH4))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage(FILE.getSource() + ":" + argentina + ":10: row '29_600_4002_13_1' publishes no value")
                .satisfies(e -> {
                    SourceFormatException format = (SourceFormatException) e;
                    assertThat(format.getProblem().getLine()).isEqualTo(argentina);
                    assertThat(format.getProblem().getColumn()).isEqualTo(10);
                    assertThat(format.getProblem().getSource()).isEqualTo(FILE.getSource());
                });
        String fte = FILE.getRows().stream().filter(r -> r.uom().equals("per FTE Working Hour") && !r.value().isEmpty())
                .findFirst().orElseThrow().id();
        assertThatThrownBy(() -> FILE.factor(TABLE, fte.substring(0, fte.length() - 2), "a.b", Region.GLOBAL,
                ValidityPeriod.ALWAYS, Gas.CH4))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining(":8: unit of measure 'per FTE Working Hour' has no carbonkit unit; known: [");
    }

    @Test
    void read_badHeader_namesColumn() {
        assertThatThrownBy(() -> read("ID,Scope,Level 1,Level Two\n"))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage("test.csv:1:4: expected column 'Level 2', found 'Level Two'");
        assertThatThrownBy(() -> read("ID,Scope,Level 1,Level 2,Level 3,Level 4,Column Text,UOM,GHG/Unit,Value\n"))
                .hasMessage("test.csv:1:10: expected a last column 'GHG Conversion Factor YYYY', found [Value]");
        assertThatThrownBy(() -> read("")).hasMessage("test.csv:1: empty file, expected a header row");
    }

    @Test
    void read_badRows_nameLine() {
        assertThatThrownBy(() -> read(HEADER + "1_1_1_1_1,Scope 1,Fuels,,,,,kWh,kg CO2e,0.1\n1_1_1_1_1,Scope 1,Fuels,"
                + ",,,,kWh,kg CO2e,0.2\n"))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage("test.csv:3:1: row id '1_1_1_1_1' repeats line 2");
        assertThatThrownBy(() -> read(HEADER + "1_1_1_1_1,Scope 1,Fuels\n"))
                .hasMessage("test.csv:2: expected 10 cells, found 3");
        DesnzFlatFile notDecimal = read(HEADER + "1_1_1_1_1,Scope 1,Fuels,,,,,kWh,kg CO2e,0.1O\n");
        assertThatThrownBy(() -> notDecimal.factor(TABLE, "1_1_1_1", "a.b", Region.GLOBAL, ValidityPeriod.ALWAYS, Gas.CH4))
                .hasMessage("test.csv:2:10: value '0.1O' of row '1_1_1_1_1' is not a decimal number");
    }

    @Test
    void read_byteOrderMarkAndQuotedCommas() {
        DesnzFlatFile file = read("\ufeff" + HEADER + "2_2_2_2_1,Scope 3,Flights,\"Domestic, to/from UK\",,,,"
                + "passenger.km,kg CO2e,0.27257\n");
        assertThat(file.getRow("2_2_2_2_1").orElseThrow().levels()).containsExactly("Flights", "Domestic, to/from UK");
    }

    private static DesnzFlatFile read2024() {
        try {
            return DesnzFlatFile.read(java.nio.file.Path.of(
                    "sources/desnz-2024/ghg-conversion-factors-2024-flat-factors-by-category.csv"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static DesnzFlatFile read(String csv) {
        try {
            return DesnzFlatFile.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
