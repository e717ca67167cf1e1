package dev.carbonkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.emissions.Gas;
import dev.carbonkit.emissions.GasBasis;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factor.ValidityPeriod;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FactorTableLoaderTest {

    static final Path VALID = Path.of("src/test/resources/tables/valid");
    static final Path INVALID = Path.of("src/test/resources/tables/invalid");
    private static final FactorTableLoader LOADER = FactorTableLoader.standard();

    static final String HEADER = "format: carbonkit-factor-table/1\ntable: t\ntitle: T\npublisher: P\nedition: \"1\"\n"
            + "licence: CC0-1.0\n";

    static FactorTable load(String name) throws IOException {
        return LOADER.load(VALID.resolve(name));
    }

    //-----------------------------------------------------------------------
    // the malformed corpus
    //-----------------------------------------------------------------------
    static Stream<Path> malformed() throws IOException {
        try (Stream<Path> files = Files.list(INVALID)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void corpus_hasAtLeastThirtyMalformedTables() throws IOException {
        assertThat(malformed().count()).isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void load_malformed_reportsEveryProblemWithPosition(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<String> expected = ExpectedProblems.of(file);
        assertThatThrownBy(() -> LOADER.parse(Files.readString(file), name))
                .isInstanceOf(FactorTableException.class)
                .satisfies(e -> {
                    FactorTableException failure = (FactorTableException) e;
                    assertThat(failure.getSource()).isEqualTo(name);
                    assertThat(failure.getProblems()).extracting(Problem::toString).containsExactlyElementsOf(expected);
                    assertThat(failure.getMessage()).startsWith(name + ": " + expected.size()
                            + (expected.size() == 1 ? " problem" : " problems") + "; the table was not loaded\n  ");
                });
    }

    @Test
    void problem_accessors() throws IOException {
        FactorTableException failure = (FactorTableException) catchLoad(INVALID.resolve("08-unknown-unit.yaml"));
        Problem problem = failure.getProblems().get(0);
        assertThat(problem.getSource()).isEqualTo(INVALID.resolve("08-unknown-unit.yaml").toString());
        assertThat(problem.getLine()).isEqualTo(12);
        assertThat(problem.getColumn()).isEqualTo(10);
        assertThat(problem.getPath()).isEqualTo("factors[0].per");
        assertThat(problem.getMessage()).isEqualTo("unknown unit 'kwh'; did you mean 'kWh'?");
        assertThat(problem.getSuggestion()).contains("kWh");
        assertThat(problem).isEqualTo(failure.getProblems().get(0)).hasSameHashCodeAs(failure.getProblems().get(0));
        assertThat(Problem.of("f.csv", 3, 0, "", "bad")).hasToString("f.csv:3: bad");
        assertThat(Problem.of("f.csv", 0, 0, "", "bad")).hasToString("f.csv: bad");
        assertThat(Problem.of("f.csv", 0, 0, "", "bad").getSuggestion()).isEmpty();
        assertThatThrownBy(() -> Problem.of("f.csv", -1, 0, "", "bad")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Line and column must not be negative: -1:0");
    }

    private static Throwable catchLoad(Path file) {
        try {
            LOADER.load(file);
            throw new AssertionError("expected a failure for " + file);
        } catch (FactorTableException | IOException e) {
            return e;
        }
    }

    //-----------------------------------------------------------------------
    // valid tables
    //-----------------------------------------------------------------------
    @Test
    void load_example_everyFieldAndDefault() throws IOException {
        FactorTable table = load("example.yaml");
        assertThat(table.getId()).isEqualTo("example-desnz-2024");
        assertThat(table.getInfo().getEdition()).isEqualTo("2024 v1.1");
        assertThat(table.getInfo().getAttribution()).contains(
                "Contains public sector information licensed under the Open Government Licence v3.0.");
        assertThat(table.size()).isEqualTo(4);
        EmissionFactor perMile = table.getFactor("example-desnz-2024/4_301_3070_9").orElseThrow();
        assertThat(perMile.getRegion()).isEqualTo(Region.of("GB"));
        assertThat(perMile.getValidity()).isEqualTo(ValidityPeriod.ofYear(2024));
        assertThat(perMile.getGwpSet()).contains(GwpSet.AR5);
        assertThat(perMile.getGasBasis()).contains(GasBasis.CO2E);
        assertThat(perMile.getPer()).isEqualTo(Unit.MILE);
        assertThat(perMile.getRowId()).contains("4_301_3070_9");
        assertThat(perMile.getLocation()).contains("Factors by Category, rows 4_301_3070_9_1.._4");
        assertThat(perMile.getBoundary()).contains("tailpipe (scope 1)");
        assertThat(perMile.getGases().get(Gas.CH4_FOSSIL)).isEqualTo(Quantity.parse("0.00057 kg"));
        EmissionFactor london = table.getFactor("example-desnz-2024/29_600_4001_13").orElseThrow();
        assertThat(london.getRegion()).isEqualTo(Region.of("GB-LND"));
        assertThat(london.getGases()).isEmpty();
        EmissionFactor epa = table.getFactor("example-epa-2025/passenger-car").orElseThrow();
        assertThat(epa.getGasBasis()).contains(GasBasis.MASS);
        assertThat(epa.getValidity()).isEqualTo(ValidityPeriod.ofYear(2025));
        assertThat(epa.getGases()).containsEntry(Gas.CO2, Quantity.parse("0.297 kg"))
                .containsEntry(Gas.CH4_FOSSIL, Quantity.parse("0.0059 g")).containsEntry(Gas.N2O, Quantity.parse("0.0053 g"));
        assertThat(epa.getUncertainty()).hasValueSatisfying(u -> assertThat(u.getPlusPercent()).isEqualByComparingTo("5"));
        assertThat(epa.getStatus()).hasValueSatisfying(s -> assertThat(s).startsWith("ILLUSTRATIVE"));
    }

    @Test
    void load_tableUnit_appliesToBareNumbers() throws IOException {
        FactorTable owid = load("owid-style.yaml");
        assertThat(owid.getFactor("owid/CN-2024").orElseThrow().getCo2e()).contains(Quantity.parse("559.5517 g"));
        assertThat(load("empty.yaml").size()).isZero();
    }

    @Test
    void load_numbersAreTheTextAsWritten_notDoubles() {
        String yaml = HEADER + "factors:\n"
                + "  - {id: t/a, activity: a.b, region: GB, valid: ../.., per: km, co2e: 0.1}\n"
                + "  - {id: t/b, activity: a.c, region: GB, valid: ../.., per: km, co2e: 0.26473}\n"
                + "  - {id: t/c, activity: a.d, region: GB, valid: ../.., per: km, co2e: 1.0000000000000000000000001}\n"
                + "  - {id: t/d, activity: a.e, region: GB, valid: ../.., per: km, co2e: 0.10}\n"
                + "  - {id: t/e, activity: a.f, region: GB, valid: ../.., per: km, co2e: 12e-3}\n";
        FactorTable table = LOADER.parse(yaml, "exact.yaml");
        assertThat(amount(table, "t/a")).isEqualTo(new BigDecimal("0.1")).isNotEqualTo(new BigDecimal(0.1));
        assertThat(amount(table, "t/b")).isEqualTo(new BigDecimal("0.26473")).isNotEqualTo(new BigDecimal(0.26473));
        assertThat(amount(table, "t/c")).hasToString("1.0000000000000000000000001");
        assertThat(amount(table, "t/d")).hasToString("0.10");
        assertThat(amount(table, "t/e")).isEqualByComparingTo("0.012");
    }

    @Test
    void load_scalarsAreText_soNorwayIsNotFalse() {
        // YAML 1.1 resolves a plain NO to boolean false; the loader reads the text, so NO is Norway
        String yaml = HEADER + "factors:\n  - {id: t/no, activity: a.b, region: NO, valid: ../.., per: kWh, co2e: 0.03}\n";
        assertThat(LOADER.parse(yaml, "norway.yaml").getFactor("t/no").orElseThrow().getRegion())
                .isEqualTo(Region.of("NO"));
    }

    private static BigDecimal amount(FactorTable table, String id) {
        return table.getFactor(id).orElseThrow().getCo2e().orElseThrow().getAmount();
    }

    @Test
    void digest_doesNotDependOnLayoutOrDefaults() throws IOException {
        String flow = HEADER + "region: GB\nvalid: 2024-01-01/2024-12-31\nfactors:\n"
                + "  - {id: t/1, activity: a.b, per: km, co2e: 0.1645}\n  - {id: t/2, activity: a.b, per: mi, co2e: 0.26473}\n";
        String block = "licence: CC0-1.0\nedition: '1'\npublisher: P\ntitle: T\ntable: t\nformat: carbonkit-factor-table/1\n"
                + "factors:\n"
                + "    -   per: mi\n        co2e: 0.264730\n        id: t/2\n        activity: a.b\n        region: GB\n"
                + "        valid: 2024-01-01/2024-12-31\n"
                + "    -   id: t/1\n        activity: a.b\n        region: GB\n        valid: 2024-01-01/2024-12-31\n"
                + "        per: km\n        co2e: \"0.1645\"\n";
        assertThat(LOADER.parse(block, "block.yaml").getDigest()).isEqualTo(LOADER.parse(flow, "flow.yaml").getDigest());
        assertThat(LOADER.parse(flow.replace("0.1645", "0.1646"), "changed.yaml").getDigest())
                .isNotEqualTo(LOADER.parse(flow, "flow.yaml").getDigest());
    }

    //-----------------------------------------------------------------------
    // limits and safety
    //-----------------------------------------------------------------------
    @Test
    void load_tenThousandFactors() {
        StringBuilder yaml = new StringBuilder(HEADER).append("region: GB\ngwp: AR5\ngases-as: co2e\nfactors:\n");
        for (int i = 0; i < 10_000; i++) {
            yaml.append("  - {id: t/").append(i).append(", activity: a.t").append(i % 100).append(", valid: ")
                    .append(2000 + i / 100).append("-01-01/").append(2000 + i / 100).append("-12-31, per: kWh, co2e: 0.")
                    .append(20000 + i).append(", gases: {CO2: 0.").append(19000 + i).append("}}\n");
        }
        // 1.2 MB: over the default for untrusted files, read with a limit raised as for a trusted one
        assertThatThrownBy(() -> LOADER.parse(yaml.toString(), "ten-thousand.yaml"))
                .hasMessageEndingWith("ten-thousand.yaml: the file is larger than the limit of 524288 bytes");
        FactorTable table = FactorTableLoader.withLimits(LoadLimits.defaults().withMaxBytes(2 << 20))
                .parse(yaml.toString(), "ten-thousand.yaml");
        assertThat(table.size()).isEqualTo(10_000);
        assertThat(table.getFactor("t/9999").orElseThrow().getCo2e()).contains(Quantity.parse("0.29999 kg"));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void load_aliasBomb_isRefusedQuickly() {
        StringBuilder yaml = new StringBuilder(HEADER).append("lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 12; level++) {
            yaml.append("lol").append(level).append(": &l").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ", ").append("*l").append(level - 1);
            }
            yaml.append("]\n");
        }
        yaml.append("factors: []\n");
        assertThatThrownBy(() -> LOADER.parse(yaml.toString(), "bomb.yaml")).isInstanceOf(FactorTableException.class)
                .hasMessageContaining("bomb.yaml:10:22: refused by a limit: more than 20 aliases to mappings or lists");
    }

    @Test
    void limits_sizeFactorsProblemsAndUtf8() {
        LoadLimits small = LoadLimits.defaults().withMaxBytes(100);
        assertThatThrownBy(() -> FactorTableLoader.withLimits(small).load(
                new ByteArrayInputStream(new byte[101]), "big.yaml"))
                .isInstanceOf(FactorTableException.class)
                .hasMessage("big.yaml: 1 problem; the table was not loaded\n"
                        + "  big.yaml: the file is larger than the limit of 100 bytes");
        String two = HEADER + "factors:\n  - {id: t/1, activity: a.b, region: GB, valid: ../.., per: km, co2e: 1}\n"
                + "  - {id: t/2, activity: a.c, region: GB, valid: ../.., per: km, co2e: 1}\n";
        assertThatThrownBy(() -> FactorTableLoader.withLimits(LoadLimits.defaults().withMaxFactors(1)).parse(two, "two.yaml"))
                .hasMessageContaining("two.yaml:8:3: factors: the table has 2 factors; the limit is 1");
        StringBuilder many = new StringBuilder(HEADER).append("factors:\n");
        for (int i = 0; i < 200; i++) {
            many.append("  - {id: t/").append(i).append(", activity: a.b, region: GB, valid: ../.., per: kmm, co2e: 1}\n");
        }
        assertThatThrownBy(() -> LOADER.parse(many.toString(), "many.yaml")).isInstanceOf(FactorTableException.class)
                .satisfies(e -> {
                    List<Problem> problems = ((FactorTableException) e).getProblems();
                    assertThat(problems).hasSize(101);
                    assertThat(problems.get(100)).hasToString("many.yaml: stopped after 100 problems");
                });
        assertThatThrownBy(() -> LOADER.load(new ByteArrayInputStream(new byte[] {'a', ':', ' ', (byte) 0xC3, '(', '\n'}),
                "latin.yaml")).hasMessageEndingWith("latin.yaml:1: the file is not valid UTF-8 (byte 4)");
        assertThat(LoadLimits.defaults().getMaxBytes()).isEqualTo(512 * 1024);
        assertThat(LoadLimits.defaults().withMaxAliases(0).getMaxAliases()).isZero();
        assertThat(LoadLimits.defaults().withMaxDepth(8).getMaxDepth()).isEqualTo(8);
        assertThat(LoadLimits.defaults().withMaxProblems(5).getMaxProblems()).isEqualTo(5);
        assertThat(LoadLimits.defaults().getMaxFactors()).isEqualTo(200_000);
        assertThat(LoadLimits.defaults()).isEqualTo(LoadLimits.defaults().withMaxDepth(16))
                .hasSameHashCodeAs(LoadLimits.defaults().withMaxDepth(16))
                .hasToString("LoadLimits[maxBytes=524288, maxDepth=16, maxAliases=20, maxFactors=200000, maxProblems=100,"
                        + " maxValueLength=65536]");
        assertThat(LoadLimits.defaults().withMaxValueLength(10).getMaxValueLength()).isEqualTo(10);
        assertThatThrownBy(() -> LoadLimits.defaults().withMaxBytes(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBytes must be 1 or more: 0");
        assertThatThrownBy(() -> LoadLimits.defaults().withMaxAliases(-1)).hasMessage("maxAliases must not be negative: -1");
        assertThat(FactorTableLoader.withLimits(small).getLimits()).isEqualTo(small);
    }

    @Test
    void withMaxAliasesZero_refusesAnyCollectionAlias() {
        String yaml = HEADER + "factors:\n  - &f {id: t/1, activity: a.b, region: GB, valid: ../.., per: km, co2e: 1}\n"
                + "  - *f\n";
        assertThatThrownBy(() -> FactorTableLoader.withLimits(LoadLimits.defaults().withMaxAliases(0)).parse(yaml, "a.yaml"))
                .hasMessageContaining("a.yaml:9:5: refused by a limit: no aliases to mappings or lists are allowed");
        // with aliases allowed, the alias is the same factor twice: a duplicate id
        assertThatThrownBy(() -> LOADER.parse(yaml, "a.yaml")).hasMessageContaining("duplicate factor id 't/1'");
    }

    @Test
    void loadResource() throws IOException {
        ClassLoader classLoader = FactorTableLoaderTest.class.getClassLoader();
        assertThat(LOADER.loadResource(classLoader, "tables/valid/empty.yaml").getId()).isEqualTo("empty");
        assertThatThrownBy(() -> LOADER.loadResource(classLoader, "tables/nope.yaml"))
                .isInstanceOf(FactorTableException.class)
                .hasMessageEndingWith("tables/nope.yaml: no such resource on the class path");
    }

    @Test
    void load_streamIsReadAsUtf8() throws IOException {
        String yaml = HEADER.replace("title: T", "title: \"Électricité, 电力\"") + "factors: []\n";
        FactorTable table = LOADER.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "utf8.yaml");
        assertThat(table.getInfo().getTitle()).isEqualTo("Électricité, 电力");
    }

    /** Every table file that ships in the repository loads; listed here so a new one cannot be forgotten. */
    static List<Path> repositoryTables() throws IOException {
        List<Path> tables = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(".."))) {
            files.filter(f -> f.toString().endsWith(".yaml") && !f.toString().contains("/target/")
                    && !f.toString().contains("/tables/invalid/") && !f.toString().contains("/.git/"))
                    .filter(FactorTableLoaderTest::declaresTableFormat).sorted().forEach(tables::add);
        }
        return tables;
    }

    /** A factor table is a YAML file that declares the table format; rule sets and vectors declare others. */
    private static boolean declaresTableFormat(Path file) {
        try {
            return Files.readAllLines(file).contains("format: " + FactorTableLoader.FORMAT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyRepositoryTable_loads() throws IOException {
        assertThat(repositoryTables()).hasSizeGreaterThanOrEqualTo(9);
        for (Path file : repositoryTables()) {
            // the bundled tables are the project's own files: read with the limit raised, as carbon-factors does
            assertThat(FactorTableLoader.withLimits(LoadLimits.defaults().withMaxBytes(32 << 20)).load(file).getDigest())
                    .as(file.toString()).startsWith("sha256:");
        }
    }
}
