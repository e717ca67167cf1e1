package dev.carbonkit.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.Fixtures;
import dev.carbonkit.factor.Region;
import dev.carbonkit.quantity.InvalidQuantityException;
import dev.carbonkit.quantity.Quantity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ActivityTest {

    private static final Instant LATE_EVENING_UTC = Instant.parse("2024-03-05T23:30:00Z");

    private static Activity.Builder trip() {
        return Activity.builder("trip-17").account("alice").type("transport.car.average.petrol")
                .quantity(Quantity.parse("12 mi")).time(LATE_EVENING_UTC, Fixtures.LONDON).region(Region.of("GB"));
    }

    @Test
    void builder_keepsEveryField() {
        Activity activity = trip().attribute("purpose", "commute").attribute("passengers", "1").factorId("x/1").build();
        assertThat(activity.getId()).isEqualTo("trip-17");
        assertThat(activity.getAccount()).isEqualTo("alice");
        assertThat(activity.getType()).isEqualTo("transport.car.average.petrol");
        assertThat(activity.getQuantity()).isEqualTo(Quantity.parse("12 mi"));
        assertThat(activity.getTime()).isEqualTo(LATE_EVENING_UTC);
        assertThat(activity.getZone()).isEqualTo(Fixtures.LONDON);
        assertThat(activity.getRegion()).isEqualTo(Region.of("GB"));
        assertThat(activity.getAttributes()).containsExactly(
                java.util.Map.entry("passengers", "1"), java.util.Map.entry("purpose", "commute"));
        assertThat(activity.getFactorId()).contains("x/1");
        assertThat(activity).hasToString("trip-17: transport.car.average.petrol, 12 mi, GB, 2024-03-05 (Europe/London),"
                + " factor x/1");
        assertThat(activity).isEqualTo(trip().attribute("passengers", "1").attribute("purpose", "commute")
                .factorId("x/1").build()).hasSameHashCodeAs(trip().attribute("passengers", "1")
                .attribute("purpose", "commute").factorId("x/1").build());
    }

    @Test
    void getLocalDate_isTheDayInTheActivityZone() {
        assertThat(trip().build().getLocalDate()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(trip().time(LATE_EVENING_UTC, ZoneId.of("Asia/Shanghai")).build().getLocalDate())
                .isEqualTo(LocalDate.of(2024, 3, 6));
        assertThat(trip().build().getLocalEpochDay()).isEqualTo(LocalDate.of(2024, 3, 5).toEpochDay());
        assertThat(trip().time(LATE_EVENING_UTC, ZoneId.of("Asia/Shanghai")).build().getLocalEpochDay())
                .isEqualTo(LocalDate.of(2024, 3, 6).toEpochDay());
    }

    @Test
    void build_negativeQuantity_throwsNamingActivityAndValue() {
        assertThatThrownBy(() -> trip().quantity(Quantity.parse("-3 mi")).build())
                .isInstanceOf(InvalidQuantityException.class)
                .hasMessage("Activity 'trip-17': quantity must not be negative: '-3 mi'")
                .satisfies(e -> assertThat(((InvalidQuantityException) e).getValue()).isEqualTo("-3 mi"));
    }

    @Test
    void build_missingOrBadFields_throwNamingActivity() {
        assertThatThrownBy(() -> Activity.builder("a1").account("alice").type("food.beef").build())
                .isInstanceOf(NullPointerException.class).hasMessage("Activity 'a1' needs quantity");
        assertThatThrownBy(() -> trip().type("Transport Car").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("type of activity 'trip-17' must be a dotted lower-case key such as"
                        + " 'transport.rail.metro': 'Transport Car'");
        assertThatThrownBy(() -> trip().account(" ").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("account of activity trip-17 must not be blank");
        assertThatThrownBy(() -> Activity.builder(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("id must not be blank");
    }
}
