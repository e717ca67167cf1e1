package dev.carbonkit.credit;

import dev.carbonkit.CarbonMath;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.FootprintTotals;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Personal carbon accounts under one rule set: each account has a reduction ledger (g CO2e) and a points ledger,
 * and earns from the activities awarded to it.
 * <p>
 * {@link #award(Activity)} is idempotent: awarding an activity id the account already has changes nothing and
 * returns the original awards. An activity that arrives late (earlier in time than activities already awarded)
 * is placed where it belongs: the account's activities are re-evaluated in chronological order, and every
 * entry that changes as a result (a cap now reached earlier, a duplicate now second) is corrected explicitly,
 * by a reversal entry and a new entry whose reason names the activity that caused the change. Entries are
 * never edited or removed, so the ledger is its own audit trail. {@link #reverse} cancels an activity's
 * awards (a fraud finding, a refund) in the same way.
 * <p>
 * This class is thread-safe: updates of one account are serialised, updates of different accounts run
 * concurrently, and concurrent awards lose nothing and double nothing.
 */
public final class CarbonAccounts {

    private final RuleSet ruleSet;
    private final LedgerStore store;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, Map<String, List<Award>>> originals = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> reversed = new ConcurrentHashMap<>();

    /**
     * Creates accounts under a rule set, kept in a store.
     *
     * @param ruleSet  the rule set, not null
     * @param store  where the activities and entries are kept, not null
     */
    public CarbonAccounts(RuleSet ruleSet, LedgerStore store) {
        this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Gets the rule set.
     *
     * @return the rule set, never null
     */
    public RuleSet getRuleSet() {
        return ruleSet;
    }

    /**
     * Awards an activity to its account.
     *
     * @param activity  the activity, not null
     * @return the activity's awards (one per rule about it, or one NO_RULE award), never null
     */
    public List<Award> award(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        String account = activity.getAccount();
        synchronized (lock(account)) {
            Map<String, List<Award>> known = originals.computeIfAbsent(account, k -> new ConcurrentHashMap<>());
            List<Award> original = known.get(activity.getId());
            if (original != null) {
                return original;
            }
            List<Activity> activities = new ArrayList<>(store.activities(account));
            activities.add(activity);
            Map<String, List<Award>> awards = update(account, activities, "activity " + activity.getId()
                    + " was awarded");
            List<Award> result = awards.getOrDefault(activity.getId(), List.of());
            known.put(activity.getId(), result);
            return result;
        }
    }

    /**
     * Cancels an activity's awards, with a reason, and corrects any other award this changes.
     *
     * @param account  the account, not null
     * @param activityId  the activity to cancel, not null
     * @param reason  why, such as "fraud finding 2024-118", not null
     * @return the entries written, never null
     * @throws IllegalArgumentException if the account has no such activity, or it is already reversed
     */
    public List<LedgerEntry> reverse(String account, String activityId, String reason) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(reason, "reason");
        synchronized (lock(account)) {
            List<Activity> activities = new ArrayList<>(store.activities(account));
            boolean present = activities.removeIf(a -> a.getId().equals(activityId));
            Map<String, String> gone = reversed.computeIfAbsent(account, k -> new ConcurrentHashMap<>());
            if (!present) {
                throw new IllegalArgumentException("Account '" + account + "' has no activity '" + activityId + "'"
                        + (gone.containsKey(activityId) ? "; it was already reversed: " + gone.get(activityId) : ""));
            }
            gone.put(activityId, reason);
            int before = store.entries(account).size();
            update(account, activities, "activity " + activityId + " was reversed: " + reason);
            List<LedgerEntry> entries = store.entries(account);
            return List.copyOf(entries.subList(before, entries.size()));
        }
    }

    private Object lock(String account) {
        return locks.computeIfAbsent(account, k -> new Object());
    }

    /** Re-evaluates an account's activities and appends the entries that make the ledger match. */
    private Map<String, List<Award>> update(String account, List<Activity> activities, String cause) {
        CreditResult result = CreditEngine.evaluate(ruleSet, activities);
        Map<String, LedgerEntry> effective = effective(store.entries(account));
        Map<String, LedgerEntry> wanted = new LinkedHashMap<>();
        result.reductions().forEach(entry -> wanted.put(entry.id(), entry));
        result.points().forEach(entry -> wanted.put(entry.id(), entry));
        Map<String, Integer> revisions = revisions(store.entries(account));
        List<LedgerEntry> appended = new ArrayList<>();
        for (Map.Entry<String, LedgerEntry> current : effective.entrySet()) {
            LedgerEntry want = wanted.get(current.getKey());
            if (want == null || want.amount().compareTo(current.getValue().amount()) != 0) {
                appended.add(reversal(current.getValue(), revisions, cause));
            }
        }
        for (Map.Entry<String, LedgerEntry> want : wanted.entrySet()) {
            LedgerEntry current = effective.get(want.getKey());
            if (current == null || want.getValue().amount().compareTo(current.amount()) != 0) {
                appended.add(current == null ? want.getValue() : revision(want.getValue(), revisions, cause));
            }
        }
        store.save(account, activities, appended);
        Map<String, List<Award>> awards = new HashMap<>();
        result.awards().forEach(award -> awards.computeIfAbsent(award.activityId(), k -> new ArrayList<>()).add(award));
        return awards;
    }

    /** The current entry for each base id: the last entry written for it, unless it was reversed since. */
    private static Map<String, LedgerEntry> effective(List<LedgerEntry> entries) {
        Map<String, LedgerEntry> current = new LinkedHashMap<>();
        for (LedgerEntry entry : entries) {
            String base = base(entry.id());
            if (entry.isReversal()) {
                current.remove(base);
            } else {
                current.put(base, entry);
            }
        }
        return current;
    }

    private static Map<String, Integer> revisions(List<LedgerEntry> entries) {
        Map<String, Integer> revisions = new HashMap<>();
        entries.forEach(entry -> revisions.merge(base(entry.id()), 1, Integer::sum));
        return revisions;
    }

    private static String base(String id) {
        int hash = id.indexOf('#');
        return hash < 0 ? id : id.substring(0, hash);
    }

    private static LedgerEntry reversal(LedgerEntry entry, Map<String, Integer> revisions, String cause) {
        String id = base(entry.id()) + "#" + revisions.merge(base(entry.id()), 1, Integer::sum);
        return new LedgerEntry(id, entry.ledger(), entry.account(), entry.activityId(), entry.ruleId(),
                entry.amount().negate(), entry.time(), entry.reductionEntryId(), entry.id(), "reversed because " + cause);
    }

    private static LedgerEntry revision(LedgerEntry entry, Map<String, Integer> revisions, String cause) {
        String id = base(entry.id()) + "#" + revisions.merge(base(entry.id()), 1, Integer::sum);
        return new LedgerEntry(id, entry.ledger(), entry.account(), entry.activityId(), entry.ruleId(), entry.amount(),
                entry.time(), entry.reductionEntryId(), null, "re-evaluated because " + cause);
    }

    //-----------------------------------------------------------------------
    /**
     * Gets an account's entries, both ledgers, in the order written.
     *
     * @param account  the account, not null
     * @return the entries, never null
     */
    public List<LedgerEntry> history(String account) {
        return store.entries(Objects.requireNonNull(account, "account"));
    }

    /**
     * Gets an account's balance on a ledger: the sum of its entries, reversals included.
     *
     * @param account  the account, not null
     * @param ledger  the ledger, not null
     * @return the balance, never null
     */
    public BigDecimal balance(String account, LedgerEntry.Ledger ledger) {
        return sum(account, ledger, entry -> true);
    }

    /**
     * Gets an account's balance on a ledger for the activities that happened up to an instant.
     *
     * @param account  the account, not null
     * @param ledger  the ledger, not null
     * @param at  the instant, inclusive, not null
     * @return the balance, never null
     */
    public BigDecimal balance(String account, LedgerEntry.Ledger ledger, Instant at) {
        Objects.requireNonNull(at, "at");
        return sum(account, ledger, entry -> !entry.time().isAfter(at));
    }

    /**
     * Sums an account's ledger by rule.
     *
     * @param account  the account, not null
     * @param ledger  the ledger, not null
     * @return the totals by rule id, sorted, never null
     */
    public SortedMap<String, BigDecimal> totalsByRule(String account, LedgerEntry.Ledger ledger) {
        return totals(account, ledger, LedgerEntry::ruleId);
    }

    /**
     * Sums an account's ledger by local period of the rule set's zone, keyed by the period's first day.
     *
     * @param account  the account, not null
     * @param ledger  the ledger, not null
     * @param period  the period, not null
     * @return the totals by period, sorted, never null
     */
    public SortedMap<LocalDate, BigDecimal> totalsByPeriod(String account, LedgerEntry.Ledger ledger,
            FootprintTotals.Period period) {
        Objects.requireNonNull(period, "period");
        return totals(account, ledger, entry -> period.startOf(entry.time().atZone(ruleSet.getZone()).toLocalDate()));
    }

    private BigDecimal sum(String account, LedgerEntry.Ledger ledger, java.util.function.Predicate<LedgerEntry> filter) {
        Objects.requireNonNull(ledger, "ledger");
        BigDecimal total = BigDecimal.ZERO;
        for (LedgerEntry entry : history(account)) {
            if (entry.ledger() == ledger && filter.test(entry)) {
                total = total.add(entry.amount());
            }
        }
        return CarbonMath.normalize(total);
    }

    private <K extends Comparable<? super K>> SortedMap<K, BigDecimal> totals(String account, LedgerEntry.Ledger ledger,
            Function<LedgerEntry, K> key) {
        Objects.requireNonNull(ledger, "ledger");
        SortedMap<K, BigDecimal> totals = new TreeMap<>();
        for (LedgerEntry entry : history(account)) {
            if (entry.ledger() == ledger) {
                totals.merge(key.apply(entry), entry.amount(), BigDecimal::add);
            }
        }
        totals.replaceAll((k, v) -> CarbonMath.normalize(v));
        return Collections.unmodifiableSortedMap(totals);
    }
}
