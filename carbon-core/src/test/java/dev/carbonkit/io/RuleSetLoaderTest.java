package dev.carbonkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.FootprintTotals.Period;
import dev.carbonkit.calc.Rounding;
import dev.carbonkit.credit.Award;
import dev.carbonkit.credit.CreditEngine;
import dev.carbonkit.credit.CreditResult;
import dev.carbonkit.credit.CreditRule;
import dev.carbonkit.credit.Issuance;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.factor.Region;
import dev.carbonkit.quantity.Quantity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RuleSetLoaderTest {

    private static final Path VALID = Path.of("src/test/resources/rules/valid/worked-examples.yaml");
    private static final Path INVALID = Path.of("src/test/resources/rules/invalid");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static Stream<Path> malformed() throws IOException {
        try (Stream<Path> files = Files.list(INVALID)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void load_badRules_areRejectedWithPosition(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<String> expected = ExpectedProblems.of(file);
        assertThatThrownBy(() -> RuleSetLoader.standard().parse(Files.readString(file), name))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).getProblems()).extracting(Problem::toString)
                        .containsExactlyElementsOf(expected));
    }

    private static Activity activity(String id, String type, String quantity, String localTime, String... attributes) {
        Activity.Builder builder = Activity.builder(id).account("alice").type(type).quantity(Quantity.parse(quantity))
                .time(LocalDateTime.parse(localTime).atZone(SHANGHAI).toInstant(), SHANGHAI).region(Region.of("CN"));
        for (int i = 0; i < attributes.length; i += 2) {
            builder.attribute(attributes[i], attributes[i + 1]);
        }
        return builder.build();
    }

    @Test
    void load_dynamicBaseline_readsTheSameRuleTheBuilderMakes() {
        String yaml = "format: carbonkit-rules/1\nruleset: r\nversion: \"1\"\ntimezone: Asia/Shanghai\nrules:\n"
                + "  - id: power\n    kind: dynamic_baseline\n    activity: electricity.daily\n"
                + "    saving-factor: {grams: 581, per: kWh}\n"
                + "    static-baseline: {per-capita: 4 kWh, persons: householdSize}\n"
                + "    trailing-baseline: {days: 7}\n    points-per-gram: 1\n";
        RuleSet loaded = RuleSetLoader.standard().parse(yaml, "power.yaml");
        CreditRule built = CreditRule.builder("power", CreditRule.Kind.DYNAMIC_BASELINE, "electricity.daily")
                .savingFactor("581", Quantity.parse("1 kWh")).staticBaseline(Quantity.parse("4 kWh"), "householdSize")
                .trailingBaseline(7).pointsPerGram("1").build();
        assertThat(loaded.getDigest()).isEqualTo(RuleSet.of("r", "1", SHANGHAI, List.of(built), List.of()).getDigest());
        Award award = CreditEngine.evaluate(loaded, List.of(activity("d", "electricity.daily", "9.5 kWh",
                "2024-05-01T23:00", "householdSize", "3"))).getAwards().get(0);
        assertThat(award.getGrams()).isEqualByComparingTo("1452.5");
    }

    @Test
    void load_roundingStages_readTheSameRulesTheBuilderMakes() {
        String yaml = "format: carbonkit-rules/1\nruleset: r\nversion: \"1\"\ntimezone: Asia/Shanghai\nrules:\n"
                + "  - id: bag\n    kind: fixed_per_event\n    activity: action.own_bag\n    award: {grams: 0.4}\n"
                + "    points-per-gram: 0.3\n    round-grams: {scale: 0, mode: down, stage: period, period: day}\n"
                + "    round-points: {scale: 1, mode: half_up, stage: event}\n";
        CreditRule built = CreditRule.builder("bag", CreditRule.Kind.FIXED_PER_EVENT, "action.own_bag").award("0.4", null)
                .pointsPerGram("0.3").roundGramsPerPeriod(Rounding.of(0, RoundingMode.DOWN), Period.DAY)
                .roundPoints(Rounding.of(1, RoundingMode.HALF_UP)).build();
        assertThat(RuleSetLoader.standard().parse(yaml, "bag.yaml").getDigest())
                .isEqualTo(RuleSet.of("r", "1", SHANGHAI, List.of(built), List.of()).getDigest());
    }

    @Test
    void load_allowanceBudget_readsTheSameRuleTheBuilderMakes() {
        String yaml = "format: carbonkit-rules/1\nruleset: r\nversion: \"1\"\ntimezone: Europe/Helsinki\nrules:\n"
                + "  - id: budget\n    kind: allowance_budget\n    activity: transport.bus\n"
                + "    budget: {period: month, total: 1 t, participants: 3}\n"
                + "    footprint-factor: {grams: 80, per: pkm}\n    points-per-gram: 0.001\n";
        CreditRule built = CreditRule.builder("budget", CreditRule.Kind.ALLOWANCE_BUDGET, "transport.bus")
                .budget(new CreditRule.Budget(Period.MONTH, Quantity.parse("1 t"), new BigDecimal("3")))
                .footprintFactor("80", Quantity.parse("1 pkm")).pointsPerGram("0.001").build();
        RuleSet loaded = RuleSetLoader.standard().parse(yaml, "budget.yaml");
        assertThat(loaded.getDigest()).isEqualTo(RuleSet.of("r", "1", ZoneId.of("Europe/Helsinki"), List.of(built),
                List.of()).getDigest());
        String perAccount = yaml.replace("total: 1 t, participants: 3", "per-account: 20 kg");
        assertThat(RuleSetLoader.standard().parse(perAccount, "budget.yaml").getRules().get(0).getBudget())
                .contains(new CreditRule.Budget(Period.MONTH, Quantity.parse("20 kg"), BigDecimal.ONE));
    }

    @Test
    void load_workedExamples_giveTheReferenceFigures() throws IOException {
        RuleSet rules = RuleSetLoader.standard().load(VALID);
        assertThat(rules.getId()).isEqualTo("worked-examples");
        assertThat(rules.getZone()).isEqualTo(SHANGHAI);
        assertThat(rules.getRules()).extracting(CreditRule::getId).containsExactly("sz-ebus", "bj-commute", "ant-offline-payment",
                "ant-utility-bill", "wuhan-bus", "luzhou-steps", "zz-walk", "gz-cycling");
        assertThat(rules.getRules().get(0).getStatus()).contains("SOURCED factor; rounding UNVERIFIED");
        assertThat(rules.getRules().get(3).getIssuance()).contains(Issuance.nextLocalDayAt(LocalTime.of(7, 0))
                .collectibleAfter(Duration.ofHours(24)).expiresAfter(Duration.ofHours(72)));
        assertThat(rules.getRules().get(0).getIssuance()).isEmpty();
        // E5: 12 eligible offline payments and one of 0.50 in a day; a daily cap of 10
        List<Activity> payments = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            payments.add(activity("p" + i, "payment.offline", "1 count", String.format(java.util.Locale.ROOT,
                    "2024-03-01T%02d:00", 8 + i), "amount_cny", "3"));
        }
        payments.add(activity("small", "payment.offline", "1 count", "2024-03-01T21:00", "amount_cny", "0.50"));
        assertThat(CreditEngine.evaluate(rules, payments).totalGrams("alice")).isEqualByComparingTo("50");
        // E15: 10 km by e-bus during the double-points week, and one after it
        CreditResult promo = CreditEngine.evaluate(rules, List.of(
                activity("during", "transport.bus.electric", "10 pkm", "2024-09-25T08:00"),
                activity("after", "transport.bus.electric", "10 pkm", "2024-09-29T00:00")));
        assertThat(promo.getAwards()).extracting(Award::getPoints).extracting(p -> p.toPlainString())
                .containsExactly("538", "269");
        assertThat(promo.totalGrams("alice")).isEqualByComparingTo("538");
        // E3: the Beijing commute as a scenario difference
        assertThat(CreditEngine.evaluate(rules, List.of(activity("e3", "transport.rail.underground", "22 pkm",
                "2024-05-01T08:00"))).totalGrams("alice")).isEqualByComparingTo("4630");
        // E11 steps, tiers, threshold with unit conversion and a matching condition
        CreditResult day = CreditEngine.evaluate(rules, List.of(
                activity("s", "steps.daily", "3499 count", "2024-05-01T22:00"),
                activity("w", "steps.walk", "12000 count", "2024-05-01T22:00"),
                activity("c", "transport.bicycle", "0.5 h", "2024-05-01T08:00", "city", "CN-GZ"),
                activity("c2", "transport.bicycle", "0.5 h", "2024-05-01T09:00", "city", "CN-BJ")));
        assertThat(day.totalPoints("alice")).isEqualByComparingTo("86");
        assertThat(day.getAwards()).extracting(Award::getOutcome).containsExactly(Award.Outcome.AWARDED,
                Award.Outcome.NO_RULE, Award.Outcome.AWARDED, Award.Outcome.AWARDED);
    }

    @Test
    void digest_followsValuesNotLayout_andEveryAwardNamesIt() {
        String yaml = "format: carbonkit-rules/1\nruleset: r\nversion: \"1\"\ntimezone: Asia/Shanghai\nrules:\n"
                + "  - {id: a, kind: fixed_per_event, activity: a.b, award: {grams: 5, points: 5},"
                + " caps: [{period: day, unit: count, limit: 10}]}\n";
        String reordered = "rules:\n  - caps:\n      - limit: 10.0\n        unit: count\n        period: day\n"
                + "    award: {points: 5.00, grams: 5}\n    activity: a.b\n    kind: fixed_per_event\n    id: a\n"
                + "timezone: Asia/Shanghai\nversion: '1'\nruleset: r\nformat: carbonkit-rules/1\n";
        RuleSet rules = RuleSetLoader.standard().parse(yaml, "a.yaml");
        assertThat(rules.getDigest()).matches("sha256:[0-9a-f]{64}")
                .isEqualTo(RuleSetLoader.standard().parse(reordered, "b.yaml").getDigest())
                .isNotEqualTo(RuleSetLoader.standard().parse(yaml.replace("limit: 10", "limit: 11"), "c.yaml").getDigest())
                .isNotEqualTo(RuleSetLoader.standard().parse(yaml.replace("version: \"1\"", "version: \"2\""), "d.yaml")
                        .getDigest());
        RuleSet sourced = RuleSetLoader.standard().parse(yaml.replace("rules:\n", "sources: [\"DB11/T 3043-2024\"]\nrules:\n"),
                "e.yaml");
        assertThat(sourced.getSources()).containsExactly("DB11/T 3043-2024");
        assertThat(sourced.getDigest()).isNotEqualTo(rules.getDigest());
        assertThat(rules.getSources()).isEmpty();
        assertThat(rules.canonicalForm()).startsWith("{\"format\":\"carbonkit-rules/1\",\"promotions\":[],\"rules\":[");
        Award award = CreditEngine.evaluate(rules, List.of(activity("x", "a.b", "1 count", "2024-05-01T08:00")))
                .getAwards().get(0);
        assertThat(award.explain()).contains("rule a (FIXED_PER_EVENT) of r 1 " + rules.getDigest());
    }

    @Test
    void load_stream() throws IOException {
        byte[] yaml = Files.readAllBytes(VALID);
        assertThat(RuleSetLoader.standard().load(new ByteArrayInputStream(yaml), "stream.yaml").getRules()).hasSize(8);
        assertThatThrownBy(() -> RuleSetLoader.standard().load(new ByteArrayInputStream(
                "format: carbonkit-rules/2\n".getBytes(StandardCharsets.UTF_8)), "v2.yaml"))
                .hasMessageContaining("v2.yaml:1:9: format: unsupported format 'carbonkit-rules/2'");
    }
}
