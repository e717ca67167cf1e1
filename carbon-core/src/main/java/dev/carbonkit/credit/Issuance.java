package dev.carbonkit.credit;

import dev.carbonkit.internal.LocalDays;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When a rule's points reach the account, such as Ant Forest's 'energy appears the next day from 07:00, can be
 * collected once 24 hours have passed, and is lost if not collected within 72 hours' or Beijing MaaS's 'the
 * ball appears 2 days later and must be claimed within 7 days'. Issuance touches the points ledger only: the
 * reduction happened when the activity did.
 * <p>
 * Points are issued either a fixed {@code delay} after the activity, or on the next local day of the rule set's
 * zone at {@code nextLocalDayAt}, or at once. They can be collected {@code collectibleAfter} their issue. If
 * {@code expiresAfter} is set, they must be claimed before that much time has passed since their issue, and
 * points not claimed by then are lost; otherwise they count from the moment they are collectible without a
 * claim. Durations are exact elapsed time: a day is 24 hours.
 */
public final class Issuance {
    private final Duration delay;
    private final LocalTime nextLocalDayAt;
    private final Duration collectibleAfter;
    private final Duration expiresAfter;

    /**
     * Checks the components.
     *
     * @param delay  the delay, or null
     * @param nextLocalDayAt  the local time of the next day, or null
     * @param collectibleAfter  the wait before collecting
     * @param expiresAfter  the expiry, or null
     */
    public Issuance(Duration delay, LocalTime nextLocalDayAt, Duration collectibleAfter, Duration expiresAfter) {
        Objects.requireNonNull(collectibleAfter, "collectibleAfter");
        if (delay != null && nextLocalDayAt != null) {
            throw new IllegalArgumentException("Issuance: give a delay or a local time of the next day, not both");
        }
        if (delay != null && delay.isNegative()) {
            throw new IllegalArgumentException("Issuance: the delay must not be negative: " + delay);
        }
        if (collectibleAfter.isNegative()) {
            throw new IllegalArgumentException("Issuance: collectibleAfter must not be negative: " + collectibleAfter);
        }
        if (expiresAfter != null && expiresAfter.compareTo(collectibleAfter) <= 0) {
            throw new IllegalArgumentException("Issuance: expiresAfter (" + expiresAfter
                    + ") must be longer than collectibleAfter (" + collectibleAfter + "), or nothing could be claimed");
        }
        this.delay = delay;
        this.nextLocalDayAt = nextLocalDayAt;
        this.collectibleAfter = collectibleAfter;
        this.expiresAfter = expiresAfter;
    }

    /**
     * Issues points a fixed time after the activity.
     *
     * @param delay  the delay, zero or more, not null
     * @return the issuance, never null
     */
    public static Issuance after(Duration delay) {
        return new Issuance(Objects.requireNonNull(delay, "delay"), null, Duration.ZERO, null);
    }

    /**
     * Issues points on the local day after the activity, at a local time.
     *
     * @param time  the local time, not null
     * @return the issuance, never null
     */
    public static Issuance nextLocalDayAt(LocalTime time) {
        return new Issuance(null, Objects.requireNonNull(time, "time"), Duration.ZERO, null);
    }

    /**
     * Returns a copy whose points can be collected only some time after their issue.
     *
     * @param wait  the wait, zero or more, not null
     * @return the issuance, never null
     */
    public Issuance collectibleAfter(Duration wait) {
        return new Issuance(delay, nextLocalDayAt, wait, expiresAfter);
    }

    /**
     * Returns a copy whose points must be claimed, and are lost if not claimed within a time of their issue.
     *
     * @param expiry  the time from the issue, longer than the wait before collecting, not null
     * @return the issuance, never null
     */
    public Issuance expiresAfter(Duration expiry) {
        return new Issuance(delay, nextLocalDayAt, collectibleAfter, Objects.requireNonNull(expiry, "expiry"));
    }

    /**
     * Tells whether points must be claimed to count.
     *
     * @return true if points expire unless claimed
     */
    public boolean needsClaim() {
        return expiresAfter != null;
    }

    /**
     * Works out when the points of an activity are issued, collectible, and lost if unclaimed.
     *
     * @param time  the activity's instant, not null
     * @param zone  the rule set's zone, for the next local day, not null
     * @return the schedule, never null
     */
    public LedgerEntry.Schedule schedule(Instant time, ZoneId zone) {
        Instant issued;
        if (delay != null) {
            issued = time.plus(delay);
        } else if (nextLocalDayAt != null) {
            issued = LocalDate.ofEpochDay(LocalDays.epochDay(time, zone) + 1).atTime(nextLocalDayAt).atZone(zone)
                    .toInstant();
        } else {
            issued = time;
        }
        return new LedgerEntry.Schedule(issued, issued.plus(collectibleAfter),
                expiresAfter == null ? null : issued.plus(expiresAfter));
    }

    /**
     * Returns the canonical text of the issuance, as the rule set's digest covers it, such as
     * "next-local-day-at 07:00, collectible-after PT24H, expires-after PT72H".
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (delay != null) {
            text.append("delay ").append(delay);
        } else if (nextLocalDayAt != null) {
            text.append("next-local-day-at ").append(nextLocalDayAt);
        } else {
            text.append("at once");
        }
        if (!collectibleAfter.isZero()) {
            text.append(", collectible-after ").append(collectibleAfter);
        }
        if (expiresAfter != null) {
            text.append(", expires-after ").append(expiresAfter);
        }
        return text.toString();
    }

    /**
     * Gets the time from the activity to the issue.
     *
     * @return the time from the activity to the issue, or null
     */
    public Duration getDelay() {
        return delay;
    }

    /**
     * Gets the local time of the next day at which points are issued.
     *
     * @return the local time of the next day at which points are issued, or null
     */
    public LocalTime getNextLocalDayAt() {
        return nextLocalDayAt;
    }

    /**
     * Gets the time from the issue until the points can be collected, zero or more.
     *
     * @return the time from the issue until the points can be collected, zero or more, not null
     */
    public Duration getCollectibleAfter() {
        return collectibleAfter;
    }

    /**
     * Gets the time from the issue after which unclaimed points are lost.
     *
     * @return the time from the issue after which unclaimed points are lost, or null if no claim is needed
     */
    public Duration getExpiresAfter() {
        return expiresAfter;
    }

    @Override
    public boolean equals(Object obj) {
        return obj == this || obj instanceof Issuance other
                && java.util.Objects.equals(delay, other.delay)
                        && java.util.Objects.equals(nextLocalDayAt, other.nextLocalDayAt)
                        && java.util.Objects.equals(collectibleAfter, other.collectibleAfter)
                        && java.util.Objects.equals(expiresAfter, other.expiresAfter);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(delay, nextLocalDayAt, collectibleAfter, expiresAfter);
    }
}
