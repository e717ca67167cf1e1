package dev.carbonkit.internal;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Local dates of instants, worked out from the zone's offset: the day {@code time.atZone(zone).toLocalDate()} gives,
 * without building a {@code ZonedDateTime}, which scoring and credits did for every activity. Not part of the API.
 */
public final class LocalDays {

    private static final long SECONDS_PER_DAY = 86_400;

    private LocalDays() {
    }

    /**
     * Gets the local date of an instant in a zone as a day count from 1970-01-01.
     *
     * @param time  the instant, not null
     * @param zone  the zone, not null
     * @return the epoch day of the local date
     */
    public static long epochDay(Instant time, ZoneId zone) {
        long seconds = time.getEpochSecond() + zone.getRules().getOffset(time).getTotalSeconds();
        return Math.floorDiv(seconds, SECONDS_PER_DAY);
    }
}
