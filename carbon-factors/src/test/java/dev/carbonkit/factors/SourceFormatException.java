package dev.carbonkit.factors;

import dev.carbonkit.io.Problem;

/**
 * Thrown when a publisher's file is not what a reader expects, such as a DESNZ flat file without an
 * {@code ID} column, a value that is not a decimal number, or a unit of measure carbonkit cannot map.
 * <p>
 * The exception keeps the {@link Problem}: the source, the 1-based line and column, and what is wrong,
 * quoting the offending text.
 */
public class SourceFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    /**
     * Creates an exception for a problem at a place in a source file.
     *
     * @param source  the file's name, not null
     * @param line  the 1-based line, or 0 if not known
     * @param column  the 1-based column, or 0 if the whole line is at fault
     * @param message  what is wrong, quoting the offending text, not null
     */
    public SourceFormatException(String source, int line, int column, String message) {
        this(Problem.of(source, line, column, "", message));
    }

    private SourceFormatException(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    /**
     * Gets the problem: where in which file, and what is wrong.
     *
     * @return the problem, never null
     */
    public Problem getProblem() {
        return problem;
    }
}
