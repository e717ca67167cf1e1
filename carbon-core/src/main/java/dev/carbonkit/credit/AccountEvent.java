package dev.carbonkit.credit;

import dev.carbonkit.calc.Activity;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to an account's activities, as a {@link LedgerStore} keeps it: an activity awarded, an
 * activity reversed (with the reason), or budget periods closed up to an instant. An account's events, replayed in
 * order under its rule set, give back its state; its ledger entries say what that state earned.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class AccountEvent {

    /** What happened. */
    public enum Kind {
        /** An activity was awarded to the account. */
        AWARDED,
        /** An activity was reversed, with a reason. */
        REVERSED,
        /** The account's budget periods were closed up to an instant. */
        CLOSED
    }

    private final Kind kind;
    private final Activity activity;
    private final String activityId;
    private final Instant time;
    private final String reason;

    private AccountEvent(Kind kind, Activity activity, String activityId, Instant time, String reason) {
        this.kind = kind;
        this.activity = activity;
        this.activityId = activityId;
        this.time = time;
        this.reason = reason;
    }

    /**
     * Obtains the event of an activity awarded.
     *
     * @param activity  the activity, not null
     * @return the event, never null
     */
    public static AccountEvent awarded(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        return new AccountEvent(Kind.AWARDED, activity, activity.getId(), activity.getTime(), null);
    }

    /**
     * Obtains the event of an activity reversed.
     *
     * @param activityId  the activity's id, not null
     * @param reason  why, not null
     * @return the event, never null
     */
    public static AccountEvent reversed(String activityId, String reason) {
        return new AccountEvent(Kind.REVERSED, null, Objects.requireNonNull(activityId, "activityId"), null,
                Objects.requireNonNull(reason, "reason"));
    }

    /**
     * Obtains the event of budget periods closed up to an instant.
     *
     * @param at  the instant, not null
     * @return the event, never null
     */
    public static AccountEvent closed(Instant at) {
        Objects.requireNonNull(at, "at");
        return new AccountEvent(Kind.CLOSED, null, AccountBook.closeId(at), at, null);
    }

    /**
     * Gets what happened.
     *
     * @return the kind, never null
     */
    public Kind getKind() {
        return kind;
    }

    /**
     * Gets the activity awarded.
     *
     * @return the activity, or null unless the event is {@link Kind#AWARDED}
     */
    public Activity getActivity() {
        return activity;
    }

    /**
     * Gets the id the event is about: the activity's, or "close:" and the instant for a {@link Kind#CLOSED} event.
     *
     * @return the id, never null
     */
    public String getActivityId() {
        return activityId;
    }

    /**
     * Gets the instant of the activity awarded, or the instant periods were closed up to.
     *
     * @return the instant, or null for a {@link Kind#REVERSED} event
     */
    public Instant getTime() {
        return time;
    }

    /**
     * Gets why an activity was reversed.
     *
     * @return the reason, or null unless the event is {@link Kind#REVERSED}
     */
    public String getReason() {
        return reason;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof AccountEvent other && kind == other.kind && Objects.equals(activity, other.activity)
                && activityId.equals(other.activityId) && Objects.equals(time, other.time)
                && Objects.equals(reason, other.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, activityId, time, reason);
    }

    /**
     * Returns a summary such as "AWARDED p1" or "REVERSED p1: fraud finding F-118".
     *
     * @return the summary, never null
     */
    @Override
    public String toString() {
        return kind + " " + activityId + (reason == null ? "" : ": " + reason);
    }
}
