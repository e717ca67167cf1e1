package dev.carbonkit.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** docs/credit-rules.schema.json, docs/credit-rules-format.md and the loader agree. */
class RuleSetSchemaTest {

    private static final JsonSchema SCHEMA;

    static {
        try {
            JsonNode json = new ObjectMapper().readTree(Path.of("../docs/credit-rules.schema.json").toFile());
            SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(json);
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static int errors(Path yaml) throws IOException {
        return SCHEMA.validate(new YAMLMapper().readTree(yaml.toFile())).size();
    }

    @Test
    void theExampleRuleSet_isValid_andIsTheOneTheFormatDocumentShows() throws IOException {
        Path example = Path.of("src/test/resources/rules/valid/worked-examples.yaml");
        assertThat(errors(example)).isZero();
        String doc = Files.readString(Path.of("../docs/credit-rules-format.md"));
        int start = doc.indexOf("```yaml\n") + 8;
        assertThat(doc.substring(start, doc.indexOf("```", start))).isEqualTo(Files.readString(example));
    }

    @Test
    void theMinOfExample_isValid_andTheFormatDocumentShowsIt() throws IOException {
        Path example = Path.of("src/test/resources/rules/valid/min-of.yaml");
        assertThat(errors(example)).isZero();
        String doc = Files.readString(Path.of("../docs/credit-rules-format.md"));
        assertThat(doc).contains("```yaml\n" + Files.readString(example) + "```");
    }

    @ParameterizedTest
    @ValueSource(strings = {"01-unknown-kind", "02-cap-without-period", "03-negative-factor",
        "04-promotion-touches-reductions", "05-negative-award", "06-unknown-cap-unit", "09-condition-two-operators",
        "12-unknown-key", "14-bad-rounding-mode", "15-cap-period-and-window", "16-bad-window",
        "17-per-event-count-cap", "18-dynamic-baseline-without-baseline", "20-issuance-delay-and-next-day",
        "21-issuance-bad-values", "22-rounding-stage", "23-budget-problems", "24-dedup-window"})
    void badRules_areRejectedByTheSchemaToo(String name) throws IOException {
        assertThat(errors(Path.of("src/test/resources/rules/invalid/" + name + ".yaml"))).isPositive();
    }
}
