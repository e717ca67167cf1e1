package dev.carbonkit.quantity;

/**
 * Thrown when two units of different dimensions meet, such as adding 3 kWh to 12 km.
 * <p>
 * The message names both units and dimensions: "Dimensions differ: km (DISTANCE) / kWh (ENERGY)".
 */
public class DimensionMismatchException extends UnitMismatchException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception for two units whose dimensions differ.
     *
     * @param first  the first unit, not null
     * @param second  the second unit, not null
     */
    public DimensionMismatchException(Unit first, Unit second) {
        super("Dimensions differ: " + first.getCode() + " (" + first.getDimension() + ") / "
                + second.getCode() + " (" + second.getDimension() + ")", first, second);
    }
}
