package dev.carbonkit.credit;

import java.util.Objects;

/**
 * Thrown when a {@link LedgerStore} cannot do what an account's update or read needs: the database is out of reach
 * or its connection closed, a record is refused (an entry id already written by another writer), or the store's
 * schema is not the one this library writes. The account and the activity the update was about are named where
 * known, and nothing of the update is written.
 */
public class LedgerStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the store failed. */
    public enum Reason {
        /** The store could not be reached, or its connection failed or was closed. */
        UNAVAILABLE,
        /** The store refused a record that conflicts with one already written, such as an entry id. */
        CONFLICT,
        /** The store's schema is missing, older or newer than this library's, or not a carbonkit ledger's. */
        SCHEMA,
        /** A record read back cannot be understood, such as a decimal or an instant that does not parse. */
        CORRUPT
    }

    private final Reason reason;
    private final String account;
    private final String activityId;
    private final String detail;

    /**
     * Creates an exception.
     *
     * @param reason  why, not null
     * @param account  the account, or null if the failure is not about one
     * @param activityId  the activity the update was about, or null
     * @param message  what happened, not null
     * @param cause  the underlying exception, or null
     */
    public LedgerStoreException(Reason reason, String account, String activityId, String message, Throwable cause) {
        super(describe(reason, account, activityId, message), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.account = account;
        this.activityId = activityId;
        this.detail = message;
    }

    private static String describe(Reason reason, String account, String activityId, String message) {
        StringBuilder text = new StringBuilder("Ledger store (").append(reason).append(')');
        if (account != null) {
            text.append(", account '").append(account).append('\'');
        }
        if (activityId != null) {
            text.append(", activity '").append(activityId).append('\'');
        }
        return text.append(": ").append(message).toString();
    }

    /**
     * Returns the same failure naming an account and an activity, where this one names none.
     *
     * @param account  the account, not null
     * @param activityId  the activity, or null
     * @return this exception if it names an account already, else a new one with this as its cause
     */
    public LedgerStoreException about(String account, String activityId) {
        if (this.account != null && (activityId == null || this.activityId != null)) {
            return this;
        }
        return new LedgerStoreException(reason, account, activityId, detail, this);
    }

    /**
     * Gets why the store failed.
     *
     * @return the reason, never null
     */
    public Reason getReason() {
        return reason;
    }

    /**
     * Gets the account.
     *
     * @return the account, or null if the failure is not about one
     */
    public String getAccount() {
        return account;
    }

    /**
     * Gets the activity the update was about.
     *
     * @return the activity's id, or null if unknown or none
     */
    public String getActivityId() {
        return activityId;
    }
}
