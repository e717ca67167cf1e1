package dev.carbonkit.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.Fixtures;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.io.FactorTableLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactorCatalogTest {

    private static final FactorTable D24 = Fixtures.desnz2024();
    private static final FactorTable D25 = Fixtures.desnz2025();
    private static final FactorTable OWID = Fixtures.owid();

    @Test
    void tablesInPrecedenceOrder() {
        FactorCatalog catalog = FactorCatalog.of(D25, D24, OWID);
        assertThat(catalog.getTables()).containsExactly(D25, D24, OWID);
        assertThat(catalog.getTable("desnz-2024")).contains(D24);
        assertThat(catalog.getTable("nope")).isEmpty();
        assertThat(catalog).isEqualTo(FactorCatalog.of(D25, D24, OWID)).hasSameHashCodeAs(FactorCatalog.of(D25, D24, OWID))
                .isNotEqualTo(FactorCatalog.of(D24, D25, OWID));
        assertThat(catalog.toString()).startsWith("FactorCatalog[desnz-2025 sha256:");
    }

    @Test
    void queries() {
        FactorCatalog catalog = FactorCatalog.of(D24, OWID);
        assertThat(catalog.getActivityTypes()).contains("home.electricity.grid", "transport.rail.underground")
                .first().isEqualTo("accommodation.hotel");
        assertThat(catalog.getRegions()).extracting(Region::getCode).containsExactly("CN", "FR", "GB", "GB-LND", "US");
        assertThat(catalog.getRegions("home.electricity.grid")).extracting(Region::getCode)
                .containsExactly("CN", "FR", "GB", "US");
        assertThat(catalog.getRegions("no.such.type")).isEmpty();
        assertThat(catalog.getFactors("home.electricity.grid")).extracting(EmissionFactor::getId)
                .startsWith("desnz-2024/7_400_4000_5", "owid/CN-2024");
        assertThat(catalog.getEditions()).containsExactly(Map.entry("desnz-2024", "2024 v1.1"),
                Map.entry("owid-carbon-intensity", "2025"));
        assertThat(catalog.getDigests()).containsEntry("desnz-2024", D24.getDigest()).hasSize(2);
    }

    @Test
    void requireDigest_matching() {
        FactorCatalog catalog = FactorCatalog.builder().add(D24).requireDigest("desnz-2024", D24.getDigest()).build();
        assertThat(catalog.requireTable("desnz-2024", D24.getDigest())).isSameAs(D24);
    }

    @Test
    void requireDigest_mismatch_namesBothDigests() {
        String wrong = "sha256:" + "0".repeat(64);
        assertThatThrownBy(() -> FactorCatalog.builder().add(D24).requireDigest("desnz-2024", wrong).build())
                .isInstanceOf(DigestMismatchException.class)
                .hasMessage("Table 'desnz-2024' has digest " + D24.getDigest() + ", not the required " + wrong)
                .satisfies(e -> {
                    DigestMismatchException mismatch = (DigestMismatchException) e;
                    assertThat(mismatch.getTableId()).isEqualTo("desnz-2024");
                    assertThat(mismatch.getExpectedDigest()).isEqualTo(wrong);
                    assertThat(mismatch.getActualDigest()).contains(D24.getDigest());
                });
    }

    @Test
    void requireDigest_missingTable() {
        assertThatThrownBy(() -> FactorCatalog.of(D24).requireTable("desnz-2023", D24.getDigest()))
                .isInstanceOf(DigestMismatchException.class)
                .hasMessage("Table 'desnz-2023' is required with digest " + D24.getDigest() + " but is not in the catalog")
                .satisfies(e -> assertThat(((DigestMismatchException) e).getActualDigest()).isEmpty());
    }

    @Test
    void add_duplicateId_throws() {
        assertThatThrownBy(() -> FactorCatalog.of(D24, D24)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Table 'desnz-2024' is already in the catalog");
    }

    @Test
    void engineOverACatalogOfLoadedYamlTables() throws IOException {
        FactorTableLoader loader = FactorTableLoader.standard();
        FactorTable example = loader.load(Path.of("src/test/resources/tables/valid/example.yaml"));
        FactorTable owid = loader.load(Path.of("src/test/resources/tables/valid/owid-style.yaml"));
        FactorCatalog catalog = FactorCatalog.builder().add(example).add(owid)
                .requireDigest(example.getId(), example.getDigest()).build();
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), catalog);
        assertThat(engine.score(Fixtures.activity("t", "transport.car.average.petrol", "12 mi", "GB", "2024-05-01"))
                .getCo2e()).isEqualByComparingTo("3.17676");
        assertThat(engine.score(Fixtures.activity("u", "transport.car.average.petrol", "100 mi", "US", "2025-05-01"))
                .getCo2e()).isEqualByComparingTo("29.85697");
        assertThat(engine.score(Fixtures.activity("c", "home.electricity.grid", "3.2 kWh", "CN", "2024-05-01"))
                .getCo2e()).isEqualByComparingTo("1.79056544");
        assertThat(engine.score(Fixtures.activity("h", "accommodation.hotel", "3 room-night", "GB-LND", "2024-05-01"))
                .getCo2e()).isEqualByComparingTo("34.5");
    }
}
