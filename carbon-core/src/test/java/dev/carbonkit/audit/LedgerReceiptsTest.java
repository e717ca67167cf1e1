package dev.carbonkit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.FootprintTotals.Period;
import dev.carbonkit.credit.Cap;
import dev.carbonkit.credit.CarbonAccounts;
import dev.carbonkit.credit.CreditRule;
import dev.carbonkit.credit.InMemoryLedgerStore;
import dev.carbonkit.credit.Issuance;
import dev.carbonkit.credit.LedgerEntry;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factor.Region;
import dev.carbonkit.quantity.Quantity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every update of an account's ledger (award, reversal, close, claim) and every points entry lost unclaimed is a
 * receipt, and the receipts replay: a reversal names the entries it cancels and why, and a changed, dropped or
 * hidden update is caught.
 */
class LedgerReceiptsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Ant Forest's offline payment, as the reference reports it, with a cap of two a day so a reversal moves it. */
    private static final RuleSet RULES = RuleSet.of("test", "1", SHANGHAI, List.of(CreditRule.builder("pay",
            CreditRule.Kind.FIXED_PER_EVENT, "payment.offline").award("5", "5").cap(Cap.of(Period.DAY, Cap.Unit.COUNT, "2"))
            .issuance(Issuance.nextLocalDayAt(LocalTime.of(7, 0)).collectibleAfter(Duration.ofHours(24))
                    .expiresAfter(Duration.ofHours(72))).build()), List.of());

    private static final Instant AS_OF = local("2024-03-06T00:00");

    private static Instant local(String time) {
        return LocalDateTime.parse(time).atZone(SHANGHAI).toInstant();
    }

    private static Activity payment(String id, String time) {
        return Activity.builder(id).account("alice").type("payment.offline").quantity(Quantity.parse("1 count"))
                .time(local(time), SHANGHAI).region(Region.of("CN")).build();
    }

    /** Three payments on one day (the third capped), the first reversed (the third takes its place), p2 claimed. */
    private static CarbonAccounts history() {
        CarbonAccounts accounts = new CarbonAccounts(RULES, new InMemoryLedgerStore());
        accounts.award(payment("p1", "2024-03-01T10:00"));
        accounts.award(payment("p2", "2024-03-01T11:00"));
        accounts.award(payment("p3", "2024-03-01T12:00"));
        accounts.reverse("alice", "p1", "fraud finding F-118");
        accounts.claim("alice", "test:p2:pay:points", local("2024-03-03T08:00"));
        accounts.closePeriods("alice", local("2024-03-04T00:00"));
        return accounts;
    }

    private static Map<String, Verification> verify(List<Receipt> receipts) {
        Map<String, Verification> found = new java.util.LinkedHashMap<>();
        ReceiptVerifier.of(FactorCatalog.of(), List.of(RULES)).verifyAll(receipts,
                verification -> found.put(verification.getId(), verification));
        return found;
    }

    private static Receipt edited(Receipt receipt, String from, String to) {
        assertThat(receipt.toJson()).contains(from);
        return Receipt.parse(receipt.toJson().replace(from, to));
    }

    //-----------------------------------------------------------------------
    @Test
    void everyUpdate_isAReceipt_withItsEventEntriesAndBalances() {
        List<Receipt> receipts = Receipt.ofLedger(history(), "alice", AS_OF);

        assertThat(receipts).extracting(Receipt::getId).containsExactly("ledger:alice:1", "ledger:alice:2",
                "ledger:alice:3", "ledger:alice:4", "ledger:alice:5", "ledger:alice:6", "ledger:alice:7");
        assertThat(receipts).extracting(receipt -> receipt.get("event.kind").orElseThrow()).containsExactly("AWARDED",
                "AWARDED", "AWARDED", "REVERSED", "CLAIMED", "CLOSED", "EXPIRED");
        assertThat(receipts).allSatisfy(receipt -> {
            assertThat(receipt.getKind()).isEqualTo(Receipt.Kind.LEDGER);
            assertThat(receipt.get("as_of")).hasValue("2024-03-05T16:00:00Z");
            assertThat(receipt.get("ruleset.digest")).hasValue(RULES.getDigest());
        });
        // the third payment was capped: no entry, but a receipt, because it counts towards the cap
        assertThat(receipts.get(2).toJson()).contains("\"entries\":[]");
        assertThat(receipts.get(2).get("activity.id")).hasValue("p3");

        Receipt reversal = receipts.get(3);
        assertThat(reversal.get("event.activity_id")).hasValue("p1");
        assertThat(reversal.get("event.reason")).hasValue("fraud finding F-118");
        assertThat(reversal.getSteps()).containsExactly(
                "REVERSED activity p1: fraud finding F-118",
                "entry test:p1:pay:reduction#2: REVERSAL -5 g CO2e of entry test:p1:pay:reduction, reversed because"
                        + " activity p1 was reversed: fraud finding F-118",
                "entry test:p1:pay:points#2: REVERSAL -5 points of entry test:p1:pay:points, reversed because activity p1"
                        + " was reversed: fraud finding F-118",
                "entry test:p3:pay:reduction: EARNED 5 g CO2e by p3 under rule pay",
                "entry test:p3:pay:points: EARNED 5 points by p3 under rule pay",
                "balance after: 10 g CO2e reduction, 10 points");
        assertThat(reversal.toJson()).contains("{\"activity_id\":\"p1\",\"amount\":\"-5\",\"id\":\"test:p1:pay:points#2\","
                + "\"kind\":\"REVERSAL\",\"ledger\":\"POINTS\",\"reason\":\"reversed because activity p1 was reversed: fraud"
                + " finding F-118\",\"reduction_entry\":\"test:p1:pay:reduction\",\"refers_to\":\"test:p1:pay:points\"");
        assertThat(reversal.get("result.grams")).hasValue("0");
        assertThat(reversal.get("result.points_balance")).hasValue("10");

        Receipt claim = receipts.get(4);
        assertThat(claim.get("event.entry")).hasValue("test:p2:pay:points");
        assertThat(claim.get("event.at")).hasValue("2024-03-03T00:00:00Z");
        assertThat(claim.get("result.points_claimed")).hasValue("5");
        assertThat(claim.toJson()).contains("\"id\":\"test:p2:pay:points:claim\",\"kind\":\"CLAIM\"");

        Receipt expiry = receipts.get(6);
        assertThat(expiry.get("event.entry")).hasValue("test:p3:pay:points");
        assertThat(expiry.get("event.at")).hasValue("2024-03-04T23:00:00Z");
        assertThat(expiry.get("result.points_lost")).hasValue("5");
        assertThat(expiry.toJson()).contains("\"entries\":[]");
        assertThat(expiry.getSteps()).containsExactly("EXPIRED points entry test:p3:pay:points at 2024-03-04T23:00:00Z",
                "points lost: 5, not claimed before 2024-03-04T23:00:00Z", "balance after: 10 g CO2e reduction, 10 points");

        // what the accounts say agrees with the receipts
        CarbonAccounts accounts = history();
        assertThat(accounts.expiredEntries("alice", AS_OF)).extracting(LedgerEntry::getId)
                .containsExactly("test:p3:pay:points");
        assertThat(accounts.expired("alice", AS_OF)).isEqualByComparingTo("5");
        assertThat(accounts.expiredEntries("alice", local("2024-03-05T06:59"))).isEmpty();
        assertThat(Receipt.ofLedger(accounts, "alice", null)).hasSize(6);
        assertThat(Receipt.ofLedger(accounts, "nobody", AS_OF)).isEmpty();
    }

    @Test
    void theReceiptsAfterTheFirstFew_areTheSameReceipts_asAStreamProcessorGivesThemOut() {
        var accounts = history();
        List<Receipt> all = Receipt.ofLedger(accounts, "alice", null);
        assertThat(Receipt.ofLedgerAfter(accounts, "alice", 0)).extracting(Receipt::toJson)
                .isEqualTo(all.stream().map(Receipt::toJson).toList());
        assertThat(Receipt.ofLedgerAfter(accounts, "alice", 3)).extracting(Receipt::toJson)
                .isEqualTo(all.subList(3, all.size()).stream().map(Receipt::toJson).toList());
        assertThat(Receipt.ofLedgerAfter(accounts, "alice", all.size())).isEmpty();
    }

    @Test
    void ledgerReceipts_replay_andKeepTheirBytesThroughAChainedFile() throws IOException {
        List<Receipt> receipts = Receipt.ofLedger(history(), "alice", AS_OF);
        assertThat(verify(receipts).values()).hasSize(7)
                .allSatisfy(v -> assertThat(v.getStatus()).isEqualTo(Verification.Status.REPRODUCED));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ReceiptWriter writer = new ReceiptWriter(bytes)) {
            writer.writeAll(receipts);
            writer.finish();
        }
        List<Receipt> read = new ArrayList<>();
        ReceiptChain chain;
        try (ReceiptReader reader = new ReceiptReader(new ByteArrayInputStream(bytes.toByteArray()), "ledger.jsonl")) {
            reader.forEach(read::add);
            chain = reader.getChain();
        }
        assertThat(chain.getStatus()).isEqualTo(ReceiptChain.Status.INTACT);
        assertThat(read).extracting(Receipt::withoutLink).containsExactlyElementsOf(receipts);
        assertThat(verify(read).values())
                .allSatisfy(v -> assertThat(v.getStatus()).isEqualTo(Verification.Status.REPRODUCED));
    }

    @Test
    void aChangedAmountOrReason_isAMismatch_naming_theField() {
        List<Receipt> receipts = new ArrayList<>(Receipt.ofLedger(history(), "alice", AS_OF));
        receipts.set(3, edited(receipts.get(3), "\"amount\":\"-5\",\"id\":\"test:p1:pay:points#2\"",
                "\"amount\":\"-4\",\"id\":\"test:p1:pay:points#2\""));
        Verification changed = verify(receipts).get("ledger:alice:4");
        assertThat(changed.getStatus()).isEqualTo(Verification.Status.MISMATCH);
        assertThat(changed.getDifferences()).extracting(Verification.Difference::toString)
                .containsExactly("entries[1].amount: receipt -4, replay -5");

        // the reason is an input: another reason replays into other entries, and the receipt's own say so
        List<Receipt> reasons = new ArrayList<>(Receipt.ofLedger(history(), "alice", AS_OF));
        reasons.set(3, edited(reasons.get(3), "\"reason\":\"fraud finding F-118\"", "\"reason\":\"duplicate payment\""));
        Verification reason = verify(reasons).get("ledger:alice:4");
        assertThat(reason.getStatus()).isEqualTo(Verification.Status.MISMATCH);
        assertThat(reason.getDifferences()).extracting(Verification.Difference::getField)
                .contains("entries[0].reason", "entries[1].reason", "steps[1]", "steps[2]");
    }

    @Test
    void aDroppedUpdate_orAHiddenExpiry_isCaught() {
        List<Receipt> receipts = Receipt.ofLedger(history(), "alice", AS_OF);

        List<Receipt> withoutReversal = new ArrayList<>(receipts);
        withoutReversal.remove(3);
        Map<String, Verification> dropped = verify(withoutReversal);
        assertThat(dropped.get("ledger:alice:5").getStatus()).isEqualTo(Verification.Status.MISMATCH);
        assertThat(dropped.get("ledger:alice:5").getDifferences()).extracting(Verification.Difference::toString)
                .contains("event.kind: receipt CLAIMED, replay CLOSED");

        List<Receipt> withoutExpiry = receipts.subList(0, 6);
        Verification last = verify(withoutExpiry).get("ledger:alice:6");
        assertThat(last.getStatus()).isEqualTo(Verification.Status.INCOMPLETE);
        assertThat(last.getDetail()).isEqualTo("the replay of account alice's updates also gives what no receipt records:"
                + " ledger:alice:7 (EXPIRED points entry test:p3:pay:points at 2024-03-04T23:00:00Z)");

        // a claim the ledger could not have made (outside its window) does not replay
        List<Receipt> late = new ArrayList<>(receipts);
        late.set(4, edited(receipts.get(4), "\"at\":\"2024-03-03T00:00:00Z\"", "\"at\":\"2024-03-05T00:00:00Z\""));
        Map<String, Verification> refused = verify(late);
        assertThat(refused.get("ledger:alice:5").getStatus()).isEqualTo(Verification.Status.NOT_REPLAYABLE);
        assertThat(refused.get("ledger:alice:5").getDetail()).contains("test:p2:pay:points").contains("EXPIRED");
        assertThat(refused.get("ledger:alice:6").getStatus()).isEqualTo(Verification.Status.NOT_REPLAYABLE);
    }
}
