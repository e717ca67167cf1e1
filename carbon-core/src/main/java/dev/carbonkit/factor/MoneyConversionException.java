package dev.carbonkit.factor;

import java.util.Objects;

/**
 * Thrown when money cannot be converted to the unit asked for, such as 'no USD price index for both 2024 and 2022 in
 * the money tables [fx-2024]': a unit that is not money at a year's prices, or an exchange rate or price index that no
 * table given has. The unit converted from is kept.
 * <p>
 * This exception is not thread-safe.
 */
public class MoneyConversionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The unit converted from. */
    private final String unit;

    /**
     * Creates an exception.
     *
     * @param unit  the code of the unit converted from, such as "GBP@2024", not null
     * @param message  what is missing, not null
     */
    public MoneyConversionException(String unit, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.unit = Objects.requireNonNull(unit, "unit");
    }

    /**
     * Gets the code of the unit converted from.
     *
     * @return the code, such as "GBP@2024", never null
     */
    public String getUnit() {
        return unit;
    }
}
