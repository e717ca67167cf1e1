package dev.carbonkit.factors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.factor.Crosswalk;
import dev.carbonkit.io.CrosswalkLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The worked crosswalk: every NAICS industry it maps to is one the publisher's supply-chain file has, it says it is
 * the project's own illustration, and docs/spend-based.md shows it as it is.
 */
class CrosswalkExampleTest {

    private static final String RESOURCE = "dev/carbonkit/factors/crosswalks/coicop-to-naics-illustrative.yaml";

    @Test
    void everyMapping_namesAnIndustryOfThePublishersFile_andIsLabelledIllustrative() throws IOException {
        Crosswalk crosswalk;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            crosswalk = CrosswalkLoader.standard().load(in, RESOURCE);
        }
        Set<String> codes = new HashSet<>();
        Files.readAllLines(Path.of("sources/epa-supply-chain-v1.3/"
                + "SupplyChainGHGEmissionFactors_v1.3.0_NAICS_CO2e_USD2022.csv")).stream().skip(1)
                .forEach(line -> codes.add(line.substring(0, line.indexOf(','))));
        assertThat(crosswalk.getMappings()).hasSize(7);
        crosswalk.getMappings().values().forEach(mapping -> {
            assertThat(mapping.getType()).startsWith("spend.naics.");
            assertThat(codes).as(mapping.getCode()).contains(mapping.getType().substring("spend.naics.".length()));
            assertThat(crosswalk.statusOf(mapping)).startsWith("ILLUSTRATIVE");
        });
        assertThat(crosswalk.map("03.1.2")).get().extracting(Crosswalk.Mapping::getType).isEqualTo("spend.naics.315220");
        assertThat(crosswalk.map("99.9.9")).isEmpty();
        String doc = Files.readString(Path.of("../docs/spend-based.md"));
        String file = new String(getClass().getClassLoader().getResourceAsStream(RESOURCE).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(doc).contains("```yaml\n" + file + "```");
    }
}
