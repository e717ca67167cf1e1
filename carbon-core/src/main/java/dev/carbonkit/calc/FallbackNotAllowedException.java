package dev.carbonkit.calc;

/**
 * Thrown when scoring an activity needs a fallback that the policy forbids, such as a factor for 'GB' when
 * the activity is in 'GB-LND' under a strict policy. The exception keeps the fallback.
 */
public class FallbackNotAllowedException extends ScoringException {

    private static final long serialVersionUID = 1L;

    private final transient Fallback fallback;

    /**
     * Creates an exception for a forbidden fallback.
     *
     * @param activityId  the activity id, not null
     * @param fallback  the fallback that the policy forbids, not null
     */
    public FallbackNotAllowedException(String activityId, Fallback fallback) {
        super(activityId, "the policy forbids the fallback it would need: " + fallback);
        this.fallback = fallback;
    }

    /**
     * Gets the forbidden fallback.
     *
     * @return the fallback, never null
     */
    public Fallback getFallback() {
        return fallback;
    }
}
