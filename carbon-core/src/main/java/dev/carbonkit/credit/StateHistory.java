package dev.carbonkit.credit;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The writes of one key of an account's credit state, in the chronological order of the steps that made them: an
 * account's state as it stood before any step can be read back, which is what lets a late activity be evaluated
 * where it belongs without re-evaluating the history before it.
 * <p>
 * Not thread-safe; an account's book is used by one thread at a time.
 */
final class StateHistory {

    /** The map of {@link CreditState} (0 to {@link CreditState#MAPS} - 1), {@link #ROLLING} or {@link #BUDGET}. */
    static final int ROLLING = CreditState.MAPS;
    /** Open budget periods: an {@code OpenBudget}, or null once closed. */
    static final int BUDGET = CreditState.MAPS + 1;
    /** How many kinds of history there are. */
    static final int KINDS = CreditState.MAPS + 2;

    /**
     * One step of an account's evaluation: an activity, or the record that budget periods are closed up to an
     * instant. Steps are ordered by instant, then id, as the batch engine orders activities.
     */
    static final class Step {
        private static final StateHistory[] NO_WRITES = {};

        /** The activity, or null for a close record. */
        final dev.carbonkit.calc.Activity activity;
        final Instant time;
        final String id;
        /** The histories this step wrote, each once, in the order first written. */
        StateHistory[] writes = NO_WRITES;
        int writeCount;

        Step(dev.carbonkit.calc.Activity activity, Instant time, String id) {
            this.activity = activity;
            this.time = time;
            this.id = id;
        }

        void wrote(StateHistory history) {
            if (writeCount == writes.length) {
                writes = Arrays.copyOf(writes, Math.max(4, writeCount * 2));
            }
            writes[writeCount++] = history;
        }

        void clearWrites() {
            writes = NO_WRITES;
            writeCount = 0;
        }

        @Override
        public String toString() {
            return id + "@" + time;
        }
    }

    /** Steps by instant, then id; a close record after an activity of the same instant and id. */
    static final Comparator<Step> ORDER = (a, b) -> {
        if (a == b) {
            return 0;
        }
        int byTime = a.time.compareTo(b.time);
        if (byTime != 0) {
            return byTime;
        }
        int byId = a.id.compareTo(b.id);
        if (byId != 0) {
            return byId;
        }
        return Boolean.compare(a.activity == null, b.activity == null);
    };

    final int kind;
    final Object key;
    private Step[] stamps = new Step[2];
    private Object[] values = new Object[2];
    private int size;

    StateHistory(int kind, Object key) {
        this.kind = kind;
        this.key = key;
    }

    int size() {
        return size;
    }

    Step stamp(int index) {
        return stamps[index];
    }

    Object value(int index) {
        return values[index];
    }

    /** The value last written, or null. */
    Object last() {
        return size == 0 ? null : values[size - 1];
    }

    /** The index of the first write made at or after a step. */
    int lowerBound(Step step) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ORDER.compare(stamps[mid], step) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The index of the first write made after a step. */
    int upperBound(Step step) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ORDER.compare(stamps[mid], step) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The value as it stood before a step, or the last value if the step is null. */
    Object before(Step step) {
        if (step == null) {
            return last();
        }
        int index = lowerBound(step);
        return index == 0 ? null : values[index - 1];
    }

    /**
     * Writes a value at a step: replaces the step's own earlier write, or appends. Steps write in time order, so a
     * write is always at the end.
     *
     * @return true if a new write was appended, false if the step's own write was replaced
     */
    boolean write(Step step, Object value, boolean replace) {
        if (replace && size > 0 && stamps[size - 1] == step) {
            values[size - 1] = value;
            return false;
        }
        boolean first = size == 0 || stamps[size - 1] != step;
        if (size == stamps.length) {
            int capacity = size * 2;
            stamps = Arrays.copyOf(stamps, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        stamps[size] = step;
        values[size] = value;
        size++;
        return first;
    }

    /** Replaces the writes from index {@code from} (inclusive) to {@code to} (exclusive) with others, in order. */
    void splice(int from, int to, Step[] newStamps, Object[] newValues, int count) {
        int newSize = size - (to - from) + count;
        if (newSize > stamps.length) {
            int capacity = Math.max(newSize, stamps.length * 2);
            stamps = Arrays.copyOf(stamps, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        System.arraycopy(stamps, to, stamps, from + count, size - to);
        System.arraycopy(values, to, values, from + count, size - to);
        System.arraycopy(newStamps, 0, stamps, from, count);
        System.arraycopy(newValues, 0, values, from, count);
        for (int i = newSize; i < size; i++) {
            stamps[i] = null;
            values[i] = null;
        }
        size = newSize;
    }

    @Override
    public String toString() {
        return kind + ":" + key + " (" + size + " writes)";
    }
}
