package dev.carbonkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.Fixtures;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.TableInfo;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactorTableWriterTest {

    private static final FactorTableLoader LOADER = FactorTableLoader.standard();

    @Test
    void write_loadsBackToTheSameTable() throws IOException {
        List<FactorTable> tables = List.of(Fixtures.desnz2024(), Fixtures.desnz2025(), Fixtures.epa2025(),
                Fixtures.owid(), Fixtures.mee(), Fixtures.poore(), FactorTableLoaderTest.load("example.yaml"),
                FactorTableLoaderTest.load("owid-style.yaml"), FactorTableLoaderTest.load("empty.yaml"));
        for (FactorTable table : tables) {
            String yaml = FactorTableWriter.standard().write(table);
            FactorTable back = LOADER.parse(yaml, table.getId() + ".yaml");
            assertThat(back.getDigest()).as(table.getId()).isEqualTo(table.getDigest());
            assertThat(back.getFactors()).as(table.getId()).containsExactlyElementsOf(table.getFactors());
            assertThat(FactorTableWriter.standard().write(back)).isEqualTo(yaml);
        }
    }

    @Test
    void write_exactTextOfOneFactor() throws IOException {
        FactorTable table = FactorTable.builder(Fixtures.EPA_2025)
                .add(Fixtures.epa2025().getFactor("epa-2025/t10-passenger-car").orElseThrow()).build();
        assertThat(FactorTableWriter.withHeaderComments(List.of("Generated for a test")).write(table)).isEqualTo(""
                + "# Generated for a test\n"
                + "format: carbonkit-factor-table/1\n"
                + "table: epa-2025\n"
                + "title: \"GHG Emission Factors Hub\"\n"
                + "publisher: \"US Environmental Protection Agency\"\n"
                + "edition: \"2025 (January 15, 2025)\"\n"
                + "licence: \"public domain\"\n"
                + "factors:\n"
                + "  - {id: \"epa-2025/t10-passenger-car\", activity: transport.car.average.petrol, region: \"US\","
                + " valid: 2025-01-01/2025-12-31, per: \"mi\", gases-as: mass, gases: {CO2: 0.297, CH4-fossil: \"0.0059 g\","
                + " N2O: \"0.0053 g\"}, source: {row: \"Table 10: Passenger Car\"}}\n");
    }

    @Test
    void quote_escapesWhatYamlNeeds() {
        TableInfo odd = TableInfo.builder("odd").title("Say \"hi\" \\ tab\t bell\u0007 line\nbreak").publisher("P")
                .edition("1").licence("L").build();
        String yaml = FactorTableWriter.standard().write(FactorTable.builder(odd).build());
        assertThat(yaml).contains("title: \"Say \\\"hi\\\" \\\\ tab\\t bell\\x07 line\\nbreak\"\n").endsWith("factors: []\n");
        assertThat(LOADER.parse(yaml, "odd.yaml").getInfo().getTitle()).isEqualTo(odd.getTitle());
        assertThatThrownBy(() -> FactorTableWriter.withHeaderComments(List.of("two\nlines")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("A header comment must be one line: 'two\nlines'");
    }
}
