package dev.carbonkit.factors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.carbonkit.UnknownCodeException;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.credit.Award;
import dev.carbonkit.credit.CarbonAccounts;
import dev.carbonkit.credit.CreditEngine;
import dev.carbonkit.credit.CreditResult;
import dev.carbonkit.credit.CreditRule;
import dev.carbonkit.credit.InMemoryLedgerStore;
import dev.carbonkit.credit.LedgerEntry;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.factor.ActivityTypes;
import dev.carbonkit.factor.Region;
import dev.carbonkit.io.RuleSetException;
import dev.carbonkit.io.RuleSetLoader;
import dev.carbonkit.quantity.Quantity;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bundled rule sets load, carry their provenance, and reproduce the reference's worked examples. */
class BundledRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Activity activity(String id, String type, String quantity, String localTime,
            Map<String, String> attributes) {
        Activity.Builder builder = Activity.builder(id).account("alice").type(type).quantity(Quantity.parse(quantity))
                .time(LocalDateTime.parse(localTime).atZone(SHANGHAI).toInstant(), SHANGHAI).region(Region.of("CN"));
        attributes.forEach(builder::attribute);
        return builder.build();
    }

    private static CreditResult evaluate(String ruleSetId, Activity... activities) {
        return CreditEngine.evaluate(BundledRules.ruleSet(ruleSetId), List.of(activities));
    }

    private static BigDecimal sum(List<LedgerEntry> entries) {
        return entries.stream().map(LedgerEntry::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void everyTypeABundledRuleNames_isInTheVocabulary_andTheLoaderHoldsThemToIt() throws IOException {
        ActivityTypes vocabulary = BundledFactors.activityTypes();
        for (String id : BundledRules.RULE_SET_IDS) {
            List<String> types = BundledRules.ruleSet(id).getRules().stream().map(CreditRule::getActivityType)
                    .collect(Collectors.toList());
            assertThat(vocabulary.unknown(types)).as(id).isEmpty();
            String resource = "dev/carbonkit/factors/rules/" + id + ".yaml";
            try (InputStream in = BundledRules.class.getClassLoader().getResourceAsStream(resource)) {
                assertThat(RuleSetLoader.standard().withActivityTypes(vocabulary).load(in, resource).getDigest())
                        .isEqualTo(BundledRules.ruleSet(id).getDigest());
            }
        }
        // types the tables have factors for, groups above them, and declared types; a type from nowhere is not
        assertThat(vocabulary.hasFactors("transport.rail.underground")).isTrue();
        assertThat(vocabulary.contains("transport.bus")).isTrue();
        assertThat(vocabulary.hasFactors("transport.bus")).isFalse();
        assertThat(vocabulary.getDeclared()).containsKeys("payment.offline", "action.clean_plate", "steps.daily");
        assertThat(vocabulary.contains("transport.rail.metro")).isFalse();
        assertThat(vocabulary.suggest("transport.rail.undergroud")).contains("transport.rail.underground");
        RuleSetException unknown = catchThrowableOfType(RuleSetException.class, () -> RuleSetLoader.standard()
                .withActivityTypes(vocabulary).parse("format: carbonkit-rules/1\nruleset: r\nversion: \"1\"\n"
                        + "timezone: Asia/Shanghai\nrules:\n  - {id: m, kind: fixed_per_event, activity:"
                        + " transport.rail.undergroud, award: {grams: 1, points: 1}}\n", "r.yaml"));
        assertThat(unknown.getProblems()).extracting(Object::toString).containsExactly("r.yaml:6:46: rules[0].activity:"
                + " unknown activity type 'transport.rail.undergroud': no table has factors for it and it is not"
                + " declared; did you mean 'transport.rail.underground'?");
    }

    @Test
    void everyRuleSetLoads_andEveryRuleNamesItsSourceAndStatus() throws IOException {
        for (String id : BundledRules.RULE_SET_IDS) {
            RuleSet set = BundledRules.ruleSet(id);
            assertThat(set.getId()).isEqualTo(id);
            assertThat(set.getZone()).isEqualTo(SHANGHAI);
            assertThat(set.getRules()).isNotEmpty();
            assertThat(set.getSources()).as(id).isNotEmpty();
            for (CreditRule rule : set.getRules()) {
                assertThat(rule.getSource()).as(id + "/" + rule.getId()).isPresent();
                assertThat(rule.getStatus()).as(id + "/" + rule.getId()).hasValueSatisfying(status -> assertThat(status)
                        .containsAnyOf("SOURCED", "DERIVED", "UNVERIFIED", "CONFLICTING"));
            }
            try (InputStream in = BundledRules.class.getClassLoader()
                    .getResourceAsStream("dev/carbonkit/factors/rules/" + id + ".yaml")) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(text).as(id).doesNotContain("ILLUSTRATIVE");
            }
        }
        assertThat(BundledRules.ruleSet("cn-luzhou-lvya")).isSameAs(BundledRules.ruleSet("cn-luzhou-lvya"));
        assertThatThrownBy(() -> BundledRules.ruleSet("cn-nowhere")).isInstanceOf(UnknownCodeException.class)
                .hasMessageContaining("'cn-nowhere'").hasMessageContaining("cn-luzhou-lvya");
    }

    @Test
    void aRuleMayTakeItsFactorFromTheBundledCatalog_andNamesTheTableDigest() {
        String yaml = "format: carbonkit-rules/1\nruleset: uk-car-free\nversion: \"1\"\ntimezone: Europe/London\n"
                + "rules:\n  - id: walk-instead\n    kind: avoided_emissions\n    activity: transport.walk\n"
                + "    net-factor: {factor: desnz-2024/4_301_3070_9}\n    points-per-gram: 0\n"
                + "    status: \"DERIVED: a walk replacing an average petrol car trip, illustration of the mechanism\"\n";
        RuleSet rules = RuleSetLoader.standard().withCatalog(BundledFactors.catalog()).parse(yaml, "uk.yaml");
        String digest = BundledFactors.table("desnz-2024").getDigest();
        assertThat(rules.getRules().get(0).getFactorSources()).containsEntry("net", "desnz-2024/4_301_3070_9 ="
                + " 0.26473 kg CO2e/mi = 264.73 g/mi, table desnz-2024 " + digest + ", row 4_301_3070_9");
        Award award = CreditEngine.evaluate(rules, List.of(Activity.builder("w").account("alice").type("transport.walk")
                .quantity(Quantity.parse("10 mi")).time(java.time.Instant.parse("2024-06-01T09:00:00Z"),
                        ZoneId.of("Europe/London")).region(Region.of("GB")).build())).getAwards().get(0);
        assertThat(award.getGrams()).isEqualByComparingTo("2647.3");
        assertThat(award.explain()).contains("factor net: desnz-2024/4_301_3070_9 = 0.26473 kg CO2e/mi")
                .contains("avoided: 10 mi x net factor 264.73 g/mi = 2647.3 g");
        assertThatThrownBy(() -> RuleSetLoader.standard().parse(yaml, "uk.yaml"))
                .isInstanceOf(RuleSetException.class)
                .hasMessageStartingWith("uk.yaml: 1 problem; the rule set was not loaded\n").hasMessageContaining("uk.yaml:9:26")
                .hasMessageContaining("takes factor 'desnz-2024/4_301_3070_9' from a factor catalog, but this loader"
                        + " has none");
        assertThatThrownBy(() -> RuleSetLoader.standard().withCatalog(BundledFactors.catalog())
                .parse(yaml.replace("3070_9", "3070_8"), "uk.yaml"))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("no factor 'desnz-2024/4_301_3070_8' in the catalog's tables");
    }

    @Test
    void scenarioTermsMayTakeCatalogFactorsToo() {
        String yaml = "format: carbonkit-rules/1\nruleset: london-tube\nversion: \"1\"\ntimezone: Europe/London\n"
                + "rules:\n  - id: tube-instead-of-car\n    kind: scenario_difference\n"
                + "    activity: transport.rail.underground\n    terms:\n"
                + "      BE: [{factor: desnz-2024/4_301_3070_4, quantity: car_distance}]\n"
                + "      PE: [{factor: desnz-2024/25_315_3150_11}]\n    points-per-gram: 0\n";
        RuleSet rules = RuleSetLoader.standard().withCatalog(BundledFactors.catalog()).parse(yaml, "tube.yaml");
        Award award = CreditEngine.evaluate(rules, List.of(Activity.builder("t").account("alice")
                .type("transport.rail.underground").quantity(Quantity.parse("12 pkm")).attribute("car_distance", "12 km")
                .time(java.time.Instant.parse("2024-06-01T09:00:00Z"), ZoneId.of("Europe/London")).region(Region.of("GB"))
                .build())).getAwards().get(0);
        assertThat(award.getGrams()).isEqualByComparingTo("1640.4");
        assertThat(award.explain()).contains("factor BE[0]: desnz-2024/4_301_3070_4 = 0.1645 kg CO2e/km = 164.5 g/km,"
                + " table desnz-2024 sha256:").contains("BE: 12 km x 164.5 g per 1 km = 1974 g\n")
                .contains("PE: 12 pkm x 27.8 g per 1 pkm = 333.6 g\n");
        assertThatThrownBy(() -> RuleSetLoader.standard().withCatalog(BundledFactors.catalog())
                .parse(yaml.replace("{factor: desnz-2024/25_315_3150_11}", "{factor: desnz-2024/25_315_3150_11, grams: 1}"),
                        "tube.yaml"))
                .isInstanceOf(RuleSetException.class).hasMessageContaining("tube.yaml:11:12: rules[0].terms.PE[0]:"
                        + " a factor is either {grams, per} or {factor: <id>} from the factor catalog, not both");
    }

    @Test
    void theDocNamesEveryRuleSetAndRule() throws IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/bundled-rule-sets.md"));
        for (String id : BundledRules.RULE_SET_IDS) {
            RuleSet set = BundledRules.ruleSet(id);
            assertThat(doc).contains("`" + id + "` | " + set.getVersion() + " |");
            for (CreditRule rule : set.getRules()) {
                assertThat(doc).contains("`" + rule.getId() + "` (`" + rule.getActivityType() + "`");
            }
        }
    }

    @Test
    void shenzhen_e1_exactGrams_andTheMetroConflictIsStated() {
        CreditResult result = evaluate("cn-sz-low-carbon-public-transit",
                activity("e1", "transport.bus.electric", "12.5 pkm", "2024-05-01T08:00", Map.of()),
                activity("m1", "transport.rail.underground", "10 pkm", "2024-05-01T09:00", Map.of()));
        assertThat(result.getAwards().get(0).getGrams()).isEqualByComparingTo("336.25");
        assertThat(result.getAwards().get(0).getPoints()).isEqualByComparingTo("0");
        assertThat(result.getAwards().get(1).getGrams()).isEqualByComparingTo("467");
        assertThat(result.getAwards().get(1).explain()).contains("status: CONFLICTING: 46.7 g/pkm")
                .contains("46.7 is used because it is the later report and the lower, conservative value");
        assertThat(sum(result.getPoints())).isEqualByComparingTo("0");
    }

    @Test
    void antForest_e5_e6_e13() {
        RuleSet ant = BundledRules.ruleSet("cn-alipay-ant-forest");
        List<Activity> activities = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            activities.add(activity(String.format(java.util.Locale.ROOT, "p%02d", i), "payment.offline", "1 count",
                    String.format(java.util.Locale.ROOT, "2024-03-01T%02d:00", 8 + i), Map.of("amount_cny", "12.50")));
        }
        activities.add(activity("small", "payment.offline", "1 count", "2024-03-01T09:15", Map.of("amount_cny", "0.50")));
        activities.add(activity("a1", "payment.utility", "1 count", "2024-03-02T10:00",
                Map.of("amount_cny", "120", "utilityAccountNo", "A")));
        activities.add(activity("a2", "payment.utility", "1 count", "2024-03-09T10:00",
                Map.of("amount_cny", "80", "utilityAccountNo", "A")));
        activities.add(activity("a3", "payment.utility", "1 count", "2024-03-20T10:00",
                Map.of("amount_cny", "1", "utilityAccountNo", "A")));
        activities.add(activity("b1", "payment.utility", "1 count", "2024-03-21T10:00",
                Map.of("amount_cny", "0.80", "utilityAccountNo", "B")));
        for (int i = 1; i <= 5; i++) {
            activities.add(activity("inv" + i, "payment.e_invoice", "1 count", "2024-03-01T1" + (i - 1) + ":00", Map.of()));
        }
        activities.add(activity("inv6", "payment.e_invoice", "1 count", "2024-03-02T00:30", Map.of()));
        CreditResult result = CreditEngine.evaluate(ant, activities);
        BigDecimal offline = BigDecimal.ZERO;
        BigDecimal utility = BigDecimal.ZERO;
        BigDecimal invoices = BigDecimal.ZERO;
        for (LedgerEntry entry : result.getReductions()) {
            switch (entry.getRuleId()) {
                case "ant-offline-payment" -> offline = offline.add(entry.getAmount());
                case "ant-utility-bill" -> utility = utility.add(entry.getAmount());
                case "ant-e-invoice" -> invoices = invoices.add(entry.getAmount());
                default -> throw new AssertionError(entry);
            }
        }
        assertThat(offline).isEqualByComparingTo("50");
        assertThat(utility).isEqualByComparingTo("262");
        assertThat(invoices).isEqualByComparingTo("30");
        assertThat(sum(result.getPoints())).isEqualByComparingTo("342");
        assertThat(result.getAwards()).filteredOn(award -> award.getActivityId().equals("small")).extracting(Award::getOutcome)
                .containsExactly(Award.Outcome.INELIGIBLE);
        assertThat(result.getAwards()).filteredOn(award -> award.getActivityId().equals("p11") || award.getActivityId().equals("p12"))
                .extracting(Award::getOutcome).containsExactly(Award.Outcome.CAPPED, Award.Outcome.CAPPED);
        assertThat(result.getAwards()).filteredOn(award -> award.getActivityId().startsWith("a"))
                .extracting(Award::getOutcome).containsExactly(Award.Outcome.AWARDED, Award.Outcome.DUPLICATE,
                        Award.Outcome.DUPLICATE);
    }

    @Test
    void antForest_energyComesTheNextDayAt7_andIsLostUnlessCollectedWithin72Hours() {
        CarbonAccounts accounts = new CarbonAccounts(BundledRules.ruleSet("cn-alipay-ant-forest"), new InMemoryLedgerStore());
        accounts.award(activity("bill", "payment.utility", "1 count", "2024-03-01T21:00",
                Map.of("amount_cny", "120", "utilityAccountNo", "A")));
        accounts.award(activity("ticket", "payment.ticket.train", "1 count", "2024-03-01T22:00", Map.of()));
        Instant generated = LocalDateTime.parse("2024-03-02T07:00").atZone(SHANGHAI).toInstant();
        assertThat(accounts.history("alice")).filteredOn(entry -> entry.getLedger() == LedgerEntry.Ledger.POINTS)
                .allSatisfy(entry -> assertThat(entry.getSchedule()).isEqualTo(new LedgerEntry.Schedule(generated,
                        generated.plus(Duration.ofHours(24)), generated.plus(Duration.ofHours(72)))));
        // the reduction counts at once; the energy only once collected
        assertThat(accounts.balance("alice", LedgerEntry.Ledger.REDUCTION, generated)).isEqualByComparingTo("398");
        assertThat(accounts.balance("alice", LedgerEntry.Ledger.POINTS, generated)).isEqualByComparingTo("0");
        assertThat(accounts.claim("alice", "cn-alipay-ant-forest:bill:ant-utility-bill:points",
                generated.plus(Duration.ofHours(30))).getAmount()).isEqualByComparingTo("262");
        Instant later = generated.plus(Duration.ofHours(72));
        assertThat(accounts.claimable("alice", later)).isEmpty();
        assertThat(accounts.expired("alice", later)).isEqualByComparingTo("136");
        assertThat(accounts.balance("alice", LedgerEntry.Ledger.POINTS, later)).isEqualByComparingTo("262");
    }

    @Test
    void cloudPlatform_awardsPointsWithNoGramsBehindThem() {
        CreditResult result = evaluate("alibaba-cloud-energy-expert",
                activity("plate", "action.clean_plate", "1 count", "2024-05-01T12:30", Map.of()),
                activity("ride", "transport.rail.underground", "8 pkm", "2024-05-01T18:00", Map.of()));
        assertThat(result.getAwards()).extracting(Award::getPoints).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("200"), new BigDecimal("554"));
        assertThat(result.getReductions()).isEmpty();
        assertThat(result.getPoints()).extracting(LedgerEntry::getReductionEntryId).containsOnlyNulls();
        assertThat(result.getAwards().get(1).explain()).contains("unit of a credit UNVERIFIED; no grams published");
    }

    @Test
    void beijing_e3_theTwentyTwoKilometreCommute() {
        CreditResult result = evaluate("cn-bj-maas-green-travel",
                activity("e3", "transport.rail.underground", "22 pkm", "2024-05-01T08:00", Map.of()),
                activity("half", "transport.rail.underground", "11 pkm", "2024-05-01T18:00", Map.of()));
        assertThat(result.getAwards().get(0).getGrams()).isEqualByComparingTo("4630");
        assertThat(result.getAwards().get(1).getGrams()).isEqualByComparingTo("2315");
        assertThat(result.getAwards().get(0).explain()).contains("ER = BE - PE - LE = 5980 - 1350 - 0 = 4630 g");
    }

    @Test
    void wuhan_e9_exclusiveEvidence_andWutanJianghu() {
        CreditResult day = evaluate("cn-wuhan-tantan-planet",
                activity("steps", "steps.daily", "7250 count", "2024-05-01T21:00", Map.of()),
                activity("t1", "transport.bus", "1 count", "2024-05-01T08:00",
                        Map.of("evidence", "screenshot_upload", "tripId", "T1")),
                activity("t2-checkin", "transport.rail.underground", "1 count", "2024-05-01T09:00",
                        Map.of("evidence", "self_checkin", "tripId", "T2")),
                activity("t2-upload", "transport.rail.underground", "1 count", "2024-05-01T20:00",
                        Map.of("evidence", "screenshot_upload", "tripId", "T2")));
        assertThat(sum(day.getPoints())).isEqualByComparingTo("387");
        assertThat(sum(day.getReductions())).isEqualByComparingTo("387");
        assertThat(day.getAwards()).filteredOn(award -> award.getActivityId().equals("t2-upload")).extracting(Award::getOutcome)
                .containsExactly(Award.Outcome.EXCLUDED);
        CreditResult trips = evaluate("cn-wuhan-wutan-jianghu",
                activity("taxi", "transport.taxi.nev", "24 km", "2024-05-01T08:00", Map.of()),
                activity("bike", "transport.bicycle.shared", "2.5 km", "2024-05-01T09:00", Map.of()),
                activity("bus", "transport.bus", "1 count", "2024-05-01T10:00", Map.of()),
                activity("bag", "action.own_shopping_bag", "1 count", "2024-05-01T11:00", Map.of()));
        assertThat(trips.getAwards()).extracting(Award::getGrams).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("168"), new BigDecimal("100"), new BigDecimal("150"), new BigDecimal("5"));
        assertThat(trips.getPoints()).isEmpty();
    }

    @Test
    void luzhou_e11_pointsNotProportionalToGrams() {
        CreditResult result = evaluate("cn-luzhou-lvya",
                activity("steps", "steps.daily", "3499 count", "2024-05-01T21:00", Map.of()),
                activity("plate", "action.clean_plate", "1 count", "2024-05-01T12:30", Map.of()),
                activity("bus1", "transport.bus", "1 count", "2024-05-01T08:00", Map.of()),
                activity("bus2", "transport.bus", "1 count", "2024-05-01T18:00", Map.of()));
        assertThat(sum(result.getPoints())).isEqualByComparingTo("31");
        assertThat(sum(result.getReductions())).isEqualByComparingTo("353.2");
        assertThat(result.getAwards()).filteredOn(award -> award.getActivityId().equals("steps")).first()
                .satisfies(award -> assertThat(award.explain()).contains("floor(3499 / 500) = 6 blocks x 8.2 g = 49.2 g"));
    }
}
