package dev.carbonkit.io;

import java.util.List;

/**
 * Thrown when a credit rule set cannot be loaded, such as "sz.yaml: 1 problem; the rule set was not loaded" then
 * "sz.yaml:7:11: rules[0].kind: unknown rule kind 'fixed_per_evnt'; did you mean 'fixed_per_event'?"; lists
 * every problem found, each with its line, column and key path. No rule of a file that fails to load is used.
 */
public final class RuleSetException extends LoadException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception for the problems found in a rule set.
     *
     * @param source  the name of the file, not null
     * @param problems  the problems, at least one, not null
     */
    public RuleSetException(String source, List<Problem> problems) {
        super(source, problems, "the rule set");
    }
}
