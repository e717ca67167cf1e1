package dev.carbonkit.credit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What one activity earned under one rule, and why, such as 'trip-7 under sz-metro: 584 g, 584 points' or
 * 'payment-11 under ant-offline-payment: 0, CAPPED (DAY COUNT 10 reached)'. Every award, including every
 * zero, carries the steps that led to it.
 */
public final class Award {
    private final String activityId;
    private final String account;
    private final String ruleId;
    private final Outcome outcome;
    private final BigDecimal grams;
    private final BigDecimal points;
    private final List<String> steps;

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
    public Award(String activityId, String account, String ruleId, Outcome outcome, BigDecimal grams,
            BigDecimal points, List<String> steps) {
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(grams, "grams");
        Objects.requireNonNull(points, "points");
        steps = steps instanceof DeferredSteps ? steps : List.copyOf(steps);
        this.activityId = activityId;
        this.account = account;
        this.ruleId = ruleId;
        this.outcome = outcome;
        this.grams = grams;
        this.points = points;
        this.steps = steps;
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

    /**
     * Gets the activity's id.
     *
     * @return the activity's id, not null
     */
    public String getActivityId() {
        return activityId;
    }

    /**
     * Gets the account.
     *
     * @return the account, not null
     */
    public String getAccount() {
        return account;
    }

    /**
     * Gets the rule's id.
     *
     * @return the rule's id, or null when no rule is about the activity
     */
    public String getRuleId() {
        return ruleId;
    }

    /**
     * Gets the outcome: what happened.
     *
     * @return what happened, not null
     */
    public Outcome getOutcome() {
        return outcome;
    }

    /**
     * Gets the reduction earned, in g CO2e.
     *
     * @return the reduction earned, in g CO2e, not null
     */
    public BigDecimal getGrams() {
        return grams;
    }

    /**
     * Gets the points earned.
     *
     * @return the points earned, not null
     */
    public BigDecimal getPoints() {
        return points;
    }

    /**
     * Gets the explanation, one line per step.
     *
     * @return the explanation, one line per step, not null
     */
    public List<String> getSteps() {
        return steps;
    }

    @Override
    public boolean equals(Object obj) {
        return obj == this || obj instanceof Award other
                && java.util.Objects.equals(activityId, other.activityId)
                        && java.util.Objects.equals(account, other.account)
                        && java.util.Objects.equals(ruleId, other.ruleId)
                        && java.util.Objects.equals(outcome, other.outcome)
                        && java.util.Objects.equals(grams, other.grams)
                        && java.util.Objects.equals(points, other.points)
                        && java.util.Objects.equals(steps, other.steps);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(activityId, account, ruleId, outcome, grams, points, steps);
    }

    /**
     * Returns the values in the form {@code Award[activityId=..., ...]}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "Award[activityId=" + activityId + ", account=" + account + ", ruleId=" + ruleId + ", outcome="
                + outcome + ", grams=" + grams + ", points=" + points + ", steps=" + steps + "]";
    }
}
