package dev.carbonkit.calc;

/**
 * Thrown when an activity cannot be scored; names the activity by id. Subclasses say why.
 */
public class ScoringException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String activityId;

    /**
     * Creates an exception for an activity.
     *
     * @param activityId  the id of the activity that could not be scored, not null
     * @param message  what went wrong, not null
     */
    public ScoringException(String activityId, String message) {
        super("Activity '" + activityId + "': " + message);
        this.activityId = activityId;
    }

    /**
     * Gets the id of the activity that could not be scored.
     *
     * @return the activity id, never null
     */
    public String getActivityId() {
        return activityId;
    }
}
