package dev.carbonkit.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.FootprintTotals.Period;
import dev.carbonkit.calc.Rounding;
import dev.carbonkit.factor.Region;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of the project's credit research note (docs/research/credit-methodologies.md, section 3), with
 * the expected values printed there. Rule values marked ILLUSTRATIVE or UNVERIFIED in the note are used here as test
 * data only.
 */
class WorkedExamplesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static Activity activity(String id, String type, String quantity, String localTime, Map<String, String> attributes) {
        Activity.Builder builder = Activity.builder(id).account("alice").type(type).quantity(Quantity.parse(quantity))
                .time(LocalDateTime.parse(localTime).atZone(SHANGHAI).toInstant(), SHANGHAI).region(Region.of("CN"));
        attributes.forEach(builder::attribute);
        return builder.build();
    }

    static RuleSet rules(CreditRule... rules) {
        return RuleSet.of("test", "1", SHANGHAI, List.of(rules), List.of());
    }

    static CreditRule shenzhenEbus() {
        return CreditRule.builder("sz-ebus", CreditRule.Kind.AVOIDED_EMISSIONS, "transport.bus.electric")
                .netFactor("26.9", Unit.PASSENGER_KILOMETRE).pointsPerGram("1")
                .roundGrams(Rounding.of(0, RoundingMode.DOWN))
                .provenance("Shenzhen low-carbon public transit methodology", "SOURCED; rounding UNVERIFIED").build();
    }

    @Test
    void e1_shenzhenEbus_12_5km() {
        CreditRule exact = CreditRule.builder("sz-ebus", CreditRule.Kind.AVOIDED_EMISSIONS, "transport.bus.electric")
                .netFactor("26.9", Unit.PASSENGER_KILOMETRE).pointsPerGram("1").build();
        Activity trip = activity("e1", "transport.bus.electric", "12.5 pkm", "2024-05-01T08:00", Map.of());
        assertThat(CreditEngine.evaluate(rules(exact), List.of(trip)).getAwards().get(0).getGrams()).isEqualByComparingTo("336.25");
        Award rounded = CreditEngine.evaluate(rules(shenzhenEbus()), List.of(trip)).getAwards().get(0);
        assertThat(rounded.getGrams()).isEqualByComparingTo("336");
        assertThat(rounded.getPoints()).isEqualByComparingTo("336");
        assertThat(rounded.explain()).contains("avoided: 12.5 pkm x net factor 26.9 g/pkm = 336.25 g\n")
                .contains("grams rounded at the event stage (scale 0, DOWN): 336.25 -> 336\n")
                .contains("status: SOURCED; rounding UNVERIFIED");
    }

    static CreditRule beijingCommute(Rounding factors) {
        CreditRule.Builder rule = CreditRule.builder("bj-commute", CreditRule.Kind.SCENARIO_DIFFERENCE, "transport.rail.metro")
                .term(CreditRule.Scenario.BE, new CreditRule.Term(null, new BigDecimal("5980"), Quantity.parse("22 pkm")))
                .term(CreditRule.Scenario.PE, new CreditRule.Term(null, new BigDecimal("1350"), Quantity.parse("22 pkm")))
                .pointsPerGram("1").roundGrams(Rounding.of(0, RoundingMode.DOWN))
                .provenance("Beijing green travel: 22-km commute, car 5.98 kg, metro 1.35 kg", "SOURCED totals");
        if (factors != null) {
            rule.roundFactors(factors);
        }
        return rule.build();
    }

    @Test
    void e3_beijingCommute_scenarioDifference_andTheRoundingStage() {
        Activity commute = activity("e3", "transport.rail.metro", "22 pkm", "2024-05-01T08:00", Map.of());
        Award exact = CreditEngine.evaluate(rules(beijingCommute(null)), List.of(commute)).getAwards().get(0);
        assertThat(exact.getGrams()).isEqualByComparingTo("4630");
        assertThat(exact.explain()).contains("BE: 22 pkm x 5980 g per 22 pkm = 5980 g\n")
                .contains("PE: 22 pkm x 1350 g per 22 pkm = 1350 g\n")
                .contains("ER = BE - PE - LE = 5980 - 1350 - 0 = 4630 g\n");
        CreditRule factorStage = CreditRule.builder("bj-commute", CreditRule.Kind.SCENARIO_DIFFERENCE, "transport.rail.metro")
                .term(CreditRule.Scenario.BE, new CreditRule.Term(null, new BigDecimal("5980"), Quantity.parse("22 pkm")))
                .term(CreditRule.Scenario.PE, new CreditRule.Term(null, new BigDecimal("1350"), Quantity.parse("22 pkm")))
                .roundFactors(Rounding.of(2, RoundingMode.HALF_UP)).pointsPerGram("1").build();
        Award rounded = CreditEngine.evaluate(rules(factorStage), List.of(commute)).getAwards().get(0);
        assertThat(rounded.getGrams()).isEqualByComparingTo("4630.12");
        assertThat(rounded.explain()).contains("BE: 22 pkm x 271.82 g/pkm (factor 5980 g per 22 pkm, rounded scale 2,"
                + " HALF_UP) = 5980.04 g");
        Activity shorter = activity("short", "transport.rail.metro", "10 km", "2024-05-01T08:00", Map.of());
        CreditResult mixed = CreditEngine.evaluate(rules(beijingCommute(null)), List.of(commute, shorter));
        assertThat(mixed.getAwards()).extracting(Award::getActivityId).containsExactly("e3", "short");
        assertThat(mixed.getAwards()).extracting(Award::getOutcome).containsExactly(Award.Outcome.AWARDED,
                Award.Outcome.INCOMPATIBLE_QUANTITY);
        assertThat(mixed.getAwards().get(0).getGrams()).isEqualByComparingTo("4630");
        assertThat(mixed.getAwards().get(1).getGrams()).isEqualByComparingTo("0");
        assertThat(mixed.getAwards().get(1).explain()).contains("incompatible quantity: activity short has 10 km, which"
                + " cannot be counted against the units of rule bj-commute (Dimensions differ: km (DISTANCE) / pkm (PASSENGER_DISTANCE))\n");
        assertThat(mixed.getReductions()).hasSize(1);
    }

    static CreditRule antOfflinePayment() {
        return CreditRule.builder("ant-offline-payment", CreditRule.Kind.FIXED_PER_EVENT, "payment.offline")
                .eligibility(Condition.atLeast("amount_cny", "1")).award("5", "5")
                .cap(Cap.of(Period.DAY, Cap.Unit.COUNT, "10")).provenance("Ant Forest as reported", "SOURCED").build();
    }

    @Test
    void e5_antForestOfflinePayments_dailyCountCap() {
        List<Activity> payments = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            payments.add(activity("p" + (i < 10 ? "0" : "") + i, "payment.offline", "1 count",
                    String.format(java.util.Locale.ROOT, "2024-03-01T%02d:%02d", 8 + i / 2, i % 2 * 30),
                    Map.of("amount_cny", "12.50")));
        }
        payments.add(activity("small", "payment.offline", "1 count", "2024-03-01T09:15", Map.of("amount_cny", "0.50")));
        CreditResult result = CreditEngine.evaluate(rules(antOfflinePayment()), payments);
        assertThat(result.totalGrams("alice")).isEqualByComparingTo("50");
        Map<String, Award.Outcome> outcomes = new java.util.HashMap<>();
        result.getAwards().forEach(a -> outcomes.put(a.getActivityId(), a.getOutcome()));
        assertThat(outcomes.get("small")).isEqualTo(Award.Outcome.INELIGIBLE);
        assertThat(outcomes.get("p11")).isEqualTo(Award.Outcome.CAPPED);
        assertThat(outcomes.get("p12")).isEqualTo(Award.Outcome.CAPPED);
        assertThat(outcomes.values().stream().filter(o -> o == Award.Outcome.AWARDED)).hasSize(10);
        Award capped = result.getAwards().stream().filter(a -> a.getActivityId().equals("p11")).findFirst().orElseThrow();
        assertThat(capped.explain()).contains("capped: DAY COUNT 10 already reached (10 used)");
        Award small = result.getAwards().stream().filter(a -> a.getActivityId().equals("small")).findFirst().orElseThrow();
        assertThat(small.explain()).contains("not eligible: amount_cny AT_LEAST [1] (the activity has 0.50)");
    }

    static CreditRule antUtilityBill() {
        return CreditRule.builder("ant-utility-bill", CreditRule.Kind.FIXED_PER_EVENT, "payment.utility")
                .eligibility(Condition.atLeast("amount_cny", "1")).dedup(Period.MONTH, List.of("utilityAccountNo"))
                .award("262", "262").cap(Cap.of(Period.MONTH, Cap.Unit.COUNT, "10")).build();
    }

    static Activity bill(String id, String account, String amount, int day) {
        return activity(id, "payment.utility", "1 count", "2024-04-" + (day < 10 ? "0" : "") + day + "T10:00",
                Map.of("utilityAccountNo", account, "amount_cny", amount));
    }

    @Test
    void e6_antForestUtilityBills_dedupByAccountNumberAndMonthlyCap() {
        List<Activity> bills = List.of(bill("a1", "A", "120", 1), bill("a2", "A", "80", 2), bill("a3", "A", "1", 3),
                bill("b1", "B", "0.80", 4));
        CreditResult result = CreditEngine.evaluate(rules(antUtilityBill()), bills);
        assertThat(result.totalGrams("alice")).isEqualByComparingTo("262");
        assertThat(result.getAwards()).extracting(Award::getOutcome).containsExactly(Award.Outcome.AWARDED,
                Award.Outcome.DUPLICATE, Award.Outcome.DUPLICATE, Award.Outcome.INELIGIBLE);
        List<Activity> twelve = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            twelve.add(bill("x" + i, "ACC" + i, "10", i));
        }
        assertThat(CreditEngine.evaluate(rules(antUtilityBill()), twelve).totalGrams("alice")).isEqualByComparingTo("2620");
        List<Activity> ac = List.of(bill("a1", "A", "120", 1), bill("a2", "A", "80", 2), bill("a3", "A", "1", 3),
                bill("c1", "C", "5", 4));
        assertThat(CreditEngine.evaluate(rules(antUtilityBill()), ac).totalGrams("alice")).isEqualByComparingTo("524");
    }

    @Test
    void e9_wuhan_stepsAndExclusiveEvidence() {
        CreditRule steps = CreditRule.builder("wuhan-steps", CreditRule.Kind.PER_UNIT, "steps.daily")
                .countedIn(Unit.COUNT)
                .perUnit("1", "0.02", "0.02").build();
        CreditRule bus = CreditRule.builder("wuhan-bus", CreditRule.Kind.FIXED_PER_EVENT, "transport.bus")
                .evidence("screenshot_upload", "105", "105").evidence("self_checkin", "52", "52")
                .exclusiveGroup("wuhan-transit-evidence", List.of("tripId")).build();
        CreditRule metro = CreditRule.builder("wuhan-metro", CreditRule.Kind.FIXED_PER_EVENT, "transport.rail.metro")
                .evidence("self_checkin", "137", "137").evidence("screenshot_upload", "137", "137")
                .exclusiveGroup("wuhan-transit-evidence", List.of("tripId")).build();
        List<Activity> day = List.of(
                activity("s", "steps.daily", "7250 count", "2024-05-01T22:00", Map.of()),
                activity("t1", "transport.bus", "1 count", "2024-05-01T08:00",
                        Map.of("tripId", "T1", "evidence", "screenshot_upload")),
                activity("t2", "transport.rail.metro", "1 count", "2024-05-01T18:00",
                        Map.of("tripId", "T2", "evidence", "self_checkin")),
                activity("t2-upload", "transport.rail.metro", "1 count", "2024-05-01T20:00",
                        Map.of("tripId", "T2", "evidence", "screenshot_upload")));
        CreditResult result = CreditEngine.evaluate(rules(steps, bus, metro), day);
        assertThat(result.totalPoints("alice")).isEqualByComparingTo("387");
        assertThat(result.totalGrams("alice")).isEqualByComparingTo("387");
        Award upload = result.getAwards().stream().filter(a -> a.getActivityId().equals("t2-upload")).findFirst().orElseThrow();
        assertThat(upload.getOutcome()).isEqualTo(Award.Outcome.EXCLUDED);
        assertThat(upload.explain()).contains("excluded: exclusive group wuhan-transit-evidence already earned for"
                + " [tripId] (activity t2), first wins");
        assertThat(result.getAwards().stream().filter(a -> a.getActivityId().equals("s")).findFirst().orElseThrow().getPoints())
                .isEqualByComparingTo("145");
    }

    @Test
    void e11_luzhou_pointsNotProportionalToGrams() {
        CreditRule steps = CreditRule.builder("luzhou-steps", CreditRule.Kind.PER_UNIT, "steps.daily")
                .countedIn(Unit.COUNT)
                .perUnit("500", "8.2", "1").provenance("Luzhou", "SOURCED; FLOOR of blocks UNVERIFIED").build();
        CreditRule plate = CreditRule.builder("luzhou-plate", CreditRule.Kind.FIXED_PER_EVENT, "food.clean_plate")
                .award("144", "5").build();
        CreditRule bus = CreditRule.builder("luzhou-bus", CreditRule.Kind.FIXED_PER_EVENT, "transport.bus")
                .award("80", "10").build();
        List<Activity> day = List.of(activity("s", "steps.daily", "3499 count", "2024-05-01T22:00", Map.of()),
                activity("p", "food.clean_plate", "1 count", "2024-05-01T12:30", Map.of()),
                activity("b1", "transport.bus", "1 count", "2024-05-01T08:00", Map.of()),
                activity("b2", "transport.bus", "1 count", "2024-05-01T18:00", Map.of()));
        CreditResult result = CreditEngine.evaluate(rules(steps, plate, bus), day);
        assertThat(result.totalPoints("alice")).isEqualByComparingTo("31");
        assertThat(result.totalGrams("alice")).isEqualByComparingTo("353.2");
        Award stepAward = result.getAwards().stream().filter(a -> a.getActivityId().equals("s")).findFirst().orElseThrow();
        assertThat(stepAward.getGrams()).isEqualByComparingTo("49.2");
        assertThat(stepAward.getPoints()).isEqualByComparingTo("6");
        assertThat(stepAward.explain()).contains("floor(3499 / 500) = 6 blocks x 8.2 g = 49.2 g; x 1 points = 6 points");
    }

    @Test
    void e13_timeZoneDayBoundary_capsCountLocalDays() {
        CreditRule invoice = CreditRule.builder("ant-e-invoice", CreditRule.Kind.FIXED_PER_EVENT, "invoice.electronic")
                .award("5", "5").cap(Cap.of(Period.DAY, Cap.Unit.COUNT, "5")).build();
        List<Activity> invoices = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            invoices.add(activity("i" + i, "invoice.electronic", "1 count", "2024-03-01T1" + i + ":00", Map.of()));
        }
        invoices.add(Activity.builder("late").account("alice").type("invoice.electronic").quantity(Quantity.parse("1 count"))
                .time(Instant.parse("2024-03-01T16:30:00Z"), ZoneId.of("UTC")).region(Region.of("CN")).build());
        CreditResult result = CreditEngine.evaluate(rules(invoice), invoices);
        assertThat(result.totalGrams("alice")).isEqualByComparingTo("30");
        Award late = result.getAwards().stream().filter(a -> a.getActivityId().equals("late")).findFirst().orElseThrow();
        assertThat(late.getOutcome()).isEqualTo(Award.Outcome.AWARDED);
        assertThat(late.explain()).contains("2024-03-01T16:30:00Z = 2024-03-02 in Asia/Shanghai");
    }

    @Test
    void e14_cainiaoBox_dualLedgerLinked() {
        CreditRule box = CreditRule.builder("cainiao-box", CreditRule.Kind.FIXED_PER_EVENT, "packaging.box_recycled")
                .award("37", "50").build();
        CreditResult result = CreditEngine.evaluate(rules(box),
                List.of(activity("box", "packaging.box_recycled", "1 count", "2024-05-01T10:00", Map.of())));
        assertThat(result.getReductions()).singleElement().satisfies(entry -> {
            assertThat(entry.getAmount()).isEqualByComparingTo("37");
            assertThat(entry.getLedger()).isEqualTo(LedgerEntry.Ledger.REDUCTION);
        });
        assertThat(result.getPoints()).singleElement().satisfies(entry -> {
            assertThat(entry.getAmount()).isEqualByComparingTo("50");
            assertThat(entry.getReductionEntryId()).isEqualTo(result.getReductions().get(0).getId());
        });
    }

    @Test
    void e15_promotionTouchesPointsOnly_andEndsOnTime() {
        Instant from = LocalDateTime.parse("2024-09-22T00:00").atZone(SHANGHAI).toInstant();
        Instant to = LocalDateTime.parse("2024-09-29T00:00").atZone(SHANGHAI).toInstant();
        RuleSet set = RuleSet.of("sz", "1", SHANGHAI, List.of(shenzhenEbus()),
                List.of(new Promotion("double-points-week", new BigDecimal("2"), from, to, Set.of("sz-ebus"))));
        Activity during = activity("during", "transport.bus.electric", "10 pkm", "2024-09-25T08:00", Map.of());
        Activity after = Activity.builder("after").account("alice").type("transport.bus.electric")
                .quantity(Quantity.parse("10 pkm")).time(to.plusSeconds(1), SHANGHAI).region(Region.of("CN")).build();
        CreditResult result = CreditEngine.evaluate(set, List.of(during, after));
        assertThat(result.getAwards()).extracting(Award::getGrams).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("269"), new BigDecimal("269"));
        assertThat(result.getAwards()).extracting(Award::getPoints).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("538"), new BigDecimal("269"));
        assertThat(result.getAwards().get(0).explain()).contains("promotion double-points-week x2: 269 -> 538 points"
                + " (the reduction ledger is not touched)");
    }
}
