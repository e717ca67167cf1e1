package dev.carbonkit.factors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The US EPA supply-chain files in carbon-factors/sources are the bytes their SOURCE.md describes: its SHA-256 and its
 * row counts (issue #21 builds the spend-based table from them).
 */
class EpaSupplyChainSourceTest {

    private static final Path FOLDER = Path.of("sources/epa-supply-chain-v1.3");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SupplyChainGHGEmissionFactors_v1.3.0_NAICS_CO2e_USD2022.csv, 1016",
        "SupplyChainGHGEmissionFactors_v1.3.0_NAICS_byGHG_USD2022.csv, 18288"})
    void theCopy_isTheOneItsSourceNoteDescribes(String name, int rows) throws IOException, NoSuchAlgorithmException {
        byte[] bytes = Files.readAllBytes(FOLDER.resolve(name));
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        String note = Files.readString(FOLDER.resolve("SOURCE.md"));
        assertThat(note).contains("`" + name + "`").contains(digest);
        List<String> lines = Files.readAllLines(FOLDER.resolve(name));
        assertThat(lines.stream().skip(1).filter(line -> !line.isBlank())).hasSize(rows);
        assertThat(Files.readString(FOLDER.resolve("LICENCE.md"))).contains("17 U.S.C. §105");
    }
}
