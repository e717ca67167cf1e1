package dev.carbonkit.credit;

import dev.carbonkit.CarbonMath;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What earlier activities have left for later ones while a rule set is applied in time order: deduplication and
 * exclusive keys, what caps have used, running totals for period rounding, daily quantities for trailing baselines,
 * and open budget periods. Every rule reads and writes it through these methods and nothing else, so that the same
 * evaluation runs over plain maps (a batch, {@link Plain}) or over the versioned state of an account whose history
 * can be re-evaluated from any point ({@code AccountBook}).
 * <p>
 * Values put are immutable. Instances are not thread-safe.
 */
abstract class CreditState {

    /** The first activity that earned under a deduplication key in a calendar period: an activity id. */
    static final int DEDUP = 0;
    /** The activity that last passed a rolling deduplication: an {@link Earned}. */
    static final int DEDUP_ROLLING = 1;
    /** The first activity that earned in an exclusive group under a key: an activity id. */
    static final int EXCLUSIVE = 2;
    /** What a calendar-period cap has used in its period: a BigDecimal. */
    static final int CAP_USED = 3;
    /** The exact running total of grams or points in a rounding period: a BigDecimal. */
    static final int PERIOD_TOTAL = 4;
    /** The quantity of one local day, for trailing baselines: a BigDecimal. */
    static final int DAILY = 5;
    /** How many maps of last values there are. */
    static final int MAPS = 6;

    /**
     * Gets the value last put under a key.
     *
     * @param map  which map, such as {@link #DEDUP}
     * @param key  the key
     * @return the value, or null if none was put
     */
    abstract Object get(int map, Key key);

    /**
     * Puts a value under a key.
     *
     * @param map  which map
     * @param key  the key
     * @param value  the value, not null
     */
    abstract void put(int map, Key key, Object value);

    /**
     * Sums what awards recorded against a rolling-window cap after an instant. Activities come in time order, so
     * what has left the window never returns to it.
     *
     * @param key  the cap's key
     * @param from  the instant the window starts after
     * @return the sum, zero if nothing was recorded
     */
    abstract BigDecimal windowSum(Key key, Instant from);

    /**
     * Records what an award used of a rolling-window cap.
     *
     * @param key  the cap's key
     * @param used  when, and how much
     */
    abstract void windowAdd(Key key, Used used);

    /**
     * Gets an open budget period.
     *
     * @param key  the period's key
     * @return the period, or null if it is not open
     */
    abstract OpenBudget budget(BudgetKey key);

    /**
     * Opens a budget period, or replaces it with what it has counted since.
     *
     * @param open  the period, not null
     */
    abstract void putBudget(OpenBudget open);

    /**
     * Closes the first open budget period, in {@link #BUDGET_ORDER}, that ends at or before an instant.
     *
     * @param until  the instant
     * @return the period closed, or null if none ends by then
     */
    abstract OpenBudget pollBudget(Instant until);

    //-----------------------------------------------------------------------
    /** Orders open budget periods by the instant they close, then account, then the rule's place in the set. */
    static final Comparator<BudgetKey> BUDGET_ORDER = (a, b) -> {
        int byEnd = a.end.compareTo(b.end);
        if (byEnd != 0) {
            return byEnd;
        }
        int byAccount = a.account.compareTo(b.account);
        return byAccount != 0 ? byAccount : Integer.compare(a.rule, b.rule);
    };

    /**
     * What a deduplication key, exclusive group, cap, running total or daily quantity is kept under: its scope (a
     * rule, a rule's cap, an exclusive group), the account, the activity's values of the key's attributes, and a
     * qualifier (the local period's first day, the day, or the attributes' names). Values are compared as values,
     * so an account or attribute holding the separator of a joined text cannot make two keys one.
     */
    static final class Key {
        static final String[] NO_VALUES = {};

        final String scope;
        /** Which of the scope's caps, by its place in the rule; -1 for what is not a cap. */
        final int part;
        final String account;
        final String[] values;
        final Object qualifier;

        /** Worked out once: a key is looked up, then updated, in one or two maps. */
        private final int hash;

        Key(String scope, int part, String account, String[] values, Object qualifier) {
            this.scope = scope;
            this.part = part;
            this.account = account;
            this.values = values;
            this.qualifier = qualifier;
            this.hash = (((scope.hashCode() * 31 + part) * 31 + account.hashCode()) * 31 + Arrays.hashCode(values)) * 31
                    + Objects.hashCode(qualifier);
        }

        Key(String scope, String account, String[] values, Object qualifier) {
            this(scope, -1, account, values, qualifier);
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof Key other && hash == other.hash && part == other.part && scope.equals(other.scope)
                    && account.equals(other.account) && Arrays.equals(values, other.values)
                    && Objects.equals(qualifier, other.qualifier);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return scope + "/" + part + "/" + account + "/" + Arrays.toString(values) + "/" + qualifier;
        }
    }

    /** An open budget period of one account under one rule: the instant it closes, the account, the rule's place. */
    static final class BudgetKey {
        final Instant end;
        final String account;
        final int rule;

        BudgetKey(Instant end, String account, int rule) {
            this.end = end;
            this.account = account;
            this.rule = rule;
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof BudgetKey other && rule == other.rule && end.equals(other.end)
                    && account.equals(other.account);
        }

        @Override
        public int hashCode() {
            return (end.hashCode() * 31 + account.hashCode()) * 31 + rule;
        }

        @Override
        public String toString() {
            return account + "/" + rule + "/" + end;
        }
    }

    /**
     * What an account has counted against a budget in a period that has not closed yet; immutable, each activity
     * counted makes a new one that shares the ones before.
     */
    static final class OpenBudget {
        final BudgetKey key;
        final CreditRule rule;
        final LocalDate start;
        /** The activities counted, the latest first. */
        private final Counted last;
        final int count;
        final BigDecimal actual;

        OpenBudget(BudgetKey key, CreditRule rule, LocalDate start) {
            this(key, rule, start, null, 0, BigDecimal.ZERO);
        }

        private OpenBudget(BudgetKey key, CreditRule rule, LocalDate start, Counted last, int count, BigDecimal actual) {
            this.key = key;
            this.rule = rule;
            this.start = start;
            this.last = last;
            this.count = count;
            this.actual = actual;
        }

        /** The period with one more activity counted. */
        OpenBudget plus(String activityId, BigDecimal grams) {
            return new OpenBudget(key, rule, start, new Counted(activityId, grams, last), count + 1,
                    CarbonMath.normalize(actual.add(grams)));
        }

        String account() {
            return key.account;
        }

        Instant end() {
            return key.end;
        }

        /** The activities counted, in the order they were counted. */
        List<Counted> counted() {
            Counted[] counted = new Counted[count];
            Counted next = last;
            for (int i = count - 1; i >= 0; i--) {
                counted[i] = next;
                next = next.before;
            }
            return Arrays.asList(counted);
        }

        @Override
        public boolean equals(Object obj) {
            if (!(obj instanceof OpenBudget other) || count != other.count || rule != other.rule
                    || !key.equals(other.key) || !start.equals(other.start) || !actual.equals(other.actual)) {
                return false;
            }
            for (Counted a = last, b = other.last; a != b; a = a.before, b = b.before) {
                if (!a.activityId.equals(b.activityId) || !a.grams.equals(b.grams)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return key.hashCode() * 31 + count;
        }
    }

    /** One activity counted against a budget, and the one counted before it. */
    static final class Counted {
        final String activityId;
        final BigDecimal grams;
        final Counted before;

        Counted(String activityId, BigDecimal grams, Counted before) {
            this.activityId = activityId;
            this.grams = grams;
            this.before = before;
        }
    }

    /** The activity that last passed a rolling deduplication, and when. */
    record Earned(Instant at, String activityId) {
    }

    /** What one award used of a rolling-window cap, and when. */
    record Used(Instant at, BigDecimal amount) {
    }

    //-----------------------------------------------------------------------
    /** The state of one batch evaluation: plain hash maps, and a queue per rolling-window cap. */
    static final class Plain extends CreditState {
        private final List<Map<Key, Object>> maps = new ArrayList<>(MAPS);
        /** Per rolling-window cap, the awards still inside the window, oldest first. */
        private final Map<Key, ArrayDeque<Used>> rolling = new HashMap<>();
        /** The budget periods not closed yet. */
        private final TreeMap<BudgetKey, OpenBudget> budgets = new TreeMap<>(BUDGET_ORDER);

        Plain() {
            for (int i = 0; i < MAPS; i++) {
                maps.add(new HashMap<>());
            }
        }

        @Override
        Object get(int map, Key key) {
            return maps.get(map).get(key);
        }

        @Override
        void put(int map, Key key, Object value) {
            maps.get(map).put(key, value);
        }

        @Override
        BigDecimal windowSum(Key key, Instant from) {
            ArrayDeque<Used> window = rolling.get(key);
            if (window == null) {
                return BigDecimal.ZERO;
            }
            while (!window.isEmpty() && !window.peekFirst().at().isAfter(from)) {
                window.pollFirst();
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (Used used : window) {
                sum = sum.add(used.amount());
            }
            return sum;
        }

        @Override
        void windowAdd(Key key, Used used) {
            ArrayDeque<Used> window = rolling.get(key);
            if (window == null) {
                window = new ArrayDeque<>();
                rolling.put(key, window);
            }
            window.add(used);
        }

        @Override
        OpenBudget budget(BudgetKey key) {
            return budgets.get(key);
        }

        @Override
        void putBudget(OpenBudget open) {
            budgets.put(open.key, open);
        }

        @Override
        OpenBudget pollBudget(Instant until) {
            if (budgets.isEmpty() || budgets.firstKey().end.isAfter(until)) {
                return null;
            }
            return budgets.pollFirstEntry().getValue();
        }
    }

    /** Builds the lists of budget periods' activities for explanations. */
    static List<String> describe(OpenBudget open) {
        List<String> counted = new ArrayList<>(open.count);
        for (Counted c : open.counted()) {
            counted.add(c.activityId + " " + c.grams.toPlainString() + " g");
        }
        return counted;
    }
}
