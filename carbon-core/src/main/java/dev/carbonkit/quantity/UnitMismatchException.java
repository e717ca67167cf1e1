package dev.carbonkit.quantity;

/**
 * Thrown when two units meet that do not convert into each other; keeps both units. The subclasses say
 * why: {@link DimensionMismatchException} for different dimensions (km and kWh),
 * {@link CurrencyMismatchException} for different currencies without a rate (GBP and USD).
 */
public class UnitMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Unit first;
    private final transient Unit second;

    /**
     * Creates an exception for two units that do not convert into each other.
     *
     * @param message  the rule broken, naming both units, not null
     * @param first  the first unit, usually the one already held, not null
     * @param second  the second unit, usually the one offered, not null
     */
    protected UnitMismatchException(String message, Unit first, Unit second) {
        super(message);
        this.first = first;
        this.second = second;
    }

    /**
     * Gets the first unit, usually the one already held.
     *
     * @return the first unit, never null
     */
    public Unit getFirst() {
        return first;
    }

    /**
     * Gets the second unit, usually the one offered.
     *
     * @return the second unit, never null
     */
    public Unit getSecond() {
        return second;
    }
}
