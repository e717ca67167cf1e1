package dev.carbonkit.calc;

import static dev.carbonkit.Fixtures.kg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.carbonkit.Fixtures;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factor.RegionHierarchy;
import dev.carbonkit.factor.TableInfo;
import dev.carbonkit.factor.ValidityPeriod;
import dev.carbonkit.quantity.Unit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The selector, with its index by region and by first day of validity, chooses what a plain reading of its documented
 * rules chooses: random tables of overlapping, open-ended and gapped validity periods in nested regions and several
 * units, against a scan of every factor sorted by the documented order of preference; over the same tables deferred,
 * which the selector reads only where they declare the activity's type at a region of its chain, the same choice.
 */
class FactorSelectorPropertiesTest {

    private static final String TYPE = "home.electricity.grid";
    private static final List<TableInfo> TABLES = List.of(
            TableInfo.builder("t").title("T").publisher("P").edition("1").licence("L").build(),
            TableInfo.builder("u").title("U").publisher("P").edition("1").licence("L").build());
    private static final List<String> REGIONS = List.of("GB-LND", "GB", "EU27", "FR", "GLOBAL");
    private static final List<Unit> UNITS = List.of(Unit.KILOWATT_HOUR, Unit.MEGAWATT_HOUR, Unit.MEGAJOULE,
            Unit.KILOMETRE);
    private static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);

    @Test
    void select_choosesWhatTheDocumentedRulesChoose() {
        qt().withFixedSeed(20261128L).withExamples(2_000).forAll(integers().between(1, 40), longs().all())
                .checkAssert((count, seed) -> {
                    Random random = new Random(seed);
                    List<List<EmissionFactor>> perTable = List.of(new ArrayList<>(), new ArrayList<>());
                    for (int i = 0; i < count; i++) {
                        int table = random.nextInt(TABLES.size());
                        perTable.get(table).add(EmissionFactor.builder(TABLES.get(table).getId() + "/f" + i,
                                TABLES.get(table)).activityType(TYPE)
                                .region(Region.of(REGIONS.get(random.nextInt(REGIONS.size()))))
                                .validity(validity(random)).per(UNITS.get(random.nextInt(UNITS.size())))
                                .co2e(kg("1")).gwpSet(GwpSet.AR5).build());
                    }
                    List<FactorTable> tables = new ArrayList<>();
                    for (int t = 0; t < TABLES.size(); t++) {
                        tables.add(FactorTable.builder(TABLES.get(t)).addAll(perTable.get(t)).build());
                    }
                    FactorSelector selector = new FactorSelector(tables, RegionHierarchy.standard());
                    // the same tables deferred: the selector reads a table only where it declares the type's region
                    List<FactorTable> deferredTables = new ArrayList<>();
                    for (FactorTable table : tables) {
                        deferredTables.add(FactorTable.deferred(table.getInfo(), table.getRegionsByType(), () -> table));
                    }
                    FactorSelector deferred = new FactorSelector(deferredTables, RegionHierarchy.standard());
                    for (int a = 0; a < 20; a++) {
                        String region = REGIONS.get(random.nextInt(REGIONS.size() - 1));
                        LocalDate date = EPOCH.plusDays(random.nextInt(7 * 365));
                        Unit unit = UNITS.get(random.nextInt(UNITS.size()));
                        Activity activity = Fixtures.activity("a" + a, TYPE, "1 " + unit.getCode(), region,
                                date.toString());
                        Expected expected = expected(tables, activity);
                        for (FactorSelector each : List.of(selector, deferred)) {
                            if (expected == null) {
                                assertThatThrownBy(() -> each.select(activity))
                                        .isInstanceOf(FactorNotFoundException.class);
                            } else {
                                Selection selection = each.select(activity);
                                assertThat(selection.getFactor().getId()).as(activity.toString())
                                        .isEqualTo(expected.factor.getId());
                                assertThat(selection.getFallbacks()).as(activity.toString())
                                        .isEqualTo(expected.fallbacks);
                            }
                        }
                    }
                });
    }

    /** A period of up to three years inside 2020-2026, or open at one or both ends, some of a single day. */
    private static ValidityPeriod validity(Random random) {
        LocalDate start = random.nextInt(6) == 0 ? null : EPOCH.plusDays(random.nextInt(7 * 365));
        LocalDate end = random.nextInt(6) == 0 ? null
                : (start == null ? EPOCH.plusDays(random.nextInt(7 * 365)) : start.plusDays(random.nextInt(3 * 365)));
        return ValidityPeriod.of(start, end);
    }

    private record Expected(EmissionFactor factor, List<Fallback> fallbacks) {
    }

    /** The class's documented rules, read plainly: a scan of every factor at every step. */
    private static Expected expected(List<FactorTable> tables, Activity activity) {
        List<Region> chain = RegionHierarchy.standard().chain(activity.getRegion());
        LocalDate date = activity.getLocalDate();
        Unit unit = activity.getQuantity().getUnit();
        for (boolean valid : new boolean[] {true, false}) {
            for (Region region : chain) {
                List<Integer> precedence = new ArrayList<>();
                List<EmissionFactor> here = new ArrayList<>();
                for (int t = 0; t < tables.size(); t++) {
                    for (EmissionFactor factor : tables.get(t).getFactors()) {
                        if (factor.getRegion().equals(region) && unit.isConvertibleTo(factor.getPer())
                                && (!valid || factor.getValidity().contains(date))) {
                            here.add(factor);
                            precedence.add(t);
                        }
                    }
                }
                if (here.isEmpty()) {
                    continue;
                }
                Comparator<EmissionFactor> order = Comparator
                        .comparingLong((EmissionFactor f) -> f.getValidity().daysTo(date))
                        .thenComparing(f -> f.getPer().equals(unit) ? 0 : 1)
                        .thenComparingInt(f -> precedence.get(here.indexOf(f)))
                        .thenComparing(f -> f.getValidity().getStartInclusive().orElse(LocalDate.MIN),
                                Comparator.reverseOrder())
                        .thenComparing(EmissionFactor::getId);
                EmissionFactor best = here.stream().sorted(order).findFirst().orElseThrow();
                List<Fallback> fallbacks = new ArrayList<>();
                if (!region.equals(activity.getRegion())) {
                    fallbacks.add(Fallback.of(Fallback.Kind.REGION, activity.getRegion().getCode(), region.getCode()));
                }
                if (!valid) {
                    fallbacks.add(Fallback.of(Fallback.Kind.DATE, date.toString(), best.getValidity().toString()));
                }
                return new Expected(best, fallbacks);
            }
        }
        return null;
    }
}
