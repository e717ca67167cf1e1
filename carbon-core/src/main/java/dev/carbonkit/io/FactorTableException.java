package dev.carbonkit.io;

import java.util.List;

/**
 * Thrown when a factor table or a file of conformance vectors cannot be loaded; lists every problem found, each
 * with its line, column and key path. No part of a file that fails to load is used.
 * <p>
 * The message has a first line such as "desnz.yaml: 2 problems; the table was not loaded", then one line per
 * problem.
 */
public class FactorTableException extends LoadException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception for the problems found in a factor table.
     *
     * @param source  the name of the file, not null
     * @param problems  the problems, at least one, not null
     */
    public FactorTableException(String source, List<Problem> problems) {
        this(source, problems, "the table");
    }

    /**
     * Creates an exception for the problems found in a file of the given kind.
     *
     * @param source  the name of the file, not null
     * @param problems  the problems, at least one, not null
     * @param what  what the file holds, such as "the vectors file", not null
     */
    public FactorTableException(String source, List<Problem> problems, String what) {
        super(source, problems, what);
    }
}
