package dev.carbonkit.credit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What one activity earned under one rule, and why, such as 'trip-7 under sz-metro: 584 g, 584 points' or
 * 'payment-11 under ant-offline-payment: 0, CAPPED (DAY COUNT 10 reached)'. Every award, including every
 * zero, carries the steps that led to it.
 *
 * @param activityId  the activity's id, not null
 * @param account  the account, not null
 * @param ruleId  the rule's id, or null when no rule is about the activity
 * @param outcome  what happened, not null
 * @param grams  the reduction earned, in g CO2e, not null
 * @param points  the points earned, not null
 * @param steps  the explanation, one line per step, not null
 */
public record Award(String activityId, String account, String ruleId, Outcome outcome, BigDecimal grams,
        BigDecimal points, List<String> steps) {

    /** What happened to an activity under a rule. */
    public enum Outcome {
        /** Earned in full. */
        AWARDED,
        /** Earned, but a grams or points cap trimmed it. */
        PARTIALLY_CAPPED,
        /** No rule of the rule set is about this activity. */
        NO_RULE,
        /** An eligibility condition was not met. */
        INELIGIBLE,
        /** The quantity is below the rule's threshold or lowest tier. */
        BELOW_THRESHOLD,
        /** The same deduplication key already earned in this period. */
        DUPLICATE,
        /** Another activity of the same exclusive group and key already earned. */
        EXCLUDED,
        /** A cap was already reached. */
        CAPPED,
        /**
         * The activity's quantity cannot be counted in the rule's unit, such as a metro trip given in kWh or a
         * payment in USD under a rule in CNY; the activity earns nothing and the rest of the batch is evaluated.
         */
        INCOMPATIBLE_QUANTITY,
        /** The actual quantity is not below any baseline of a dynamic-baseline rule that applies. */
        NOT_BELOW_BASELINE,
        /**
         * The activity counts against an allowance budget; it earns nothing itself, and the budget period's own
         * award comes when the period closes.
         */
        COUNTED_IN_BUDGET,
        /** A closed budget period used all of its budget or more: nothing is left to earn. */
        OVER_BUDGET
    }

    /**
     * Checks the components.
     *
     * @param activityId  the activity id
     * @param account  the account
     * @param ruleId  the rule id, or null
     * @param outcome  the outcome
     * @param grams  the grams
     * @param points  the points
     * @param steps  the explanation
     */
    public Award {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(grams, "grams");
        Objects.requireNonNull(points, "points");
        steps = steps instanceof DeferredSteps ? steps : List.copyOf(steps);
    }

    /**
     * Tells whether the award earned anything.
     *
     * @return true if grams or points are above zero
     */
    public boolean isEarning() {
        return grams.signum() > 0 || points.signum() > 0;
    }

    /**
     * Returns the explanation, one step per line.
     *
     * @return the text, never null
     */
    public String explain() {
        return String.join("\n", steps) + "\n";
    }
}
