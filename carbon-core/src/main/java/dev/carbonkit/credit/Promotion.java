package dev.carbonkit.credit;

import dev.carbonkit.internal.DecimalText;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A campaign that multiplies points, such as 'double points for metro rides in the week of 22 September', and
 * never touches the reduction ledger: grams of CO2e avoided do not double because a campaign runs.
 */
public final class Promotion {
    private final String id;
    private final BigDecimal multiplier;
    private final Instant validFrom;
    private final Instant validTo;
    private final Set<String> appliesTo;

    /**
     * Checks the components.
     *
     * @param id  the id
     * @param multiplier  the multiplier
     * @param validFrom  the start, inclusive
     * @param validTo  the end, exclusive
     * @param appliesTo  the rule ids
     */
    public Promotion(String id, BigDecimal multiplier, Instant validFrom, Instant validTo, Set<String> appliesTo) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(multiplier, "multiplier");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        appliesTo = Set.copyOf(appliesTo);
        DecimalText.check(multiplier, "multiplier of promotion '" + id + "'");
        if (multiplier.signum() <= 0) {
            throw new IllegalArgumentException("Promotion " + id + ": multiplier must be positive: " + multiplier);
        }
        if (!validTo.isAfter(validFrom)) {
            throw new IllegalArgumentException("Promotion " + id + ": validTo must be after validFrom");
        }
        this.id = id;
        this.multiplier = multiplier;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.appliesTo = appliesTo;
    }

    /**
     * Tells whether the promotion applies to an award of a rule at an instant.
     *
     * @param ruleId  the rule's id, not null
     * @param time  the activity's instant, not null
     * @return true if it applies
     */
    public boolean appliesTo(String ruleId, Instant time) {
        return appliesTo.contains(ruleId) && !time.isBefore(validFrom) && time.isBefore(validTo);
    }

    /**
     * Gets the promotion's id.
     *
     * @return the promotion's id, not null
     */
    public String getId() {
        return id;
    }

    /**
     * Gets the factor applied to points, positive.
     *
     * @return the factor applied to points, positive, not null
     */
    public BigDecimal getMultiplier() {
        return multiplier;
    }

    /**
     * Gets the first instant it applies to (inclusive).
     *
     * @return the first instant it applies to (inclusive), not null
     */
    public Instant getValidFrom() {
        return validFrom;
    }

    /**
     * Gets the instant it stops applying (exclusive).
     *
     * @return the instant it stops applying (exclusive), not null
     */
    public Instant getValidTo() {
        return validTo;
    }

    /**
     * Gets the ids of the rules it applies to.
     *
     * @return the ids of the rules it applies to, not null
     */
    public Set<String> getAppliesTo() {
        return appliesTo;
    }

    @Override
    public boolean equals(Object obj) {
        return obj == this || obj instanceof Promotion other
                && java.util.Objects.equals(id, other.id)
                        && java.util.Objects.equals(multiplier, other.multiplier)
                        && java.util.Objects.equals(validFrom, other.validFrom)
                        && java.util.Objects.equals(validTo, other.validTo)
                        && java.util.Objects.equals(appliesTo, other.appliesTo);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(id, multiplier, validFrom, validTo, appliesTo);
    }

    /**
     * Returns the values in the form {@code Promotion[id=..., ...]}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "Promotion[id=" + id + ", multiplier=" + multiplier + ", validFrom=" + validFrom + ", validTo="
                + validTo + ", appliesTo=" + appliesTo + "]";
    }
}
