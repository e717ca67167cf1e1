package dev.carbonkit.audit;

import dev.carbonkit.internal.Checks;

/**
 * Thrown when a text is not a receipt, such as 'receipts.jsonl:12:48: receipts hold text, arrays, objects and null
 * only; found a number '3.3' (numbers are written as decimal strings)'. Reading a file, the source and line are
 * those of the file; the column is within the line.
 */
public final class ReceiptFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final long column;
    private final String problem;

    /**
     * Creates an exception for one receipt's text.
     *
     * @param line  the 1-based line, or 0 if unknown
     * @param column  the 1-based column, or 0 if unknown
     * @param problem  what is wrong, not null
     */
    public ReceiptFormatException(long line, long column, String problem) {
        this("receipt", line, column, problem);
    }

    /**
     * Creates an exception for a receipt in a file.
     *
     * @param source  the file, not null
     * @param line  the 1-based line, or 0 if unknown
     * @param column  the 1-based column, or 0 if unknown
     * @param problem  what is wrong, not null; cut at 500 characters, with its length
     */
    public ReceiptFormatException(String source, long line, long column, String problem) {
        super(source + ":" + line + ":" + column + ": " + Checks.cut(problem, 500));
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = Checks.cut(problem, 500);
    }

    /**
     * Places a receipt's problem in a file: the source and the line of the file.
     *
     * @param source  the file, not null
     * @param fileLine  the line of the file the receipt is on
     * @return the exception, never null
     */
    ReceiptFormatException in(String source, long fileLine) {
        return new ReceiptFormatException(source, fileLine, column, problem);
    }

    /**
     * Gets the file, or "receipt" for a text on its own.
     *
     * @return the source, never null
     */
    public String getSource() {
        return source;
    }

    /**
     * Gets the 1-based line.
     *
     * @return the line, 0 if unknown
     */
    public long getLine() {
        return line;
    }

    /**
     * Gets the 1-based column.
     *
     * @return the column, 0 if unknown
     */
    public long getColumn() {
        return column;
    }

    /**
     * Gets what is wrong, without the position.
     *
     * @return the problem, never null
     */
    public String getProblem() {
        return problem;
    }
}
