package dev.carbonkit.credit;

import static dev.carbonkit.credit.WorkedExamplesTest.SHANGHAI;
import static dev.carbonkit.credit.WorkedExamplesTest.activity;
import static dev.carbonkit.credit.WorkedExamplesTest.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.FootprintTotals.Period;
import dev.carbonkit.factor.Region;
import dev.carbonkit.quantity.Quantity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CarbonAccountsTest {

    private static final RuleSet ANT = rules(WorkedExamplesTest.antOfflinePayment(), WorkedExamplesTest.antUtilityBill());

    private static Activity payment(String id, String account, String localTime) {
        return Activity.builder(id).account(account).type("payment.offline").quantity(Quantity.parse("1 count"))
                .time(LocalDateTime.parse(localTime).atZone(SHANGHAI).toInstant(), SHANGHAI).region(Region.of("CN"))
                .attribute("amount_cny", "8").build();
    }

    @Test
    void award_sameActivityTwice_awardsOnceAndReturnsItsAwards() {
        CarbonAccounts accounts = new CarbonAccounts(ANT, new InMemoryLedgerStore());
        Activity p = payment("p1", "alice", "2024-03-01T10:00");
        List<Award> first = accounts.award(p);
        List<Award> again = accounts.award(p);
        assertThat(again).isEqualTo(first);
        assertThat(again.get(0).explain()).isEqualTo(first.get(0).explain());
        assertThat(accounts.history("alice")).hasSize(2);
        assertThat(accounts.balance("alice", LedgerEntry.Ledger.REDUCTION)).isEqualByComparingTo("5");
        assertThat(accounts.balance("alice", LedgerEntry.Ledger.POINTS)).isEqualByComparingTo("5");
        assertThat(accounts.getRuleSet()).isSameAs(ANT);
    }

    @Test
    void lateActivity_isPlacedWhereItBelongs_andTheChangeIsExplicit() {
        CarbonAccounts accounts = new CarbonAccounts(ANT, new InMemoryLedgerStore());
        for (int hour = 10; hour < 20; hour++) {
            accounts.award(payment("p" + hour, "alice", "2024-03-01T" + hour + ":00"));
        }
        assertThat(accounts.balance("alice", LedgerEntry.Ledger.REDUCTION)).isEqualByComparingTo("50");
        List<Award> late = accounts.award(payment("p08", "alice", "2024-03-01T08:00"));
        assertThat(late).singleElement().satisfies(a -> assertThat(a.getOutcome()).isEqualTo(Award.Outcome.AWARDED));
        assertThat(accounts.balance("alice", LedgerEntry.Ledger.REDUCTION)).isEqualByComparingTo("50");
        List<LedgerEntry> reversals = accounts.history("alice").stream().filter(LedgerEntry::isReversal).toList();
        assertThat(reversals).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.getActivityId()).isEqualTo("p19");
            assertThat(entry.getAmount()).isEqualByComparingTo("-5");
            assertThat(entry.getReason()).isEqualTo("reversed because activity p08 was awarded");
        });
        assertThat(accounts.history("alice")).extracting(LedgerEntry::getId).doesNotHaveDuplicates();
    }

    @Test
    void reverse_cancelsAndLetsACappedActivityEarn() {
        CarbonAccounts accounts = new CarbonAccounts(ANT, new InMemoryLedgerStore());
        for (int hour = 10; hour < 21; hour++) {
            accounts.award(payment("p" + hour, "alice", "2024-03-01T" + hour + ":00"));
        }
        assertThat(accounts.balance("alice", LedgerEntry.Ledger.POINTS)).isEqualByComparingTo("50");
        List<LedgerEntry> written = accounts.reverse("alice", "p12", "fraud finding F-118");
        assertThat(written).extracting(LedgerEntry::getActivityId, e -> e.getAmount().signum())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("p12", -1),
                        org.assertj.core.groups.Tuple.tuple("p12", -1), org.assertj.core.groups.Tuple.tuple("p20", 1),
                        org.assertj.core.groups.Tuple.tuple("p20", 1));
        assertThat(written).filteredOn(LedgerEntry::isReversal).allSatisfy(entry -> assertThat(entry.getReason())
                .isEqualTo("reversed because activity p12 was reversed: fraud finding F-118"));
        assertThat(accounts.balance("alice", LedgerEntry.Ledger.POINTS)).isEqualByComparingTo("50");
        assertThatThrownBy(() -> accounts.reverse("alice", "p12", "again")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Account 'alice' has no activity 'p12'; it was already reversed: fraud finding F-118");
        assertThatThrownBy(() -> accounts.reverse("alice", "nope", "x")).hasMessage("Account 'alice' has no activity 'nope'");
        assertThatThrownBy(() -> accounts.reverse("p12", "alice", "x")).hasMessage("Account 'p12' has no activity"
                + " 'alice'; it has no activities at all: are the account and the activity id the wrong way round?");
        // by the activity itself: its account and id cannot be swapped
        assertThat(accounts.reverse(payment("p13", "alice", "2024-03-01T13:00"), "refund R-9"))
                .extracting(LedgerEntry::getReason).containsOnly("reversed because activity p13 was reversed: refund R-9");
    }

    @Test
    void balancesAtATime_andTotalsByRuleAndPeriod() {
        CarbonAccounts accounts = new CarbonAccounts(ANT, new InMemoryLedgerStore());
        accounts.award(payment("a", "bob", "2024-03-01T10:00"));
        accounts.award(payment("b", "bob", "2024-03-02T10:00"));
        accounts.award(activity("u", "payment.utility", "1 count", "2024-03-02T11:00",
                Map.of("amount_cny", "40", "utilityAccountNo", "X")));
        assertThat(accounts.balance("bob", LedgerEntry.Ledger.REDUCTION,
                LocalDateTime.parse("2024-03-01T23:59").atZone(SHANGHAI).toInstant())).isEqualByComparingTo("5");
        assertThat(accounts.totalsByRule("bob", LedgerEntry.Ledger.REDUCTION))
                .containsExactly(Map.entry("ant-offline-payment", new BigDecimal("10")));
        assertThat(accounts.totalsByRule("alice", LedgerEntry.Ledger.POINTS))
                .containsExactly(Map.entry("ant-utility-bill", new BigDecimal("262")));
        assertThat(accounts.totalsByPeriod("bob", LedgerEntry.Ledger.POINTS, Period.DAY)).containsExactly(
                Map.entry(LocalDate.of(2024, 3, 1), new BigDecimal("5")), Map.entry(LocalDate.of(2024, 3, 2), new BigDecimal("5")));
        assertThat(accounts.history("nobody")).isEmpty();
    }

    /** Awards from several threads, with duplicates and late arrivals, equal a sequential batch evaluation. */
    @Test
    void concurrentAwards_loseNothingAndDoubleNothing() throws Exception {
        Random random = new Random(20261128L);
        List<Activity> activities = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String account = "acct" + random.nextInt(5);
            String time = String.format(java.util.Locale.ROOT, "2024-03-0%dT%02d:%02d", 1 + random.nextInt(3),
                    random.nextInt(24), random.nextInt(60));
            activities.add(random.nextInt(4) == 0
                    ? Activity.builder("u" + i).account(account).type("payment.utility").quantity(Quantity.parse("1 count"))
                            .time(LocalDateTime.parse(time).atZone(SHANGHAI).toInstant(), SHANGHAI).region(Region.of("CN"))
                            .attribute("amount_cny", "25").attribute("utilityAccountNo", "N" + random.nextInt(3)).build()
                    : payment("p" + i, account, time));
        }
        List<Activity> submitted = new ArrayList<>(activities);
        submitted.addAll(activities.subList(0, 150));
        Collections.shuffle(submitted, random);
        CarbonAccounts accounts = new CarbonAccounts(ANT, new InMemoryLedgerStore());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Award>>> futures = new ArrayList<>();
            for (Activity activity : submitted) {
                futures.add(pool.submit(() -> accounts.award(activity)));
            }
            for (Future<List<Award>> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        CreditResult batch = CreditEngine.evaluate(ANT, activities);
        for (int a = 0; a < 5; a++) {
            String account = "acct" + a;
            assertThat(accounts.balance(account, LedgerEntry.Ledger.REDUCTION)).as(account)
                    .isEqualByComparingTo(batch.totalGrams(account));
            assertThat(accounts.balance(account, LedgerEntry.Ledger.POINTS)).as(account)
                    .isEqualByComparingTo(batch.totalPoints(account));
            assertThat(accounts.history(account)).extracting(LedgerEntry::getId).doesNotHaveDuplicates();
        }
        assertThat(batch.totalGrams("acct0")).isPositive();
    }
}
