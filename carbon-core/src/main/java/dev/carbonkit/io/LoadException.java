package dev.carbonkit.io;

import java.util.List;

/**
 * Thrown when a YAML file cannot be loaded, listing every problem found, each with its file, line, column and key
 * path. No part of a file that fails to load is used. {@link FactorTableException} (factor tables and
 * conformance vectors) and {@link RuleSetException} (credit rule sets) say which kind of file it was; catch this
 * class to handle both.
 * <p>
 * The message has a first line such as "desnz.yaml: 2 problems; the table was not loaded" or "sz.yaml: 1
 * problem; the rule set was not loaded", then one line per problem.
 */
public class LoadException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient List<Problem> problems;

    /**
     * Creates an exception for the problems found in a file of the given kind.
     *
     * @param source  the name of the file, not null
     * @param problems  the problems, at least one, not null
     * @param what  what the file holds, such as "the rule set", not null
     */
    protected LoadException(String source, List<Problem> problems, String what) {
        super(message(source, problems, what));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    private static String message(String source, List<Problem> problems, String what) {
        StringBuilder text = new StringBuilder(source).append(": ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems").append("; ").append(what)
                .append(" was not loaded");
        for (Problem problem : problems) {
            text.append("\n  ").append(problem);
        }
        return text.toString();
    }

    /**
     * Gets the name of the file.
     *
     * @return the source, never null
     */
    public String getSource() {
        return source;
    }

    /**
     * Gets every problem found, in the order found.
     *
     * @return the problems, unmodifiable, never empty, never null
     */
    public List<Problem> getProblems() {
        return problems;
    }
}
