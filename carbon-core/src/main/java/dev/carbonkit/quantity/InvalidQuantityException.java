package dev.carbonkit.quantity;

/**
 * Thrown when an amount is not acceptable where it is used, such as a negative distance for a trip, or an
 * absurd amount like {@code 1E+400}.
 */
public class InvalidQuantityException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String value;

    /**
     * Creates an exception for an unacceptable amount.
     *
     * @param value  the offending value as text, not null
     * @param message  the rule that was broken, naming the value, not null
     */
    public InvalidQuantityException(String value, String message) {
        super(message);
        this.value = value;
    }

    /**
     * Gets the offending value as text.
     *
     * @return the value, never null
     */
    public String getValue() {
        return value;
    }
}
