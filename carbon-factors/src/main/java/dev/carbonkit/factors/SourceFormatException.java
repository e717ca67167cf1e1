package dev.carbonkit.factors;

/**
 * Thrown when a publisher's file is not what a reader expects, such as a DESNZ flat file without an
 * {@code ID} column, a value that is not a decimal number, or a unit of measure carbonkit cannot map.
 * <p>
 * The exception names the source, the 1-based line and column, and the offending text.
 */
public class SourceFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;

    /**
     * Creates an exception for a problem at a place in a source file.
     *
     * @param source  the file's name, not null
     * @param line  the 1-based line
     * @param column  the 1-based column, or 0 if the whole line is at fault
     * @param message  what is wrong, quoting the offending text, not null
     */
    public SourceFormatException(String source, int line, int column, String message) {
        super(source + ":" + line + (column > 0 ? ":" + column : "") + ": " + message);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    /**
     * Gets the name of the source file.
     *
     * @return the source, never null
     */
    public String getSource() {
        return source;
    }

    /**
     * Gets the 1-based line.
     *
     * @return the line
     */
    public int getLine() {
        return line;
    }

    /**
     * Gets the 1-based column, or 0 if the whole line is at fault.
     *
     * @return the column
     */
    public int getColumn() {
        return column;
    }
}
