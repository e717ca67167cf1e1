package dev.carbonkit.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.FootprintTotals.Period;
import dev.carbonkit.calc.Rounding;
import dev.carbonkit.factor.Region;
import dev.carbonkit.quantity.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The allowance-budget kind (K7), shaped after Lahti's CitiCAP: a weekly budget of mobility emissions per account,
 * unused budget converted to points. CitiCAP's budget size, price and week start are UNVERIFIED in the reference,
 * so the 20 kg and 1 point per kg here are test data only.
 */
class AllowanceBudgetTest {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    private static Instant local(String localTime) {
        return LocalDateTime.parse(localTime).atZone(HELSINKI).toInstant();
    }

    private static Activity trip(String id, String account, String quantity, String localTime) {
        return Activity.builder(id).account(account).type("footprint.mobility").quantity(Quantity.parse(quantity))
                .time(local(localTime), HELSINKI).region(Region.of("FI")).build();
    }

    private static CreditRule.Builder weekly() {
        return CreditRule.builder("lahti-weekly-budget", CreditRule.Kind.ALLOWANCE_BUDGET, "footprint.mobility")
                .budget(new CreditRule.Budget(Period.WEEK, Quantity.parse("20 kg"), BigDecimal.ONE)).pointsPerGram("0.001")
                .provenance("Lahti CitiCAP, as the reference describes it", "ILLUSTRATIVE: budget and price UNVERIFIED");
    }

    private static RuleSet lahti(CreditRule rule) {
        return RuleSet.of("lahti", "test", HELSINKI, List.of(rule), List.of());
    }

    /** Week 10 of 2024 (Monday 4 March to Sunday 10 March): alice 10 kg, bob 25 kg; one trip of alice in week 11. */
    private static List<Activity> twoWeeks() {
        return List.of(trip("a1", "alice", "5.5 kg", "2024-03-04T08:00"), trip("a2", "alice", "3000 g", "2024-03-06T17:00"),
                trip("a3", "alice", "1.5 kg", "2024-03-10T23:30"), trip("b1", "bob", "25 kg", "2024-03-05T09:00"),
                trip("a4", "alice", "2 kg", "2024-03-11T07:00"));
    }

    @Test
    void unusedBudget_becomesPoints_whenTheWeekCloses_andTheReductionLedgerIsNotCredited() {
        CreditResult result = CreditEngine.evaluate(lahti(weekly().build()), twoWeeks());
        assertThat(result.getAwards()).extracting(Award::getActivityId).containsExactly("a1", "b1", "a2", "a3",
                "budget:alice:2024-03-04", "budget:bob:2024-03-04", "a4");
        assertThat(result.getAwards()).extracting(Award::getOutcome).containsExactly(Award.Outcome.COUNTED_IN_BUDGET,
                Award.Outcome.COUNTED_IN_BUDGET, Award.Outcome.COUNTED_IN_BUDGET, Award.Outcome.COUNTED_IN_BUDGET,
                Award.Outcome.AWARDED, Award.Outcome.OVER_BUDGET, Award.Outcome.COUNTED_IN_BUDGET);
        assertThat(result.getReductions()).isEmpty();
        assertThat(result.getPoints()).singleElement().satisfies(entry -> {
            assertThat(entry.getActivityId()).isEqualTo("budget:alice:2024-03-04");
            assertThat(entry.getAmount()).isEqualByComparingTo("10");
            assertThat(entry.getTime()).isEqualTo(local("2024-03-11T00:00"));
            assertThat(entry.getReductionEntryId()).isNull();
            assertThat(entry.getId()).isEqualTo("lahti:budget:alice:2024-03-04:lahti-weekly-budget:points");
        });
        assertThat(result.getAwards().get(3).explain()).contains("emissions: 1.5 kg = 1500 g\n").contains("counted against"
                + " the budget of the week from 2024-03-04: 10000 g of 20000 g so far; the period's award comes when it"
                + " closes, at 2024-03-11T00:00+02:00\n");
        assertThat(result.getAwards().get(4).explain()).isEqualTo("""
                budget period of account alice: the week from 2024-03-04 to 2024-03-10 in Europe/Helsinki, closed at \
                2024-03-11T00:00+02:00
                rule lahti-weekly-budget (ALLOWANCE_BUDGET) of lahti test %s; source: Lahti CitiCAP, as the reference \
                describes it; status: ILLUSTRATIVE: budget and price UNVERIFIED
                budget: 20 kg for 1 participant = 20000 g per account
                actual: 3 activities (a1 5500 g, a2 3000 g, a3 1500 g) = 10000 g
                unused: 20000 - 10000 = 10000 g; unused budget is not an avoided emission, so the reduction ledger is \
                not credited
                points: 10000 g x 0.001 point/g = 10
                result: 0 g CO2e on the reduction ledger, 10 points
                """.formatted(lahti(weekly().build()).getDigest()));
        assertThat(result.getAwards().get(5).explain()).contains("over budget: 25000 g used of 20000 g; nothing is left to"
                + " earn, and no penalty is taken\n");
    }

    @Test
    void aWeekStaysOpenUntilTheTimelinePassesItsEnd_orItIsClosedExplicitly() {
        List<Activity> weekTen = twoWeeks().subList(0, 4);
        CreditResult open = CreditEngine.evaluate(lahti(weekly().build()), weekTen);
        assertThat(open.getPoints()).isEmpty();
        assertThat(open.getAwards()).extracting(Award::getOutcome).containsOnly(Award.Outcome.COUNTED_IN_BUDGET);
        assertThat(CreditEngine.evaluate(lahti(weekly().build()), weekTen, local("2024-03-10T23:59")).getPoints()).isEmpty();
        CreditResult closed = CreditEngine.evaluate(lahti(weekly().build()), weekTen, local("2024-03-11T00:00"));
        assertThat(closed.totalPoints("alice")).isEqualByComparingTo("10");
        assertThat(closed.totalPoints("bob")).isEqualByComparingTo("0");
    }

    @Test
    void theWeekIsLocal_acrossTheDaylightSavingChange() {
        // Helsinki moves to UTC+3 on Sunday 31 March 2024: that week ends at 2024-04-01T00:00+03:00
        List<Activity> trips = List.of(trip("t1", "alice", "4 kg", "2024-03-31T23:30"),
                trip("t2", "alice", "1 kg", "2024-04-01T00:30"));
        CreditResult result = CreditEngine.evaluate(lahti(weekly().build()), trips);
        assertThat(result.getPoints()).singleElement().satisfies(entry -> {
            assertThat(entry.getActivityId()).isEqualTo("budget:alice:2024-03-25");
            assertThat(entry.getTime()).isEqualTo(Instant.parse("2024-03-31T21:00:00Z"));
            assertThat(entry.getAmount()).isEqualByComparingTo("16");
        });
    }

    @Test
    void aSharedBudget_isDividedExactly_andAFootprintFactorCountsOtherUnits() {
        CreditRule shared = CreditRule.builder("shared", CreditRule.Kind.ALLOWANCE_BUDGET, "transport.bus")
                .budget(new CreditRule.Budget(Period.MONTH, Quantity.parse("1 t"), new BigDecimal("3")))
                .footprintFactor("80", Quantity.parse("1 pkm")).pointsPerGram("0.001")
                .roundPoints(Rounding.of(2, RoundingMode.DOWN)).build();
        Activity bus = Activity.builder("bus").account("alice").type("transport.bus").quantity(Quantity.parse("12.5 pkm"))
                .time(local("2024-03-04T08:00"), HELSINKI).region(Region.of("FI")).build();
        Activity far = Activity.builder("far").account("alice").type("transport.bus").quantity(Quantity.parse("3 kWh"))
                .time(local("2024-03-05T08:00"), HELSINKI).region(Region.of("FI")).build();
        CreditResult result = CreditEngine.evaluate(RuleSet.of("s", "1", HELSINKI, List.of(shared), List.of()),
                List.of(bus, far), local("2024-04-01T00:00"));
        assertThat(result.getAwards()).extracting(Award::getOutcome).containsExactly(Award.Outcome.COUNTED_IN_BUDGET,
                Award.Outcome.INCOMPATIBLE_QUANTITY, Award.Outcome.AWARDED);
        assertThat(result.getAwards().get(0).explain()).contains("emissions: 12.5 pkm x 80 g per 1 pkm = 1000 g\n");
        Award month = result.getAwards().get(2);
        // 1 t / 3 = 333333.333... g, to 34 digits; less 1000 g used; x 0.001; rounded down to 0.01 point
        assertThat(month.explain()).contains("budget: 1 t for 3 participants = 333333.3333333333333333333333333333"
                + " g per account\n").contains("points rounded at the event stage (scale 2, DOWN):"
                        + " 332.3333333333333333333333333333333 -> 332.33\n");
        assertThat(month.getPoints()).isEqualByComparingTo("332.33");
    }

    @Test
    void theLedgerDoesNotDependOnArrivalOrder() {
        List<Activity> activities = new ArrayList<>(twoWeeks());
        CreditResult ordered = CreditEngine.evaluate(lahti(weekly().build()), activities);
        Random random = new Random(11);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(activities, random);
            assertThat(CreditEngine.evaluate(lahti(weekly().build()), activities)).isEqualTo(ordered);
        }
    }

    @Test
    void accounts_closeThePeriodExplicitly_andALateTripRevisesTheClosedWeek() {
        CarbonAccounts accounts = new CarbonAccounts(lahti(weekly().build()), new InMemoryLedgerStore());
        twoWeeks().subList(0, 3).forEach(accounts::award);
        assertThat(accounts.balance("alice", LedgerEntry.Ledger.POINTS)).isEqualByComparingTo("0");
        assertThat(accounts.closePeriods("alice", local("2024-03-11T00:00"))).singleElement()
                .satisfies(entry -> assertThat(entry.getAmount()).isEqualByComparingTo("10"));
        assertThat(accounts.closePeriods("alice", local("2024-03-11T00:00"))).isEmpty();
        // a trip of week 10 reported late: the closed week is re-evaluated, explicitly
        accounts.award(trip("late", "alice", "4 kg", "2024-03-08T12:00"));
        assertThat(accounts.balance("alice", LedgerEntry.Ledger.POINTS)).isEqualByComparingTo("6");
        assertThat(accounts.history("alice")).filteredOn(LedgerEntry::isReversal).singleElement()
                .satisfies(entry -> assertThat(entry.getReason()).isEqualTo("reversed because activity late was awarded"));
        // the close survives a new CarbonAccounts over the same store
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        CarbonAccounts first = new CarbonAccounts(lahti(weekly().build()), store);
        twoWeeks().subList(0, 3).forEach(first::award);
        first.closePeriods("alice", local("2024-03-12T00:00"));
        CarbonAccounts second = new CarbonAccounts(lahti(weekly().build()), store);
        second.award(trip("next", "alice", "1 kg", "2024-03-12T08:00"));
        assertThat(second.balance("alice", LedgerEntry.Ledger.POINTS)).isEqualByComparingTo("10");
        assertThat(second.history("alice")).noneMatch(LedgerEntry::isReversal);
        assertThat(second.closedUpTo("alice")).contains(local("2024-03-12T00:00"));
    }

    @Test
    void badBudgets_areRejected() {
        assertThatThrownBy(() -> new CreditRule.Budget(Period.WEEK, Quantity.parse("20 km"), BigDecimal.ONE))
                .hasMessage("A budget is a mass of CO2e, zero or more, not 20 km");
        assertThatThrownBy(() -> new CreditRule.Budget(Period.WEEK, Quantity.parse("20 kg"), BigDecimal.ZERO))
                .hasMessage("A budget is shared by a positive number of participants, not 0");
        assertThatThrownBy(() -> CreditRule.builder("b", CreditRule.Kind.ALLOWANCE_BUDGET, "footprint.mobility")
                .pointsPerGram("1").build()).hasMessage("Rule b: an allowance-budget rule needs a budget and its period");
        assertThatThrownBy(() -> weekly().cap(Cap.of(Period.DAY, Cap.Unit.COUNT, "1")).build())
                .hasMessage("Rule lahti-weekly-budget: an allowance-budget rule counts every eligible activity against"
                        + " the budget; caps, deduplication, exclusive groups and thresholds do not apply to it");
    }
}
