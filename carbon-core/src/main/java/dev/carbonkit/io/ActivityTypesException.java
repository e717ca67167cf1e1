package dev.carbonkit.io;

import java.util.List;

/**
 * Thrown when a file of declared activity types cannot be loaded; lists every problem found, each with its line,
 * column and key path. No type of a file that fails to load is used.
 */
public final class ActivityTypesException extends LoadException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception for the problems found in a file of activity types.
     *
     * @param source  the name of the file, not null
     * @param problems  the problems, at least one, not null
     */
    public ActivityTypesException(String source, List<Problem> problems) {
        super(source, problems, "the activity types");
    }
}
