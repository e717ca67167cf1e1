package dev.carbonkit.factor;

import static dev.carbonkit.Fixtures.kg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.Fixtures;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactorTableTest {

    private static EmissionFactor factor(String row, String value) {
        return EmissionFactor.builder("desnz-2024/" + row, Fixtures.DESNZ_2024).rowId(row).activityType("a.b")
                .region(Region.of("GB")).validity(ValidityPeriod.ofYear(2024)).per(Unit.KILOMETRE)
                .co2e(Quantity.of(value, Unit.KILOGRAM)).gwpSet(GwpSet.AR5).build();
    }

    @Test
    void accessors() {
        FactorTable table = Fixtures.desnz2024();
        assertThat(table.getId()).isEqualTo("desnz-2024");
        assertThat(table.getInfo()).isEqualTo(Fixtures.DESNZ_2024);
        assertThat(table.size()).isEqualTo(table.getFactors().size()).isEqualTo(19);
        assertThat(table.getFactor("desnz-2024/7_400_4000_5")).hasValueSatisfying(
                f -> assertThat(f.getCo2e()).contains(kg("0.20705")));
        assertThat(table.getFactor("nope")).isEmpty();
        assertThat(table.getDigest()).matches("sha256:[0-9a-f]{64}");
        assertThat(table.toString()).startsWith("desnz-2024 (Department for Energy Security and Net Zero, 2024 v1.1,"
                + " OGL-3.0): 19 factors, sha256:");
    }

    @Test
    void digest_ignoresOrderAndTrailingZeros() {
        List<EmissionFactor> factors = new ArrayList<>(List.of(factor("r1", "0.1645"), factor("r2", "2.04542"),
                factor("r3", "10.4")));
        String digest = FactorTable.builder(Fixtures.DESNZ_2024).addAll(factors).build().getDigest();
        Collections.reverse(factors);
        assertThat(FactorTable.builder(Fixtures.DESNZ_2024).addAll(factors).build().getDigest()).isEqualTo(digest);
        assertThat(FactorTable.builder(Fixtures.DESNZ_2024).add(factor("r1", "0.16450")).add(factor("r2", "2.04542"))
                .add(factor("r3", "10.40000")).build().getDigest()).isEqualTo(digest);
    }

    @Test
    void digest_changesWithAnyValue() {
        String digest = FactorTable.builder(Fixtures.DESNZ_2024).add(factor("r1", "0.1645")).build().getDigest();
        assertThat(FactorTable.builder(Fixtures.DESNZ_2024).add(factor("r1", "0.1646")).build().getDigest())
                .isNotEqualTo(digest);
        assertThat(FactorTable.builder(Fixtures.DESNZ_2024).add(factor("r2", "0.1645")).build().getDigest())
                .isNotEqualTo(digest);
        TableInfo otherEdition = TableInfo.builder("desnz-2024").title(Fixtures.DESNZ_2024.getTitle())
                .publisher(Fixtures.DESNZ_2024.getPublisher()).edition("2024 v1.0").licence("OGL-3.0").build();
        EmissionFactor same = EmissionFactor.builder("desnz-2024/r1", otherEdition).rowId("r1").activityType("a.b")
                .region(Region.of("GB")).validity(ValidityPeriod.ofYear(2024)).per(Unit.KILOMETRE)
                .co2e(kg("0.1645")).gwpSet(GwpSet.AR5).build();
        assertThat(FactorTable.builder(otherEdition).add(same).build().getDigest()).isNotEqualTo(digest);
    }

    @Test
    void digest_isStableAcrossRuns() {
        // pinned: if this changes, every published receipt that names this table stops verifying
        FactorTable table = FactorTable.builder(Fixtures.DESNZ_2024).add(factor("r1", "0.1645")).build();
        assertThat(table.canonicalForm()).isEqualTo("{\"factors\":[{\"activity\":\"a.b\",\"co2e\":{\"unit\":\"kg\","
                + "\"value\":\"0.1645\"},\"gwp\":\"AR5\",\"id\":\"desnz-2024/r1\",\"per\":\"km\",\"region\":\"GB\","
                + "\"row_id\":\"r1\",\"valid\":\"2024-01-01/2024-12-31\"}],\"format\":\"carbonkit-factor-table/1\","
                + "\"table\":{\"attribution\":\"Contains public sector information licensed under the Open Government"
                + " Licence v3.0.\",\"edition\":\"2024 v1.1\",\"id\":\"desnz-2024\",\"licence\":\"OGL-3.0\","
                + "\"publisher\":\"Department for Energy Security and Net Zero\",\"title\":\"UK Government GHG"
                + " Conversion Factors for Company Reporting\"}}");
        // the same bytes through coreutils' sha256sum give this digest
        assertThat(table.getDigest()).isEqualTo("sha256:27c9bf07044603b1f562129a10f25023773b1fc3679629711e7f17c4863c4760");
        assertThat(table).isEqualTo(FactorTable.builder(Fixtures.DESNZ_2024).add(factor("r1", "0.16450")).build());
    }

    @Test
    void canonicalForm_escapesStrings() {
        TableInfo odd = TableInfo.builder("odd").title("Quote \" backslash \\ tab \t bell \u0007").publisher("P")
                .edition("1").licence("L").build();
        assertThat(FactorTable.builder(odd).build().canonicalForm())
                .contains("\"title\":\"Quote \\\" backslash \\\\ tab \\t bell \\u0007\"");
    }

    @Test
    void builder_rejectsDuplicatesAndForeignFactors() {
        assertThatThrownBy(() -> FactorTable.builder(Fixtures.DESNZ_2024).add(factor("r1", "1")).add(factor("r1", "2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Duplicate factor id in table desnz-2024: 'desnz-2024/r1'");
        assertThatThrownBy(() -> FactorTable.builder(Fixtures.EPA_2025).add(factor("r1", "1")))
                .hasMessage("Factor desnz-2024/r1 belongs to table desnz-2024, not epa-2025");
    }
}
