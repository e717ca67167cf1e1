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
 */
public final class LedgerEntry {
    private final String id;
    private final Kind kind;
    private final Ledger ledger;
    private final String account;
    private final String activityId;
    private final String ruleId;
    private final BigDecimal amount;
    private final Instant time;
    private final String reductionEntryId;
    private final String refersTo;
    private final String reason;
    private final Schedule schedule;

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
     */
    public static final class Schedule {
        private final Instant issuedAt;
        private final Instant collectibleAt;
        private final Instant expiresAt;

        /**
         * Checks the components.
         *
         * @param issuedAt  the issue
         * @param collectibleAt  the start of collection
         * @param expiresAt  the expiry, or null
         */
        public Schedule(Instant issuedAt, Instant collectibleAt, Instant expiresAt) {
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(collectibleAt, "collectibleAt");
            if (collectibleAt.isBefore(issuedAt) || expiresAt != null && !expiresAt.isAfter(collectibleAt)) {
                throw new IllegalArgumentException("Schedule: issued " + issuedAt + ", collectible " + collectibleAt
                        + ", expires " + expiresAt + " are out of order");
            }
            this.issuedAt = issuedAt;
            this.collectibleAt = collectibleAt;
            this.expiresAt = expiresAt;
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

        /**
         * Gets the issuedAt: when the points appear.
         *
         * @return when the points appear, not null
         */
        public Instant getIssuedAt() {
            return issuedAt;
        }

        /**
         * Gets the collectibleAt: from when they can be collected, not before the issue.
         *
         * @return from when they can be collected, not before the issue, not null
         */
        public Instant getCollectibleAt() {
            return collectibleAt;
        }

        /**
         * Gets the expiresAt: when unclaimed points are lost.
         *
         * @return when unclaimed points are lost, or null if they need no claim
         */
        public Instant getExpiresAt() {
            return expiresAt;
        }

        @Override
        public boolean equals(Object obj) {
            return obj == this || obj instanceof Schedule other
                    && java.util.Objects.equals(issuedAt, other.issuedAt)
                            && java.util.Objects.equals(collectibleAt, other.collectibleAt)
                            && java.util.Objects.equals(expiresAt, other.expiresAt);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(issuedAt, collectibleAt, expiresAt);
        }

        /**
         * Returns the values in the form {@code Schedule[issuedAt=..., ...]}.
         *
         * @return the text, never null
         */
        @Override
        public String toString() {
            return "Schedule[issuedAt=" + issuedAt + ", collectibleAt=" + collectibleAt + ", expiresAt="
                    + expiresAt + "]";
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
    public LedgerEntry(String id, Kind kind, Ledger ledger, String account, String activityId, String ruleId,
            BigDecimal amount, Instant time, String reductionEntryId, String refersTo, String reason,
            Schedule schedule) {
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
        this.id = id;
        this.kind = kind;
        this.ledger = ledger;
        this.account = account;
        this.activityId = activityId;
        this.ruleId = ruleId;
        this.amount = amount;
        this.time = time;
        this.reductionEntryId = reductionEntryId;
        this.refersTo = refersTo;
        this.reason = reason;
        this.schedule = schedule;
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

    /**
     * Gets the entry's id, unique in the account.
     *
     * @return the entry's id, unique in the account, not null
     */
    public String getId() {
        return id;
    }

    /**
     * Gets the kind: what the entry records.
     *
     * @return what the entry records, not null
     */
    public Kind getKind() {
        return kind;
    }

    /**
     * Gets the ledger: which ledger.
     *
     * @return which ledger, not null
     */
    public Ledger getLedger() {
        return ledger;
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
     * Gets the activity that earned it.
     *
     * @return the activity that earned it, not null
     */
    public String getActivityId() {
        return activityId;
    }

    /**
     * Gets the rule it was earned under.
     *
     * @return the rule it was earned under, not null
     */
    public String getRuleId() {
        return ruleId;
    }

    /**
     * Gets the amount: grams or points; negative for a reversal.
     *
     * @return grams or points; negative for a reversal, not null
     */
    public BigDecimal getAmount() {
        return amount;
    }

    /**
     * Gets the activity's instant, or for a claim the instant of the claim.
     *
     * @return the activity's instant, or for a claim the instant of the claim, not null
     */
    public Instant getTime() {
        return time;
    }

    /**
     * Gets the reductionEntryId: for a points entry, the reduction entry it came from.
     *
     * @return for a points entry, the reduction entry it came from, or null
     */
    public String getReductionEntryId() {
        return reductionEntryId;
    }

    /**
     * Gets the refersTo: for a reversal, the id of the entry it cancels; for a claim,
             the id the claimed entry was first written under (revisions keep the claim); otherwise null.
     *
     * @return for a reversal, the id of the entry it cancels; for a claim,
             the id the claimed entry was first written under (revisions keep the claim); otherwise null
     */
    public String getRefersTo() {
        return refersTo;
    }

    /**
     * Gets the reason: why the entry was written, for reversals and corrections.
     *
     * @return why the entry was written, for reversals and corrections, or null
     */
    public String getReason() {
        return reason;
    }

    /**
     * Gets the schedule: for points under a rule with an issuance, when they are issued,
             collectible and lost if unclaimed; null when they count from the activity's instant.
     *
     * @return for points under a rule with an issuance, when they are issued,
             collectible and lost if unclaimed; null when they count from the activity's instant
     */
    public Schedule getSchedule() {
        return schedule;
    }

    @Override
    public boolean equals(Object obj) {
        return obj == this || obj instanceof LedgerEntry other
                && java.util.Objects.equals(id, other.id) && java.util.Objects.equals(kind, other.kind)
                        && java.util.Objects.equals(ledger, other.ledger)
                        && java.util.Objects.equals(account, other.account)
                        && java.util.Objects.equals(activityId, other.activityId)
                        && java.util.Objects.equals(ruleId, other.ruleId)
                        && java.util.Objects.equals(amount, other.amount)
                        && java.util.Objects.equals(time, other.time)
                        && java.util.Objects.equals(reductionEntryId, other.reductionEntryId)
                        && java.util.Objects.equals(refersTo, other.refersTo)
                        && java.util.Objects.equals(reason, other.reason)
                        && java.util.Objects.equals(schedule, other.schedule);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(id, kind, ledger, account, activityId, ruleId, amount, time, reductionEntryId,
                refersTo, reason, schedule);
    }

    /**
     * Returns the values in the form {@code LedgerEntry[id=..., ...]}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "LedgerEntry[id=" + id + ", kind=" + kind + ", ledger=" + ledger + ", account=" + account
                + ", activityId=" + activityId + ", ruleId=" + ruleId + ", amount=" + amount + ", time=" + time
                + ", reductionEntryId=" + reductionEntryId + ", refersTo=" + refersTo + ", reason=" + reason
                + ", schedule=" + schedule + "]";
    }
}
