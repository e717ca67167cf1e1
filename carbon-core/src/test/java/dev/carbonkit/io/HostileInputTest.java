package dev.carbonkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.factor.FactorTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue #17's small hostile files, one test each: every loader answers with its typed exception, each problem with
 * its file, line and column and a bounded message, and nothing costs more than reading the file. Big inputs are made
 * here, never committed.
 */
class HostileInputTest {

    private static final FactorTableLoader TABLES = FactorTableLoader.standard();
    private static final RuleSetLoader RULES = RuleSetLoader.standard();
    private static final ConformanceVectorsLoader VECTORS = ConformanceVectorsLoader.standard();

    private static final String TABLE = FactorTableLoaderTest.HEADER + "gwp: AR5\ngases-as: co2e\nregion: GB\n"
            + "valid: 2024-01-01/2024-12-31\n"
            + "factors:\n  - id: t/car\n    activity: transport.car\n    per: km\n    co2e: 0.17\n"
            + "    gases: {CO2: 0.16, N2O: 0.01}\n    uncertainty: {minus-percent: 5, plus-percent: 5}\n";

    private static final String VECTOR = "format: carbonkit-vectors/1\ntable: t\ncases:\n  - name: car\n"
            + "    activity: transport.car\n    quantity: 10 km\n    region: GB\n    date: 2024-06-15\n"
            + "    expect: {co2e: 1.7, gases: {CO2: 1.6}, scale: 2}\n";

    private static String rules() throws IOException {
        return Files.readString(Path.of("src/test/resources/rules/valid/worked-examples.yaml"));
    }

    /** The text with the first occurrence of a piece replaced, which must be there. */
    private static String with(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    /** The problems of a load that must fail with the loader's typed exception, each bounded and placed. */
    private static List<Problem> problems(Runnable load, Class<? extends LoadException> type) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(load::run);
        assertThat(thrown).isInstanceOf(type);
        LoadException failure = (LoadException) thrown;
        assertThat(failure.getMessage().length()).as("the whole message").isLessThan(64 * 1024);
        assertThat(failure.getProblems()).isNotEmpty().allSatisfy(problem ->
                assertThat(problem.getMessage().length()).as(problem.toString()).isLessThanOrEqualTo(600));
        return failure.getProblems();
    }

    //-----------------------------------------------------------------------
    @ParameterizedTest(name = "table {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "co2e: 0.17|co2e: 1e9999999999|factors[0].co2e|the number '1e9999999999' has more than 40 digits before the decimal point",
        "co2e: 0.17|co2e: 1e2147483647|factors[0].co2e|the number '1e2147483647' has more than 40 digits before the decimal point",
        "CO2: 0.16|CO2: 1e2147483647|factors[0].gases.CO2|the number '1e2147483647' has more than 40 digits before",
        "minus-percent: 5|minus-percent: 1e999999999|factors[0].uncertainty.minus-percent|the number '1e999999999' has more",
        "co2e: 0.17|co2e: 1e-999999999|factors[0].co2e|the number '1e-999999999' has more than 100 digits after"})
    void aTable_withAnAbsurdNumber_isRefusedAtItsPlace(String from, String to, String path, String message) {
        List<Problem> problems = problems(() -> TABLES.parse(with(TABLE, from, to), "t.yaml"), FactorTableException.class);
        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.getPath()).isEqualTo(path);
            assertThat(problem.getMessage()).startsWith(message);
            assertThat(problem.getLine()).isPositive();
            assertThat(problem.getColumn()).isPositive();
        });
    }

    /** docs/factor-table-format.md ("Numbers") shows this message. */
    @Test
    void theDocsExample_isTheLoadersMessage() throws IOException {
        String doc = Files.readString(Path.of("../docs/factor-table-format.md"));
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> TABLES.parse(with(TABLE, "co2e: 0.17",
                "co2e: 1e9999999999"), "t.yaml"));
        assertThat(doc).contains("```text\n" + thrown.getMessage() + "\n```");
    }

    @Test
    void aValueOfMegabytes_isRefusedOnce_withItsLengthAndAnExcerpt() {
        // the default limit refuses a file of megabytes by its size; with the limit raised, by the value's length
        assertThat(problems(() -> TABLES.parse(with(TABLE, "co2e: 0.17", "co2e: " + "7".repeat(5_000_000)),
                "digits.yaml"), FactorTableException.class)).singleElement().hasToString("digits.yaml: the file is"
                        + " larger than the limit of 524288 bytes");
        FactorTableLoader big = FactorTableLoader.withLimits(LoadLimits.defaults().withMaxBytes(16 << 20));
        // five million digits: refused by length, not parsed (a digit parse of that size is quadratic)
        List<Problem> digits = problems(() -> big.parse(with(TABLE, "co2e: 0.17", "co2e: " + "7".repeat(5_000_000)),
                "digits.yaml"), FactorTableException.class);
        assertThat(digits).singleElement().satisfies(problem -> assertThat(problem.toString()).isEqualTo("digits.yaml:15:11:"
                + " a word of 5000000 characters (no space or line break), more than the limit of 65536 for a value: '"
                + "7".repeat(80) + "...' (5000000 characters)"));
        // a 5 MB title
        assertThat(problems(() -> big.parse(with(TABLE, "title: T", "title: " + "x".repeat(5_000_000)), "title.yaml"),
                FactorTableException.class)).singleElement().satisfies(problem ->
                        assertThat(problem.getMessage()).startsWith("a word of 5000000 characters"));
        // the same length with spaces in it is composed (SnakeYAML reads it in linear time), then refused
        assertThat(problems(() -> big.parse(with(TABLE, "title: T", "title: " + "xy ".repeat(1_000_000)), "spaced.yaml"),
                FactorTableException.class)).singleElement().satisfies(problem -> assertThat(problem.toString())
                        .startsWith("spaced.yaml:3:8: a value of 2999999 characters, more than the limit of 65536: 'xy xy"));
        // a 1 MB value aliased 200 times is looked at once
        StringBuilder aliased = new StringBuilder(with(TABLE, "title: T", "title: &big " + "y ".repeat(500_000)));
        for (int i = 0; i < 200; i++) {
            aliased.append("x-").append(i).append(": *big\n");
        }
        assertThat(problems(() -> big.parse(aliased.toString(), "aliased.yaml"), FactorTableException.class))
                .singleElement().satisfies(problem -> assertThat(problem.getMessage())
                        .startsWith("a value of 999999 characters, more than the limit of 65536"));
    }

    @ParameterizedTest(name = "rules {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "points-per-gram: 1\\n    round-grams|points-per-gram: 1e999999999\\n    round-grams|rules[0].points-per-gram",
        "net-factor: {grams: 26.9|net-factor: {grams: 1e999999999|rules[0].net-factor.grams",
        "award: {grams: 5, points: 5}|award: {grams: -1e999999999, points: 5}|rules[2].award.grams",
        "award: {grams: 5, points: 5}|award: {grams: 5, points: 1e999999999}|rules[2].award.points",
        "limit: 10}|limit: 1e999999999}|rules[2].caps[0].limit",
        "at-least: 1}|at-least: 1e999999999}|rules[2].eligibility[0].at-least",
        "size: 500|size: 1e999999999|rules[5].per-unit.size",
        "minimum: 2000|minimum: 1e999999999|rules[6].tiers[0].minimum",
        "multiplier: 2|multiplier: 1e999999999|promotions[0].multiplier",
        "limit: 10}|limit: 1e2147483647}|rules[2].caps[0].limit",
        "scale: 0, mode: down}|scale: 1e999999999, mode: down}|rules[0].round-grams.scale"})
    void aRuleSet_withAnAbsurdNumber_isRefusedAtItsPlace(String from, String to, String path) throws IOException {
        String yaml = with(rules(), from.replace("\\n", "\n"), to.replace("\\n", "\n"));
        List<Problem> problems = problems(() -> RULES.parse(yaml, "rules.yaml"), RuleSetException.class);
        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.getPath()).isEqualTo(path);
            assertThat(problem.getMessage()).contains(to.substring(to.indexOf("1e"), to.indexOf("1e") + 11))
                    .contains("has more than 40 digits before");
            assertThat(problem.getLine()).isPositive();
        });
    }

    @Test
    void aRuleSet_withAnAbsurdBudgetOrBaseline_isRefused() {
        String budget = "format: carbonkit-rules/1\nruleset: r\nversion: \"1\"\ntimezone: Europe/Helsinki\nrules:\n"
                + "  - id: budget\n    kind: allowance_budget\n    activity: transport.bus\n"
                + "    budget: {period: month, total: 1 t, participants: 1e999999999}\n"
                + "    footprint-factor: {grams: 80, per: pkm}\n    points-per-gram: 0.001\n";
        assertThat(problems(() -> RULES.parse(budget, "budget.yaml"), RuleSetException.class)).anySatisfy(problem ->
                assertThat(problem.getPath()).isEqualTo("rules[0].budget.participants"));
        String power = "format: carbonkit-rules/1\nruleset: r\nversion: \"1\"\ntimezone: Asia/Shanghai\nrules:\n"
                + "  - id: power\n    kind: dynamic_baseline\n    activity: electricity.daily\n"
                + "    saving-factor: {grams: 581, per: kWh}\n"
                + "    static-baseline: {per-capita: 4 kWh, persons: householdSize}\n"
                + "    trailing-baseline: {days: 1e999999999}\n    points-per-gram: 1\n";
        assertThat(problems(() -> RULES.parse(power, "power.yaml"), RuleSetException.class)).anySatisfy(problem ->
                assertThat(problem.getPath()).isEqualTo("rules[0].trailing-baseline.days"));
    }

    @Test
    void vectors_withAnAbsurdNumber_orANullGas_areRefused() {
        assertThat(problems(() -> VECTORS.parse(with(VECTOR, "scale: 2", "scale: 1e999999999"), "v.yaml"),
                ConformanceVectorsException.class)).anySatisfy(problem -> assertThat(problem.getMessage())
                        .contains("'1e999999999' has more than 40 digits before"));
        assertThat(problems(() -> VECTORS.parse(with(VECTOR, "CO2: 1.6", "CO2: 1e2147483647"), "v.yaml"),
                ConformanceVectorsException.class)).anySatisfy(problem -> assertThat(problem.getMessage())
                        .contains("'1e2147483647' has more than 40 digits before"));
        assertThat(problems(() -> VECTORS.parse(with(VECTOR, "co2e: 1.7", "co2e: 1e9999999999"), "v.yaml"),
                ConformanceVectorsException.class)).anySatisfy(problem -> assertThat(problem.getMessage())
                        .contains("'1e9999999999' has more than 40 digits before"));
        assertThat(problems(() -> VECTORS.parse(with(VECTOR, "gases: {CO2: 1.6}", "gases: {~: 1}"), "v.yaml"),
                ConformanceVectorsException.class)).anySatisfy(problem -> assertThat(problem.getMessage())
                        .isEqualTo("keys must be plain text, found nothing"));
    }

    //-----------------------------------------------------------------------
    @Test
    void everyLoad_readsNoMoreThanTheLimit_andOnlyUtf8(@TempDir Path dir) throws IOException {
        LoadLimits small = LoadLimits.defaults().withMaxBytes(1024);
        Path big = dir.resolve("big.yaml");
        Files.write(big, new byte[200 * 1024 * 1024 / 100]);
        for (Runnable load : List.<Runnable>of(
                () -> uncheck(() -> RuleSetLoader.withLimits(small).load(big)),
                () -> uncheck(() -> ConformanceVectorsLoader.withLimits(small).load(big)),
                () -> uncheck(() -> FactorTableLoader.withLimits(small).load(big)))) {
            assertThat(problems(load, LoadException.class)).singleElement().satisfies(problem ->
                    assertThat(problem.toString()).isEqualTo(big + ": the file is larger than the limit of 1024 bytes"));
        }
        Path zero = Path.of("/dev/zero");
        if (Files.isReadable(zero)) {
            // read as it is parsed: refused at its first byte, not after the limit's worth
            assertThat(problems(() -> uncheck(() -> RULES.load(zero)), RuleSetException.class)).singleElement()
                    .satisfies(problem -> assertThat(problem.getMessage()).isEqualTo("not valid YAML: the character"
                            + " U+0000 is not allowed (character 1 of the file)"));
            assertThat(problems(() -> uncheck(() -> RuleSetLoader.withLimits(small).load(zero)), RuleSetException.class))
                    .singleElement().satisfies(problem -> assertThat(problem.getMessage())
                            .isEqualTo("the file is larger than the limit of 1024 bytes"));
        }
        byte[] latin = "format: carbonkit-rules/1\nruleset: r\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(problems(() -> uncheck(() -> RULES.load(new ByteArrayInputStream(latin), "latin.yaml")),
                RuleSetException.class)).singleElement().hasToString("latin.yaml:2: the file is not valid UTF-8 (byte 37)");
        assertThat(problems(() -> uncheck(() -> VECTORS.load(new ByteArrayInputStream(latin), "latin.yaml")),
                ConformanceVectorsException.class)).singleElement().hasToString("latin.yaml:2: the file is not valid UTF-8 (byte 37)");
        Path file = dir.resolve("latin.yaml");
        Files.write(file, latin);
        assertThat(problems(() -> uncheck(() -> RULES.load(file)), RuleSetException.class)).singleElement()
                .hasToString(file + ":2: the file is not valid UTF-8 (byte 37)");
    }

    @Test
    void aByteOrderMark_isAccepted_andIsNotData() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] table = TABLE.getBytes(StandardCharsets.UTF_8);
        byte[] marked = new byte[bom.length + table.length];
        System.arraycopy(bom, 0, marked, 0, 3);
        System.arraycopy(table, 0, marked, 3, table.length);
        FactorTable read = TABLES.load(new ByteArrayInputStream(marked), "bom.yaml");
        assertThat(read.getDigest()).isEqualTo(TABLES.parse(TABLE, "t.yaml").getDigest());
        byte[] rules = rules().getBytes(StandardCharsets.UTF_8);
        byte[] markedRules = new byte[3 + rules.length];
        System.arraycopy(bom, 0, markedRules, 0, 3);
        System.arraycopy(rules, 0, markedRules, 3, rules.length);
        assertThat(RULES.load(new ByteArrayInputStream(markedRules), "bom.yaml").getDigest())
                .isEqualTo(RULES.parse(rules(), "rules.yaml").getDigest());
    }

    /** A stream that gives one byte a read: a byte-order mark and a character of several bytes span reads. */
    private static final class Trickle extends java.io.InputStream {
        private final byte[] bytes;
        private int next;

        Trickle(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return next < bytes.length ? bytes[next++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (next >= bytes.length) {
                return -1;
            }
            into[offset] = bytes[next++];
            return 1;
        }
    }

    @Test
    void aStreamReadAByteAtATime_readsAsTheText() throws IOException {
        String text = TABLE.replace("title: T", "title: Caf\u00e9 \u4e2d\u6587 \ud83d\ude8b");
        byte[] bytes = ("\ufeff" + text).getBytes(StandardCharsets.UTF_8);
        FactorTable read = TABLES.load(new Trickle(bytes), "trickle.yaml");
        assertThat(read.getInfo().getTitle()).isEqualTo("Caf\u00e9 \u4e2d\u6587 \ud83d\ude8b");
        assertThat(read.getDigest()).isEqualTo(TABLES.parse(text, "t.yaml").getDigest());
    }

    @Test
    void aFailingStream_isItsIOException_notAProblem() {
        java.io.InputStream failing = new java.io.InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        assertThatThrownBy(() -> RULES.load(failing, "r.yaml")).isInstanceOf(IOException.class).hasMessage("disk gone");
    }

    @Test
    void aTagSnakeYamlWillNotMake_isAProblem_notItsException() {
        // Jazzer's find: SnakeYAML's parser passes this tag, and its Tag then throws IllegalArgumentException
        assertThat(problems(() -> TABLES.parse("!".repeat(81) + "%e", "tag.yaml"), FactorTableException.class))
                .singleElement().satisfies(problem -> assertThat(problem.toString()).startsWith("tag.yaml:1:1: not valid"
                        + " YAML: the tag '").endsWith("is refused: tag must not contain leading or trailing spaces."));
    }

    @Test
    void anEscapeCutShortByTheEndOfTheFile_isAProblem_notANumberFormatException() {
        // Jazzer's find, in every YAML reader: SnakeYAML parses the hex digits of a \\U it reads past the end
        for (String text : List.of("\"\\U", "\n\"\\U", "status: \"IL\\U")) {
            assertThat(problems(() -> TABLES.parse(text, "escape.yaml"), FactorTableException.class)).singleElement()
                    .hasToString("escape.yaml: not valid YAML: the file ends inside an escape sequence (\\x, \\u or"
                            + " \\U) of a quoted value");
        }
    }

    @Test
    void anAliasInsideTheNodeItNames_isRefusedWhereItIs() {
        assertThat(problems(() -> TABLES.parse(TABLE.replace("gases: {CO2: 0.16, N2O: 0.01}",
                "gases: &g {CO2: 0.16, N2O: *g}"), "loop.yaml"), FactorTableException.class)).singleElement()
                .hasToString("loop.yaml:16:32: not valid YAML: the alias 'g' is inside the node it names");
        assertThat(problems(() -> TABLES.parse(TABLE.replace("per: km", "per: *nowhere"), "alias.yaml"),
                FactorTableException.class)).singleElement().hasToString("alias.yaml:14:10: not valid YAML: found"
                        + " undefined alias 'nowhere'");
    }

    private interface Load {
        Object run() throws IOException;
    }

    private static void uncheck(Load load) {
        try {
            load.run();
        } catch (IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
    }
}
