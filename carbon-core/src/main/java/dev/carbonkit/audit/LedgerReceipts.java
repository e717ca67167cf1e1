package dev.carbonkit.audit;

import dev.carbonkit.CarbonMath;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.credit.AccountEvent;
import dev.carbonkit.credit.CarbonAccounts;
import dev.carbonkit.credit.LedgerEntry;
import dev.carbonkit.credit.LedgerRecord;
import dev.carbonkit.credit.RuleSet;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The receipts of an account's ledger (kind "ledger", docs/receipt-format.md): one per update the ledger store kept
 * (an activity awarded, an activity reversed, budget periods closed, a claim) with the event and every entry it
 * wrote, and one per points entry lost unclaimed by the instant the receipts are made as of. An update's entries are
 * written together and replayed together, so the update is the receipt: an award that earned nothing still has one,
 * because it still counts towards caps and deduplication.
 */
final class LedgerReceipts {

    private LedgerReceipts() {
    }

    /**
     * An update: its event (as a receipt's tree, or the store's event, made into one only if its receipt is wanted), the
     * entries it wrote, and the digest of the rule set it ran under.
     */
    private record Update(Map<String, Object> tree, AccountEvent source, Activity activity, List<LedgerEntry> entries,
            String digest) {

        Map<String, Object> event() {
            return tree != null ? tree : LedgerReceipts.event(source);
        }
    }

    static List<Receipt> of(CarbonAccounts accounts, String account, Instant asOf) {
        return of(accounts, account, asOf, 0);
    }

    /** The receipts of the updates after the first {@code from}; balances count every update. */
    static List<Receipt> of(CarbonAccounts accounts, String account, Instant asOf, int from) {
        RuleSet ruleSet = accounts.getRuleSet();
        List<LedgerRecord> records = accounts.getStore().read(account, 0);
        List<Update> updates = new ArrayList<>();
        Update open = null;
        for (LedgerRecord record : records) {
            AccountEvent event = record.getEvent();
            LedgerEntry entry = record.getEntry();
            if (event != null) {
                open = new Update(null, event, event.getActivity(), new ArrayList<>(), record.getRuleSetDigest());
                updates.add(open);
            } else if (entry.getKind() == LedgerEntry.Kind.CLAIM) {
                // a claim is an update of its own, and has no event record: its entry says what was claimed when
                updates.add(new Update(claimed(entry), null, null, List.of(entry), record.getRuleSetDigest()));
                open = null;
            } else if (open == null) {
                throw new IllegalArgumentException("Account '" + account + "': ledger record " + record
                        + " follows no event; the store does not hold what CarbonAccounts wrote");
            } else {
                open.entries().add(entry);
            }
        }
        BigDecimal[] balances = {BigDecimal.ZERO, BigDecimal.ZERO};
        int first = 0;
        if (from > 0 && updates.stream().noneMatch(update -> update.source() == null)) {
            // no claims: the balances before the first update wanted are the account's balances less the changes of
            // the updates from there on, so that giving out the newest receipt does not add up the whole ledger again
            balances[0] = accounts.balance(account, LedgerEntry.Ledger.REDUCTION);
            balances[1] = accounts.balance(account, LedgerEntry.Ledger.POINTS);
            for (int i = from; i < updates.size(); i++) {
                for (LedgerEntry entry : updates.get(i).entries()) {
                    int ledger = entry.getLedger().ordinal();
                    balances[ledger] = balances[ledger].subtract(entry.getAmount());
                }
            }
            first = Math.min(from, updates.size());
        }
        List<Receipt> receipts = new ArrayList<>(updates.size() - first);
        for (int i = first; i < updates.size(); i++) {
            Update update = updates.get(i);
            BigDecimal[] changes = {BigDecimal.ZERO, BigDecimal.ZERO};
            BigDecimal claimed = BigDecimal.ZERO;
            for (LedgerEntry entry : update.entries()) {
                if (entry.getKind() == LedgerEntry.Kind.CLAIM) {
                    claimed = claimed.add(entry.getAmount());
                } else {
                    changes[entry.getLedger().ordinal()] = changes[entry.getLedger().ordinal()].add(entry.getAmount());
                }
            }
            balances[0] = balances[0].add(changes[0]);
            balances[1] = balances[1].add(changes[1]);
            if (i >= from) {
                receipts.add(receipt(ruleSet, update.digest(), account, i + 1, asOf, update, changes, balances, claimed,
                        BigDecimal.ZERO));
            }
        }
        if (asOf != null) {
            BigDecimal[] none = {BigDecimal.ZERO, BigDecimal.ZERO};
            for (LedgerEntry entry : accounts.expiredEntries(account, asOf)) {
                Map<String, Object> event = event("EXPIRED", entry.getActivityId(), null, entry.getSchedule().getExpiresAt(),
                        base(entry.getId()));
                receipts.add(receipt(ruleSet, ruleSet.getDigest(), account, from + receipts.size() + 1, asOf,
                        new Update(event, null, null, List.of(), ruleSet.getDigest()), none, balances, BigDecimal.ZERO,
                        entry.getAmount()));
            }
        }
        return receipts;
    }

    private static Receipt receipt(RuleSet ruleSet, String digest, String account, int number, Instant asOf,
            Update update, BigDecimal[] changes, BigDecimal[] balances, BigDecimal claimed, BigDecimal lost) {
        Map<String, Object> tree = Receipt.header("ledger", "ledger:" + account + ":" + number, account,
                update.activity());
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("id", ruleSet.getId());
        set.put("version", ruleSet.getVersion());
        set.put("digest", digest);
        tree.put("ruleset", set);
        tree.put("update", Integer.toString(number));
        tree.put("as_of", asOf == null ? null : asOf.toString());
        Map<String, Object> event = update.event();
        tree.put("event", event);
        List<Object> entries = new ArrayList<>();
        List<Object> steps = new ArrayList<>();
        steps.add(describe(event));
        for (LedgerEntry entry : update.entries()) {
            entries.add(entry(entry));
            steps.add(describe(entry));
        }
        tree.put("entries", entries);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("grams", plain(changes[0]));
        result.put("points", plain(changes[1]));
        result.put("grams_balance", plain(balances[0]));
        result.put("points_balance", plain(balances[1]));
        result.put("points_claimed", plain(claimed));
        result.put("points_lost", plain(lost));
        if (lost.signum() != 0) {
            steps.add("points lost: " + plain(lost) + ", not claimed before " + event.get("at"));
        }
        steps.add("balance after: " + plain(balances[0]) + " g CO2e reduction, " + plain(balances[1]) + " points");
        tree.put("steps", steps);
        tree.put("result", result);
        return Receipt.made(tree);
    }

    private static Map<String, Object> event(AccountEvent event) {
        return switch (event.getKind()) {
            case AWARDED -> event("AWARDED", event.getActivityId(), null, event.getTime(), null);
            case REVERSED -> event("REVERSED", event.getActivityId(), event.getReason(), null, null);
            case CLOSED -> event("CLOSED", null, null, event.getTime(), null);
        };
    }

    private static Map<String, Object> claimed(LedgerEntry claim) {
        return event("CLAIMED", claim.getActivityId(), null, claim.getTime(), claim.getRefersTo());
    }

    private static Map<String, Object> event(String kind, String activityId, String reason, Instant at, String entry) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("kind", kind);
        tree.put("activity_id", activityId);
        tree.put("reason", reason);
        tree.put("at", at == null ? null : at.toString());
        tree.put("entry", entry);
        return Collections.unmodifiableMap(tree);
    }

    private static Map<String, Object> entry(LedgerEntry entry) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("id", entry.getId());
        tree.put("kind", entry.getKind().name());
        tree.put("ledger", entry.getLedger().name());
        tree.put("activity_id", entry.getActivityId());
        tree.put("rule", entry.getRuleId());
        tree.put("amount", plain(entry.getAmount()));
        tree.put("time", entry.getTime().toString());
        tree.put("reduction_entry", entry.getReductionEntryId());
        tree.put("refers_to", entry.getRefersTo());
        tree.put("reason", entry.getReason());
        Map<String, Object> schedule = null;
        if (entry.getSchedule() != null) {
            schedule = new LinkedHashMap<>();
            schedule.put("issued", entry.getSchedule().getIssuedAt().toString());
            schedule.put("collectible", entry.getSchedule().getCollectibleAt().toString());
            schedule.put("expires", entry.getSchedule().getExpiresAt() == null ? null
                    : entry.getSchedule().getExpiresAt().toString());
        }
        tree.put("schedule", schedule);
        return tree;
    }

    private static String describe(Map<String, Object> event) {
        return switch ((String) event.get("kind")) {
            case "AWARDED" -> "AWARDED activity " + event.get("activity_id") + " at " + event.get("at");
            case "REVERSED" -> "REVERSED activity " + event.get("activity_id") + ": " + event.get("reason");
            case "CLOSED" -> "CLOSED budget periods up to " + event.get("at");
            case "CLAIMED" -> "CLAIMED points entry " + event.get("entry") + " at " + event.get("at");
            default -> "EXPIRED points entry " + event.get("entry") + " at " + event.get("at");
        };
    }

    private static String describe(LedgerEntry entry) {
        String amount = plain(entry.getAmount()) + (entry.getLedger() == LedgerEntry.Ledger.REDUCTION ? " g CO2e" : " points");
        return switch (entry.getKind()) {
            case EARNED -> "entry " + entry.getId() + ": EARNED " + amount + " by " + entry.getActivityId() + " under rule "
                    + entry.getRuleId();
            case REVERSAL -> "entry " + entry.getId() + ": REVERSAL " + amount + " of entry " + entry.getRefersTo() + ", "
                    + entry.getReason();
            case CLAIM -> "entry " + entry.getId() + ": CLAIM of " + amount + " of entry " + entry.getRefersTo() + ", "
                    + entry.getReason();
        };
    }

    /** An entry's id as first written: revisions add "#" and a number. */
    private static String base(String id) {
        int hash = id.indexOf('#');
        return hash < 0 ? id : id.substring(0, hash);
    }

    private static String plain(BigDecimal value) {
        return CarbonMath.normalize(value).toPlainString();
    }
}
