package dev.carbonkit.quantity;

/**
 * Thrown when text is not a quantity in the form {@code "12.5 km"}.
 * <p>
 * The exception keeps the text and the 0-based index at which it stopped making sense.
 */
public class QuantityParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final int errorIndex;

    /**
     * Creates an exception for text that could not be parsed.
     *
     * @param message  what was wrong, not null
     * @param text  the text, not null
     * @param errorIndex  the 0-based index of the problem
     */
    public QuantityParseException(String message, String text, int errorIndex) {
        super(message + ": '" + text + "' at index " + errorIndex);
        this.text = text;
        this.errorIndex = errorIndex;
    }

    /**
     * Gets the text that could not be parsed.
     *
     * @return the text, never null
     */
    public String getText() {
        return text;
    }

    /**
     * Gets the 0-based index at which the text stopped making sense.
     *
     * @return the index
     */
    public int getErrorIndex() {
        return errorIndex;
    }
}
