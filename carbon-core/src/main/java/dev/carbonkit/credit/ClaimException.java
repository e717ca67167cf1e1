package dev.carbonkit.credit;

import java.time.Instant;
import java.util.Objects;

/**
 * Thrown when points cannot be claimed, such as 'entry ant:bill-1:ant-utility-bill:points of account alice
 * cannot be claimed at 2024-03-09T00:00:00Z: EXPIRED (lost at 2024-03-05T07:00:00Z)'. Nothing is written.
 */
public final class ClaimException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a claim was refused. */
    public enum Reason {
        /** The account has no current points entry with that id (never written, or reversed). */
        UNKNOWN_ENTRY,
        /** The entry's points count without a claim. */
        NO_CLAIM_NEEDED,
        /** The points are not collectible yet. */
        NOT_YET_COLLECTIBLE,
        /** The claim window has closed and the points are lost. */
        EXPIRED,
        /** The points were claimed before. */
        ALREADY_CLAIMED
    }

    private final String account;
    private final String entryId;
    private final Instant at;
    private final Reason reason;

    /**
     * Creates an exception.
     *
     * @param account  the account, not null
     * @param entryId  the entry that was to be claimed, not null
     * @param at  the instant of the claim, not null
     * @param reason  why it was refused, not null
     * @param detail  more about it, such as the closing time of the window, not null
     */
    public ClaimException(String account, String entryId, Instant at, Reason reason, String detail) {
        super("Entry " + entryId + " of account " + account + " cannot be claimed at " + at + ": " + reason + " ("
                + detail + ")");
        this.account = Objects.requireNonNull(account, "account");
        this.entryId = Objects.requireNonNull(entryId, "entryId");
        this.at = Objects.requireNonNull(at, "at");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Gets the account.
     *
     * @return the account, never null
     */
    public String getAccount() {
        return account;
    }

    /**
     * Gets the entry that was to be claimed.
     *
     * @return the entry id, never null
     */
    public String getEntryId() {
        return entryId;
    }

    /**
     * Gets the instant of the claim.
     *
     * @return the instant, never null
     */
    public Instant getAt() {
        return at;
    }

    /**
     * Gets why the claim was refused.
     *
     * @return the reason, never null
     */
    public Reason getReason() {
        return reason;
    }
}
