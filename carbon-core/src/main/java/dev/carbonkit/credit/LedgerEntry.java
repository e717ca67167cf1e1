package dev.carbonkit.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an account's reduction ledger (grams of CO2e, methodology-grounded, never inflated by
 * promotions) or points ledger (incentive currency). A points entry names the reduction entry it came from, or
 * none for a pure engagement award that avoided nothing.
 * <p>
 * An entry is {@link Kind#EARNED earned} by an activity, a {@link Kind#REVERSAL reversal} that cancels an
 * earlier entry, or a {@link Kind#CLAIM claim} of points whose rule has an {@link Issuance} that needs one. A
 * claim records when the account collected the points; its amount repeats what was collected and is not added
 * again to the balance.
 *
 * @param id  the entry's id, unique in the account, not null
 * @param kind  what the entry records, not null
 * @param ledger  which ledger, not null
 * @param account  the account, not null
 * @param activityId  the activity that earned it, not null
 * @param ruleId  the rule it was earned under, not null
 * @param amount  grams or points; negative for a reversal, not null
 * @param time  the activity's instant, or for a claim the instant of the claim, not null
 * @param reductionEntryId  for a points entry, the reduction entry it came from, or null
 * @param refersTo  for a reversal, the id of the entry it cancels; for a claim, the id the claimed entry was first
 *  written under (revisions keep the claim); otherwise null
 * @param reason  why the entry was written, for reversals and corrections, or null
 * @param schedule  for points under a rule with an issuance, when they are issued, collectible and lost if
 *  unclaimed; null when they count from the activity's instant
 */
public record LedgerEntry(String id, Kind kind, Ledger ledger, String account, String activityId, String ruleId,
        BigDecimal amount, Instant time, String reductionEntryId, String refersTo, String reason, Schedule schedule) {

    /** The two ledgers of an account. */
    public enum Ledger {
        /** Grams of CO2e avoided. */
        REDUCTION,
        /** Points. */
        POINTS
    }

    /** What an entry records. */
    public enum Kind {
        /** An amount earned by an activity under a rule, or its re-evaluated amount. */
        EARNED,
        /** The cancellation of an earlier entry, with a negative amount. */
        REVERSAL,
        /** The collection of points that had to be claimed. */
        CLAIM
    }

    /**
     * When points under a rule with an {@link Issuance} reach the account.
     *
     * @param issuedAt  when the points appear, not null
     * @param collectibleAt  from when they can be collected, not before the issue, not null
     * @param expiresAt  when unclaimed points are lost, or null if they need no claim
     */
    public record Schedule(Instant issuedAt, Instant collectibleAt, Instant expiresAt) {

        /**
         * Checks the components.
         *
         * @param issuedAt  the issue
         * @param collectibleAt  the start of collection
         * @param expiresAt  the expiry, or null
         */
        public Schedule {
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(collectibleAt, "collectibleAt");
            if (collectibleAt.isBefore(issuedAt) || expiresAt != null && !expiresAt.isAfter(collectibleAt)) {
                throw new IllegalArgumentException("Schedule: issued " + issuedAt + ", collectible " + collectibleAt
                        + ", expires " + expiresAt + " are out of order");
            }
        }

        /**
         * Tells whether the points must be claimed to count.
         *
         * @return true if they expire unless claimed
         */
        public boolean needsClaim() {
            return expiresAt != null;
        }

        /**
         * Tells whether the points can be claimed at an instant: collectible, and not yet lost.
         *
         * @param at  the instant, not null
         * @return true from collectibleAt (inclusive) to expiresAt (exclusive)
         */
        public boolean isClaimableAt(Instant at) {
            return needsClaim() && !at.isBefore(collectibleAt) && at.isBefore(expiresAt);
        }
    }

    /**
     * Checks the components.
     *
     * @param id  the id
     * @param kind  the kind
     * @param ledger  the ledger
     * @param account  the account
     * @param activityId  the activity id
     * @param ruleId  the rule id
     * @param amount  the amount
     * @param time  the instant
     * @param reductionEntryId  the linked reduction entry, or null
     * @param refersTo  the reversed or claimed entry, or null
     * @param reason  the reason, or null
     * @param schedule  the issuance schedule, or null
     */
    public LedgerEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(time, "time");
        if ((kind == Kind.EARNED) != (refersTo == null)) {
            throw new IllegalArgumentException("Ledger entry " + id + ": a " + kind + " entry "
                    + (refersTo == null ? "must name the entry it refers to" : "refers to no other entry"));
        }
        if (schedule != null && ledger != Ledger.POINTS) {
            throw new IllegalArgumentException("Ledger entry " + id + ": only points have an issuance schedule");
        }
    }

    /**
     * Creates an entry earned by an activity.
     *
     * @param id  the id, not null
     * @param ledger  the ledger, not null
     * @param account  the account, not null
     * @param activityId  the activity, not null
     * @param ruleId  the rule, not null
     * @param amount  the amount, not null
     * @param time  the activity's instant, not null
     * @param reductionEntryId  for points, the linked reduction entry, or null
     * @param schedule  for points with an issuance, the schedule, or null
     * @return the entry, never null
     */
    public static LedgerEntry earned(String id, Ledger ledger, String account, String activityId, String ruleId,
            BigDecimal amount, Instant time, String reductionEntryId, Schedule schedule) {
        return new LedgerEntry(id, Kind.EARNED, ledger, account, activityId, ruleId, amount, time, reductionEntryId,
                null, null, schedule);
    }

    /**
     * Tells whether this entry cancels another.
     *
     * @return true for a reversal
     */
    public boolean isReversal() {
        return kind == Kind.REVERSAL;
    }
}
