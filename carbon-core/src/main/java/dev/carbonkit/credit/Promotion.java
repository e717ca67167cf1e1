package dev.carbonkit.credit;

import dev.carbonkit.internal.DecimalText;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A campaign that multiplies points, such as 'double points for metro rides in the week of 22 September', and
 * never touches the reduction ledger: grams of CO2e avoided do not double because a campaign runs.
 *
 * @param id  the promotion's id, not null
 * @param multiplier  the factor applied to points, positive, not null
 * @param validFrom  the first instant it applies to (inclusive), not null
 * @param validTo  the instant it stops applying (exclusive), not null
 * @param appliesTo  the ids of the rules it applies to, not null
 */
public record Promotion(String id, BigDecimal multiplier, Instant validFrom, Instant validTo, Set<String> appliesTo) {

    /**
     * Checks the components.
     *
     * @param id  the id
     * @param multiplier  the multiplier
     * @param validFrom  the start, inclusive
     * @param validTo  the end, exclusive
     * @param appliesTo  the rule ids
     */
    public Promotion {
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
}
