package dev.carbonkit.credit;

import dev.carbonkit.CarbonMath;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.FootprintTotals;
import dev.carbonkit.factor.Region;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * Points under a rule with an {@link Issuance} count from their schedule: once collectible, or, when they must
 * be claimed, from the {@link #claim(String, Instant) claim} made inside their window; unclaimed points are
 * lost when the window closes. The reduction ledger is never delayed.
 * <p>
 * Allowance-budget periods close, and earn, once the account's own timeline has passed their end: when it has an
 * activity at or after that instant, or when {@link #closePeriods} says the time has come. Closing is kept in the
 * store as an activity of type {@value #CLOSE_TYPE}, so it survives a restart and replays the same way; such
 * activities earn nothing.
 * <p>
 * This class is thread-safe: updates of one account are serialised, updates of different accounts run
 * concurrently, and concurrent awards lose nothing and double nothing.
 */
public final class CarbonAccounts {

    /** The type of the activities that record up to when an account's budget periods are closed. */
    public static final String CLOSE_TYPE = "carbonkit.close_periods";

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
        if (activity.getType().equals(CLOSE_TYPE)) {
            throw new IllegalArgumentException("Activity '" + activity.getId() + "' has the reserved type " + CLOSE_TYPE
                    + "; use closePeriods to close budget periods");
        }
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

    /**
     * Closes an account's allowance-budget periods that end at or before an instant, and writes their awards.
     * Closing again at the same or an earlier instant changes nothing.
     *
     * @param account  the account, not null
     * @param at  the instant, not null
     * @return the entries written, never null
     */
    public List<LedgerEntry> closePeriods(String account, Instant at) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
        synchronized (lock(account)) {
            List<Activity> activities = new ArrayList<>(store.activities(account));
            Instant closed = closedUpTo(activities);
            if (closed != null && !at.isAfter(closed)) {
                return List.of();
            }
            activities.add(Activity.builder("close:" + at).account(account).type(CLOSE_TYPE)
                    .quantity(Quantity.of(BigDecimal.ZERO, Unit.COUNT)).time(at, ZoneOffset.UTC).region(Region.GLOBAL)
                    .build());
            int before = store.entries(account).size();
            update(account, activities, "budget periods were closed up to " + at);
            List<LedgerEntry> entries = store.entries(account);
            return List.copyOf(entries.subList(before, entries.size()));
        }
    }

    /** The latest instant up to which the account's periods were closed explicitly, or null. */
    private static Instant closedUpTo(List<Activity> activities) {
        Instant closed = null;
        for (Activity activity : activities) {
            if (activity.getType().equals(CLOSE_TYPE) && (closed == null || activity.getTime().isAfter(closed))) {
                closed = activity.getTime();
            }
        }
        return closed;
    }

    private Object lock(String account) {
        return locks.computeIfAbsent(account, k -> new Object());
    }

    /** Re-evaluates an account's activities and appends the entries that make the ledger match. */
    private Map<String, List<Award>> update(String account, List<Activity> activities, String cause) {
        CreditResult result = CreditEngine.evaluate(ruleSet, withoutCloses(activities), closedUpTo(activities));
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
                // an id written before (and since reversed) gets a new revision, so that ids stay unique
                appended.add(revisions.containsKey(want.getKey()) ? revision(want.getValue(), revisions, cause)
                        : want.getValue());
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
            if (entry.kind() == LedgerEntry.Kind.CLAIM) {
                continue;
            }
            if (entry.isReversal()) {
                current.remove(base);
            } else {
                current.put(base, entry);
            }
        }
        return current;
    }

    /**
     * Claims every points entry of an account that can be claimed at an instant: collectible, inside its window,
     * and not claimed before. Entries that need no claim are left alone.
     *
     * @param account  the account, not null
     * @param at  the instant of the claim, not null
     * @return the claim entries written, in ledger order, never null
     */
    public List<LedgerEntry> claim(String account, Instant at) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
        synchronized (lock(account)) {
            List<LedgerEntry> claims = new ArrayList<>();
            for (LedgerEntry entry : claimable(account, at)) {
                claims.add(claimOf(entry, at));
            }
            store.save(account, store.activities(account), claims);
            return List.copyOf(claims);
        }
    }

    /**
     * Claims one points entry of an account.
     *
     * @param account  the account, not null
     * @param entryId  the entry's id, as first written or as revised, not null
     * @param at  the instant of the claim, not null
     * @return the claim entry written, never null
     * @throws ClaimException if the entry is unknown or reversed, needs no claim, is not collectible yet, has
     *  expired, or was claimed before; nothing is written then
     */
    public LedgerEntry claim(String account, String entryId, Instant at) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(at, "at");
        synchronized (lock(account)) {
            List<LedgerEntry> entries = store.entries(account);
            LedgerEntry entry = effective(entries).get(base(entryId));
            if (entry == null || entry.ledger() != LedgerEntry.Ledger.POINTS) {
                throw new ClaimException(account, entryId, at, ClaimException.Reason.UNKNOWN_ENTRY,
                        "the account has no current points entry with this id");
            }
            LedgerEntry.Schedule schedule = entry.schedule();
            if (schedule == null || !schedule.needsClaim()) {
                throw new ClaimException(account, entryId, at, ClaimException.Reason.NO_CLAIM_NEEDED,
                        "the points count " + (schedule == null ? "from " + entry.time() : "from " + schedule.collectibleAt())
                                + " without a claim");
            }
            LedgerEntry previous = claims(entries).get(base(entryId));
            if (previous != null) {
                throw new ClaimException(account, entryId, at, ClaimException.Reason.ALREADY_CLAIMED,
                        "claimed at " + previous.time());
            }
            if (at.isBefore(schedule.collectibleAt())) {
                throw new ClaimException(account, entryId, at, ClaimException.Reason.NOT_YET_COLLECTIBLE,
                        "collectible from " + schedule.collectibleAt());
            }
            if (!at.isBefore(schedule.expiresAt())) {
                throw new ClaimException(account, entryId, at, ClaimException.Reason.EXPIRED,
                        "lost at " + schedule.expiresAt());
            }
            LedgerEntry claim = claimOf(entry, at);
            store.save(account, store.activities(account), List.of(claim));
            return claim;
        }
    }

    /**
     * Gets an account's points entries that can be claimed at an instant: collectible, inside their window, and
     * not claimed yet.
     *
     * @param account  the account, not null
     * @param at  the instant, not null
     * @return the entries, in ledger order, never null
     */
    public List<LedgerEntry> claimable(String account, Instant at) {
        Objects.requireNonNull(at, "at");
        List<LedgerEntry> entries = history(account);
        Map<String, LedgerEntry> claims = claims(entries);
        List<LedgerEntry> claimable = new ArrayList<>();
        for (LedgerEntry entry : effective(entries).values()) {
            if (entry.schedule() != null && entry.schedule().isClaimableAt(at) && !claims.containsKey(base(entry.id()))) {
                claimable.add(entry);
            }
        }
        return List.copyOf(claimable);
    }

    /**
     * Gets the points an account has lost by an instant: entries that needed a claim, were not claimed, and whose
     * window closed at or before the instant.
     *
     * @param account  the account, not null
     * @param at  the instant, not null
     * @return the points lost, never null
     */
    public BigDecimal expired(String account, Instant at) {
        Objects.requireNonNull(at, "at");
        List<LedgerEntry> entries = history(account);
        Map<String, LedgerEntry> claims = claims(entries);
        BigDecimal lost = BigDecimal.ZERO;
        for (LedgerEntry entry : effective(entries).values()) {
            LedgerEntry.Schedule schedule = entry.schedule();
            if (schedule != null && schedule.needsClaim() && !at.isBefore(schedule.expiresAt())
                    && !claims.containsKey(base(entry.id()))) {
                lost = lost.add(entry.amount());
            }
        }
        return CarbonMath.normalize(lost);
    }

    private static LedgerEntry claimOf(LedgerEntry entry, Instant at) {
        String base = base(entry.id());
        return new LedgerEntry(base + ":claim", LedgerEntry.Kind.CLAIM, entry.ledger(), entry.account(),
                entry.activityId(), entry.ruleId(), entry.amount(), at, entry.reductionEntryId(), base,
                "claimed inside the window " + entry.schedule().collectibleAt() + " to " + entry.schedule().expiresAt(),
                null);
    }

    /** The claim entries, by the base id of the entry each claims. */
    private static Map<String, LedgerEntry> claims(List<LedgerEntry> entries) {
        Map<String, LedgerEntry> claims = new HashMap<>();
        for (LedgerEntry entry : entries) {
            if (entry.kind() == LedgerEntry.Kind.CLAIM) {
                claims.put(entry.refersTo(), entry);
            }
        }
        return claims;
    }

    private static Map<String, Integer> revisions(List<LedgerEntry> entries) {
        Map<String, Integer> revisions = new HashMap<>();
        entries.stream().filter(entry -> entry.kind() != LedgerEntry.Kind.CLAIM)
                .forEach(entry -> revisions.merge(base(entry.id()), 1, Integer::sum));
        return revisions;
    }

    private static String base(String id) {
        int hash = id.indexOf('#');
        return hash < 0 ? id : id.substring(0, hash);
    }

    private static LedgerEntry reversal(LedgerEntry entry, Map<String, Integer> revisions, String cause) {
        String id = base(entry.id()) + "#" + revisions.merge(base(entry.id()), 1, Integer::sum);
        return new LedgerEntry(id, LedgerEntry.Kind.REVERSAL, entry.ledger(), entry.account(), entry.activityId(),
                entry.ruleId(), entry.amount().negate(), entry.time(), entry.reductionEntryId(), entry.id(),
                "reversed because " + cause, entry.schedule());
    }

    private static LedgerEntry revision(LedgerEntry entry, Map<String, Integer> revisions, String cause) {
        String id = base(entry.id()) + "#" + revisions.merge(base(entry.id()), 1, Integer::sum);
        return new LedgerEntry(id, LedgerEntry.Kind.EARNED, entry.ledger(), entry.account(), entry.activityId(),
                entry.ruleId(), entry.amount(), entry.time(), entry.reductionEntryId(), null,
                "re-evaluated because " + cause, entry.schedule());
    }

    //-----------------------------------------------------------------------
    /**
     * Gets the activities awarded to an account and not reversed, in the order they were added (the records of
     * {@link #closePeriods} left out).
     *
     * @param account  the account, not null
     * @return the activities, never null
     */
    public List<Activity> activities(String account) {
        return withoutCloses(store.activities(Objects.requireNonNull(account, "account")));
    }

    /**
     * Gets the instant up to which the account's budget periods were closed by {@link #closePeriods}.
     *
     * @param account  the account, not null
     * @return the instant, empty if they never were, never null
     */
    public Optional<Instant> closedUpTo(String account) {
        return Optional.ofNullable(closedUpTo(store.activities(Objects.requireNonNull(account, "account"))));
    }

    /**
     * Evaluates an account's activities as its ledger stands: the awards behind its current entries, each with its
     * explanation, for receipts ({@code Receipt.of(accounts, account)}) or display.
     *
     * @param account  the account, not null
     * @return the evaluation, never null
     */
    public CreditResult evaluate(String account) {
        List<Activity> activities = store.activities(Objects.requireNonNull(account, "account"));
        return CreditEngine.evaluate(ruleSet, withoutCloses(activities), closedUpTo(activities));
    }

    private static List<Activity> withoutCloses(List<Activity> activities) {
        return activities.stream().filter(activity -> !activity.getType().equals(CLOSE_TYPE)).toList();
    }

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
     * Gets an account's balance on a ledger: the sum of its earned entries and reversals, including points not yet
     * issued or claimed (claim entries are not added again). {@link #balance(String, LedgerEntry.Ledger, Instant)}
     * tells what counts at an instant.
     *
     * @param account  the account, not null
     * @param ledger  the ledger, not null
     * @return the balance, never null
     */
    public BigDecimal balance(String account, LedgerEntry.Ledger ledger) {
        return sum(account, ledger, entry -> true);
    }

    /**
     * Gets an account's balance on a ledger at an instant: reductions of the activities that happened up to it;
     * points of those activities, except that points under a rule with an {@link Issuance} count from when they
     * are collectible or, when they must be claimed, from their claim, and never if they were lost unclaimed.
     *
     * @param account  the account, not null
     * @param ledger  the ledger, not null
     * @param at  the instant, inclusive, not null
     * @return the balance, never null
     */
    public BigDecimal balance(String account, LedgerEntry.Ledger ledger, Instant at) {
        Objects.requireNonNull(at, "at");
        Map<String, LedgerEntry> claims = claims(history(account));
        return sum(account, ledger, entry -> {
            LedgerEntry.Schedule schedule = entry.schedule();
            if (schedule == null) {
                return !entry.time().isAfter(at);
            }
            if (!schedule.needsClaim()) {
                return !schedule.collectibleAt().isAfter(at);
            }
            LedgerEntry claim = claims.get(base(entry.id()));
            return claim != null && !claim.time().isAfter(at);
        });
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
            if (entry.ledger() == ledger && entry.kind() != LedgerEntry.Kind.CLAIM && filter.test(entry)) {
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
            if (entry.ledger() == ledger && entry.kind() != LedgerEntry.Kind.CLAIM) {
                totals.merge(key.apply(entry), entry.amount(), BigDecimal::add);
            }
        }
        totals.replaceAll((k, v) -> CarbonMath.normalize(v));
        return Collections.unmodifiableSortedMap(totals);
    }
}
