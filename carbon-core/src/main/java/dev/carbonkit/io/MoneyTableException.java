package dev.carbonkit.io;

import java.util.List;

/**
 * Thrown when a money table (price indices and exchange rates) cannot be loaded, listing every problem with its
 * position.
 * <p>
 * This exception is not thread-safe.
 */
public class MoneyTableException extends LoadException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception for the problems found in a money table file.
     *
     * @param source  the name of the file, not null
     * @param problems  the problems, at least one, not null
     */
    public MoneyTableException(String source, List<Problem> problems) {
        super(source, problems, "the money table");
    }
}
