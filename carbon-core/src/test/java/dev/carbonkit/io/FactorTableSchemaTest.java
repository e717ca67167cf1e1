package dev.carbonkit.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.carbonkit.emissions.Gas;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.quantity.Dimension;
import dev.carbonkit.quantity.Unit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/factor-table.schema.json, docs/factor-table-format.md and the loader agree. */
class FactorTableSchemaTest {

    private static final Path SCHEMA_FILE = Path.of("../docs/factor-table.schema.json");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonNode SCHEMA_JSON;
    private static final JsonSchema SCHEMA;

    static {
        try {
            SCHEMA_JSON = new ObjectMapper().readTree(SCHEMA_FILE.toFile());
            SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(SCHEMA_JSON);
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static Set<ValidationMessage> validate(Path yaml) throws IOException {
        return SCHEMA.validate(YAML.readTree(yaml.toFile()));
    }

    @Test
    void everyRepositoryTable_isValidAgainstTheSchema() throws IOException {
        List<Path> tables = FactorTableLoaderTest.repositoryTables();
        assertThat(tables).isNotEmpty();
        for (Path table : tables) {
            assertThat(validate(table)).as(table.toString()).isEmpty();
        }
    }

    /** Malformed tables whose faults a schema can see; the schema must reject each. */
    @ParameterizedTest
    @ValueSource(strings = {"01-unknown-table-key", "02-unknown-factor-key", "06-factors-not-a-list",
        "07-title-is-a-list", "08-unknown-unit", "10-unknown-gwp", "11-unknown-gas", "15-missing-format",
        "16-unsupported-format", "25-neither-co2e-nor-gases", "29-bad-activity-type", "30-bad-table-id",
        "31-unit-not-a-mass", "32-negative-uncertainty", "33-unknown-gas-basis", "37-unknown-source-key",
        "22-value-not-a-mass"})
    void malformedTables_areRejectedByTheSchemaToo(String name) throws IOException {
        assertThat(validate(FactorTableLoaderTest.INVALID.resolve(name + ".yaml"))).isNotEmpty();
    }

    @Test
    void schemaEnums_matchTheCode() {
        JsonNode defs = SCHEMA_JSON.get("$defs");
        assertThat(strings(defs.at("/unit/anyOf/0/enum"))).containsExactlyInAnyOrderElementsOf(Unit.knownCodes());
        Set<String> mass = new LinkedHashSet<>();
        Unit.knownCodes().stream().filter(code -> Unit.of(code).getDimension() == Dimension.MASS).forEach(mass::add);
        assertThat(strings(defs.at("/massUnit/enum"))).containsExactlyInAnyOrderElementsOf(mass);
        assertThat(strings(defs.at("/factor/properties/gases/propertyNames/enum")))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Gas.values()).map(Gas::getCode).toList());
        assertThat(strings(defs.at("/gwp/enum")))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(GwpSet.values()).map(GwpSet::name).toList());
        assertThat(SCHEMA_JSON.at("/properties/format/const").asText()).isEqualTo(FactorTableLoader.FORMAT);
    }

    @Test
    void formatDocument_showsTheTestedExampleVerbatim() throws IOException {
        String doc = Files.readString(Path.of("../docs/factor-table-format.md"));
        int start = doc.indexOf("```yaml\n") + 8;
        String shown = doc.substring(start, doc.indexOf("```", start));
        assertThat(shown).isEqualTo(Files.readString(FactorTableLoaderTest.VALID.resolve("example.yaml")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
