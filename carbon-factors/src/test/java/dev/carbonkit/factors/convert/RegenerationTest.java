package dev.carbonkit.factors.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.factors.BundledFactors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every bundled YAML table is exactly what the converters write from the publishers' files: so every bundled
 * value equals the publisher's cell, and nobody edited a table by hand.
 */
class RegenerationTest {

    private static final Path SOURCES = Path.of("sources");
    private static final Path TABLES = Path.of("src/main/resources").resolve(BundledTables.RESOURCE_FOLDER);

    @Test
    void committedTables_equalTheConvertersOutput() throws IOException {
        List<BundledTables.Generated> generated = BundledTables.generate(SOURCES);
        assertThat(generated).extracting(BundledTables.Generated::id).containsExactlyElementsOf(BundledFactors.TABLE_IDS);
        for (BundledTables.Generated table : generated) {
            Path file = TABLES.resolve(table.id() + ".yaml");
            assertThat(Files.readString(file))
                    .as(file + " differs from what the converter writes; run"
                            + " mvn -B -q -pl carbon-factors -am compile exec:exec -P regenerate")
                    .isEqualTo(table.yaml());
        }
        try (var files = Files.list(TABLES)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no table without a converter")
                    .containsExactlyInAnyOrderElementsOf(BundledFactors.TABLE_IDS.stream().map(id -> id + ".yaml").toList());
        }
    }

    @Test
    void bundledTables_haveTheGeneratedDigests() throws IOException {
        for (BundledTables.Generated table : BundledTables.generate(SOURCES)) {
            assertThat(BundledFactors.table(table.id()).getDigest()).isEqualTo(table.table().getDigest());
        }
    }

    @Test
    void pooreActivityTypes_followTheDocumentedRule() {
        assertThat(PooreConverter.activityType("Beef (beef herd)")).isEqualTo("food.beef.beef_herd");
        assertThat(PooreConverter.activityType("Lamb & Mutton")).isEqualTo("food.lamb_and_mutton");
        assertThat(PooreConverter.activityType("Dark Chocolate")).isEqualTo("food.dark_chocolate");
        assertThat(PooreConverter.activityType("Tofu (soybeans)")).isEqualTo("food.tofu.soybeans");
    }
}
