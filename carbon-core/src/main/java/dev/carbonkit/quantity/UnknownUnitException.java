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

    /**
     * Creates an exception for a unit code that is wrong in a way a hint cannot fix, saying how.
     *
     * @param code  the unknown code, not null
     * @param suggestion  ignored when null; else the closest known code
     * @param why  what is wrong with it, such as a price year that is not a year, not null
     */
    public UnknownUnitException(String code, String suggestion, String why) {
        super("unit", code, suggestion, "; " + why);
    }
}
