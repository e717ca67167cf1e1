package dev.carbonkit.credit;

import dev.carbonkit.CarbonMath;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.FootprintTotals;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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
 * returns its awards as the account now stands. An activity that arrives late (earlier in time than activities
 * already awarded) is placed where it belongs, and every entry that changes as a result (a cap now reached earlier,
 * a duplicate now second) is corrected explicitly, by a reversal entry and a new entry whose reason names the
 * activity that caused the change. Entries are never edited or removed, so the ledger is its own audit trail.
 * {@link #reverse} cancels an activity's awards (a fraud finding, a refund) in the same way. The ledger is always
 * what {@link CreditEngine#evaluate} makes of the account's activities, entry for entry.
 * <p>
 * An update costs what it can change, not the account's length: an activity later than every other is evaluated
 * against the account's state as it stands; a late one, or a reversal, is evaluated where it belongs against the
 * state as it stood there, and the activities after it only until they leave the state they left before (the end
 * of a cap's day, of a rolling window). An account is read from its {@link LedgerStore} when first used, and kept.
 * <p>
 * Points under a rule with an {@link Issuance} count from their schedule: once collectible, or, when they must
 * be claimed, from the {@link #claim(String, Instant) claim} made inside their window; unclaimed points are
 * lost when the window closes. The reduction ledger is never delayed.
 * <p>
 * Allowance-budget periods close, and earn, once the account's own timeline has passed their end: when it has an
 * activity at or after that instant, or when {@link #closePeriods} says the time has come. Closing is kept in the
 * store as an {@link AccountEvent.Kind#CLOSED} event, so it survives a restart and replays the same way.
 * <p>
 * This class is thread-safe: updates of one account are serialised, updates of different accounts run
 * concurrently, and concurrent awards lose nothing and double nothing. Several instances, in one process or many,
 * may share a store that serialises updates across processes (such as {@code JdbcLedgerStore}): each update first
 * reads what the others wrote.
 */
public final class CarbonAccounts {

    private final RuleSet ruleSet;
    private final LedgerStore store;
    private final Map<String, Holder> holders = new ConcurrentHashMap<>();
    /** How many accounts' books to keep in memory at most. */
    private final int accountsInMemory;
    /** The accounts last used, least recently used first; guarded by itself. */
    private final LinkedHashMap<String, Holder> recent = new LinkedHashMap<>(16, 0.75f, true);

    /** An account's book, as far as it has read the account's records; null until first used, or after a failure. */
    private static final class Holder {
        final String account;
        AccountBook book;
        long sequence;
        /** Whether the book was changed by an update that may not have been written. */
        boolean changing;

        Holder(String account) {
            this.account = account;
        }
    }

    /**
     * Creates accounts under a rule set, kept in a store.
     *
     * @param ruleSet  the rule set, not null
     * @param store  where the accounts' events and entries are kept, not null
     */
    public CarbonAccounts(RuleSet ruleSet, LedgerStore store) {
        this(ruleSet, store, Integer.MAX_VALUE);
    }

    /**
     * Creates accounts under a rule set, kept in a store, keeping at most some accounts in memory: the ones used least
     * recently are let go, and read again from the store (their records replayed) when next used. An account in
     * memory takes about 1 KB per activity (docs/performance.md).
     *
     * @param ruleSet  the rule set, not null
     * @param store  where the accounts' events and entries are kept, not null
     * @param accountsInMemory  how many accounts to keep in memory at most, positive
     * @throws IllegalArgumentException if {@code accountsInMemory} is not positive
     */
    public CarbonAccounts(RuleSet ruleSet, LedgerStore store, int accountsInMemory) {
        this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
        this.store = Objects.requireNonNull(store, "store");
        if (accountsInMemory < 1) {
            throw new IllegalArgumentException("Accounts in memory must be positive: " + accountsInMemory);
        }
        this.accountsInMemory = accountsInMemory;
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
     * Gets the store.
     *
     * @return the store, never null
     */
    public LedgerStore getStore() {
        return store;
    }

    /**
     * Awards an activity to its account.
     *
     * @param activity  the activity, not null
     * @return the activity's awards (one per rule about it, or one NO_RULE award); for an activity the account has
     *  already, its awards as the account now stands; for one that was reversed, none, and nothing is written
     * @throws LedgerStoreException if the store cannot be read or written; nothing is written then
     */
    public List<Award> award(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        return awardAll(List.of(activity)).get(0);
    }

    /**
     * Awards activities to their accounts: each account's activities in one update of the store, in the order given.
     * The result is what {@link #award} would give for each, in the order given.
     *
     * @param activities  the activities, of any accounts, not null
     * @return the awards of each activity, in the order given, never null
     * @throws LedgerStoreException if the store cannot be read or written; the update of the account named is not
     *  written, and the updates of the accounts before it in the batch are
     */
    public List<List<Award>> awardAll(Collection<Activity> activities) {
        Objects.requireNonNull(activities, "activities");
        Map<String, List<Integer>> byAccount = new LinkedHashMap<>();
        List<Activity> list = new ArrayList<>(activities);
        for (int i = 0; i < list.size(); i++) {
            Activity activity = CreditEngine.requireAccount(Objects.requireNonNull(list.get(i), "activity"));
            byAccount.computeIfAbsent(activity.getAccount(), k -> new ArrayList<>()).add(i);
        }
        List<List<Award>> results = new ArrayList<>(Collections.nCopies(list.size(), List.of()));
        for (Map.Entry<String, List<Integer>> group : byAccount.entrySet()) {
            String account = group.getKey();
            List<Integer> indexes = group.getValue();
            String first = list.get(indexes.get(0)).getId();
            update(account, first, (holder, transaction) -> {
                for (int index : indexes) {
                    results.set(index, awardOne(holder, transaction, list.get(index)));
                }
                return null;
            });
        }
        return results;
    }

    private List<Award> awardOne(Holder holder, LedgerStore.Transaction transaction, Activity activity) {
        AccountBook book = holder.book;
        if (book.hasActivity(activity.getId())) {
            return book.awardsOf(activity.getId());
        }
        if (book.reversedReason(activity.getId()) != null) {
            return List.of();
        }
        holder.changing = true;
        AccountBook.Change change = book.award(activity);
        holder.sequence = transaction.append(ruleSet, List.of(AccountEvent.awarded(activity)), change.appended());
        book.applyAll(change.appended());
        return change.awards();
    }

    /**
     * Reverses an activity the account was awarded: {@link #reverse(String, String, String)} with the activity's own
     * account and id, which cannot be given the wrong way round.
     *
     * @param activity  the activity, as it was awarded, not null
     * @param reason  why, such as "refund R-7", not null
     * @return the entries written, never null
     * @throws IllegalArgumentException if the account has no such activity, or it is already reversed
     * @throws LedgerStoreException if the store cannot be read or written; nothing is written then
     */
    public List<LedgerEntry> reverse(Activity activity, String reason) {
        Objects.requireNonNull(activity, "activity");
        return reverse(CreditEngine.requireAccount(activity).getAccount(), activity.getId(), reason);
    }

    /**
     * Cancels an activity's awards, with a reason, and corrects any other award this changes.
     *
     * @param account  the account, not null
     * @param activityId  the activity to cancel, not null
     * @param reason  why, such as "fraud finding 2024-118", not null
     * @return the entries written, never null
     * @throws IllegalArgumentException if the account has no such activity, or it is already reversed
     * @throws LedgerStoreException if the store cannot be read or written; nothing is written then
     */
    public List<LedgerEntry> reverse(String account, String activityId, String reason) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(reason, "reason");
        return update(account, activityId, (holder, transaction) -> {
            AccountBook book = holder.book;
            if (!book.hasActivity(activityId)) {
                String gone = book.reversedReason(activityId);
                throw new IllegalArgumentException("Account '" + account + "' has no activity '" + activityId + "'"
                        + (gone != null ? "; it was already reversed: " + gone
                                : book.activities().isEmpty() ? "; it has no activities at all: are the account and"
                                        + " the activity id the wrong way round?" : ""));
            }
            holder.changing = true;
            AccountBook.Change change = book.reverse(activityId, reason);
            holder.sequence = transaction.append(ruleSet, List.of(AccountEvent.reversed(activityId, reason)),
                    change.appended());
            book.applyAll(change.appended());
            return List.copyOf(change.appended());
        });
    }

    /**
     * Closes an account's allowance-budget periods that end at or before an instant, and writes their awards.
     * Closing again at the same or an earlier instant changes nothing.
     *
     * @param account  the account, not null
     * @param at  the instant, not null
     * @return the entries written, never null
     * @throws LedgerStoreException if the store cannot be read or written; nothing is written then
     */
    public List<LedgerEntry> closePeriods(String account, Instant at) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
        return update(account, null, (holder, transaction) -> {
            AccountBook book = holder.book;
            Instant closed = book.closedUpTo();
            if (closed != null && !at.isAfter(closed)) {
                return List.<LedgerEntry>of();
            }
            holder.changing = true;
            AccountBook.Change change = book.close(at);
            holder.sequence = transaction.append(ruleSet, List.of(AccountEvent.closed(at)), change.appended());
            book.applyAll(change.appended());
            return List.copyOf(change.appended());
        });
    }

    /** One update of an account, given its book brought up to date inside the store's transaction. */
    private interface AccountUpdate<T> {
        T apply(Holder holder, LedgerStore.Transaction transaction);
    }

    /**
     * Runs an update of an account: in the account's lock here, inside the store's transaction, after reading what
     * other writers appended. If it fails after changing the book, the book is dropped and read again from the store
     * when next used, so that nothing unwritten stays in memory.
     */
    private <T> T update(String account, String activityId, AccountUpdate<T> work) {
        Holder holder = holders.computeIfAbsent(account, Holder::new);
        try {
            return updateHeld(holder, account, activityId, work);
        } finally {
            used(holder);
        }
    }

    private <T> T updateHeld(Holder holder, String account, String activityId, AccountUpdate<T> work) {
        synchronized (holder) {
            try {
                return store.update(account, transaction -> {
                    refresh(holder, transaction.read(holder.book == null ? 0 : holder.sequence));
                    return work.apply(holder, transaction);
                });
            } catch (LedgerStoreException e) {
                drop(holder);
                throw e.about(account, activityId);
            } catch (RuntimeException | Error e) {
                if (holder.changing) {
                    drop(holder);
                }
                throw e;
            } finally {
                holder.changing = false;
            }
        }
    }

    private static void drop(Holder holder) {
        holder.book = null;
        holder.sequence = 0;
    }

    /** Brings a holder's book up to date with records read after its sequence number, or loads it from them. */
    private void refresh(Holder holder, List<LedgerRecord> records) {
        if (holder.book == null) {
            AccountBook book = new AccountBook(ruleSet, holder.account);
            book.load(records);
            holder.book = book;
        } else if (!records.isEmpty()) {
            holder.changing = true;
            holder.book.catchUp(records);
        }
        if (!records.isEmpty()) {
            holder.sequence = records.get(records.size() - 1).getSequence();
        }
    }

    /**
     * Tells whether an account's ledger, as last read, is what this rule set makes of its activities, so that its
     * next update is incremental; for tests.
     */
    boolean isIncremental(String account) {
        return read(account, AccountBook::isVerified);
    }

    /** How many accounts' books are in memory now; for tests. */
    int booksInMemory() {
        int count = 0;
        for (Holder holder : holders.values()) {
            synchronized (holder) {
                count += holder.book == null ? 0 : 1;
            }
        }
        return count;
    }

    /** Runs a read of an account's book, brought up to date with the store first. */
    private <T> T read(String account, java.util.function.Function<AccountBook, T> query) {
        Objects.requireNonNull(account, "account");
        Holder holder = holders.computeIfAbsent(account, Holder::new);
        try {
            return readHeld(holder, account, query);
        } finally {
            used(holder);
        }
    }

    /**
     * Notes that an account was used, and lets go of the accounts used least recently beyond the bound: each under
     * its own lock, taken while no other is held. An account let go while another thread still holds it is read
     * again by that thread's next use; the store serialises their updates as it does those of two processes.
     */
    private void used(Holder holder) {
        if (accountsInMemory == Integer.MAX_VALUE) {
            return;
        }
        List<Holder> evicted = new ArrayList<>();
        synchronized (recent) {
            recent.put(holder.account, holder);
            for (java.util.Iterator<Holder> it = recent.values().iterator(); recent.size() > accountsInMemory;) {
                Holder eldest = it.next();
                it.remove();
                evicted.add(eldest);
            }
        }
        for (Holder eldest : evicted) {
            holders.remove(eldest.account, eldest);
            synchronized (eldest) {
                drop(eldest);
            }
        }
    }

    private <T> T readHeld(Holder holder, String account, java.util.function.Function<AccountBook, T> query) {
        synchronized (holder) {
            try {
                refresh(holder, store.read(account, holder.book == null ? 0 : holder.sequence));
            } catch (LedgerStoreException e) {
                throw e.about(account, null);
            } catch (RuntimeException | Error e) {
                drop(holder);
                throw e;
            } finally {
                holder.changing = false;
            }
            return query.apply(holder.book);
        }
    }

    /**
     * Claims every points entry of an account that can be claimed at an instant: collectible, inside its window,
     * and not claimed before. Entries that need no claim are left alone.
     *
     * @param account  the account, not null
     * @param at  the instant of the claim, not null
     * @return the claim entries written, in ledger order, never null
     * @throws LedgerStoreException if the store cannot be read or written; nothing is written then
     */
    public List<LedgerEntry> claim(String account, Instant at) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
        return update(account, null, (holder, transaction) -> {
            List<LedgerEntry> claims = new ArrayList<>();
            for (LedgerEntry entry : claimable(holder.book, at)) {
                claims.add(claimOf(entry, at));
            }
            if (!claims.isEmpty()) {
                holder.changing = true;
                holder.sequence = transaction.append(ruleSet, List.of(), claims);
                holder.book.applyAll(claims);
            }
            return List.copyOf(claims);
        });
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
     * @throws LedgerStoreException if the store cannot be read or written; nothing is written then
     */
    public LedgerEntry claim(String account, String entryId, Instant at) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(at, "at");
        return update(account, null, (holder, transaction) -> {
            AccountBook book = holder.book;
            LedgerEntry entry = book.current(entryId);
            if (entry == null || entry.getLedger() != LedgerEntry.Ledger.POINTS) {
                throw new ClaimException(account, entryId, at, ClaimException.Reason.UNKNOWN_ENTRY,
                        "the account has no current points entry with this id");
            }
            LedgerEntry.Schedule schedule = entry.getSchedule();
            if (schedule == null || !schedule.needsClaim()) {
                throw new ClaimException(account, entryId, at, ClaimException.Reason.NO_CLAIM_NEEDED,
                        "the points count " + (schedule == null ? "from " + entry.getTime() : "from " + schedule.getCollectibleAt())
                                + " without a claim");
            }
            LedgerEntry previous = book.claimOf(entryId);
            if (previous != null) {
                throw new ClaimException(account, entryId, at, ClaimException.Reason.ALREADY_CLAIMED,
                        "claimed at " + previous.getTime());
            }
            if (at.isBefore(schedule.getCollectibleAt())) {
                throw new ClaimException(account, entryId, at, ClaimException.Reason.NOT_YET_COLLECTIBLE,
                        "collectible from " + schedule.getCollectibleAt());
            }
            if (!at.isBefore(schedule.getExpiresAt())) {
                throw new ClaimException(account, entryId, at, ClaimException.Reason.EXPIRED,
                        "lost at " + schedule.getExpiresAt());
            }
            LedgerEntry claim = claimOf(entry, at);
            holder.changing = true;
            holder.sequence = transaction.append(ruleSet, List.of(), List.of(claim));
            book.applyAll(List.of(claim));
            return claim;
        });
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
        return read(account, book -> claimable(book, at));
    }

    private static List<LedgerEntry> claimable(AccountBook book, Instant at) {
        List<LedgerEntry> claimable = new ArrayList<>();
        for (LedgerEntry entry : book.currentEntries()) {
            if (entry.getSchedule() != null && entry.getSchedule().isClaimableAt(at) && book.claimOf(entry.getId()) == null) {
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
        BigDecimal lost = BigDecimal.ZERO;
        for (LedgerEntry entry : expiredEntries(account, at)) {
            lost = lost.add(entry.getAmount());
        }
        return CarbonMath.normalize(lost);
    }

    /**
     * Gets the points entries an account has lost by an instant: entries that needed a claim, were not claimed, and
     * whose window closed at or before the instant; an expiry writes no entry, it follows from the schedule.
     *
     * @param account  the account, not null
     * @param at  the instant, not null
     * @return the entries lost, in the order their windows closed (then in ledger order), never null
     */
    public List<LedgerEntry> expiredEntries(String account, Instant at) {
        Objects.requireNonNull(at, "at");
        return read(account, book -> {
            List<LedgerEntry> lost = new ArrayList<>();
            for (LedgerEntry entry : book.currentEntries()) {
                LedgerEntry.Schedule schedule = entry.getSchedule();
                if (schedule != null && schedule.needsClaim() && !at.isBefore(schedule.getExpiresAt())
                        && book.claimOf(entry.getId()) == null) {
                    lost.add(entry);
                }
            }
            lost.sort(java.util.Comparator.comparing(entry -> entry.getSchedule().getExpiresAt()));
            return List.copyOf(lost);
        });
    }

    private static LedgerEntry claimOf(LedgerEntry entry, Instant at) {
        String base = AccountBook.base(entry.getId());
        return new LedgerEntry(base + ":claim", LedgerEntry.Kind.CLAIM, entry.getLedger(), entry.getAccount(),
                entry.getActivityId(), entry.getRuleId(), entry.getAmount(), at, entry.getReductionEntryId(), base,
                "claimed inside the window " + entry.getSchedule().getCollectibleAt() + " to " + entry.getSchedule().getExpiresAt(),
                null);
    }

    //-----------------------------------------------------------------------
    /**
     * Gets the activities awarded to an account and not reversed, in the order they were added.
     *
     * @param account  the account, not null
     * @return the activities, never null
     */
    public List<Activity> activities(String account) {
        return read(account, AccountBook::activities);
    }

    /**
     * Gets the instant up to which the account's budget periods were closed by {@link #closePeriods}.
     *
     * @param account  the account, not null
     * @return the instant, empty if they never were, never null
     */
    public Optional<Instant> closedUpTo(String account) {
        return Optional.ofNullable(read(account, AccountBook::closedUpTo));
    }

    /**
     * Evaluates an account's activities as its ledger stands: the awards behind its current entries, each with its
     * explanation, for receipts ({@code Receipt.of(accounts, account)}) or display. This evaluates the whole account.
     *
     * @param account  the account, not null
     * @return the evaluation, never null
     */
    public CreditResult evaluate(String account) {
        return read(account, book -> CreditEngine.evaluate(ruleSet, book.activities(), book.closedUpTo()));
    }

    /**
     * Gets an account's entries, both ledgers, in the order written.
     *
     * @param account  the account, not null
     * @return the entries, never null
     */
    public List<LedgerEntry> history(String account) {
        return read(account, AccountBook::entries);
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
        Objects.requireNonNull(ledger, "ledger");
        return CarbonMath.normalize(read(account, book -> book.balance(ledger)));
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
        Map<String, LedgerEntry> claims = new HashMap<>();
        for (LedgerEntry entry : history(account)) {
            if (entry.getKind() == LedgerEntry.Kind.CLAIM) {
                claims.put(entry.getRefersTo(), entry);
            }
        }
        return sum(account, ledger, entry -> {
            LedgerEntry.Schedule schedule = entry.getSchedule();
            if (schedule == null) {
                return !entry.getTime().isAfter(at);
            }
            if (!schedule.needsClaim()) {
                return !schedule.getCollectibleAt().isAfter(at);
            }
            LedgerEntry claim = claims.get(AccountBook.base(entry.getId()));
            return claim != null && !claim.getTime().isAfter(at);
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
        return totals(account, ledger, LedgerEntry::getRuleId);
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
        return totals(account, ledger, entry -> period.startOf(entry.getTime().atZone(ruleSet.getZone()).toLocalDate()));
    }

    private BigDecimal sum(String account, LedgerEntry.Ledger ledger, java.util.function.Predicate<LedgerEntry> filter) {
        Objects.requireNonNull(ledger, "ledger");
        BigDecimal total = BigDecimal.ZERO;
        for (LedgerEntry entry : history(account)) {
            if (entry.getLedger() == ledger && entry.getKind() != LedgerEntry.Kind.CLAIM && filter.test(entry)) {
                total = total.add(entry.getAmount());
            }
        }
        return CarbonMath.normalize(total);
    }

    private <K extends Comparable<? super K>> SortedMap<K, BigDecimal> totals(String account, LedgerEntry.Ledger ledger,
            Function<LedgerEntry, K> key) {
        Objects.requireNonNull(ledger, "ledger");
        SortedMap<K, BigDecimal> totals = new TreeMap<>();
        for (LedgerEntry entry : history(account)) {
            if (entry.getLedger() == ledger && entry.getKind() != LedgerEntry.Kind.CLAIM) {
                totals.merge(key.apply(entry), entry.getAmount(), BigDecimal::add);
            }
        }
        totals.replaceAll((k, v) -> CarbonMath.normalize(v));
        return Collections.unmodifiableSortedMap(totals);
    }
}
