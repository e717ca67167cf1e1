package dev.carbonkit.quantity;

import dev.carbonkit.UnknownCodeException;

/**
 * Thrown when a unit code is not one carbonkit knows, such as {@code 'kwh'} (the unit is {@code 'kWh'}).
 */
public class UnknownUnitException extends UnknownCodeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception for an unknown unit code.
     *
     * @param code  the code as given, not null
     * @param suggestion  the closest known code, or null
     */
    public UnknownUnitException(String code, String suggestion) {
        super("unit", code, suggestion);
    }
}
