package dev.carbonkit.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.Fixtures;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.io.ConformanceVectorsLoader;
import dev.carbonkit.io.ConformanceVectorsException;
import org.junit.jupiter.api.Test;

class ConformanceTest {

    private static final ConformanceVectorsLoader LOADER = ConformanceVectorsLoader.standard();
    private static final String HEAD = "format: carbonkit-vectors/1\ntable: desnz-2024\ncases:\n";

    private static Conformance.Vectors vectors(String cases) {
        return LOADER.parse(HEAD + cases, "v.yaml");
    }

    @Test
    void run_passingCases() {
        Conformance.Vectors v = vectors("  - {name: petrol, activity: transport.car.average.petrol, quantity: 12 mi,"
                + " region: GB, date: 2024-06-15, expect: {co2e: 3.17676, factor: desnz-2024/4_301_3070_9,"
                + " gases: {CO2: 3.16368}}}\n"
                + "  - {name: ar4, activity: transport.car.average.petrol, quantity: 12 mi, region: GB, date: 2024-06-15,"
                + " gwp: AR4, expect: {co2e: 3.1768041995, scale: 10}}\n"
                + "  - {name: london, activity: home.electricity.grid, quantity: 1 kWh, region: GB-LND, date: 2024-06-15,"
                + " expect: {co2e: 0.20705, fallbacks: [REGION]}}\n");
        Conformance.Report report = Conformance.run(v, Fixtures.desnz2024());
        assertThat(report.isPassed()).as(report.toString()).isTrue();
        assertThat(report).hasToString("desnz-2024: 3 of 3 cases passed");
        assertThat(report.getResults()).extracting(Conformance.Result::getName).containsExactly("petrol", "ar4", "london");
    }

    @Test
    void run_failingCases_sayWhatDiffers() {
        Conformance.Vectors v = vectors("  - {name: tampered, activity: transport.car.average.petrol, quantity: 12 mi,"
                + " region: GB, date: 2024-06-15, expect: {co2e: 3.17677, factor: desnz-2024/4_301_3070_4,"
                + " gases: {CO2: 3.16368, SF6: 1}, fallbacks: [DATE]}}\n"
                + "  - {name: rounding, activity: transport.car.average.petrol, quantity: 12 mi, region: GB,"
                + " date: 2024-06-15, gwp: AR4, expect: {co2e: 3.1768041994, scale: 10}}\n"
                + "  - {name: unknown type, activity: transport.car.averag.petrol, quantity: 12 mi, region: GB,"
                + " date: 2024-06-15, expect: {co2e: 1}}\n");
        Conformance.Report report = Conformance.run(v, Fixtures.desnz2024());
        assertThat(report.isPassed()).isFalse();
        assertThat(report.toString()).isEqualTo("desnz-2024: 0 of 3 cases passed\n"
                + "  tampered: co2e: expected 3.17677, actual 3.17676\n"
                + "  tampered: factor: expected desnz-2024/4_301_3070_4, actual desnz-2024/4_301_3070_9\n"
                + "  tampered: gases.SF6: expected 1, actual none\n"
                + "  tampered: fallbacks: expected [DATE], actual []\n"
                + "  rounding: co2e: expected 3.1768041994, actual 3.1768041995 (rounded half-even to 10 places from"
                + " 3.1768041994609164420485175202156334241)\n"
                + "  unknown type: scoring failed: Activity 'unknown type': no factor for activity type"
                + " 'transport.car.averag.petrol'; did you mean 'transport.car.average.petrol'?");
    }

    @Test
    void run_wrongTableOrDigest_isAFindingForEveryCase() {
        String oneCase = "  - {name: c, activity: home.electricity.grid, quantity: 1 kWh, region: GB, date: 2024-06-15,"
                + " expect: {co2e: 0.20705}}\n";
        assertThat(Conformance.run(vectors(oneCase), Fixtures.owid()).toString()).isEqualTo(
                "desnz-2024: 0 of 1 cases passed\n  c: table: expected 'desnz-2024' in the catalog, actual"
                        + " [owid-carbon-intensity]");
        Conformance.Vectors pinned = LOADER.parse(HEAD.replace("cases:", "digest: sha256:00\ncases:") + oneCase, "p.yaml");
        assertThat(Conformance.run(pinned, FactorCatalog.of(Fixtures.desnz2024())).getResults().get(0).getMismatches())
                .containsExactly("digest: expected sha256:00, actual " + Fixtures.desnz2024().getDigest());
        Conformance.Vectors right = LOADER.parse(HEAD.replace("cases:", "digest: " + Fixtures.desnz2024().getDigest()
                + "\ncases:") + oneCase, "p.yaml");
        assertThat(Conformance.run(right, Fixtures.desnz2024()).isPassed()).isTrue();
        assertThat(right.getDigest()).isEqualTo(Fixtures.desnz2024().getDigest());
    }

    @Test
    void loader_reportsEveryProblemWithPosition() {
        String bad = "format: carbonkit-vectors/1\ntable: t\ncases:\n"
                + "  - name: a\n    activity: a.b\n    quantity: 12 kmh\n    region: UK\n    date: 2024-13-01\n"
                + "    gwp: AR7\n    expect: {co2e: x, scale: 1.5, gases: {C02: 1}, fallbacks: [SOMETIMES], extra: 1}\n"
                + "  - name: b\n    activity: a.b\n";
        assertThatThrownBy(() -> LOADER.parse(bad, "bad.vectors.yaml")).isInstanceOf(ConformanceVectorsException.class)
                .satisfies(e -> assertThat(((ConformanceVectorsException) e).getProblems()).extracting(Object::toString)
                        .containsExactly(
                                "bad.vectors.yaml:6:15: cases[0].quantity: unknown quantity '12 kmh'",
                                "bad.vectors.yaml:7:13: cases[0].region: unknown region 'UK'; did you mean 'GB'?",
                                "bad.vectors.yaml:8:11: cases[0].date: unknown date (YYYY-MM-DD) '2024-13-01'",
                                "bad.vectors.yaml:9:10: cases[0].gwp: unknown GWP set 'AR7'; did you mean 'AR4'?",
                                "bad.vectors.yaml:10:76: cases[0].expect.extra: unknown key 'extra'; allowed here:"
                                        + " [co2e, factor, fallbacks, gases, scale]",
                                "bad.vectors.yaml:10:20: cases[0].expect.co2e: expected a decimal number, found 'x'",
                                "bad.vectors.yaml:10:30: cases[0].expect.scale: expected a whole number of decimal"
                                        + " places from 0 to 40, found '1.5'",
                                "bad.vectors.yaml:10:43: cases[0].expect.gases.C02: unknown gas 'C02'; did you mean 'CO2'?",
                                "bad.vectors.yaml:10:64: cases[0].expect.fallbacks: unknown fallback kind 'SOMETIMES';"
                                        + " known: [TYPE, REGION, PROXY, DATE, GWP_NOT_REWEIGHTED, GWP_NOT_STATED]",
                                "bad.vectors.yaml:11:5: cases[1]: missing key 'quantity'",
                                "bad.vectors.yaml:11:5: cases[1]: missing key 'region'",
                                "bad.vectors.yaml:11:5: cases[1]: missing key 'date'",
                                "bad.vectors.yaml:11:5: cases[1]: missing key 'expect'"));
        assertThatThrownBy(() -> LOADER.parse("format: carbonkit-vectors/9\ntable: t\ncases: []\n", "f.yaml"))
                .hasMessageContaining("f.yaml:1:9: format: unsupported format 'carbonkit-vectors/9'");
    }
}
