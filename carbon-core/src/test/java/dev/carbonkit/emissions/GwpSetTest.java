package dev.carbonkit.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.UnknownCodeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GwpSetTest {

    @ParameterizedTest
    @CsvSource({"AR4, CH4_FOSSIL, 25", "AR5, CH4_FOSSIL, 28", "AR6, CH4_FOSSIL, 29.8", "AR6, CH4_NON_FOSSIL, 27.0",
        "AR6, CH4, 27.9", "AR4, N2O, 298", "AR5, N2O, 265", "AR6, N2O, 273", "AR5, CO2, 1"})
    void getGwp_publishedValues(GwpSet set, Gas gas, String expected) {
        assertThat(set.getGwp(gas)).isEqualByComparingTo(expected);
    }

    /** The generic values agree with the IPCC compilation copied from openclimatedata (CC0). */
    @Test
    void getGwp_agreesWithIpccFile() throws IOException {
        Map<String, String[]> rows = new HashMap<>();
        try (var in = new BufferedReader(new InputStreamReader(
                GwpSetTest.class.getResourceAsStream("/ipcc-gwp/globalwarmingpotentials.csv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.startsWith("#")) {
                    String[] cells = line.split(",", -1);
                    rows.put(cells[0], cells);
                }
            }
        }
        List<String> header = List.of(rows.get("Species"));
        for (GwpSet set : GwpSet.values()) {
            int column = header.indexOf(set.name() + "GWP100");
            for (Gas gas : Gas.values()) {
                if (gas == Gas.CO2 || gas == Gas.CH4_FOSSIL || gas == Gas.CH4_NON_FOSSIL) {
                    continue; // 1 by definition; the file has no origin split (AR6 WG1 Table 7.15 has it)
                }
                if (gas == Gas.HFC_PFC_UNSPECIFIED) {
                    // not a species: an amount its publisher gives as CO2e, kept as published under every set
                    assertThat(set.getGwp(gas)).isEqualByComparingTo("1");
                    continue;
                }
                // the file's species are the codes without hyphens: HFC-134a is HFC134a, c-C4F8 is cC4F8
                String[] row = rows.get(gas.getCode().replace("-", ""));
                assertThat(row).as(gas.getCode()).isNotNull();
                assertThat(set.getGwp(gas)).as(set + " " + gas).isEqualByComparingTo(new BigDecimal(row[column]));
            }
        }
    }

    @Test
    void of_name() {
        assertThat(GwpSet.of("AR6")).isEqualTo(GwpSet.AR6);
        assertThatThrownBy(() -> GwpSet.of("AR7")).isInstanceOf(UnknownCodeException.class)
                .hasMessage("Unknown GWP set 'AR7'; did you mean 'AR4'?");
        assertThatThrownBy(() -> GwpSet.of("ar5")).hasMessage("Unknown GWP set 'ar5'; did you mean 'AR5'?");
    }
}
