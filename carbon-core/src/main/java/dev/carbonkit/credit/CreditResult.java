package dev.carbonkit.credit;

import dev.carbonkit.CarbonMath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of evaluating activities under a rule set: every award, in chronological order, and the entries
 * of the two ledgers.
 */
public final class CreditResult {
    private final String ruleSetId;
    private final List<Award> awards;
    private final List<LedgerEntry> reductions;
    private final List<LedgerEntry> points;
    private final Instant closedUpTo;

    /**
     * Copies the lists.
     *
     * @param ruleSetId  the rule set id
     * @param awards  the awards
     * @param reductions  the reduction entries
     * @param points  the points entries
     * @param closedUpTo  the closing instant, or null
     */
    public CreditResult(String ruleSetId, List<Award> awards, List<LedgerEntry> reductions, List<LedgerEntry> points,
            Instant closedUpTo) {
        awards = List.copyOf(awards);
        reductions = List.copyOf(reductions);
        points = List.copyOf(points);
        this.ruleSetId = ruleSetId;
        this.awards = awards;
        this.reductions = reductions;
        this.points = points;
        this.closedUpTo = closedUpTo;
    }

    /**
     * Sums an account's reduction ledger, in g CO2e.
     *
     * @param account  the account, not null
     * @return the total, never null
     */
    public BigDecimal totalGrams(String account) {
        return sum(reductions, account);
    }

    /**
     * Sums an account's points ledger.
     *
     * @param account  the account, not null
     * @return the total, never null
     */
    public BigDecimal totalPoints(String account) {
        return sum(points, account);
    }

    private static BigDecimal sum(List<LedgerEntry> entries, String account) {
        BigDecimal total = BigDecimal.ZERO;
        for (LedgerEntry entry : entries) {
            if (entry.getAccount().equals(account)) {
                total = total.add(entry.getAmount());
            }
        }
        return CarbonMath.normalize(total);
    }

    /**
     * Gets the rule set's id.
     *
     * @return the rule set's id
     */
    public String getRuleSetId() {
        return ruleSetId;
    }

    /**
     * Gets the awards: one award per activity and rule about it (or one NO_RULE award), chronological.
     *
     * @return one award per activity and rule about it (or one NO_RULE award), chronological
     */
    public List<Award> getAwards() {
        return awards;
    }

    /**
     * Gets the reduction ledger entries, chronological.
     *
     * @return the reduction ledger entries, chronological
     */
    public List<LedgerEntry> getReductions() {
        return reductions;
    }

    /**
     * Gets the points ledger entries, chronological.
     *
     * @return the points ledger entries, chronological
     */
    public List<LedgerEntry> getPoints() {
        return points;
    }

    /**
     * Gets the instant up to which allowance-budget periods were closed (the later of the evaluation's {@code closedUpTo} and the latest activity).
     *
     * @return the instant up to which allowance-budget periods were closed (the later of the evaluation's {@code closedUpTo} and the latest activity), or null when there were no activities and none was given
     */
    public Instant getClosedUpTo() {
        return closedUpTo;
    }

    @Override
    public boolean equals(Object obj) {
        return obj == this || obj instanceof CreditResult other
                && java.util.Objects.equals(ruleSetId, other.ruleSetId)
                        && java.util.Objects.equals(awards, other.awards)
                        && java.util.Objects.equals(reductions, other.reductions)
                        && java.util.Objects.equals(points, other.points)
                        && java.util.Objects.equals(closedUpTo, other.closedUpTo);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(ruleSetId, awards, reductions, points, closedUpTo);
    }

    /**
     * Returns the values in the form {@code CreditResult[ruleSetId=..., ...]}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "CreditResult[ruleSetId=" + ruleSetId + ", awards=" + awards + ", reductions=" + reductions
                + ", points=" + points + ", closedUpTo=" + closedUpTo + "]";
    }
}
