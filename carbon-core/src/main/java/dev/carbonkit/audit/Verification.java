package dev.carbonkit.audit;

import dev.carbonkit.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * What replaying one receipt found, such as 'trip-7: REPRODUCED' or 'trip-9: MISMATCH, result.co2e_kg: receipt
 * 3.30912, replay 3.30913'.
 *
 * @param id  the receipt's activity id, not null
 * @param account  the receipt's account, not null
 * @param kind  the receipt's kind, not null
 * @param rule  for an award, the rule's id, or null
 * @param status  what was found, not null
 * @param differences  for a MISMATCH, each field that differs, in the receipt's order; otherwise empty; not null
 * @param detail  why the receipt could not be replayed, or which digests differ; empty when reproduced, not null
 */
public record Verification(String id, String account, Receipt.Kind kind, String rule, Status status,
        List<Difference> differences, String detail) {

    /** What replaying a receipt found. */
    public enum Status {
        /** The replay gave the receipt's every field, byte for byte (the engine's version aside). */
        REPRODUCED,
        /** The replay gave different values; {@link #differences()} lists them. */
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
     *
     * @param field  the field's path, such as "result.co2e_kg" or "steps[4]", not null
     * @param receipt  the receipt's value, or null if it has none
     * @param replay  the replay's value, or null if it has none
     */
    public record Difference(String field, String receipt, String replay) {

        /**
         * Checks the field.
         *
         * @param field  the field
         * @param receipt  the receipt's value
         * @param replay  the replay's value
         */
        public Difference {
            Objects.requireNonNull(field, "field");
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
    public Verification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        differences = List.copyOf(differences);
        Objects.requireNonNull(detail, "detail");
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
}
