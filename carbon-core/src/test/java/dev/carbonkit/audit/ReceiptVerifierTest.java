package dev.carbonkit.audit;

import static dev.carbonkit.audit.ReceiptTest.CATALOG;
import static dev.carbonkit.audit.ReceiptTest.ant;
import static dev.carbonkit.audit.ReceiptTest.payment;
import static dev.carbonkit.audit.ReceiptTest.trip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.Fixtures;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.credit.CarbonAccounts;
import dev.carbonkit.credit.CreditEngine;
import dev.carbonkit.credit.InMemoryLedgerStore;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.factor.FactorCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replaying receipts: untouched ones are reproduced, tampered and incomplete ones are named with the field. */
class ReceiptVerifierTest {

    private static final FootprintEngine ENGINE = FootprintEngine.of(CalculationPolicy.defaults(), CATALOG);

    private static List<Receipt> footprints() {
        return List.of(
                Receipt.of(ENGINE.score(trip("t1", "alice", "transport.car.average.petrol", "12.5 mi", "2024-05-01")),
                        ENGINE.getPolicy()),
                Receipt.of(ENGINE.score(trip("t2", "alice", "transport.rail.underground", "7 pkm", "2024-05-02")),
                        ENGINE.getPolicy()),
                Receipt.of(ENGINE.score(trip("t3", "bob", "home.electricity.grid", "3.2 kWh", "2024-05-03")),
                        ENGINE.getPolicy()));
    }

    private static List<Activity> payments() {
        return List.of(payment("p1", "alice", "2024-03-01T10:00", "12"), payment("p2", "alice", "2024-03-01T11:00", "3"),
                payment("p3", "alice", "2024-03-01T12:00", "3"), payment("p4", "alice", "2024-03-01T13:00", "3"),
                payment("q1", "bob", "2024-03-01T13:00", "0.5"));
    }

    static List<Receipt> awards() {
        RuleSet ant = ant();
        return Receipt.of(CreditEngine.evaluate(ant, payments()), ant, payments());
    }

    private static List<Verification> verify(ReceiptVerifier verifier, List<Receipt> receipts) {
        List<Verification> found = new ArrayList<>();
        verifier.verifyAll(receipts, found::add);
        return found;
    }

    private static Receipt tamper(Receipt receipt, String from, String to) {
        assertThat(receipt.toJson()).contains(from);
        return Receipt.parse(receipt.toJson().replace(from, to));
    }

    @Test
    void untouchedReceipts_areReproduced() {
        ReceiptVerifier verifier = ReceiptVerifier.of(CATALOG, List.of(ant()));
        List<Receipt> all = new ArrayList<>(awards());
        all.addAll(footprints());
        List<Verification> found = new ArrayList<>();
        Map<Verification.Status, Long> counts = verifier.verifyAll(all, found::add);
        assertThat(found).hasSize(8).allMatch(Verification::isReproduced);
        assertThat(counts).containsEntry(Verification.Status.REPRODUCED, 8L).containsEntry(Verification.Status.MISMATCH, 0L);
        // footprints as they come, then awards
        assertThat(found).extracting(Verification::getId).containsExactly("t1", "t2", "t3", "p1", "p2", "p3", "p4", "q1");
        assertThat(found.get(6)).hasToString("p4 (alice, AWARD, rule ant-offline-payment): REPRODUCED");
        assertThat(verifier.verify(footprints().get(0)).getStatus()).isEqualTo(Verification.Status.REPRODUCED);
        assertThatThrownBy(() -> verifier.verify(awards().get(0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Receipts of kind award depend on the account's other activities and updates; verify them"
                        + " with verifyAll: p1");
    }

    @Test
    void aChangedDigit_isCaught_andNamedWithTheField() {
        Receipt t1 = footprints().get(0);
        String co2e = t1.get("result.co2e_kg").orElseThrow();
        String changed = co2e.substring(0, co2e.length() - 1) + (co2e.endsWith("1") ? "2" : "1");
        Verification found = ReceiptVerifier.of(CATALOG, List.of()).verify(tamper(t1, "\"co2e_kg\":\"" + co2e + "\"",
                "\"co2e_kg\":\"" + changed + "\""));
        assertThat(found.getStatus()).isEqualTo(Verification.Status.MISMATCH);
        assertThat(found.getDifferences()).containsExactly(new Verification.Difference("result.co2e_kg", changed, co2e));
        assertThat(found.toString()).isEqualTo("t1 (alice, FOOTPRINT): MISMATCH; result.co2e_kg: receipt " + changed
                + ", replay " + co2e);
        // a changed input changes the result and the steps that show it
        Verification input = ReceiptVerifier.of(CATALOG, List.of()).verify(tamper(t1, "\"12.5 mi\"", "\"12.6 mi\""));
        assertThat(input.getDifferences()).extracting(Verification.Difference::getField).contains("result.co2e_kg")
                .anyMatch(field -> field.startsWith("steps["));
        // the changed quantity is replayed as given: the steps that still show 12.5 mi differ
        assertThat(input.getDifferences()).filteredOn(d -> d.getField().equals("steps[0]")).singleElement().satisfies(d -> {
            assertThat(d.getReceipt()).contains("12.5 mi");
            assertThat(d.getReplay()).contains("12.6 mi");
        });
    }

    @Test
    void missingOrDifferentTables_andInputsThatCannotBeReplayed_areFindingsNotCrashes() {
        Receipt t1 = footprints().get(0);
        Verification missing = ReceiptVerifier.of(FactorCatalog.of(Fixtures.desnz2025()), List.of()).verify(t1);
        assertThat(missing.getStatus()).isEqualTo(Verification.Status.MISSING_TABLE);
        assertThat(missing.getDetail()).isEqualTo("the receipt names table 'desnz-2024' " + ReceiptTest.DESNZ.getDigest()
                + ", which the verifier's catalog does not have; it has [desnz-2025]");
        Verification digest = ReceiptVerifier.of(CATALOG, List.of()).verify(tamper(t1, ReceiptTest.DESNZ.getDigest(),
                "sha256:0000"));
        assertThat(digest.getStatus()).isEqualTo(Verification.Status.DIGEST_MISMATCH);
        assertThat(digest.getDetail()).isEqualTo("table desnz-2024: the receipt names sha256:0000, the verifier has "
                + ReceiptTest.DESNZ.getDigest());
        Verification unit = ReceiptVerifier.of(CATALOG, List.of()).verify(tamper(t1, "\"12.5 mi\"", "\"12.5 parsec\""));
        assertThat(unit.getStatus()).isEqualTo(Verification.Status.NOT_REPLAYABLE);
        assertThat(unit.getDetail()).contains("parsec");
        Verification policy = ReceiptVerifier.of(CATALOG, List.of()).verify(tamper(t1, "\"regions\":\"standard\"",
                "\"regions\":\"mine\""));
        assertThat(policy.getDetail()).isEqualTo("the receipt's policy uses region groups of its own (mine); only the"
                + " standard hierarchy can be replayed");
    }

    @Test
    void awardReceipts_tamperedIncompleteOrUnknown() {
        ReceiptVerifier verifier = ReceiptVerifier.of(CATALOG, List.of(ant()));
        List<Receipt> awards = awards();
        assertThat(awards.get(3).get("result.outcome")).contains("CAPPED");
        // p1's receipt left out: p4 is no longer the fourth payment of the day, and its replay earns
        List<Verification> incomplete = verify(verifier, awards.subList(1, awards.size()));
        assertThat(incomplete).filteredOn(v -> v.getId().equals("p4")).singleElement().satisfies(v -> {
            assertThat(v.getStatus()).isEqualTo(Verification.Status.MISMATCH);
            assertThat(v.getDifferences()).contains(new Verification.Difference("result.outcome", "CAPPED", "AWARDED"));
        });
        List<Receipt> tampered = new ArrayList<>(awards);
        tampered.set(1, tamper(awards.get(1), "\"points\":\"5\"", "\"points\":\"50\""));
        assertThat(verify(verifier, tampered).get(1).getDifferences())
                .containsExactly(new Verification.Difference("result.points", "50", "5"));
        tampered.set(1, tamper(awards.get(1), "\"rule\":\"ant-offline-payment\"", "\"rule\":\"ant-bonus\""));
        Verification unknownRule = verify(verifier, tampered).get(1);
        assertThat(unknownRule.getStatus()).isEqualTo(Verification.Status.INCOMPLETE);
        assertThat(unknownRule.getDetail()).startsWith("the replay of the 5 activities in these receipts gives no award of"
                + " p2 under rule ant-bonus");
        assertThat(verify(ReceiptVerifier.of(CATALOG, List.of()), awards)).allSatisfy(v -> {
            assertThat(v.getStatus()).isEqualTo(Verification.Status.MISSING_RULE_SET);
            assertThat(v.getDetail()).startsWith("the receipt names rule set 'ant' sha256:");
        });
        RuleSet other = RuleSet.of("ant", "other", ReceiptTest.SHANGHAI, ant().getRules(), List.of());
        assertThat(verify(ReceiptVerifier.of(CATALOG, List.of(other)), awards))
                .allMatch(v -> v.getStatus() == Verification.Status.DIGEST_MISMATCH);
        tampered.set(1, tamper(awards.get(1), "\"1 count\"", "\"1 parsec\""));
        assertThat(verify(verifier, tampered)).allMatch(v -> v.getStatus() == Verification.Status.NOT_REPLAYABLE);
    }

    @Test
    void anAccountsAwards_asItsLedgerStands_leaveReceiptsThatReplay() {
        RuleSet ant = ant();
        CarbonAccounts accounts = new CarbonAccounts(ant, new InMemoryLedgerStore());
        payments().forEach(accounts::award);
        accounts.reverse("alice", "p2", "refund R-1");
        List<Receipt> receipts = Receipt.of(accounts, "alice");
        // p2 is reversed: p4 is now within the day's cap of 3
        assertThat(receipts).extracting(Receipt::getId).containsExactly("p1", "p3", "p4");
        assertThat(receipts.get(2).get("result.outcome")).contains("AWARDED");
        assertThat(accounts.activities("alice")).extracting(Activity::getId).containsExactly("p1", "p3", "p4");
        assertThat(accounts.closedUpTo("alice")).isEmpty();
        assertThat(verify(ReceiptVerifier.of(CATALOG, List.of(ant)), receipts)).allMatch(Verification::isReproduced);
    }
}
