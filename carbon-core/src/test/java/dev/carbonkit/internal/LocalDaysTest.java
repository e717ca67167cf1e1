package dev.carbonkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalDaysTest {

    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("Europe/London"),
            ZoneId.of("Asia/Shanghai"), ZoneId.of("America/St_Johns"), ZoneId.of("Pacific/Kiritimati"),
            ZoneId.of("Pacific/Pago_Pago"), ZoneOffset.ofHoursMinutes(-9, -30), ZoneId.of("Australia/Lord_Howe"));

    @Test
    void epochDay_isTheLocalDateOfTheZonedTime() {
        // instants from 1900 to 2100, before the epoch too, in zones with half-hour, 45-minute and DST offsets
        qt().withFixedSeed(20261128L).withExamples(20_000)
                .forAll(longs().between(-2_208_988_800L, 4_102_444_800L), integers().between(0, ZONES.size() - 1))
                .checkAssert((seconds, zone) -> {
                    Instant time = Instant.ofEpochSecond(seconds);
                    assertThat(LocalDays.epochDay(time, ZONES.get(zone))).as("%s in %s", time, ZONES.get(zone))
                            .isEqualTo(time.atZone(ZONES.get(zone)).toLocalDate().toEpochDay());
                });
    }
}
