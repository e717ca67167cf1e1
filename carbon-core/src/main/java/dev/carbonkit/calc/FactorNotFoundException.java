package dev.carbonkit.calc;

/**
 * Thrown when no factor fits an activity: its type is unknown, no factor is in a unit of its dimension, no
 * factor covers its region or any wider one, or an explicit factor id names nothing. The message says
 * which, with the values that were looked for, such as "no factor for activity type 'food.bef'; did you
 * mean 'food.beef'?".
 */
public class FactorNotFoundException extends ScoringException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception for an activity no factor fits.
     *
     * @param activityId  the activity id, not null
     * @param message  what was looked for and not found, not null
     */
    public FactorNotFoundException(String activityId, String message) {
        super(activityId, message);
    }
}
