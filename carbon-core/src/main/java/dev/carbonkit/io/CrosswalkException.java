package dev.carbonkit.io;

import java.util.List;

/**
 * Thrown when a crosswalk file cannot be loaded; lists every problem found, each with its line, column and key path.
 * No mapping of a file that fails to load is used.
 */
public final class CrosswalkException extends LoadException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception for the problems found in a crosswalk file.
     *
     * @param source  the name of the file, not null
     * @param problems  the problems, at least one, not null
     */
    public CrosswalkException(String source, List<Problem> problems) {
        super(source, problems, "the crosswalk");
    }
}
