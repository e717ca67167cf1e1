package dev.carbonkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.calc.FootprintTotals;
import dev.carbonkit.factors.BundledFactors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoTest {

    @Test
    void run_printsFootprintsTotalsAndExplanations() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("sat-drive    transport.car.average.petrol               12 mi          "
                + "desnz-2024/4_301_3070_9          3.17676\n");
        assertThat(out).contains("  transport          277.66947\n");
        assertThat(out).contains("  total            329.9518605  (329.95 kg rounded half-even to 2 places, for display)\n");
        assertThat(out).contains("MULTIPLY  12 mi x 0.26473 kg CO2e/mi = 3.17676 kg CO2e (published total, AR5)\n");
        assertThat(out).contains("RESULT    3.17738809164420485175202156334231806024 kg CO2e (AR6), the sum of the gases\n");
        // Shenzhen: the same rides under two rule sets, side by side, and one award explained
        assertThat(out).contains("mon-metro    transport.rail.underground                   583.75                      554\n");
        assertThat(out).contains("wed-plate    action.clean_plate                                0                      200\n");
        assertThat(out).contains("total                                                    1977.21                     1862\n");
        assertThat(out).contains("avoided: 12.5 pkm x net factor 46.7 g/pkm = 583.75 g\n");
        assertThat(out).contains("week-power   home.electricity.grid      38 kWh     cn-electricity/national-2023            20.1628\n");
        assertThat(out).endsWith("Contains public sector information licensed under the Open Government Licence v3.0."
                + " Source: DESNZ/Defra, UK Government GHG Conversion Factors for Company Reporting 2024 (flat file v1.1).\n");
    }

    /** The README shows part of the demo's output: every line of that block is a line the demo prints. */
    @Test
    void readmeShowsRealOutput() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> printed = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        String readme = Files.readString(Path.of("../../README.md"));
        int start = readme.indexOf("```text\nactivity     type") + 8;
        List<String> shown = readme.substring(start, readme.indexOf("```", start)).lines()
                .filter(line -> !line.equals("...")).toList();
        assertThat(shown).hasSizeGreaterThan(10);
        assertThat(printed).containsAll(shown);
    }

    @Test
    void week_totalIsTheSumOfTheGoldenProducts() {
        // 3 x 0.3336 + 0.92191 + 2 x 136.285 + 10.4 + 3.17676 + 42.5 x 0.20705 + 180 x 0.1829 + 1.05 x 0.15311
        var footprints = FootprintEngine.of(CalculationPolicy.strict(), BundledFactors.catalog()).scoreAll(Demo.week());
        assertThat(FootprintTotals.total(footprints)).isEqualByComparingTo("329.9518605");
    }
}
