package dev.carbonkit.credit;

import static dev.carbonkit.credit.WorkedExamplesTest.SHANGHAI;
import static dev.carbonkit.credit.WorkedExamplesTest.activity;
import static dev.carbonkit.credit.WorkedExamplesTest.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.FootprintTotals.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issuance: delays, the next local day at a time, collection windows and expiry, on the points ledger only.
 * The schedules are Ant Forest's (next day from 07:00, collectible after 24 h, lost after 72 h) and Beijing
 * MaaS's (2 days later, claim within 7 days) as the reference reports them.
 */
class IssuanceTest {

    private static final Issuance ANT = Issuance.nextLocalDayAt(LocalTime.of(7, 0))
            .collectibleAfter(Duration.ofHours(24)).expiresAfter(Duration.ofHours(72));

    private static Instant local(String localTime) {
        return LocalDateTime.parse(localTime).atZone(SHANGHAI).toInstant();
    }

    private static CreditRule offlinePayment(Issuance issuance) {
        CreditRule.Builder rule = CreditRule.builder("ant-offline-payment", CreditRule.Kind.FIXED_PER_EVENT,
                "payment.offline").award("5", "5").cap(Cap.of(Period.DAY, Cap.Unit.COUNT, "10"));
        if (issuance != null) {
            rule.issuance(issuance);
        }
        return rule.build();
    }

    private static Activity payment(String id, String localTime) {
        return activity(id, "payment.offline", "1 count", localTime, Map.of("amount_cny", "8"));
    }

    @Test
    void schedule_nextLocalDayAt_usesTheLocalDayOfTheRuleSetZone() {
        // 00:30 in Shanghai is 16:30 UTC the day before: the next local day is 03-02, not 03-01
        LedgerEntry.Schedule early = ANT.schedule(local("2024-03-01T00:30"), SHANGHAI);
        assertThat(early.getIssuedAt()).isEqualTo(local("2024-03-02T07:00"));
        assertThat(early.getCollectibleAt()).isEqualTo(local("2024-03-03T07:00"));
        assertThat(early.getExpiresAt()).isEqualTo(local("2024-03-05T07:00"));
        assertThat(ANT.schedule(local("2024-03-01T23:59"), SHANGHAI).getIssuedAt()).isEqualTo(local("2024-03-02T07:00"));
        Issuance beijing = Issuance.after(Duration.ofDays(2)).expiresAfter(Duration.ofDays(7));
        LedgerEntry.Schedule bus = beijing.schedule(local("2024-03-01T18:20"), SHANGHAI);
        assertThat(bus.getIssuedAt()).isEqualTo(local("2024-03-03T18:20"));
        assertThat(bus.getCollectibleAt()).isEqualTo(bus.getIssuedAt());
        assertThat(bus.getExpiresAt()).isEqualTo(local("2024-03-10T18:20"));
        assertThat(new Issuance(null, null, Duration.ZERO, null).schedule(local("2024-03-01T18:20"), SHANGHAI))
                .isEqualTo(new LedgerEntry.Schedule(local("2024-03-01T18:20"), local("2024-03-01T18:20"), null));
        assertThat(ANT).hasToString("next-local-day-at 07:00, collectible-after PT24H, expires-after PT72H");
        assertThat(beijing).hasToString("delay PT48H, expires-after PT168H");
    }

    @Test
    void engine_putsTheScheduleOnThePointsEntryOnly_andExplainsIt() {
        CreditResult result = CreditEngine.evaluate(rules(offlinePayment(ANT)), List.of(payment("p1", "2024-03-01T22:30")));
        assertThat(result.getReductions()).singleElement().satisfies(entry -> assertThat(entry.getSchedule()).isNull());
        assertThat(result.getPoints()).singleElement().satisfies(entry -> {
            assertThat(entry.getSchedule().getIssuedAt()).isEqualTo(local("2024-03-02T07:00"));
            assertThat(entry.getKind()).isEqualTo(LedgerEntry.Kind.EARNED);
        });
        assertThat(result.getAwards().get(0).explain()).contains("issuance (next-local-day-at 07:00, collectible-after PT24H,"
                + " expires-after PT72H): points issued 2024-03-02T07:00+08:00, collectible from 2024-03-03T07:00+08:00,"
                + " lost unless claimed before 2024-03-05T07:00+08:00 (the reduction ledger is not delayed)\n");
        CreditResult plain = CreditEngine.evaluate(rules(offlinePayment(null)), List.of(payment("p1", "2024-03-01T22:30")));
        assertThat(plain.getPoints().get(0).getSchedule()).isNull();
        assertThat(plain.getAwards().get(0).explain()).doesNotContain("issuance");
    }

    /** In a batch, each points entry has its own local day's schedule, across midnight and back and forth. */
    @Test
    void engine_batchOverSeveralDays_givesEachEntryItsDaysSchedule() {
        List<Activity> batch = List.of(payment("p1", "2024-03-01T23:59"), payment("p2", "2024-03-02T00:01"),
                payment("p3", "2024-03-02T09:00"), payment("p4", "2024-03-04T12:00"), payment("p5", "2024-03-01T08:00"));
        CreditResult result = CreditEngine.evaluate(rules(offlinePayment(ANT)), batch);
        assertThat(result.getPoints()).hasSize(5).allSatisfy(entry -> assertThat(entry.getSchedule()).isEqualTo(ANT.schedule(
                batch.stream().filter(a -> a.getId().equals(entry.getActivityId())).findFirst().orElseThrow().getTime(),
                SHANGHAI)));
        assertThat(result.getPoints()).extracting(entry -> entry.getSchedule().getIssuedAt()).containsExactly(
                local("2024-03-02T07:00"), local("2024-03-02T07:00"), local("2024-03-03T07:00"),
                local("2024-03-03T07:00"), local("2024-03-05T07:00"));
    }

    @Test
    void accounts_claimInsideTheWindow_countsFromTheClaim_andUnclaimedPointsAreLost() {
        CarbonAccounts accounts = new CarbonAccounts(rules(offlinePayment(ANT)), new InMemoryLedgerStore());
        accounts.award(payment("p1", "2024-03-01T10:00"));
        accounts.award(payment("p2", "2024-03-02T10:00"));
        String p1 = "test:p1:ant-offline-payment:points";
        String p2 = "test:p2:ant-offline-payment:points";
        // the reductions are not delayed; the points are not there yet
        assertThat(accounts.balance("alice", LedgerEntry.Ledger.REDUCTION, local("2024-03-02T10:00"))).isEqualByComparingTo("10");
        assertThat(accounts.balance("alice", LedgerEntry.Ledger.POINTS, local("2024-03-02T10:00"))).isEqualByComparingTo("0");
        assertThat(accounts.balance("alice", LedgerEntry.Ledger.POINTS)).isEqualByComparingTo("10");
        assertThat(accounts.claimable("alice", local("2024-03-03T06:59"))).isEmpty();
        assertThatThrownBy(() -> accounts.claim("alice", p1, local("2024-03-03T06:59")))
                .isInstanceOfSatisfying(ClaimException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(ClaimException.Reason.NOT_YET_COLLECTIBLE);
                    assertThat(e.getAccount()).isEqualTo("alice");
                    assertThat(e.getEntryId()).isEqualTo(p1);
                    assertThat(e.getAt()).isEqualTo(local("2024-03-03T06:59"));
                })
                .hasMessage("Entry " + p1 + " of account alice cannot be claimed at 2024-03-02T22:59:00Z:"
                        + " NOT_YET_COLLECTIBLE (collectible from 2024-03-02T23:00:00Z)");
        assertThat(accounts.claimable("alice", local("2024-03-03T07:00"))).extracting(LedgerEntry::getId).containsExactly(p1);
        List<LedgerEntry> claims = accounts.claim("alice", local("2024-03-03T08:00"));
        assertThat(claims).singleElement().satisfies(claim -> {
            assertThat(claim.getKind()).isEqualTo(LedgerEntry.Kind.CLAIM);
            assertThat(claim.getRefersTo()).isEqualTo(p1);
            assertThat(claim.getAmount()).isEqualByComparingTo("5");
            assertThat(claim.getTime()).isEqualTo(local("2024-03-03T08:00"));
        });
        assertThat(accounts.claim("alice", local("2024-03-03T09:00"))).isEmpty();
        assertThat(accounts.balance("alice", LedgerEntry.Ledger.POINTS, local("2024-03-03T07:59"))).isEqualByComparingTo("0");
        assertThat(accounts.balance("alice", LedgerEntry.Ledger.POINTS, local("2024-03-03T08:00"))).isEqualByComparingTo("5");
        assertThatThrownBy(() -> accounts.claim("alice", p1, local("2024-03-04T08:00")))
                .hasMessageEndingWith("ALREADY_CLAIMED (claimed at 2024-03-03T00:00:00Z)");
        // p2 is never claimed: its window closes 2024-03-06T07:00 local
        assertThat(accounts.expired("alice", local("2024-03-06T06:59"))).isEqualByComparingTo("0");
        assertThat(accounts.expired("alice", local("2024-03-06T07:00"))).isEqualByComparingTo("5");
        assertThatThrownBy(() -> accounts.claim("alice", p2, local("2024-03-06T07:00")))
                .hasMessageEndingWith("EXPIRED (lost at 2024-03-05T23:00:00Z)");
        assertThat(accounts.balance("alice", LedgerEntry.Ledger.POINTS, local("2024-12-31T00:00"))).isEqualByComparingTo("5");
        assertThat(accounts.totalsByRule("alice", LedgerEntry.Ledger.POINTS))
                .containsExactly(Map.entry("ant-offline-payment", new java.math.BigDecimal("10")));
        assertThatThrownBy(() -> accounts.claim("alice", "nope", local("2024-03-04T08:00")))
                .isInstanceOfSatisfying(ClaimException.class,
                        e -> assertThat(e.getReason()).isEqualTo(ClaimException.Reason.UNKNOWN_ENTRY));
        assertThatThrownBy(() -> accounts.claim("alice", "test:p1:ant-offline-payment:reduction", local("2024-03-04T08:00")))
                .isInstanceOfSatisfying(ClaimException.class,
                        e -> assertThat(e.getReason()).isEqualTo(ClaimException.Reason.UNKNOWN_ENTRY));
    }

    @Test
    void accounts_delayWithoutClaim_countsOnceCollectible_andAPlainRuleNeedsNoClaim() {
        CarbonAccounts delayed = new CarbonAccounts(rules(offlinePayment(Issuance.after(Duration.ofDays(2)))),
                new InMemoryLedgerStore());
        delayed.award(payment("p1", "2024-03-01T10:00"));
        assertThat(delayed.balance("alice", LedgerEntry.Ledger.POINTS, local("2024-03-03T09:59"))).isEqualByComparingTo("0");
        assertThat(delayed.balance("alice", LedgerEntry.Ledger.POINTS, local("2024-03-03T10:00"))).isEqualByComparingTo("5");
        assertThat(delayed.claimable("alice", local("2024-03-03T10:00"))).isEmpty();
        assertThatThrownBy(() -> delayed.claim("alice", "test:p1:ant-offline-payment:points", local("2024-03-04T00:00")))
                .hasMessageEndingWith("NO_CLAIM_NEEDED (the points count from 2024-03-03T02:00:00Z without a claim)");
        CarbonAccounts plain = new CarbonAccounts(rules(offlinePayment(null)), new InMemoryLedgerStore());
        plain.award(payment("p1", "2024-03-01T10:00"));
        assertThatThrownBy(() -> plain.claim("alice", "test:p1:ant-offline-payment:points", local("2024-03-04T00:00")))
                .hasMessageEndingWith("NO_CLAIM_NEEDED (the points count from 2024-03-01T02:00:00Z without a claim)");
    }

    @Test
    void accounts_aClaimSurvivesARevision_andAReversalCancelsClaimedPoints() {
        CreditRule capped = CreditRule.builder("ant-offline-payment", CreditRule.Kind.FIXED_PER_EVENT, "payment.offline")
                .award("5", "5").cap(Cap.of(Period.DAY, Cap.Unit.COUNT, "1")).issuance(ANT).build();
        CarbonAccounts accounts = new CarbonAccounts(rules(capped), new InMemoryLedgerStore());
        accounts.award(payment("p1", "2024-03-01T10:00"));
        accounts.claim("alice", local("2024-03-03T08:00"));
        assertThat(accounts.balance("alice", LedgerEntry.Ledger.POINTS, local("2024-03-04T00:00"))).isEqualByComparingTo("5");
        // a late payment earlier that day takes the day's only award: p1's claimed points are reversed
        accounts.award(payment("p0", "2024-03-01T09:00"));
        assertThat(accounts.balance("alice", LedgerEntry.Ledger.POINTS, local("2024-03-04T00:00"))).isEqualByComparingTo("0");
        assertThat(accounts.claimable("alice", local("2024-03-04T00:00"))).extracting(LedgerEntry::getActivityId)
                .containsExactly("p0");
        accounts.claim("alice", local("2024-03-04T00:00"));
        assertThat(accounts.balance("alice", LedgerEntry.Ledger.POINTS, local("2024-03-04T00:00"))).isEqualByComparingTo("5");
        accounts.reverse("alice", "p0", "refund R-7");
        // p1 earns again; its claim of 03-03 still stands, so its points count again
        assertThat(accounts.balance("alice", LedgerEntry.Ledger.POINTS, local("2024-03-04T00:00"))).isEqualByComparingTo("5");
        assertThat(accounts.history("alice")).filteredOn(e -> e.getKind() == LedgerEntry.Kind.EARNED
                && e.getLedger() == LedgerEntry.Ledger.POINTS).extracting(LedgerEntry::getId).containsExactly(
                        "test:p1:ant-offline-payment:points", "test:p0:ant-offline-payment:points",
                        "test:p1:ant-offline-payment:points#3");
        assertThat(accounts.history("alice")).extracting(LedgerEntry::getId).doesNotHaveDuplicates();
    }

    @Test
    void issuance_rejectsWhatCannotWork() {
        assertThatThrownBy(() -> new Issuance(Duration.ofDays(1), LocalTime.NOON, Duration.ZERO, null))
                .hasMessage("Issuance: give a delay or a local time of the next day, not both");
        assertThatThrownBy(() -> Issuance.after(Duration.ofDays(-1)))
                .hasMessage("Issuance: the delay must not be negative: PT-24H");
        assertThatThrownBy(() -> Issuance.after(Duration.ZERO).collectibleAfter(Duration.ofHours(-1)))
                .hasMessage("Issuance: collectibleAfter must not be negative: PT-1H");
        assertThatThrownBy(() -> ANT.expiresAfter(Duration.ofHours(24))).hasMessage("Issuance: expiresAfter (PT24H) must be"
                + " longer than collectibleAfter (PT24H), or nothing could be claimed");
        assertThatThrownBy(() -> new LedgerEntry.Schedule(local("2024-03-02T07:00"), local("2024-03-01T07:00"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RuleSet.of("t", "1", SHANGHAI, List.of(offlinePayment(ANT)), List.of()).getDigest())
                .isNotEqualTo(RuleSet.of("t", "1", SHANGHAI, List.of(offlinePayment(null)), List.of()).getDigest());
    }
}
