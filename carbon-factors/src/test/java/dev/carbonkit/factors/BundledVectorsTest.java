package dev.carbonkit.factors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.calc.Conformance;
import dev.carbonkit.io.ConformanceVectorsLoader;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled table passes its conformance vectors, run with that table alone. */
class BundledVectorsTest {

    static java.util.List<String> tables() {
        return BundledFactors.TABLE_IDS;
    }

    @ParameterizedTest
    @MethodSource("tables")
    void bundledTable_passesItsVectors(String tableId) throws IOException {
        String resource = "dev/carbonkit/factors/vectors/" + tableId + ".vectors.yaml";
        try (InputStream in = BundledVectorsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Conformance.Vectors vectors = ConformanceVectorsLoader.standard().load(in, resource);
            assertThat(vectors.getTableId()).isEqualTo(tableId);
            assertThat(vectors.getCases()).isNotEmpty();
            Conformance.Report report = Conformance.run(vectors, BundledFactors.table(tableId));
            assertThat(report.isPassed()).as(report.toString()).isTrue();
        }
    }
}
