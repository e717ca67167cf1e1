package dev.carbonkit.factors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.FactorTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/factors.md and docs/activity-types.md describe the tables that ship, not older ones. */
class FactorsDocTest {

    @Test
    void factorsDoc_showsEveryBundledDigestAndSize() throws IOException {
        String doc = Files.readString(Path.of("../docs/factors.md"));
        for (FactorTable table : BundledFactors.catalog().getTables()) {
            assertThat(doc).as(table.getId()).contains("| `" + table.getId() + "` | " + table.size() + " | `"
                    + table.getDigest() + "` |");
        }
    }

    @Test
    void activityTypesDoc_listsEveryBundledKey() throws IOException {
        String doc = Files.readString(Path.of("../docs/activity-types.md"));
        for (String type : BundledFactors.catalog().getActivityTypes()) {
            assertThat(doc).as(type).contains("`" + type + "`");
        }
        // every declared type, with its meaning as the file gives it
        BundledFactors.activityTypes().getDeclared().forEach((type, meaning) ->
                assertThat(doc).as(type).contains("| `" + type + "` | " + meaning + " |"));
    }

    @Test
    void notice_carriesEveryBundledAttribution() throws IOException {
        String notice = Files.readString(Path.of("../NOTICE")).replaceAll("\\s+", " ");
        for (FactorTable table : BundledFactors.catalog().getTables()) {
            assertThat(notice).as(table.getId()).contains(table.getId());
        }
        for (EmissionFactor factor : BundledFactors.table("desnz-2024").getFactors()) {
            assertThat(factor.getTable().getLicence()).isEqualTo("OGL-3.0");
        }
        assertThat(notice).contains("Contains public sector information licensed under the Open Government Licence v3.0.");
    }
}
