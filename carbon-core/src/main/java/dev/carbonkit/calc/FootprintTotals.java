package dev.carbonkit.calc;

import dev.carbonkit.CarbonMath;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Sums footprints, in total or grouped by category, account or local period, exactly.
 * <p>
 * For example, {@code FootprintTotals.byCategory(footprints, 1)} gives {transport=9.8, food=39.792, ...}
 * and {@code FootprintTotals.byPeriod(footprints, Period.WEEK, ZoneId.of("Europe/London"))} gives the CO2e
 * of each ISO week (starting on Monday) by the date of its Monday in London. Sums are exact and do not
 * depend on the order of the footprints. Keys are sorted, so the maps iterate in a stable order.
 * <p>
 * This class is a holder of static methods and cannot be instantiated.
 */
public final class FootprintTotals {

    /**
     * The local periods footprints can be grouped by.
     */
    public enum Period {
        /** A calendar day. */
        DAY,
        /** An ISO week, Monday to Sunday, keyed by its Monday. */
        WEEK,
        /** A calendar month, keyed by its first day. */
        MONTH,
        /** A calendar year, keyed by its first day. */
        YEAR;

        /**
         * Gets the first day of the period that contains a date: the date itself, its ISO week's Monday, or
         * the first day of its month or year.
         *
         * @param date  the date, not null
         * @return the first day, never null
         */
        public LocalDate startOf(LocalDate date) {
            return switch (this) {
                case DAY -> date;
                case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> date.withDayOfMonth(1);
                case YEAR -> date.withDayOfYear(1);
            };
        }

        /**
         * Gets the first day of the period after the one that contains a date: the day after the period's last.
         *
         * @param date  the date, not null
         * @return the first day of the next period, never null
         */
        public LocalDate nextStartAfter(LocalDate date) {
            LocalDate start = startOf(date);
            return switch (this) {
                case DAY -> start.plusDays(1);
                case WEEK -> start.plusWeeks(1);
                case MONTH -> start.plusMonths(1);
                case YEAR -> start.plusYears(1);
            };
        }
    }

    private FootprintTotals() {
    }

    /**
     * Sums the CO2e of all footprints, in kg.
     *
     * @param footprints  the footprints, not null
     * @return the total, never null
     */
    public static BigDecimal total(Iterable<Footprint> footprints) {
        Objects.requireNonNull(footprints, "footprints");
        BigDecimal total = BigDecimal.ZERO;
        for (Footprint footprint : footprints) {
            total = total.add(footprint.getCo2e());
        }
        return CarbonMath.normalize(total);
    }

    /**
     * Sums the CO2e by a key of your choosing.
     *
     * @param <K>  the key type, comparable so that the result is sorted
     * @param footprints  the footprints, not null
     * @param key  the key of each footprint, not null
     * @return the totals in kg by key, sorted, unmodifiable, never null
     */
    public static <K extends Comparable<? super K>> SortedMap<K, BigDecimal> by(Iterable<Footprint> footprints,
            Function<Footprint, K> key) {
        Objects.requireNonNull(footprints, "footprints");
        Objects.requireNonNull(key, "key");
        SortedMap<K, BigDecimal> totals = new TreeMap<>();
        for (Footprint footprint : footprints) {
            totals.merge(key.apply(footprint), footprint.getCo2e(), BigDecimal::add);
        }
        totals.replaceAll((k, value) -> CarbonMath.normalize(value));
        return Collections.unmodifiableSortedMap(totals);
    }

    /**
     * Sums the CO2e by category: the first {@code depth} segments of the activity type, so that with
     * depth 1 'transport.car.average.petrol' counts under 'transport'.
     *
     * @param footprints  the footprints, not null
     * @param depth  how many segments make the category, 1 or more
     * @return the totals in kg by category, sorted, unmodifiable, never null
     * @throws IllegalArgumentException if depth is less than 1
     */
    public static SortedMap<String, BigDecimal> byCategory(Iterable<Footprint> footprints, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("Category depth must be 1 or more: " + depth);
        }
        return by(footprints, footprint -> category(footprint.getActivity().getType(), depth));
    }

    private static String category(String type, int depth) {
        int end = -1;
        for (int i = 0; i < depth; i++) {
            end = type.indexOf('.', end + 1);
            if (end < 0) {
                return type;
            }
        }
        return type.substring(0, end);
    }

    /**
     * Sums the CO2e by account.
     *
     * @param footprints  the footprints, not null
     * @return the totals in kg by account, sorted, unmodifiable, never null
     */
    public static SortedMap<String, BigDecimal> byAccount(Iterable<Footprint> footprints) {
        return by(footprints, footprint -> footprint.getActivity().getAccount());
    }

    /**
     * Sums the CO2e by local period in a zone, keyed by the period's first day. The zone is the reader's
     * (a scheme's or a report's), not each activity's own.
     *
     * @param footprints  the footprints, not null
     * @param period  the period, not null
     * @param zone  the zone that defines local days, not null
     * @return the totals in kg by the first day of each period, sorted, unmodifiable, never null
     */
    public static SortedMap<LocalDate, BigDecimal> byPeriod(Iterable<Footprint> footprints, Period period,
            ZoneId zone) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(zone, "zone");
        return by(footprints, footprint -> period.startOf(footprint.getActivity().getTime().atZone(zone).toLocalDate()));
    }
}
