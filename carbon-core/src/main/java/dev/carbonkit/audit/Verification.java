package dev.carbonkit.audit;

import dev.carbonkit.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * What replaying one receipt found, such as 'trip-7: REPRODUCED' or 'trip-9: MISMATCH, result.co2e_kg: receipt
 * 3.30912, replay 3.30913'.
 */
public final class Verification {
    private final String id;
    private final String account;
    private final Receipt.Kind kind;
    private final String rule;
    private final Status status;
    private final List<Difference> differences;
    private final String detail;

    /** What replaying a receipt found. */
    public enum Status {
        /** The replay gave the receipt's every field, byte for byte (the engine's version aside). */
        REPRODUCED,
        /** The replay gave different values; {@link #getDifferences()} lists them. */
        MISMATCH,
        /** The receipt names a factor table the verifier does not have. */
        MISSING_TABLE,
        /** The receipt names a rule set the verifier does not have. */
        MISSING_RULE_SET,
        /** The verifier's table or rule set of that id has another digest than the receipt names. */
        DIGEST_MISMATCH,
        /** The replay gave no such award: the activities it depends on are not all among the receipts. */
        INCOMPLETE,
        /** The receipt's inputs cannot be replayed (an unknown unit, a fallback the policy forbids, ...). */
        NOT_REPLAYABLE
    }

    /**
     * One field that differs between a receipt and its replay.
     */
    public static final class Difference {
        private final String field;
        private final String receipt;
        private final String replay;

        /**
         * Checks the field.
         *
         * @param field  the field
         * @param receipt  the receipt's value
         * @param replay  the replay's value
         */
        public Difference(String field, String receipt, String replay) {
            Objects.requireNonNull(field, "field");
            this.field = field;
            this.receipt = receipt;
            this.replay = replay;
        }

        /**
         * Returns a summary such as "result.co2e_kg: receipt 3.30912, replay 3.30913".
         *
         * @return the summary, never null
         */
        @Override
        public String toString() {
            return field + ": receipt " + excerpt(receipt) + ", replay " + excerpt(replay);
        }

        /**
         * Gets the field's path, such as "result.co2e_kg" or "steps[4]".
         *
         * @return the field's path, such as "result.co2e_kg" or "steps[4]", not null
         */
        public String getField() {
            return field;
        }

        /**
         * Gets the receipt's value.
         *
         * @return the receipt's value, or null if it has none
         */
        public String getReceipt() {
            return receipt;
        }

        /**
         * Gets the replay's value.
         *
         * @return the replay's value, or null if it has none
         */
        public String getReplay() {
            return replay;
        }

        @Override
        public boolean equals(Object obj) {
            return obj == this || obj instanceof Difference other
                    && java.util.Objects.equals(field, other.field)
                            && java.util.Objects.equals(receipt, other.receipt)
                            && java.util.Objects.equals(replay, other.replay);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(field, receipt, replay);
        }
    }

    /**
     * A value of a difference as the summary quotes it: whole up to 1,000 characters (an explanation's longest step),
     * else its start and its length.
     */
    private static String excerpt(String value) {
        return value == null ? null : Checks.cut(value, 1_000);
    }

    /**
     * Checks the components.
     *
     * @param id  the id
     * @param account  the account
     * @param kind  the kind
     * @param rule  the rule, or null
     * @param status  the status
     * @param differences  the differences
     * @param detail  the detail
     */
    public Verification(String id, String account, Receipt.Kind kind, String rule, Status status,
            List<Difference> differences, String detail) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        differences = List.copyOf(differences);
        Objects.requireNonNull(detail, "detail");
        this.id = id;
        this.account = account;
        this.kind = kind;
        this.rule = rule;
        this.status = status;
        this.differences = differences;
        this.detail = detail;
    }

    /**
     * Tells whether the receipt was reproduced.
     *
     * @return true for REPRODUCED
     */
    public boolean isReproduced() {
        return status == Status.REPRODUCED;
    }

    /**
     * Returns a summary such as "trip-9 (alice, FOOTPRINT): MISMATCH; result.co2e_kg: receipt 3.30912, replay
     * 3.30913".
     *
     * @return the summary, never null
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(id).append(" (").append(account).append(", ").append(kind)
                .append(rule == null ? "" : ", rule " + rule).append("): ").append(status);
        if (!detail.isEmpty()) {
            text.append("; ").append(detail);
        }
        for (Difference difference : differences) {
            text.append("; ").append(difference);
        }
        return text.toString();
    }

    /**
     * Gets the receipt's activity id.
     *
     * @return the receipt's activity id, not null
     */
    public String getId() {
        return id;
    }

    /**
     * Gets the receipt's account.
     *
     * @return the receipt's account, not null
     */
    public String getAccount() {
        return account;
    }

    /**
     * Gets the receipt's kind.
     *
     * @return the receipt's kind, not null
     */
    public Receipt.Kind getKind() {
        return kind;
    }

    /**
     * Gets the rule: for an award, the rule's id.
     *
     * @return for an award, the rule's id, or null
     */
    public String getRule() {
        return rule;
    }

    /**
     * Gets the status: what was found.
     *
     * @return what was found, not null
     */
    public Status getStatus() {
        return status;
    }

    /**
     * Gets the differences: for a MISMATCH, each field that differs, in the receipt's order; otherwise empty;.
     *
     * @return for a MISMATCH, each field that differs, in the receipt's order; otherwise empty; not null
     */
    public List<Difference> getDifferences() {
        return differences;
    }

    /**
     * Gets the detail: why the receipt could not be replayed, or which digests differ; empty when reproduced.
     *
     * @return why the receipt could not be replayed, or which digests differ; empty when reproduced, not null
     */
    public String getDetail() {
        return detail;
    }

    @Override
    public boolean equals(Object obj) {
        return obj == this || obj instanceof Verification other
                && java.util.Objects.equals(id, other.id) && java.util.Objects.equals(account, other.account)
                        && java.util.Objects.equals(kind, other.kind)
                        && java.util.Objects.equals(rule, other.rule)
                        && java.util.Objects.equals(status, other.status)
                        && java.util.Objects.equals(differences, other.differences)
                        && java.util.Objects.equals(detail, other.detail);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(id, account, kind, rule, status, differences, detail);
    }
}
