package dev.carbonkit.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.Fixtures;
import dev.carbonkit.factor.Region;
import dev.carbonkit.quantity.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FootprintTotalsTest {

    private static final FootprintEngine ENGINE = FootprintEngine.of(CalculationPolicy.defaults(), Fixtures.desnz2024());

    private static Footprint score(String id, String account, String type, String quantity, String instant) {
        return ENGINE.score(Activity.builder(id).account(account).type(type).quantity(Quantity.parse(quantity))
                .time(Instant.parse(instant), Fixtures.LONDON).region(Region.of("GB")).build());
    }

    // Sunday 2024-03-03 23:30 in London is Monday 2024-03-04 07:30 in Shanghai
    private static final List<Footprint> WEEK = List.of(
            score("a", "alice", "transport.car.average.petrol", "12 mi", "2024-03-03T23:30:00Z"),
            score("b", "alice", "home.electricity.grid", "3.2 kWh", "2024-03-04T12:00:00Z"),
            score("c", "bob", "transport.rail.underground", "12 pkm", "2024-03-31T12:00:00Z"),
            score("d", "bob", "transport.car.average.diesel", "25 km", "2024-04-01T12:00:00Z"));

    @Test
    void total() {
        assertThat(FootprintTotals.total(WEEK)).isEqualByComparingTo("8.41892");
        assertThat(FootprintTotals.total(List.of())).isEqualByComparingTo("0");
    }

    @Test
    void byCategory_depths() {
        assertThat(FootprintTotals.byCategory(WEEK, 1)).containsExactly(
                Map.entry("home", new BigDecimal("0.66256")), Map.entry("transport", new BigDecimal("7.75636")));
        assertThat(FootprintTotals.byCategory(WEEK, 2)).containsOnlyKeys("home.electricity", "transport.car",
                "transport.rail");
        assertThat(FootprintTotals.byCategory(WEEK, 9)).containsKey("transport.car.average.diesel");
        assertThatThrownBy(() -> FootprintTotals.byCategory(WEEK, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Category depth must be 1 or more: 0");
    }

    @Test
    void byAccount() {
        assertThat(FootprintTotals.byAccount(WEEK)).containsExactly(
                Map.entry("alice", new BigDecimal("3.83932")), Map.entry("bob", new BigDecimal("4.5796")));
    }

    @Test
    void byPeriod_dependsOnTheZoneGiven() {
        ZoneId london = ZoneId.of("Europe/London");
        assertThat(FootprintTotals.byPeriod(WEEK, FootprintTotals.Period.DAY, london)).containsOnlyKeys(
                LocalDate.of(2024, 3, 3), LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 1));
        assertThat(FootprintTotals.byPeriod(WEEK, FootprintTotals.Period.WEEK, london)).containsExactly(
                Map.entry(LocalDate.of(2024, 2, 26), new BigDecimal("3.17676")),
                Map.entry(LocalDate.of(2024, 3, 4), new BigDecimal("0.66256")),
                Map.entry(LocalDate.of(2024, 3, 25), new BigDecimal("0.3336")),
                Map.entry(LocalDate.of(2024, 4, 1), new BigDecimal("4.246")));
        assertThat(FootprintTotals.byPeriod(WEEK, FootprintTotals.Period.WEEK, ZoneId.of("Asia/Shanghai")))
                .containsEntry(LocalDate.of(2024, 3, 4), new BigDecimal("3.83932"));
        assertThat(FootprintTotals.byPeriod(WEEK, FootprintTotals.Period.MONTH, london)).containsExactly(
                Map.entry(LocalDate.of(2024, 3, 1), new BigDecimal("4.17292")),
                Map.entry(LocalDate.of(2024, 4, 1), new BigDecimal("4.246")));
        assertThat(FootprintTotals.byPeriod(WEEK, FootprintTotals.Period.YEAR, london))
                .containsExactly(Map.entry(LocalDate.of(2024, 1, 1), new BigDecimal("8.41892")));
    }

    @Test
    void by_customKey() {
        java.util.SortedMap<String, BigDecimal> byTable = FootprintTotals.by(WEEK, Footprint::getTableId);
        assertThat(byTable).containsExactly(
                Map.entry("desnz-2024", new BigDecimal("8.41892")));
    }
}
