package dev.carbonkit.credit;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.FootprintTotals;
import dev.carbonkit.credit.CreditState.BudgetKey;
import dev.carbonkit.credit.CreditState.Earned;
import dev.carbonkit.credit.CreditState.Key;
import dev.carbonkit.credit.CreditState.OpenBudget;
import dev.carbonkit.credit.CreditState.Used;
import dev.carbonkit.credit.StateHistory.Step;
import dev.carbonkit.internal.LocalDays;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One account under one rule set, kept so that an update costs what it can change and no more: the account's steps
 * (its activities, and the records that budget periods are closed) in time order, the history of every key of its
 * credit state, and the current entry of each ledger id.
 * <p>
 * An activity later in time than every step is evaluated against the state as it stands and appended: its cost does
 * not depend on the account's length. An activity that arrives late, or one reversed, is evaluated where it belongs
 * against the state as it stood there (read back from the histories), and the steps after it are evaluated again
 * only until the state they leave is the one they left before: from there on, nothing can differ. What differs
 * between the two runs (a cap's use, an open budget, a deduplication key) is tracked key by key; a key stops
 * counting once no later step can read it (its period is over, its window has passed). The entries that make the
 * ledger match are then worked out exactly as a full re-evaluation would write them: the same reversals and
 * revisions, with the same ids, in the same order.
 * <p>
 * Not thread-safe: {@link CarbonAccounts} uses a book from one thread at a time.
 */
final class AccountBook {

    /** What a change writes: the entries to append, and the awards of the activity it is about. */
    record Change(List<Award> awards, List<LedgerEntry> appended) {
    }

    /** What one step wrote: its awards, and the entries of both ledgers. */
    private record Outputs(List<Award> awards, List<LedgerEntry> reductions, List<LedgerEntry> points) {
    }

    /** The current entry of a ledger id, its place in the ledger's order, and how many entries it has had. */
    private static final class Current {
        LedgerEntry entry;
        long order;
        int revisions;
    }

    private final RuleSet ruleSet;
    private final String account;
    private final CreditEngine.Sweep sweep;
    private final Map<String, CreditRule> rulesById = new HashMap<>();
    private final List<CreditRule> budgetRules = new ArrayList<>();

    /** The steps, in {@link StateHistory#ORDER}. */
    private final ArrayList<Step> steps = new ArrayList<>();
    /** The activities not reversed, by id, in the order they were added. */
    private final LinkedHashMap<String, Step> activities = new LinkedHashMap<>();
    /** The activities reversed, by id, with the reason. */
    private final Map<String, String> reversed = new HashMap<>();
    private Instant closedUpTo;

    /** Every key's history, by kind. */
    private final List<Map<Object, StateHistory>> histories = new ArrayList<>(StateHistory.KINDS);
    /** The budget periods open after the last step. */
    private final TreeMap<BudgetKey, OpenBudget> tipOpen = new TreeMap<>(CreditState.BUDGET_ORDER);
    private final TipView tip;

    /** Every entry, in the order written, claims included. */
    private final EntryLog entries = new EntryLog();
    private final Map<String, Current> ledger = new HashMap<>();
    private long order;
    private final Map<String, LedgerEntry> claims = new HashMap<>();
    private final BigDecimal[] balances = {BigDecimal.ZERO, BigDecimal.ZERO};

    AccountBook(RuleSet ruleSet, String account) {
        this.ruleSet = ruleSet;
        this.account = account;
        this.sweep = new CreditEngine.Sweep(ruleSet, 0);
        for (CreditRule rule : ruleSet.getRules()) {
            rulesById.put(rule.getId(), rule);
            if (rule.getBudget().isPresent()) {
                budgetRules.add(rule);
            }
        }
        for (int kind = 0; kind < StateHistory.KINDS; kind++) {
            histories.add(kind == StateHistory.BUDGET ? new TreeMap<>(budgetKeyOrder()) : new HashMap<>());
        }
        this.tip = new TipView();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static java.util.Comparator<Object> budgetKeyOrder() {
        return (java.util.Comparator) CreditState.BUDGET_ORDER;
    }

    //-----------------------------------------------------------------------
    // the steps

    boolean hasActivity(String activityId) {
        return activities.containsKey(activityId);
    }

    String reversedReason(String activityId) {
        return reversed.get(activityId);
    }

    Instant closedUpTo() {
        return closedUpTo;
    }

    /** The activities not reversed, in the order they were added. */
    List<Activity> activities() {
        List<Activity> list = new ArrayList<>(activities.size());
        for (Step step : activities.values()) {
            list.add(step.activity);
        }
        return list;
    }

    int size() {
        return steps.size();
    }

    /**
     * Adds an activity, evaluated where it belongs in time, and works out the entries that make the ledger match.
     *
     * @param activity  the activity, whose id the account does not have
     * @return the activity's awards and the entries to append (not yet applied to the ledger)
     */
    Change award(Activity activity) {
        Step step = new Step(activity, activity.getTime(), activity.getId());
        activities.put(activity.getId(), step);
        return insert(step, "activity " + activity.getId() + " was awarded");
    }

    /**
     * Removes an activity and works out the entries that make the ledger match.
     *
     * @param activityId  an activity the account has
     * @param reason  why
     * @return no awards, and the entries to append
     */
    Change reverse(String activityId, String reason) {
        Step step = activities.remove(activityId);
        reversed.put(activityId, reason);
        String cause = "activity " + activityId + " was reversed: " + reason;
        if (!verified) {
            int at = indexOf(step);
            steps.remove(at);
            return rebuildAndDiff(null, cause);
        }
        return remove(indexOf(step), cause);
    }

    /**
     * Records that budget periods are closed up to an instant, later than any such record before.
     *
     * @param at  the instant
     * @return no awards, and the entries to append
     */
    Change close(Instant at) {
        closedUpTo = at;
        return insert(new Step(null, at, closeId(at)), "budget periods were closed up to " + at);
    }

    static String closeId(Instant at) {
        return "close:" + at;
    }

    /** The awards an activity of the account has as the account now stands, evaluated where it belongs. */
    List<Award> awardsOf(String activityId) {
        Step step = activities.get(activityId);
        int at = indexOf(step);
        Fork fork = new Fork(at);
        Outputs outputs = fork.run(step);
        return own(outputs.awards, activityId);
    }

    private int indexOf(Step step) {
        int low = 0;
        int high = steps.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = StateHistory.ORDER.compare(steps.get(mid), step);
            if (cmp < 0) {
                low = mid + 1;
            } else if (cmp > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        throw new IllegalStateException("carbon bug: step " + step + " is not in account " + account);
    }

    /** Where a new step goes: after every step that comes before it. */
    private int insertionPoint(Step step) {
        int size = steps.size();
        if (size == 0 || StateHistory.ORDER.compare(steps.get(size - 1), step) < 0) {
            return size;
        }
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (StateHistory.ORDER.compare(steps.get(mid), step) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private Change insert(Step step, String cause) {
        int at = insertionPoint(step);
        if (!verified) {
            steps.add(at, step);
            return rebuildAndDiff(step, cause);
        }
        if (at == steps.size()) {
            // later than every step: evaluated against the state as it stands; only its own entries can change
            Outputs outputs = runAtTip(step);
            steps.add(step);
            return new Change(own(outputs.awards, step.id), diff(Set.of(), outputs.reductions, outputs.points, cause));
        }
        return replay(at, step, null, cause);
    }

    private Change remove(int at, String cause) {
        return replay(at, null, steps.get(at), cause);
    }

    private static List<Award> own(List<Award> awards, String activityId) {
        List<Award> own = new ArrayList<>(awards.size());
        for (Award award : awards) {
            if (award.getActivityId().equals(activityId)) {
                own.add(award);
            }
        }
        return List.copyOf(own);
    }

    //-----------------------------------------------------------------------
    // evaluation at the tip, and from scratch

    private Outputs runAtTip(Step step) {
        tip.step = step;
        try {
            return run(step, tip);
        } finally {
            tip.step = null;
        }
    }

    private Outputs run(Step step, CreditState state) {
        List<Award> awards = new ArrayList<>(2);
        List<LedgerEntry> reductions = new ArrayList<>(2);
        List<LedgerEntry> points = new ArrayList<>(2);
        sweep.awards = awards;
        sweep.reductions = reductions;
        sweep.points = points;
        if (step.activity != null) {
            sweep.step(step.activity, state);
        } else {
            sweep.closeBudgets(state, step.time);
        }
        return new Outputs(awards, reductions, points);
    }

    /**
     * Evaluates every step again from an empty state, as the batch engine would, and returns what they wrote in
     * order: reductions then points, each in evaluation order.
     */
    private List<List<LedgerEntry>> rebuild() {
        for (Map<Object, StateHistory> map : histories) {
            map.clear();
        }
        tipOpen.clear();
        List<LedgerEntry> reductions = new ArrayList<>();
        List<LedgerEntry> points = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            step.clearWrites();
            Outputs outputs = runAtTip(step);
            reductions.addAll(outputs.reductions);
            points.addAll(outputs.points);
        }
        return List.of(reductions, points);
    }

    /** Whether the ledger is known to hold what this rule set makes of the account's steps. */
    private boolean verified = true;

    boolean isVerified() {
        return verified;
    }

    /**
     * Loads the account from its records: the steps from the activity events, the ledger from the entries. Then
     * evaluates the steps and checks that the ledger holds what they earn under this rule set; if it does not (the
     * entries were written under another rule set, or by hand), the first update re-evaluates the whole account and
     * corrects every entry that differs, as an update always did before updates became incremental.
     */
    void load(List<LedgerRecord> records) {
        boolean foreign = false;
        for (LedgerRecord record : records) {
            if (record.getEvent() != null) {
                loadEvent(record.getEvent());
            } else {
                apply(record.getEntry());
                foreign |= isForeign(record);
            }
        }
        steps.sort(StateHistory.ORDER);
        List<List<LedgerEntry>> wanted = rebuild();
        verified = !foreign && matches(wanted);
    }

    private void loadEvent(AccountEvent event) {
        switch (event.getKind()) {
            case AWARDED -> {
                Activity activity = event.getActivity();
                Step step = new Step(activity, activity.getTime(), activity.getId());
                activities.put(activity.getId(), step);
                steps.add(step);
            }
            case REVERSED -> {
                Step step = activities.remove(event.getActivityId());
                if (step != null) {
                    steps.remove(step);
                }
                reversed.put(event.getActivityId(), event.getReason());
            }
            case CLOSED -> {
                Instant at = event.getTime();
                steps.add(new Step(null, at, closeId(at)));
                if (closedUpTo == null || at.isAfter(closedUpTo)) {
                    closedUpTo = at;
                }
            }
            default -> throw new IllegalStateException("carbon bug: event " + event.getKind());
        }
    }

    /**
     * Applies what another process wrote to the account since this book last saw it: its activity events are
     * evaluated here too, and the entries it wrote are applied as written. If they are not the entries this book
     * works out, the ledger no longer holds what this rule set makes of the steps, and the next update re-evaluates
     * the whole account.
     */
    void catchUp(List<LedgerRecord> records) {
        int i = 0;
        while (i < records.size()) {
            // one update: its event, if any (claims have none), and the entries after it
            AccountEvent event = records.get(i).getEvent();
            if (event != null) {
                i++;
            }
            List<LedgerEntry> written = new ArrayList<>();
            boolean foreign = false;
            while (i < records.size() && records.get(i).getEvent() == null) {
                LedgerRecord entry = records.get(i++);
                written.add(entry.getEntry());
                foreign |= isForeign(entry);
            }
            List<LedgerEntry> expected = event == null ? written : switch (event.getKind()) {
                case AWARDED -> activities.containsKey(event.getActivityId()) ? null
                        : award(event.getActivity()).appended();
                case REVERSED -> activities.containsKey(event.getActivityId())
                        ? reverse(event.getActivityId(), event.getReason()).appended() : null;
                case CLOSED -> closedUpTo != null && !event.getTime().isAfter(closedUpTo) ? null
                        : close(event.getTime()).appended();
            };
            applyAll(written);
            verified &= !foreign && expected != null && expected.equals(written);
        }
    }

    /** Whether an entry was written under another rule set than this book's (claims belong to none). */
    private boolean isForeign(LedgerRecord record) {
        return record.getEntry().getKind() != LedgerEntry.Kind.CLAIM && !ruleSet.getDigest().equals(record.getRuleSetDigest());
    }

    private boolean matches(List<List<LedgerEntry>> wanted) {
        int count = 0;
        for (List<LedgerEntry> list : wanted) {
            for (LedgerEntry want : list) {
                Current current = ledger.get(want.getId());
                if (current == null || current.entry == null || current.entry.getAmount().compareTo(want.getAmount()) != 0) {
                    return false;
                }
                count++;
            }
        }
        int effective = 0;
        for (Current current : ledger.values()) {
            if (current.entry != null) {
                effective++;
            }
        }
        return effective == count;
    }

    /** Makes a change by re-evaluating every step, and diffs every ledger id: what an update did before #15. */
    private Change rebuildAndDiff(Step changed, String cause) {
        List<List<LedgerEntry>> wanted = rebuild();
        Set<String> affected = new LinkedHashSet<>(ledger.keySet());
        List<LedgerEntry> appended = diff(affected, wanted.get(0), wanted.get(1), cause);
        verified = true;
        List<Award> awards = changed == null || changed.activity == null ? List.of() : awardsOf(changed.id);
        return new Change(awards, appended);
    }

    //-----------------------------------------------------------------------
    // evaluation from a point in the history

    /**
     * Evaluates the history again from step {@code at}: with a new step inserted there, or without the step there.
     * Stops as soon as the state after a step equals, key by key, the state the same step left before the change.
     */
    private Change replay(int at, Step inserted, Step removed, String cause) {
        Fork fork = new Fork(at);
        Set<StateHistory> dirty = new LinkedHashSet<>();
        Set<String> affected = new LinkedHashSet<>();
        List<Step> replayed = new ArrayList<>();
        List<LedgerEntry> reductions = new ArrayList<>();
        List<LedgerEntry> points = new ArrayList<>();
        List<Award> awards = List.of();
        Instant last;
        int next;
        if (inserted != null) {
            Outputs outputs = fork.run(inserted);
            replayed.add(inserted);
            reductions.addAll(outputs.reductions);
            points.addAll(outputs.points);
            awards = own(outputs.awards, inserted.id);
            dirty.addAll(fork.written.get(inserted));
            last = inserted.time;
            next = at;
        } else {
            oldBases(removed, affected);
            for (int i = 0; i < removed.writeCount; i++) {
                dirty.add(fork.target(removed.writes[i].kind, removed.writes[i].key));
            }
            last = removed.time;
            next = at + 1;
        }
        while (true) {
            prune(dirty, fork, next, last);
            if (dirty.isEmpty() || next == steps.size()) {
                break;
            }
            Step step = steps.get(next);
            oldBases(step, affected);
            for (int i = 0; i < step.writeCount; i++) {
                dirty.add(fork.target(step.writes[i].kind, step.writes[i].key));
            }
            Outputs outputs = fork.run(step);
            replayed.add(step);
            reductions.addAll(outputs.reductions);
            points.addAll(outputs.points);
            dirty.addAll(fork.written.get(step));
            last = step.time;
            next++;
        }
        boolean toTheEnd = next == steps.size();
        Step first = inserted != null ? inserted : removed;
        Step end = next > at ? steps.get(next - 1) : inserted;
        commit(fork, first, end, replayed);
        if (inserted != null) {
            steps.add(at, inserted);
        } else {
            steps.remove(at);
        }
        if (toTheEnd) {
            tipOpen.clear();
            tipOpen.putAll(fork.open);
        }
        return new Change(awards, diff(affected, reductions, points, cause));
    }

    /** The ledger ids a step's evaluation may have written: its activity's under each rule, its budget periods'. */
    private void oldBases(Step step, Set<String> bases) {
        if (step.activity != null) {
            for (CreditRule rule : sweep.rulesOfType(step.activity.getType())) {
                bases.add(entryId(step.id, rule.getId(), "reduction"));
                bases.add(entryId(step.id, rule.getId(), "points"));
            }
        }
        for (int i = 0; i < step.writeCount; i++) {
            StateHistory history = step.writes[i];
            if (history.kind == StateHistory.BUDGET) {
                int index = history.upperBound(step) - 1;
                if (history.value(index) == null && index > 0) {
                    OpenBudget closed = (OpenBudget) history.value(index - 1);
                    String id = CreditEngine.budgetActivityId(closed.account(), closed.start);
                    bases.add(entryId(id, closed.rule.getId(), "reduction"));
                    bases.add(entryId(id, closed.rule.getId(), "points"));
                }
            }
        }
    }

    private String entryId(String activityId, String ruleId, String ledgerName) {
        return ruleSet.getId() + ":" + activityId + ":" + ruleId + ":" + ledgerName;
    }

    /** Drops from the dirty keys those whose value no later step can tell from the value before the change. */
    private void prune(Set<StateHistory> dirty, Fork fork, int next, Instant last) {
        if (dirty.isEmpty()) {
            return;
        }
        Step nextStep = next < steps.size() ? steps.get(next) : null;
        LocalDate lastDate = LocalDate.ofEpochDay(LocalDays.epochDay(last, ruleSet.getZone()));
        for (Iterator<StateHistory> it = dirty.iterator(); it.hasNext();) {
            StateHistory slot = it.next();
            StateHistory base = histories.get(slot.kind).get(slot.key);
            if (slot.kind == StateHistory.ROLLING) {
                if (sameWindow(slot, base, fork.start, nextStep, last)) {
                    it.remove();
                }
                continue;
            }
            Object now = slot.size() > 0 ? slot.last() : base == null ? null : base.before(fork.start);
            Object before = base == null ? null : base.before(nextStep);
            if (same(slot.kind, slot.key, now, before, last, lastDate)) {
                it.remove();
            }
        }
    }

    /**
     * Whether two values of a key lead every later step to the same entries: equal, or both unable to matter any
     * more (the period over, the window passed), or the same as far as the entries go (a deduplication or exclusive
     * key taken, whoever took it: the later steps' entries do not depend on it).
     */
    private boolean same(int kind, Object key, Object now, Object before, Instant last, LocalDate lastDate) {
        switch (kind) {
            case CreditState.DEDUP -> {
                return (now == null) == (before == null) || over(kind, (Key) key, lastDate);
            }
            case CreditState.EXCLUSIVE -> {
                return (now == null) == (before == null);
            }
            case CreditState.DEDUP_ROLLING -> {
                Duration window = rule((Key) key).getDedupWindow().get();
                Earned a = (Earned) now;
                Earned b = (Earned) before;
                boolean aGone = a == null || !last.isBefore(a.at().plus(window));
                boolean bGone = b == null || !last.isBefore(b.at().plus(window));
                return aGone && bGone || a != null && b != null && a.at().equals(b.at());
            }
            case CreditState.CAP_USED, CreditState.PERIOD_TOTAL, CreditState.DAILY -> {
                return Objects.equals(now, before) || over(kind, (Key) key, lastDate);
            }
            case StateHistory.BUDGET -> {
                return Objects.equals(now, before);
            }
            default -> throw new IllegalStateException("carbon bug: kind " + kind);
        }
    }

    private CreditRule rule(Key key) {
        return rulesById.get(key.scope);
    }

    /**
     * Whether a key of a calendar period, or of a day of a trailing baseline, can no longer be read: every later step
     * is past the period, or past the days that read the day.
     */
    private boolean over(int kind, Key key, LocalDate lastDate) {
        CreditRule rule = rule(key);
        FootprintTotals.Period period;
        switch (kind) {
            case CreditState.DEDUP -> period = rule.getDedupPeriod().orElse(null);
            case CreditState.CAP_USED -> period = rule.getCaps().get(key.part).getPeriod();
            case CreditState.PERIOD_TOTAL -> period = ("grams".equals(key.values[0]) ? rule.getGramsRoundingPeriod()
                    : rule.getPointsRoundingPeriod()).orElse(null);
            case CreditState.DAILY -> {
                return lastDate.isAfter(((LocalDate) key.qualifier).plusDays(rule.trailingDays()));
            }
            default -> period = null;
        }
        LocalDate start = (LocalDate) key.qualifier;
        return period != null && start != null && !period.nextStartAfter(start).isAfter(lastDate);
    }

    /**
     * Whether a rolling-window cap's awards still inside the window after the last step are the same in both runs:
     * those written before the change are shared, so the ones written since are compared.
     */
    private boolean sameWindow(StateHistory slot, StateHistory base, Step start, Step nextStep, Instant last) {
        Key key = (Key) slot.key;
        Cap cap = rule(key).getCaps().get(key.part);
        Instant from = last.minus(cap.getWindow());
        List<Used> now = new ArrayList<>();
        for (int i = 0; i < slot.size(); i++) {
            Used used = (Used) slot.value(i);
            if (used.at().isAfter(from)) {
                now.add(used);
            }
        }
        List<Used> before = new ArrayList<>();
        if (base != null) {
            int end = nextStep == null ? base.size() : base.lowerBound(nextStep);
            for (int i = start == null ? base.size() : base.lowerBound(start); i < end; i++) {
                Used used = (Used) base.value(i);
                if (used.at().isAfter(from)) {
                    before.add(used);
                }
            }
        }
        return now.equals(before);
    }

    /**
     * Writes the replayed steps' writes into the histories in place of what the same span wrote before, and gives
     * each replayed step the histories it now writes.
     */
    private void commit(Fork fork, Step first, Step end, List<Step> replayed) {
        for (Map<Object, StateHistory> slots : fork.slots) {
            for (StateHistory slot : slots.values()) {
                Map<Object, StateHistory> map = histories.get(slot.kind);
                StateHistory base = map.get(slot.key);
                if (base == null) {
                    if (slot.size() == 0) {
                        continue;
                    }
                    base = new StateHistory(slot.kind, slot.key);
                    map.put(slot.key, base);
                }
                int from = base.lowerBound(first);
                int to = base.upperBound(end);
                Step[] stamps = new Step[slot.size()];
                Object[] values = new Object[slot.size()];
                for (int i = 0; i < slot.size(); i++) {
                    stamps[i] = slot.stamp(i);
                    values[i] = slot.value(i);
                }
                base.splice(from, to, stamps, values, slot.size());
            }
        }
        for (Step step : replayed) {
            step.clearWrites();
            for (StateHistory slot : fork.written.get(step)) {
                step.wrote(histories.get(slot.kind).get(slot.key));
            }
        }
    }

    //-----------------------------------------------------------------------
    // the views of the state

    /**
     * A view of the account's state for a step to read and write: the budget periods open, and where a key's writes
     * go. Writes are stamped with the step running.
     */
    private abstract static class View extends CreditState {
        final TreeMap<BudgetKey, OpenBudget> open;
        Step step;

        View(TreeMap<BudgetKey, OpenBudget> open) {
            this.open = open;
        }

        /** The history a key's writes go to, made if it has none. */
        abstract StateHistory target(int kind, Object key);

        /** Notes that the running step wrote a history for the first time. */
        abstract void wrote(StateHistory history);

        private void write(StateHistory history, Object value, boolean replace) {
            if (history.write(step, value, replace)) {
                wrote(history);
            }
        }

        @Override
        void put(int map, Key key, Object value) {
            write(target(map, key), value, true);
        }

        @Override
        void windowAdd(Key key, Used used) {
            write(target(StateHistory.ROLLING, key), used, false);
        }

        @Override
        OpenBudget budget(BudgetKey key) {
            return open.get(key);
        }

        @Override
        void putBudget(OpenBudget budget) {
            open.put(budget.key, budget);
            write(target(StateHistory.BUDGET, budget.key), budget, true);
        }

        @Override
        OpenBudget pollBudget(Instant until) {
            if (open.isEmpty() || open.firstKey().end.isAfter(until)) {
                return null;
            }
            OpenBudget closed = open.pollFirstEntry().getValue();
            write(target(StateHistory.BUDGET, closed.key), null, true);
            return closed;
        }
    }

    /** A key's history in a map of them, made if it has none. */
    private static StateHistory historyIn(Map<Object, StateHistory> map, int kind, Object key) {
        StateHistory history = map.get(key);
        if (history == null) {
            history = new StateHistory(kind, key);
            map.put(key, history);
        }
        return history;
    }

    /**
     * Adds what a rolling-window cap's history recorded after an instant, among its first {@code end} writes: from the
     * latest back, as awards come in time order.
     */
    private static BigDecimal sumAfter(StateHistory history, int end, Instant from, BigDecimal sum) {
        BigDecimal total = sum;
        for (int i = end - 1; i >= 0; i--) {
            Used used = (Used) history.value(i);
            if (!used.at().isAfter(from)) {
                break;
            }
            total = total.add(used.amount());
        }
        return total;
    }

    /** The state after the last step; writes go into the histories. */
    private final class TipView extends View {

        TipView() {
            super(tipOpen);
        }

        @Override
        StateHistory target(int kind, Object key) {
            return historyIn(histories.get(kind), kind, key);
        }

        @Override
        void wrote(StateHistory history) {
            step.wrote(history);
        }

        @Override
        Object get(int map, Key key) {
            StateHistory history = histories.get(map).get(key);
            return history == null ? null : history.last();
        }

        @Override
        BigDecimal windowSum(Key key, Instant from) {
            StateHistory history = histories.get(StateHistory.ROLLING).get(key);
            return history == null ? BigDecimal.ZERO : sumAfter(history, history.size(), from, BigDecimal.ZERO);
        }
    }

    /**
     * The state as it stood before a step, read back from the histories, with the writes of a new run kept apart:
     * the steps replayed write into slots of their own, which {@link #commit} puts into the histories.
     */
    private final class Fork extends View {
        /** The first step the histories are read before; null to read them as they stand. */
        final Step start;
        final List<Map<Object, StateHistory>> slots = new ArrayList<>(StateHistory.KINDS);
        /** What each step run in the fork wrote, each slot once. */
        final Map<Step, List<StateHistory>> written = new HashMap<>();
        private List<StateHistory> stepWrites;

        Fork(int at) {
            super(new TreeMap<>(CreditState.BUDGET_ORDER));
            this.start = at < steps.size() ? steps.get(at) : null;
            for (int kind = 0; kind < StateHistory.KINDS; kind++) {
                slots.add(new HashMap<>());
            }
            openBudgets(at);
        }

        /** The budget periods open before the start: those of a period that has begun and not ended. */
        private void openBudgets(int at) {
            if (budgetRules.isEmpty() || at == 0) {
                return;
            }
            Instant previous = steps.get(at - 1).time;
            LocalDate day = LocalDate.ofEpochDay(LocalDays.epochDay(previous, ruleSet.getZone()));
            Instant horizon = previous;
            for (CreditRule rule : budgetRules) {
                Instant end = rule.getBudget().get().getPeriod().nextStartAfter(day)
                        .atStartOfDay(ruleSet.getZone()).toInstant();
                if (end.isAfter(horizon)) {
                    horizon = end;
                }
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            TreeMap<BudgetKey, StateHistory> budgets = (TreeMap) histories.get(StateHistory.BUDGET);
            for (StateHistory history : budgets.subMap(new BudgetKey(previous, account, Integer.MAX_VALUE), false,
                    new BudgetKey(horizon, account, Integer.MAX_VALUE), true).values()) {
                OpenBudget budget = (OpenBudget) history.before(start);
                if (budget != null) {
                    open.put(budget.key, budget);
                }
            }
        }

        Outputs run(Step next) {
            step = next;
            stepWrites = new ArrayList<>(4);
            written.put(next, stepWrites);
            try {
                return AccountBook.this.run(next, this);
            } finally {
                step = null;
                stepWrites = null;
            }
        }

        /** The slot of a key in this fork, made if it has none: it holds the new run's writes. */
        @Override
        StateHistory target(int kind, Object key) {
            return historyIn(slots.get(kind), kind, key);
        }

        @Override
        void wrote(StateHistory history) {
            stepWrites.add(history);
        }

        @Override
        Object get(int map, Key key) {
            StateHistory slot = slots.get(map).get(key);
            if (slot != null && slot.size() > 0) {
                return slot.last();
            }
            StateHistory history = histories.get(map).get(key);
            return history == null ? null : history.before(start);
        }

        @Override
        BigDecimal windowSum(Key key, Instant from) {
            BigDecimal sum = BigDecimal.ZERO;
            StateHistory slot = slots.get(StateHistory.ROLLING).get(key);
            if (slot != null) {
                sum = sumAfter(slot, slot.size(), from, sum);
            }
            StateHistory history = histories.get(StateHistory.ROLLING).get(key);
            if (history != null) {
                sum = sumAfter(history, start == null ? history.size() : history.lowerBound(start), from, sum);
            }
            return sum;
        }
    }

    //-----------------------------------------------------------------------
    // the ledger

    /**
     * The entries that make the ledger hold what an evaluation wants, for the ledger ids it may have changed: as a
     * full re-evaluation writes them, a reversal for each current entry that is no longer wanted or whose amount
     * changed (in the ledger's order), then each wanted entry that is new or changed (reductions, then points, in
     * evaluation order), as a revision where its id was written before.
     */
    private List<LedgerEntry> diff(Set<String> affected, List<LedgerEntry> reductions, List<LedgerEntry> points,
            String cause) {
        Map<String, LedgerEntry> wanted = new LinkedHashMap<>();
        for (LedgerEntry entry : reductions) {
            wanted.put(entry.getId(), entry);
        }
        for (LedgerEntry entry : points) {
            wanted.put(entry.getId(), entry);
        }
        List<Current> reversals = new ArrayList<>();
        for (String base : affected) {
            addReversal(base, wanted, reversals);
        }
        for (String base : wanted.keySet()) {
            if (!affected.contains(base)) {
                addReversal(base, wanted, reversals);
            }
        }
        reversals.sort((a, b) -> Long.compare(a.order, b.order));
        List<LedgerEntry> appended = new ArrayList<>(reversals.size() + wanted.size());
        Map<String, Integer> counts = new HashMap<>();
        for (Current current : reversals) {
            LedgerEntry entry = current.entry;
            String base = base(entry.getId());
            int revision = counts.getOrDefault(base, current.revisions) + 1;
            counts.put(base, revision);
            appended.add(new LedgerEntry(base + "#" + revision, LedgerEntry.Kind.REVERSAL, entry.getLedger(),
                    entry.getAccount(), entry.getActivityId(), entry.getRuleId(), entry.getAmount().negate(), entry.getTime(),
                    entry.getReductionEntryId(), entry.getId(), "reversed because " + cause, entry.getSchedule()));
        }
        for (LedgerEntry want : wanted.values()) {
            Current current = ledger.get(want.getId());
            if (current == null || current.entry == null || want.getAmount().compareTo(current.entry.getAmount()) != 0) {
                if (current == null || current.revisions == 0) {
                    appended.add(want);
                } else {
                    int revision = counts.getOrDefault(want.getId(), current.revisions) + 1;
                    counts.put(want.getId(), revision);
                    appended.add(new LedgerEntry(want.getId() + "#" + revision, LedgerEntry.Kind.EARNED, want.getLedger(),
                            want.getAccount(), want.getActivityId(), want.getRuleId(), want.getAmount(), want.getTime(),
                            want.getReductionEntryId(), null, "re-evaluated because " + cause, want.getSchedule()));
                }
            }
        }
        return appended;
    }

    private void addReversal(String base, Map<String, LedgerEntry> wanted, List<Current> reversals) {
        Current current = ledger.get(base);
        if (current == null || current.entry == null) {
            return;
        }
        LedgerEntry want = wanted.get(base);
        if (want == null || want.getAmount().compareTo(current.entry.getAmount()) != 0) {
            reversals.add(current);
        }
    }

    static String base(String id) {
        int hash = id.indexOf('#');
        return hash < 0 ? id : id.substring(0, hash);
    }

    /** Applies entries written to the account's ledger, in order. */
    void applyAll(Collection<LedgerEntry> written) {
        for (LedgerEntry entry : written) {
            apply(entry);
        }
    }

    private void apply(LedgerEntry entry) {
        entries.add(entry);
        if (entry.getKind() == LedgerEntry.Kind.CLAIM) {
            claims.put(entry.getRefersTo(), entry);
            return;
        }
        int ledgerIndex = entry.getLedger().ordinal();
        balances[ledgerIndex] = balances[ledgerIndex].add(entry.getAmount());
        String base = base(entry.getId());
        Current current = ledger.get(base);
        if (current == null) {
            current = new Current();
            ledger.put(base, current);
        }
        current.revisions++;
        if (entry.isReversal()) {
            current.entry = null;
        } else {
            if (current.entry == null) {
                current.order = order++;
            }
            current.entry = entry;
        }
    }

    /** Every entry, in the order written. */
    List<LedgerEntry> entries() {
        return entries.snapshot();
    }

    /** The sum of a ledger's earned entries and reversals. */
    BigDecimal balance(LedgerEntry.Ledger which) {
        return balances[which.ordinal()];
    }

    /** The current entry of an id, as first written or revised, or null if it has none or was reversed. */
    LedgerEntry current(String entryId) {
        Current current = ledger.get(base(entryId));
        return current == null ? null : current.entry;
    }

    /** The claim of an entry, by the id it was first written under, or null. */
    LedgerEntry claimOf(String entryId) {
        return claims.get(base(entryId));
    }

    /** The current entries, in the ledger's order. */
    List<LedgerEntry> currentEntries() {
        List<Current> list = new ArrayList<>();
        for (Current current : ledger.values()) {
            if (current.entry != null) {
                list.add(current);
            }
        }
        list.sort((a, b) -> Long.compare(a.order, b.order));
        List<LedgerEntry> result = new ArrayList<>(list.size());
        for (Current current : list) {
            result.add(current.entry);
        }
        return result;
    }

    /**
     * The entries of an account in the order written: appended to, never changed, so that a snapshot is a view of a
     * prefix that stays valid (and safe to read from any thread) while the log grows.
     */
    private static final class EntryLog {
        private LedgerEntry[] items = new LedgerEntry[16];
        private int size;

        void add(LedgerEntry entry) {
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            items[size++] = entry;
        }

        List<LedgerEntry> snapshot() {
            LedgerEntry[] array = items;
            int length = size;
            return new Snapshot(array, length);
        }
    }

    private static final class Snapshot extends java.util.AbstractList<LedgerEntry> implements java.util.RandomAccess {
        private final LedgerEntry[] array;
        private final int length;

        Snapshot(LedgerEntry[] array, int length) {
            this.array = array;
            this.length = length;
        }

        @Override
        public LedgerEntry get(int index) {
            Objects.checkIndex(index, length);
            return array[index];
        }

        @Override
        public int size() {
            return length;
        }
    }
}
