package dev.carbonkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.Footprint;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.emissions.Gas;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factor.TableInfo;
import dev.carbonkit.factor.ValidityPeriod;
import dev.carbonkit.factors.DesnzFlatFile;
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
        TableInfo info = TableInfo.builder("desnz-2024")
                .title("UK Government GHG Conversion Factors for Company Reporting")
                .publisher("Department for Energy Security and Net Zero").edition("2024 v1.1").licence("OGL-3.0").build();
        DesnzFlatFile desnz = DesnzFlatFile.bundled2024();              // the publisher's own file, bundled
        FactorTable table = FactorTable.builder(info)
                .add(desnz.factor(info, "4_301_3070_9", "transport.car.average.petrol",
                        Region.of("GB"), ValidityPeriod.ofYear(2024), Gas.CH4_FOSSIL))
                .build();

        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.strict(), table);
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
        assertThat(footprint.getTableDigest()).isEqualTo(table.getDigest());
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
