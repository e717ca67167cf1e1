package dev.carbonkit.credit;

import dev.carbonkit.calc.FootprintTotals;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A limit on what one account can earn from a rule in a local period of the scheme, such as 'at most 10 awards a
 * day' or 'at most 296 g a day'. Awards are allocated in chronological order, so the same activities always
 * fill a cap the same way, whatever order they arrive in.
 *
 * @param period  the period the limit applies to, in the rule set's time zone, not null
 * @param unit  what is counted, not null
 * @param limit  the limit, zero or more, not null
 * @param key  attributes that, with the account, partition the limit (empty: one limit per account), not null
 */
public record Cap(FootprintTotals.Period period, Unit unit, BigDecimal limit, List<String> key) {

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
     * @param period  the period
     * @param unit  what is counted
     * @param limit  the limit
     * @param key  the partitioning attributes
     */
    public Cap {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(limit, "limit");
        key = List.copyOf(key);
        if (limit.signum() < 0) {
            throw new IllegalArgumentException("A cap's limit must not be negative: " + limit.toPlainString());
        }
    }

    /**
     * Obtains a cap partitioned by account only.
     *
     * @param period  the period, not null
     * @param unit  what is counted, not null
     * @param limit  the limit, as a decimal, not null
     * @return the cap, never null
     */
    public static Cap of(FootprintTotals.Period period, Unit unit, String limit) {
        return new Cap(period, unit, new BigDecimal(limit), List.of());
    }

    /**
     * Returns the form "DAY COUNT 10".
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return period + " " + unit + " " + limit.toPlainString() + (key.isEmpty() ? "" : " per " + key);
    }
}
