package dev.carbonkit.factor;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The dates on which a factor applies, both ends inclusive, such as '2024-01-01/2024-12-31'.
 * <p>
 * Either end may be open, written {@code ..} as in ISO 8601-2: '2024-01-01/..' applies from 2024 on.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class ValidityPeriod {

    /** Every date: '../..'. */
    public static final ValidityPeriod ALWAYS = new ValidityPeriod(null, null);

    private static final String OPEN = "..";

    private final LocalDate startInclusive;
    private final LocalDate endInclusive;

    private ValidityPeriod(LocalDate startInclusive, LocalDate endInclusive) {
        this.startInclusive = startInclusive;
        this.endInclusive = endInclusive;
    }

    /**
     * Obtains a period from its first and last day, either of which may be null for an open end.
     *
     * @param startInclusive  the first day, or null for no start
     * @param endInclusive  the last day, or null for no end
     * @return the period, never null
     * @throws IllegalArgumentException if the end is before the start
     */
    public static ValidityPeriod of(LocalDate startInclusive, LocalDate endInclusive) {
        if (startInclusive != null && endInclusive != null && endInclusive.isBefore(startInclusive)) {
            throw new IllegalArgumentException("End date must not be before start date: "
                    + startInclusive + "/" + endInclusive);
        }
        return startInclusive == null && endInclusive == null ? ALWAYS
                : new ValidityPeriod(startInclusive, endInclusive);
    }

    /**
     * Obtains the period of one calendar year, such as 2024-01-01/2024-12-31.
     *
     * @param year  the year
     * @return the period, never null
     */
    public static ValidityPeriod ofYear(int year) {
        return of(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /**
     * Parses the form that {@link #toString()} writes, such as "2024-01-01/2024-12-31" or "2024-01-01/..".
     *
     * @param text  the text, not null
     * @return the period, never null
     * @throws DateTimeParseException if the text is not two ISO dates (or "..") separated by "/"
     * @throws IllegalArgumentException if the end is before the start
     */
    public static ValidityPeriod parse(CharSequence text) {
        Objects.requireNonNull(text, "text");
        String string = text.toString();
        int slash = string.indexOf('/');
        if (slash < 0 || string.indexOf('/', slash + 1) >= 0) {
            throw new DateTimeParseException("Validity must be 'start/end' with ISO dates or '..'", string,
                    Math.max(slash, 0));
        }
        return of(parseEnd(string, 0, slash), parseEnd(string, slash + 1, string.length()));
    }

    private static LocalDate parseEnd(String text, int from, int to) {
        String part = text.substring(from, to);
        if (part.equals(OPEN)) {
            return null;
        }
        try {
            return LocalDate.parse(part);
        } catch (DateTimeParseException bad) {
            throw new DateTimeParseException("Not an ISO date or '..': '" + part + "'", text, from, bad);
        }
    }

    /**
     * Gets the first day.
     *
     * @return the first day, empty if open, never null
     */
    public Optional<LocalDate> getStartInclusive() {
        return Optional.ofNullable(startInclusive);
    }

    /**
     * Gets the last day.
     *
     * @return the last day, empty if open, never null
     */
    public Optional<LocalDate> getEndInclusive() {
        return Optional.ofNullable(endInclusive);
    }

    /**
     * Tells whether the period includes a day.
     *
     * @param date  the day, not null
     * @return true if the day is within the period
     */
    public boolean contains(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return (startInclusive == null || !date.isBefore(startInclusive))
                && (endInclusive == null || !date.isAfter(endInclusive));
    }

    /**
     * Tells whether two periods share at least one day.
     *
     * @param other  the other period, not null
     * @return true if they overlap
     */
    public boolean overlaps(ValidityPeriod other) {
        Objects.requireNonNull(other, "other");
        boolean thisEndsBefore = endInclusive != null && other.startInclusive != null
                && endInclusive.isBefore(other.startInclusive);
        boolean otherEndsBefore = other.endInclusive != null && startInclusive != null
                && other.endInclusive.isBefore(startInclusive);
        return !thisEndsBefore && !otherEndsBefore;
    }

    /**
     * Counts the days from the period to a day outside it: 0 inside, otherwise the days to the nearest end.
     *
     * @param date  the day, not null
     * @return the distance in days, zero or more
     */
    public long daysTo(LocalDate date) {
        if (contains(date)) {
            return 0;
        }
        return startInclusive != null && date.isBefore(startInclusive)
                ? ChronoUnit.DAYS.between(date, startInclusive)
                : ChronoUnit.DAYS.between(endInclusive, date);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ValidityPeriod other && Objects.equals(startInclusive, other.startInclusive)
                && Objects.equals(endInclusive, other.endInclusive);
    }

    @Override
    public int hashCode() {
        return Objects.hash(startInclusive, endInclusive);
    }

    /**
     * Returns the ISO 8601 form, such as "2024-01-01/2024-12-31" or "2024-01-01/..".
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return (startInclusive == null ? OPEN : startInclusive.toString()) + "/"
                + (endInclusive == null ? OPEN : endInclusive.toString());
    }
}
