package dev.carbonkit.calc;

import static dev.carbonkit.Fixtures.activity;
import static dev.carbonkit.Fixtures.kg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.Fixtures;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factor.RegionHierarchy;
import dev.carbonkit.factor.TableInfo;
import dev.carbonkit.factor.ValidityPeriod;
import dev.carbonkit.quantity.Unit;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactorSelectorTest {

    private static final TableInfo T = TableInfo.builder("t").title("T").publisher("P").edition("1").licence("L").build();
    private static final TableInfo U = TableInfo.builder("u").title("U").publisher("P").edition("1").licence("L").build();

    private static EmissionFactor factor(TableInfo table, String id, String region, String validity, Unit per) {
        return EmissionFactor.builder(table.getId() + "/" + id, table).activityType("home.electricity.grid")
                .region(Region.of(region)).validity(ValidityPeriod.parse(validity)).per(per).co2e(kg("1"))
                .gwpSet(GwpSet.AR5).build();
    }

    private static FactorSelector selector(EmissionFactor... factors) {
        return new FactorSelector(List.of(FactorTable.builder(T).addAll(List.of(factors)).build()),
                RegionHierarchy.standard());
    }

    @Test
    void select_exactRegionAndDate_noFallback() {
        Selection selection = selector(factor(T, "gb-24", "GB", "2024-01-01/2024-12-31", Unit.KILOWATT_HOUR),
                factor(T, "gb-25", "GB", "2025-01-01/2025-12-31", Unit.KILOWATT_HOUR))
                .select(activity("a", "home.electricity.grid", "1 kWh", "GB", "2025-03-01"));
        assertThat(selection.getFactor().getId()).isEqualTo("t/gb-25");
        assertThat(selection.getFallbacks()).isEmpty();
        assertThat(selection.isExplicit()).isFalse();
        assertThat(selection.getTable().getId()).isEqualTo("t");
        assertThat(selection.toString()).startsWith("t/gb-25 from t sha256:").endsWith(", fallbacks []");
    }

    @Test
    void select_walksRegionChain_andRecordsFallback() {
        FactorSelector selector = selector(factor(T, "eu", "EU27", "../..", Unit.KILOWATT_HOUR),
                factor(T, "world", "GLOBAL", "../..", Unit.KILOWATT_HOUR),
                factor(T, "gb", "GB", "../..", Unit.KILOWATT_HOUR));
        Selection paris = selector.select(activity("a", "home.electricity.grid", "1 kWh", "FR-75C", "2024-03-01"));
        assertThat(paris.getFactor().getId()).isEqualTo("t/eu");
        assertThat(paris.getFallbacks()).containsExactly(Fallback.of(Fallback.Kind.REGION, "FR-75C", "EU27"));
        Selection london = selector.select(activity("a", "home.electricity.grid", "1 kWh", "GB-LND", "2024-03-01"));
        assertThat(london.getFactor().getId()).isEqualTo("t/gb");
        Selection tokyo = selector.select(activity("a", "home.electricity.grid", "1 kWh", "JP", "2024-03-01"));
        assertThat(tokyo.getFactor().getId()).isEqualTo("t/world");
        assertThat(tokyo.getFallbacks()).containsExactly(Fallback.of(Fallback.Kind.REGION, "JP", "GLOBAL"));
    }

    @Test
    void select_dateValidWiderRegionBeatsOutOfDateNarrowRegion() {
        Selection selection = selector(factor(T, "gb-24", "GB", "2024-01-01/2024-12-31", Unit.KILOWATT_HOUR),
                factor(T, "world-25", "GLOBAL", "2025-01-01/2025-12-31", Unit.KILOWATT_HOUR))
                .select(activity("a", "home.electricity.grid", "1 kWh", "GB", "2025-03-01"));
        assertThat(selection.getFactor().getId()).isEqualTo("t/world-25");
    }

    @Test
    void select_noFactorOnDate_takesNearestAndRecordsDateFallback() {
        Selection selection = selector(factor(T, "gb-22", "GB", "2022-01-01/2022-12-31", Unit.KILOWATT_HOUR),
                factor(T, "gb-24", "GB", "2024-01-01/2024-12-31", Unit.KILOWATT_HOUR))
                .select(activity("a", "home.electricity.grid", "1 kWh", "GB", "2026-02-01"));
        assertThat(selection.getFactor().getId()).isEqualTo("t/gb-24");
        assertThat(selection.getFallbacks()).containsExactly(
                Fallback.of(Fallback.Kind.DATE, "2026-02-01", "2024-01-01/2024-12-31"));
        Selection before = selector(factor(T, "gb-22", "GB", "2022-01-01/2022-12-31", Unit.KILOWATT_HOUR),
                factor(T, "gb-24", "GB", "2024-01-01/2024-12-31", Unit.KILOWATT_HOUR))
                .select(activity("a", "home.electricity.grid", "1 kWh", "GB", "2020-06-01"));
        assertThat(before.getFactor().getId()).isEqualTo("t/gb-22");
    }

    @Test
    void select_prefersRowInActivityUnit_thenConvertible() {
        FactorSelector selector = selector(factor(T, "per-kwh", "GB", "../..", Unit.KILOWATT_HOUR),
                factor(T, "per-mwh", "GB", "../..", Unit.MEGAWATT_HOUR));
        assertThat(selector.select(activity("a", "home.electricity.grid", "1 MWh", "GB", "2024-01-01"))
                .getFactor().getId()).isEqualTo("t/per-mwh");
        assertThat(selector.select(activity("a", "home.electricity.grid", "1 kWh", "GB", "2024-01-01"))
                .getFactor().getId()).isEqualTo("t/per-kwh");
        assertThat(selector.select(activity("a", "home.electricity.grid", "1 GJ", "GB", "2024-01-01"))
                .getFactor().getId()).isEqualTo("t/per-kwh");
    }

    @Test
    void select_ties_tablePrecedenceThenLatestStartThenId() {
        FactorTable first = FactorTable.builder(T).add(factor(T, "b", "GB", "2020-01-01/..", Unit.KILOWATT_HOUR)).build();
        FactorTable second = FactorTable.builder(U).add(factor(U, "a", "GB", "2024-01-01/..", Unit.KILOWATT_HOUR)).build();
        var chosen = new FactorSelector(List.of(first, second), RegionHierarchy.standard())
                .select(activity("a", "home.electricity.grid", "1 kWh", "GB", "2024-06-01"));
        assertThat(chosen.getFactor().getId()).isEqualTo("t/b");
        var swapped = new FactorSelector(List.of(second, first), RegionHierarchy.standard())
                .select(activity("a", "home.electricity.grid", "1 kWh", "GB", "2024-06-01"));
        assertThat(swapped.getFactor().getId()).isEqualTo("u/a");
        assertThat(selector(factor(T, "old", "GB", "2020-01-01/..", Unit.KILOWATT_HOUR),
                factor(T, "new", "GB", "2024-01-01/..", Unit.KILOWATT_HOUR), factor(T, "open", "GB", "../..", Unit.KILOWATT_HOUR))
                .select(activity("a", "home.electricity.grid", "1 kWh", "GB", "2024-06-01")).getFactor().getId())
                .isEqualTo("t/new");
        assertThat(selector(factor(T, "z", "GB", "../..", Unit.KILOWATT_HOUR), factor(T, "y", "GB", "../..", Unit.KILOWATT_HOUR))
                .select(activity("a", "home.electricity.grid", "1 kWh", "GB", "2024-06-01")).getFactor().getId())
                .isEqualTo("t/y");
    }

    @Test
    void select_explicitId_bypassesSelection() {
        FactorSelector selector = selector(factor(T, "gb", "GB", "2024-01-01/2024-12-31", Unit.KILOWATT_HOUR),
                factor(T, "fr", "FR", "2024-01-01/2024-12-31", Unit.KILOWATT_HOUR));
        Activity activity = Activity.builder("a").account("alice").type("home.electricity.grid")
                .quantity(dev.carbonkit.quantity.Quantity.parse("1 kWh"))
                .time(java.time.Instant.parse("2030-01-01T00:00:00Z"), Fixtures.LONDON).region(Region.of("GB"))
                .factorId("t/fr").build();
        Selection selection = selector.select(activity);
        assertThat(selection.getFactor().getId()).isEqualTo("t/fr");
        assertThat(selection.isExplicit()).isTrue();
        assertThat(selection.getFallbacks()).isEmpty();
        assertThat(selection.toString()).endsWith(", by id");
    }

    @Test
    void select_unknownType_suggests() {
        assertThatThrownBy(() -> selector(factor(T, "gb", "GB", "../..", Unit.KILOWATT_HOUR))
                .select(activity("a7", "home.electricity.gird", "1 kWh", "GB", "2024-01-01")))
                .isInstanceOf(FactorNotFoundException.class)
                .hasMessage("Activity 'a7': no factor for activity type 'home.electricity.gird'; did you mean"
                        + " 'home.electricity.grid'?")
                .satisfies(e -> assertThat(((ScoringException) e).getActivityId()).isEqualTo("a7"));
    }

    /** Of types equally close to an unknown one, the suggestion is the first in order, on any JVM. */
    @Test
    void select_unknownType_suggestsTheFirstOfEquallyCloseTypes() {
        List<EmissionFactor> factors = new java.util.ArrayList<>();
        for (String type : new String[] {"food.rich", "food.rice", "food.ricf"}) {
            factors.add(EmissionFactor.builder(T.getId() + "/" + type, T).activityType(type).region(Region.GLOBAL)
                    .validity(ValidityPeriod.ALWAYS).per(Unit.KILOGRAM).co2e(kg("1")).build());
        }
        FactorSelector selector = new FactorSelector(List.of(FactorTable.builder(T).addAll(factors).build()),
                RegionHierarchy.standard());
        assertThatThrownBy(() -> selector.select(activity("a8", "food.ric", "1 kg", "GB", "2024-01-01")))
                .hasMessageEndingWith("no factor for activity type 'food.ric'; did you mean 'food.rice'?");
    }

    @Test
    void select_noFactorInDimension_namesUnits() {
        assertThatThrownBy(() -> selector(factor(T, "gb", "GB", "../..", Unit.KILOWATT_HOUR))
                .select(activity("a7", "home.electricity.grid", "3 m3", "GB", "2024-01-01")))
                .isInstanceOf(FactorNotFoundException.class)
                .hasMessage("Activity 'a7': factors for type 'home.electricity.grid' are per kWh (ENERGY); the quantity"
                        + " '3 m3' is VOLUME and does not convert");
    }

    @Test
    void select_noRegion_namesChainAndKnownRegions() {
        assertThatThrownBy(() -> selector(factor(T, "gb", "GB", "../..", Unit.KILOWATT_HOUR),
                factor(T, "fr", "FR", "../..", Unit.KILOWATT_HOUR))
                .select(activity("a7", "home.electricity.grid", "1 kWh", "US-CA", "2024-01-01")))
                .isInstanceOf(FactorNotFoundException.class)
                .hasMessage("Activity 'a7': no factor for type 'home.electricity.grid' in region US-CA or any wider"
                        + " region [US-CA, US, GLOBAL]; factors of the type exist for [FR, GB]");
    }

    private static EmissionFactor typed(String id, String type, String region) {
        return EmissionFactor.builder("t/" + id, T).activityType(type).region(Region.of(region))
                .validity(ValidityPeriod.parse("../..")).per(Unit.KILOWATT_HOUR).co2e(kg("1")).gwpSet(GwpSet.AR5)
                .build();
    }

    @Test
    void select_typeWithoutFactor_stepsUpToTheNearestTypeWithOne_andRecordsIt() {
        FactorSelector selector = selector(typed("grid", "home.electricity.grid", "GB"),
                typed("home", "home", "GB"));
        Selection selection = selector.select(activity("a", "home.electricity.grid.green_tariff", "1 kWh", "GB-LND",
                "2024-01-01"));
        assertThat(selection.getFactor().getId()).isEqualTo("t/grid");
        assertThat(selection.getFallbacks()).extracting(Fallback::toString)
                .containsExactly("TYPE: home.electricity.grid.green_tariff -> home.electricity.grid",
                        "REGION: GB-LND -> GB");
        // the nearest type with a factor that fits, not the first type above
        assertThat(selector.select(activity("b", "home.electricity.meter", "1 kWh", "GB", "2024-01-01"))
                .getFallbacks()).extracting(Fallback::toString).containsExactly("TYPE: home.electricity.meter -> home");
        // a type that has factors, none of which fits, keeps its own refusal when nothing above fits either
        assertThatThrownBy(() -> selector(typed("grid", "home.electricity.grid", "GB"))
                .select(activity("c", "home.electricity.grid", "1 kWh", "FR", "2024-01-01")))
                .isInstanceOf(FactorNotFoundException.class)
                .hasMessage("Activity 'c': no factor for type 'home.electricity.grid' in region FR or any wider region"
                        + " [FR, EU27, GLOBAL]; factors of the type exist for [GB]");
    }

    @Test
    void select_unknownType_namesTheTypesUnderItsNearestGroup() {
        assertThatThrownBy(() -> selector(typed("avg", "transport.bus.local.average", "GB"),
                typed("ldn", "transport.bus.local.london", "GB"))
                .select(activity("e", "transport.bus.electric", "1 kWh", "GB", "2024-01-01")))
                .isInstanceOf(FactorNotFoundException.class)
                .hasMessage("Activity 'e': no factor for activity type 'transport.bus.electric'; types under"
                        + " transport.bus with factors: transport.bus.local.average, transport.bus.local.london");
    }

    @Test
    void select_aGroupNoTableOrHierarchyDeclares_isRefusedAsARegion_withAHint() {
        FactorSelector selector = selector(typed("gb", "home.electricity.grid", "GB"),
                typed("camx", "home.electricity.grid", "EGRID-CAMX"));
        // Region.of takes any code of capitals for a group; only the catalog can say it is none
        assertThatThrownBy(() -> selector.select(activity("g", "home.electricity.grid", "1 kWh", "EGRID-CAMZ",
                "2024-01-01"))).isInstanceOf(FactorNotFoundException.class)
                .hasMessage("Activity 'g': region 'EGRID-CAMZ' is not an ISO 3166 code, and no table or region"
                        + " hierarchy declares it as a group; did you mean 'EGRID-CAMX'?; groups: [EGRID-CAMX, EU27]");
        // a group the hierarchy declares, without a factor, is refused for want of a factor, as before
        assertThatThrownBy(() -> selector.select(activity("h", "home.electricity.grid", "1 kWh", "EU27", "2024-01-01")))
                .hasMessageContaining("no factor for type 'home.electricity.grid' in region EU27");
        // and a declared group with a factor is scored
        assertThat(selector.select(activity("i", "home.electricity.grid", "1 kWh", "EGRID-CAMX", "2024-01-01"))
                .getFactor().getId()).isEqualTo("t/camx");
    }

    @Test
    void aRefusalAskedAgain_isTheSame_forEachActivity() {
        FactorSelector selector = selector(typed("gb", "home.electricity.grid", "GB"));
        for (String id : List.of("r1", "r2")) {
            assertThatThrownBy(() -> selector.select(activity(id, "home.electricity.grid", "1 kWh", "FR", "2024-01-01")))
                    .hasMessage("Activity '" + id + "': no factor for type 'home.electricity.grid' in region FR or any"
                            + " wider region [FR, EU27, GLOBAL]; factors of the type exist for [GB]");
            assertThatThrownBy(() -> selector.select(activity(id, "home.gas", "1 kWh", "FR", "2024-01-01")))
                    .hasMessage("Activity '" + id + "': no factor for activity type 'home.gas'");
        }
    }

    @Test
    void select_noFactorInRegion_pointsToTheTypesThatHaveOne() {
        assertThatThrownBy(() -> selector(typed("gb", "home.electricity.grid", "GB"),
                typed("de", "home.electricity.grid.lifecycle", "DE"), typed("fr", "home.electricity.td_losses", "FR"))
                .select(activity("d", "home.electricity.grid", "1 kWh", "DE", "2024-01-01")))
                .isInstanceOf(FactorNotFoundException.class)
                .hasMessage("Activity 'd': no factor for type 'home.electricity.grid' in region DE or any wider region"
                        + " [DE, EU27, GLOBAL]; types with a factor for DE or wider: home.electricity.grid.lifecycle; factors"
                        + " of the type exist for [GB]");
    }

    @Test
    void select_explicitIdUnknownOrIncompatible_throws() {
        FactorSelector selector = selector(factor(T, "gb", "GB", "../..", Unit.KILOWATT_HOUR));
        Activity unknown = Activity.builder("a8").account("alice").type("home.electricity.grid")
                .quantity(dev.carbonkit.quantity.Quantity.parse("1 kWh"))
                .time(java.time.Instant.EPOCH, Fixtures.LONDON).region(Region.of("GB")).factorId("t/bg").build();
        assertThatThrownBy(() -> selector.select(unknown)).isInstanceOf(FactorNotFoundException.class)
                .hasMessage("Activity 'a8': no factor with id 't/bg' in tables [t]; did you mean 't/gb'?");
        Activity incompatible = Activity.builder("a9").account("alice").type("home.electricity.grid")
                .quantity(dev.carbonkit.quantity.Quantity.parse("12 km"))
                .time(java.time.Instant.EPOCH, Fixtures.LONDON).region(Region.of("GB")).factorId("t/gb").build();
        assertThatThrownBy(() -> selector.select(incompatible)).isInstanceOf(IncompatibleFactorException.class)
                .hasMessage("Activity 'a9': factor t/gb is per kWh (ENERGY); the quantity '12 km' is DISTANCE and"
                        + " does not convert");
    }

    @Test
    void getTables_inPrecedenceOrder() {
        FactorTable a = FactorTable.builder(T).build();
        FactorTable b = FactorTable.builder(U).build();
        assertThat(new FactorSelector(List.of(b, a), RegionHierarchy.standard()).getTables()).containsExactly(b, a);
    }
}
