package dev.carbonkit.credit;

import dev.carbonkit.calc.FootprintTotals;
import dev.carbonkit.internal.DecimalText;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A limit on what one account can earn from a rule, such as 'at most 10 awards a day', 'at most 296 g a day',
 * 'at most 3 awards in any 24 hours' or 'at most 50 points an event'. Awards are allocated in chronological
 * order, so the same activities always fill a cap the same way, whatever order they arrive in.
 * <p>
 * A cap spans one of three things: a local calendar period of the scheme (day, week from Monday, month, year,
 * in the rule set's time zone), a rolling window (the awards of the activities whose instants fall in
 * {@code (t - window, t]} for an activity at {@code t}), or a single event. Exactly one of {@code period} and
 * {@code window} is set for the first two; both are null for a per-event cap.
 */
public final class Cap {
    private final FootprintTotals.Period period;
    private final Duration window;
    private final Unit unit;
    private final BigDecimal limit;
    private final List<String> key;

    /** What a cap counts. */
    public enum Unit {
        /** Awards: each award that earns anything counts 1. */
        COUNT,
        /** Grams of CO2e on the reduction ledger. */
        GRAMS,
        /** Points on the points ledger. */
        POINTS
    }

    /**
     * Checks the components.
     *
     * @param period  the period, or null
     * @param window  the rolling window, or null
     * @param unit  what is counted
     * @param limit  the limit
     * @param key  the partitioning attributes
     */
    public Cap(FootprintTotals.Period period, Duration window, Unit unit, BigDecimal limit, List<String> key) {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(limit, "limit");
        key = List.copyOf(key);
        if (limit.signum() < 0) {
            throw new IllegalArgumentException("A cap's limit must not be negative: " + limit.toPlainString());
        }
        if (period != null && window != null) {
            throw new IllegalArgumentException("A cap has a calendar period or a rolling window, not both: " + period
                    + ", " + window);
        }
        if (window != null && (window.isNegative() || window.isZero())) {
            throw new IllegalArgumentException("A cap's rolling window must be positive: " + window);
        }
        if (period == null && window == null && unit == Unit.COUNT) {
            throw new IllegalArgumentException("A per-event cap counts grams or points; one event is always one award");
        }
        this.period = period;
        this.window = window;
        this.unit = unit;
        this.limit = limit;
        this.key = key;
    }

    /**
     * Obtains a cap over a local calendar period, partitioned by account only.
     *
     * @param period  the period, not null
     * @param unit  what is counted, not null
     * @param limit  the limit, as a decimal, not null
     * @return the cap, never null
     */
    public static Cap of(FootprintTotals.Period period, Unit unit, String limit) {
        return new Cap(Objects.requireNonNull(period, "period"), null, unit,
                DecimalText.parse(Objects.requireNonNull(limit, "limit"), "the limit of a cap"), List.of());
    }

    /**
     * Obtains a cap over a rolling window, partitioned by account only.
     *
     * @param window  the window, positive, such as {@code Duration.ofHours(24)}, not null
     * @param unit  what is counted, not null
     * @param limit  the limit, as a decimal, not null
     * @return the cap, never null
     */
    public static Cap rolling(Duration window, Unit unit, String limit) {
        return new Cap(null, Objects.requireNonNull(window, "window"), unit,
                DecimalText.parse(Objects.requireNonNull(limit, "limit"), "the limit of a cap"), List.of());
    }

    /**
     * Obtains a cap on each event's grams or points.
     *
     * @param unit  grams or points, not null
     * @param limit  the limit, as a decimal, not null
     * @return the cap, never null
     */
    public static Cap perEvent(Unit unit, String limit) {
        return new Cap(null, null, unit, DecimalText.parse(Objects.requireNonNull(limit, "limit"),
                "the limit of a cap"), List.of());
    }

    /**
     * Returns a copy partitioned by the given attributes as well as the account.
     *
     * @param attributes  the attribute names, not null
     * @return the cap, never null
     */
    public Cap withKey(List<String> attributes) {
        return new Cap(period, window, unit, limit, attributes);
    }

    /**
     * Returns what the cap spans: "DAY", "ROLLING PT24H" or "EVENT".
     *
     * @return the text, never null
     */
    public String span() {
        return period != null ? period.name() : window != null ? "ROLLING " + window : "EVENT";
    }

    /**
     * Returns the form "DAY COUNT 10", "ROLLING PT24H COUNT 3" or "EVENT GRAMS 296".
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return span() + " " + unit + " " + limit.toPlainString() + (key.isEmpty() ? "" : " per " + key);
    }

    /**
     * Gets the calendar period the limit applies to.
     *
     * @return the calendar period the limit applies to, or null
     */
    public FootprintTotals.Period getPeriod() {
        return period;
    }

    /**
     * Gets the rolling window the limit applies to, positive.
     *
     * @return the rolling window the limit applies to, positive, or null
     */
    public Duration getWindow() {
        return window;
    }

    /**
     * Gets the unit: what is counted.
     *
     * @return what is counted, not null
     */
    public Unit getUnit() {
        return unit;
    }

    /**
     * Gets the limit, zero or more.
     *
     * @return the limit, zero or more, not null
     */
    public BigDecimal getLimit() {
        return limit;
    }

    /**
     * Gets the key: attributes that, with the account, partition the limit (empty: one limit per account).
     *
     * @return attributes that, with the account, partition the limit (empty: one limit per account), not null
     */
    public List<String> getKey() {
        return key;
    }

    @Override
    public boolean equals(Object obj) {
        return obj == this || obj instanceof Cap other
                && java.util.Objects.equals(period, other.period)
                        && java.util.Objects.equals(window, other.window)
                        && java.util.Objects.equals(unit, other.unit)
                        && java.util.Objects.equals(limit, other.limit) && java.util.Objects.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(period, window, unit, limit, key);
    }
}
