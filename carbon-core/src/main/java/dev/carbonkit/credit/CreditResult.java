package dev.carbonkit.credit;

import dev.carbonkit.CarbonMath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of evaluating activities under a rule set: every award, in chronological order, and the entries
 * of the two ledgers.
 *
 * @param ruleSetId  the rule set's id
 * @param awards  one award per activity and rule about it (or one NO_RULE award), chronological
 * @param reductions  the reduction ledger entries, chronological
 * @param points  the points ledger entries, chronological
 * @param closedUpTo  the instant up to which allowance-budget periods were closed (the later of the evaluation's
 *  {@code closedUpTo} and the latest activity), or null when there were no activities and none was given
 */
public record CreditResult(String ruleSetId, List<Award> awards, List<LedgerEntry> reductions, List<LedgerEntry> points,
        Instant closedUpTo) {

    /**
     * Copies the lists.
     *
     * @param ruleSetId  the rule set id
     * @param awards  the awards
     * @param reductions  the reduction entries
     * @param points  the points entries
     * @param closedUpTo  the closing instant, or null
     */
    public CreditResult {
        awards = List.copyOf(awards);
        reductions = List.copyOf(reductions);
        points = List.copyOf(points);
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
            if (entry.account().equals(account)) {
                total = total.add(entry.amount());
            }
        }
        return CarbonMath.normalize(total);
    }
}
