package dev.carbonkit.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an account's reduction ledger (grams of CO2e, methodology-grounded, never inflated by
 * promotions) or points ledger (incentive currency). A points entry names the reduction entry it came from, or
 * none for a pure engagement award that avoided nothing.
 *
 * @param id  the entry's id, unique in the result, not null
 * @param ledger  which ledger, not null
 * @param account  the account, not null
 * @param activityId  the activity that earned it, not null
 * @param ruleId  the rule it was earned under, not null
 * @param amount  grams or points; positive, or negative for a reversal, not null
 * @param time  the activity's instant, not null
 * @param reductionEntryId  for a points entry, the reduction entry it came from, or null
 * @param reverses  for a reversal, the id of the entry it cancels, or null
 * @param reason  why the entry was written, for reversals and corrections, or null
 */
public record LedgerEntry(String id, Ledger ledger, String account, String activityId, String ruleId, BigDecimal amount,
        Instant time, String reductionEntryId, String reverses, String reason) {

    /** The two ledgers of an account. */
    public enum Ledger {
        /** Grams of CO2e avoided. */
        REDUCTION,
        /** Points. */
        POINTS
    }

    /**
     * Checks the components.
     *
     * @param id  the id
     * @param ledger  the ledger
     * @param account  the account
     * @param activityId  the activity id
     * @param ruleId  the rule id
     * @param amount  the amount
     * @param time  the instant
     * @param reductionEntryId  the linked reduction entry, or null
     * @param reverses  the reversed entry, or null
     * @param reason  the reason, or null
     */
    public LedgerEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(time, "time");
    }

    /**
     * Tells whether this entry cancels another.
     *
     * @return true for a reversal
     */
    public boolean isReversal() {
        return reverses != null;
    }
}
