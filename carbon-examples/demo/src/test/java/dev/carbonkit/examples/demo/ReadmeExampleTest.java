package dev.carbonkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.Footprint;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factors.BundledFactors;
import dev.carbonkit.quantity.Quantity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The embedding example in README.md, compiled and run; the README must show exactly this code. */
class ReadmeExampleTest {

    @Test
    void embeddingExample() {
        // README-BEGIN
        FactorCatalog catalog = BundledFactors.catalog();     // DESNZ 2024 and 2025, EPA 2025, OWID, food, ...
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.strict(), catalog);

        Activity drive = Activity.builder("trip-1").account("alex")
                .type("transport.car.average.petrol").quantity(Quantity.parse("12 mi"))
                .time(Instant.parse("2024-03-09T11:00:00Z"), ZoneId.of("Europe/London"))
                .region(Region.of("GB")).build();

        Footprint footprint = engine.score(drive);
        footprint.getCo2e();                      // 3.17676 kg CO2e, an exact BigDecimal
        footprint.getTableDigest();               // sha256:... pins the table for a later rerun
        System.out.print(footprint.getExplanation());
        // README-END
        assertThat(footprint.getCo2e()).isEqualByComparingTo("3.17676");
        assertThat(footprint.getTableDigest()).isEqualTo(catalog.getTable("desnz-2024").orElseThrow().getDigest());
    }

    @Test
    void readmeShowsThisExample() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/carbonkit/examples/demo/ReadmeExampleTest.java"));
        String example = source.substring(source.indexOf("// README-BEGIN\n") + 16, source.indexOf("        // README-END"))
                .lines().map(line -> line.length() >= 8 ? line.substring(8) : line).collect(Collectors.joining("\n"));
        String readme = Files.readString(Path.of("../../README.md"));
        assertThat(readme).contains(example);
    }
}
