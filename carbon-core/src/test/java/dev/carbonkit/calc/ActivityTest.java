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
import java.util.List;
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
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Activity 'a1' needs a quantity: quantity(Quantity.parse(\"12 mi\"))");
        assertThatThrownBy(() -> Activity.builder("a2").type("food.beef").quantity(Quantity.parse("1 kg"))
                .time(java.time.Instant.parse("2024-01-01T00:00:00Z"), java.time.ZoneOffset.UTC).build())
                .isInstanceOf(IllegalStateException.class).hasMessage("Activity 'a2' needs a region:"
                        + " region(Region.of(\"GB\")), or Region.GLOBAL where the place is not known");
        // a footprint needs no account; crediting does
        Activity noAccount = Activity.builder("a3").type("food.beef").quantity(Quantity.parse("1 kg"))
                .time(java.time.Instant.parse("2024-01-01T00:00:00Z"), java.time.ZoneOffset.UTC)
                .region(Region.GLOBAL).build();
        assertThat(noAccount.hasAccount()).isFalse();
        assertThat(noAccount.getAccount()).isEqualTo(Activity.NO_ACCOUNT).isEmpty();
        assertThatThrownBy(() -> dev.carbonkit.credit.CreditEngine.evaluate(dev.carbonkit.credit.RuleSet.of("r", "1",
                java.time.ZoneOffset.UTC, List.of(), List.of()), List.of(noAccount)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Activity 'a3' has no account; crediting needs"
                        + " one: Activity.builder(id).account(...)");
        assertThatThrownBy(() -> trip().type("Transport Car").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("type of activity 'trip-17' must be a dotted lower-case key such as"
                        + " 'transport.rail.metro': 'Transport Car'");
        assertThatThrownBy(() -> trip().account(" ").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("account of activity trip-17 must not be blank");
        assertThatThrownBy(() -> Activity.builder(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("id must not be blank");
    }
}
