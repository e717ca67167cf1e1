package dev.carbonkit.credit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.FootprintTotals.Period;
import dev.carbonkit.calc.Rounding;
import dev.carbonkit.factor.Region;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Random account histories, and the check that accounts over a store write what a full re-evaluation of every update
 * writes ({@link FullReevaluation}): shared by the in-memory and the database tests.
 */
public final class AccountHistories {

    private AccountHistories() {
    }

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** A rule set that exercises every kind of state a rule keeps between activities. */
    public static RuleSet everything() {
        List<CreditRule> rules = List.of(
                CreditRule.builder("pay", CreditRule.Kind.FIXED_PER_EVENT, "payment.offline")
                        .eligibility(Condition.atLeast("amount_cny", "1")).award("5", "5")
                        .cap(Cap.of(Period.DAY, Cap.Unit.COUNT, "3"))
                        .issuance(Issuance.nextLocalDayAt(LocalTime.of(7, 0)).expiresAfter(Duration.ofDays(3))).build(),
                CreditRule.builder("metro", CreditRule.Kind.FIXED_PER_EVENT, "transport.rail.metro")
                        .award("52", "52").dedupWithin(Duration.ofMinutes(30), List.of("station"))
                        .cap(Cap.rolling(Duration.ofHours(6), Cap.Unit.COUNT, "2")).build(),
                CreditRule.builder("bus", CreditRule.Kind.AVOIDED_EMISSIONS, "transport.bus.electric")
                        .netFactor("26.9", Unit.PASSENGER_KILOMETRE).pointsPerGram("1")
                        .cap(Cap.of(Period.WEEK, Cap.Unit.GRAMS, "500"))
                        .cap(Cap.rolling(Duration.ofHours(12), Cap.Unit.GRAMS, "300.5"))
                        .roundGramsPerPeriod(Rounding.of(0, RoundingMode.DOWN), Period.DAY).build(),
                CreditRule.builder("bill", CreditRule.Kind.FIXED_PER_EVENT, "payment.utility").award("262", "262")
                        .dedup(Period.MONTH, List.of("utilityAccountNo")).build(),
                CreditRule.builder("reuse-a", CreditRule.Kind.FIXED_PER_EVENT, "action.reuse").award("10", "10")
                        .exclusiveGroup("reuse", List.of("item")).build(),
                CreditRule.builder("reuse-b", CreditRule.Kind.FIXED_PER_EVENT, "action.reuse").award("7", "7")
                        .matching(Condition.equalTo("kind", "cup")).exclusiveGroup("reuse", List.of("item")).build(),
                CreditRule.builder("steps", CreditRule.Kind.PER_UNIT, "steps.daily").countedIn(Unit.COUNT)
                        .tier("5000", "100", "60").tier("10000", "200", "120").dedup(Period.DAY, List.of())
                        .cap(Cap.of(Period.WEEK, Cap.Unit.POINTS, "250")).build(),
                CreditRule.builder("elec", CreditRule.Kind.DYNAMIC_BASELINE, "energy.electricity")
                        .savingFactor("581", Quantity.parse("1 kWh")).trailingBaseline(2).pointsPerGram("0.01")
                        .roundPointsPerPeriod(Rounding.of(1, RoundingMode.DOWN), Period.WEEK).build(),
                CreditRule.builder("budget", CreditRule.Kind.ALLOWANCE_BUDGET, "footprint.mobility")
                        .budget(new CreditRule.Budget(Period.WEEK, Quantity.parse("2 kg"), BigDecimal.ONE))
                        .pointsPerGram("0.01").build(),
                CreditRule.builder("sort", CreditRule.Kind.FIXED_PER_EVENT, "action.waste_sorting").award("0.4", null)
                        .pointsPerGram("1").roundGramsPerPeriod(Rounding.of(0, RoundingMode.DOWN), Period.DAY)
                        .cap(Cap.of(Period.MONTH, Cap.Unit.GRAMS, "2")).build());
        Instant from = LocalDateTime.parse("2024-03-02T00:00").atZone(SHANGHAI).toInstant();
        return RuleSet.of("everything", "1", SHANGHAI, rules, List.of(new Promotion("double-metro", new BigDecimal("2"),
                from, from.plus(Duration.ofDays(2)), Set.of("metro"))));
    }

    public static Activity randomActivity(Random random, String id, String account) {
        // 26 February to 10 March 2024: two week boundaries and a month boundary, at a quarter-hour granularity
        return randomActivity(random, id, account, 15, 13 * 24 * 4);
    }

    /** An activity of a random type at a random instant: a multiple of {@code minutes} after 26 February 2024. */
    public static Activity randomActivity(Random random, String id, String account, int minutes, int slots) {
        LocalDateTime local = LocalDateTime.parse("2024-02-26T00:00").plusMinutes((long) minutes * random.nextInt(slots));
        Activity.Builder builder = Activity.builder(id).account(account).region(Region.of("CN"))
                .time(local.atZone(SHANGHAI).toInstant(), SHANGHAI);
        switch (random.nextInt(11)) {
            case 0 -> builder.type("payment.offline").quantity(Quantity.parse("1 count"))
                    .attribute("amount_cny", random.nextInt(4) == 0 ? "0.5" : "8");
            case 1 -> builder.type("transport.rail.metro").quantity(Quantity.parse("1 count"))
                    .attribute("station", "S" + random.nextInt(3));
            case 2 -> builder.type("transport.bus.electric")
                    .quantity(Quantity.parse(random.nextInt(150) / 10 + "." + random.nextInt(10) + " pkm"));
            case 3 -> builder.type("payment.utility").quantity(Quantity.parse("1 count"))
                    .attribute("utilityAccountNo", "U" + random.nextInt(2));
            case 4 -> builder.type("action.reuse").quantity(Quantity.parse("1 count"))
                    .attribute("item", "I" + random.nextInt(4)).attribute("kind", random.nextBoolean() ? "cup" : "bag");
            case 5 -> builder.type("steps.daily").quantity(Quantity.parse(random.nextInt(13000) + " count"));
            case 6 -> builder.type("energy.electricity").quantity(Quantity.parse(random.nextInt(60) / 10 + " kWh"));
            case 7, 8 -> builder.type("footprint.mobility").quantity(Quantity.parse(random.nextInt(900) + " g"));
            case 9 -> builder.type("action.waste_sorting").quantity(Quantity.parse("1 count"));
            default -> builder.type("food.beef").quantity(Quantity.parse("0.4 kg"));
        }
        return builder.build();
    }

    /** One random history over thirteen days, applied to accounts over a store and to the reference. */
    public static void compare(RuleSet ruleSet, LedgerStore store, long seed, int operations) {
        compare(ruleSet, () -> store, seed, operations, 15, 13 * 24 * 4);
    }

    /**
     * One random history, applied to accounts over a store and to the reference, compared after every update; then
     * the store is opened again (the supplier's second store) and read back, and one more activity awarded.
     *
     * @param ruleSet  the rule set
     * @param stores  gives the store, then the same store opened again
     * @param seed  the history's seed
     * @param operations  how many updates
     * @param minutes  the activities' instants are multiples of this many minutes after 26 February 2024
     * @param slots  how many such instants there are
     */
    public static void compare(RuleSet ruleSet, Supplier<LedgerStore> stores, long seed, int operations, int minutes,
            int slots) {
        Random random = new Random(seed);
        LedgerStore store = stores.get();
        CarbonAccounts accounts = new CarbonAccounts(ruleSet, store);
        Map<String, FullReevaluation> reference = new HashMap<>();
        Map<String, List<Activity>> awarded = new HashMap<>();
        Set<String> types = new java.util.HashSet<>();
        ruleSet.getRules().forEach(rule -> types.add(rule.getActivityType()));
        for (int op = 0; op < operations; op++) {
            String account = "acct" + random.nextInt(2);
            FullReevaluation full = reference.computeIfAbsent(account, k -> new FullReevaluation(ruleSet));
            List<Activity> known = awarded.computeIfAbsent(account, k -> new ArrayList<>());
            int kind = random.nextInt(100);
            String what;
            if (kind < 8 && !known.isEmpty()) {
                Activity again = known.get(random.nextInt(known.size()));
                what = "again " + again.getId();
                List<Award> awards = accounts.award(again);
                if (full.award(again) == null && !full.activities().contains(again)) {
                    assertThat(awards).as(what).isEmpty();
                } else {
                    List<Award> expected = full.evaluate().getAwards().stream()
                            .filter(award -> award.getActivityId().equals(again.getId())).toList();
                    assertThat(awards).as(what).isEqualTo(expected);
                    assertThat(explanations(awards)).as(what).isEqualTo(explanations(expected));
                }
            } else if (kind < 15 && !full.activities().isEmpty()) {
                Activity gone = full.activities().get(random.nextInt(full.activities().size()));
                what = "reverse " + gone.getId();
                assertThat(accounts.reverse(account, gone.getId(), "check " + op)).as(what)
                        .isEqualTo(full.reverse(gone.getId(), "check " + op));
            } else if (kind < 21) {
                Instant at = LocalDateTime.parse("2024-02-26T00:00").plusHours(random.nextInt(13 * 24))
                        .atZone(SHANGHAI).toInstant();
                what = "close " + at;
                assertThat(accounts.closePeriods(account, at)).as(what).isEqualTo(full.closePeriods(at));
            } else {
                Activity activity = randomActivity(random, "a" + op, account, minutes, slots);
                // mostly the types the rule set is about, so that a small rule set sees its state change
                while (!types.contains(activity.getType()) && random.nextInt(8) != 0) {
                    activity = randomActivity(random, "a" + op, account, minutes, slots);
                }
                what = "award " + activity;
                known.add(activity);
                List<Award> awards = accounts.award(activity);
                List<Award> expected = full.award(activity);
                assertThat(awards).as(what).isEqualTo(expected);
                assertThat(explanations(awards)).as(what).isEqualTo(explanations(expected));
            }
            assertThat(accounts.history(account)).as("seed %d, operation %d: %s", seed, op, what)
                    .containsExactlyElementsOf(full.entries());
        }
        // the same store read by new accounts: the same ledger, and the next update the same again
        CarbonAccounts reopened = new CarbonAccounts(ruleSet, stores.get());
        for (Map.Entry<String, FullReevaluation> entry : reference.entrySet()) {
            String account = entry.getKey();
            assertThat(reopened.history(account)).containsExactlyElementsOf(entry.getValue().entries());
            assertThat(reopened.activities(account)).containsExactlyElementsOf(entry.getValue().activities());
            Activity late = randomActivity(random, "late", account);
            assertThat(reopened.award(late)).isEqualTo(entry.getValue().award(late));
            assertThat(reopened.history(account)).as("seed %d, reopened", seed)
                    .containsExactlyElementsOf(entry.getValue().entries());
        }
    }

    static List<String> explanations(List<Award> awards) {
        return awards.stream().map(Award::explain).toList();
    }

}
