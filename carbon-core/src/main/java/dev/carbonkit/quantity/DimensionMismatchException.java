package dev.carbonkit.quantity;

/**
 * Thrown when two units of different dimensions meet, such as adding 3 kWh to 12 km.
 * <p>
 * The message names both units and dimensions: "Dimensions differ: km (DISTANCE) / kWh (ENERGY)".
 */
public class DimensionMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Unit first;
    private final transient Unit second;

    /**
     * Creates an exception for two units whose dimensions differ.
     *
     * @param first  the first unit, not null
     * @param second  the second unit, not null
     */
    public DimensionMismatchException(Unit first, Unit second) {
        super("Dimensions differ: " + first.getCode() + " (" + first.getDimension() + ") / "
                + second.getCode() + " (" + second.getDimension() + ")");
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
