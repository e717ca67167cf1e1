package dev.carbonkit.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.carbonkit.quantity.Unit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Incremental accounts held to a full re-evaluation of the whole history on every update (what accounts did before
 * #15, {@link FullReevaluation}): on random histories with activities in and out of time order, duplicates,
 * reversals and closed budget periods, under a rule set with every kind of state an update can carry forward (calendar
 * and rolling deduplication, exclusive groups, count, grams and points caps per period and rolling window, period
 * rounding, trailing baselines, budgets, issuance, promotions), every update writes the same entries, entry for
 * entry (ids, amounts to the scale, reasons), and returns the same awards with the same explanations.
 */
class IncrementalAccountsTest {

    @Test
    void incremental_equalsFullReevaluation_onRandomHistories() {
        RuleSet ruleSet = AccountHistories.everything();
        qt().withFixedSeed(20261204L).withExamples(150).forAll(longs().all())
                .checkAssert(seed -> AccountHistories.compare(ruleSet, new InMemoryLedgerStore(), seed, 70));
    }

    /** Longer histories, where a late activity lands among many others and the replay must stop early to be cheap. */
    @Test
    void incremental_equalsFullReevaluation_onLongHistories() {
        RuleSet ruleSet = AccountHistories.everything();
        for (long seed = 1; seed <= 4; seed++) {
            AccountHistories.compare(ruleSet, new InMemoryLedgerStore(), seed * 7919, 400);
        }
    }

    /**
     * One kind of state at a time, on a dense timeline (two days at five-minute steps), so that a late activity changes
     * that state alone and nothing else keeps the replay going: a rolling deduplication, a rolling-window cap, an
     * exclusive group, a trailing baseline, a budget.
     */
    @Test
    void incremental_equalsFullReevaluation_oneKindOfStateAtATime() {
        Map<String, List<String>> alone = Map.of("rolling dedup", List.of("metro-dedup"), "rolling cap",
                List.of("bus-rolling"), "exclusive", List.of("reuse-a", "reuse-b"), "trailing baseline", List.of("elec"),
                "budget", List.of("budget"));
        List<CreditRule> focused = List.of(
                CreditRule.builder("metro-dedup", CreditRule.Kind.FIXED_PER_EVENT, "transport.rail.metro")
                        .award("52", "52").dedupWithin(Duration.ofMinutes(30), List.of("station")).build(),
                CreditRule.builder("bus-rolling", CreditRule.Kind.AVOIDED_EMISSIONS, "transport.bus.electric")
                        .netFactor("26.9", Unit.PASSENGER_KILOMETRE).pointsPerGram("1")
                        .cap(Cap.rolling(Duration.ofHours(3), Cap.Unit.GRAMS, "300.5")).build());
        RuleSet all = AccountHistories.everything();
        for (Map.Entry<String, List<String>> kind : alone.entrySet()) {
            List<CreditRule> rules = new ArrayList<>();
            for (String id : kind.getValue()) {
                rules.add(all.getRules().stream().filter(rule -> rule.getId().equals(id)).findFirst()
                        .orElseGet(() -> focused.stream().filter(rule -> rule.getId().equals(id)).findFirst().orElseThrow()));
            }
            RuleSet ruleSet = RuleSet.of(kind.getKey().replace(' ', '-'), "1", AccountHistories.SHANGHAI, rules, List.of());
            qt().withFixedSeed(20261204L).withExamples(60).forAll(longs().all())
                    .checkAssert(seed -> {
                        InMemoryLedgerStore store = new InMemoryLedgerStore();
                        AccountHistories.compare(ruleSet, () -> store, seed, 60, 5, 2 * 24 * 12);
                    });
        }
    }

    /**
     * Two accounts objects over one store, taking turns (as two processes sharing a database would): each reads what
     * the other wrote before its own update, finds it to be what it would have written, and stays incremental; both
     * hold the reference's ledger after every update.
     */
    @Test
    void twoWritersTakingTurns_catchUpAndStayIncremental() {
        RuleSet ruleSet = AccountHistories.everything();
        for (long seed = 1; seed <= 20; seed++) {
            java.util.Random random = new java.util.Random(seed);
            InMemoryLedgerStore store = new InMemoryLedgerStore();
            List<CarbonAccounts> writers = List.of(new CarbonAccounts(ruleSet, store), new CarbonAccounts(ruleSet, store));
            FullReevaluation full = new FullReevaluation(ruleSet);
            for (int op = 0; op < 60; op++) {
                CarbonAccounts writer = writers.get(random.nextInt(2));
                if (op % 9 == 8 && !full.activities().isEmpty()) {
                    String id = full.activities().get(random.nextInt(full.activities().size())).getId();
                    assertThat(writer.reverse("acct", id, "r" + op)).isEqualTo(full.reverse(id, "r" + op));
                } else {
                    dev.carbonkit.calc.Activity activity = AccountHistories.randomActivity(random, "a" + op, "acct");
                    assertThat(writer.award(activity)).isEqualTo(full.award(activity));
                }
                for (CarbonAccounts each : writers) {
                    assertThat(each.history("acct")).as("seed %d, operation %d", seed, op)
                            .containsExactlyElementsOf(full.entries());
                    assertThat(each.isIncremental("acct")).as("seed %d, operation %d", seed, op).isTrue();
                }
            }
        }
    }

    /**
     * At most two of five accounts kept in memory: the others are let go and read again from the store when used, and
     * every update still writes what the full re-evaluation writes.
     */
    @Test
    void accountsLetGo_areReadAgain_andWriteTheSame() {
        RuleSet ruleSet = AccountHistories.everything();
        java.util.Random random = new java.util.Random(77);
        CarbonAccounts accounts = new CarbonAccounts(ruleSet, new InMemoryLedgerStore(), 2);
        Map<String, FullReevaluation> reference = new java.util.HashMap<>();
        for (int op = 0; op < 300; op++) {
            String account = "acct" + random.nextInt(5);
            FullReevaluation full = reference.computeIfAbsent(account, k -> new FullReevaluation(ruleSet));
            dev.carbonkit.calc.Activity activity = AccountHistories.randomActivity(random, "a" + op, account);
            assertThat(accounts.award(activity)).isEqualTo(full.award(activity));
            assertThat(accounts.booksInMemory()).isLessThanOrEqualTo(2);
        }
        for (Map.Entry<String, FullReevaluation> entry : reference.entrySet()) {
            assertThat(accounts.history(entry.getKey())).containsExactlyElementsOf(entry.getValue().entries());
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CarbonAccounts(ruleSet, new InMemoryLedgerStore(), 0))
                .hasMessage("Accounts in memory must be positive: 0");
    }
}
