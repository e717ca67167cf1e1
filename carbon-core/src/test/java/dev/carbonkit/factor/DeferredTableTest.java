package dev.carbonkit.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.Fixtures;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.quantity.Quantity;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A deferred table is read when first needed, once, and is then the table it read. */
class DeferredTableTest {

    private static final FactorTable DESNZ = Fixtures.desnz2024();
    private static final FactorTable OWID = Fixtures.owid();
    private static final FactorTable POORE = Fixtures.poore();

    /** A loader that counts its calls. */
    private static final class Counting implements Supplier<FactorTable> {
        final AtomicInteger reads = new AtomicInteger();
        final FactorTable table;

        Counting(FactorTable table) {
            this.table = table;
        }

        @Override
        public FactorTable get() {
            reads.incrementAndGet();
            return table;
        }
    }

    private static FactorTable deferred(Counting loader) {
        return FactorTable.deferred(loader.table.getInfo(), loader.table.getRegionsByType(), loader);
    }

    private static Activity electricity(String type, String region) {
        return Activity.builder("a1").account("x").type(type).quantity(Quantity.parse("3.2 kWh"))
                .time(Instant.parse("2024-06-01T08:00:00Z"), Fixtures.LONDON).region(Region.of(region)).build();
    }

    @Test
    void infoAndTypes_withoutReading_factorsReadOnce() {
        Counting loader = new Counting(DESNZ);
        FactorTable table = deferred(loader);
        assertThat(table.getId()).isEqualTo("desnz-2024");
        assertThat(table.getInfo()).isEqualTo(DESNZ.getInfo());
        assertThat(table.getActivityTypes()).isEqualTo(DESNZ.getActivityTypes()).contains("home.electricity.grid");
        assertThat(table.getFactors("no.such.type")).isEmpty();
        assertThat(table.getRegions("home.electricity.grid")).isEqualTo(DESNZ.getRegions("home.electricity.grid"))
                .containsExactly(Region.of("GB"));
        assertThat(table.getRegions("no.such.type")).isEmpty();
        assertThat(table.getRegionsByType()).isEqualTo(DESNZ.getRegionsByType()).hasSameSizeAs(DESNZ.getActivityTypes());
        assertThat(table.isLoaded()).isFalse();
        assertThat(loader.reads).hasValue(0);
        assertThat(table.getFactors("home.electricity.grid")).isEqualTo(DESNZ.getFactors("home.electricity.grid"));
        assertThat(table.isLoaded()).isTrue();
        // once read, the table answers from what it read (the declaration is released): the same answers
        assertThat(table.getActivityTypes()).isEqualTo(DESNZ.getActivityTypes());
        assertThat(table.getRegionsByType()).isEqualTo(DESNZ.getRegionsByType());
        assertThat(table.getFactors("no.such.type")).isEmpty();
        assertThat(table.getFactors()).isEqualTo(DESNZ.getFactors());
        assertThat(table.size()).isEqualTo(DESNZ.size());
        assertThat(table.getDigest()).isEqualTo(DESNZ.getDigest());
        assertThat(table.canonicalForm()).isEqualTo(DESNZ.canonicalForm());
        assertThat(table).isEqualTo(DESNZ).hasSameHashCodeAs(DESNZ).hasToString(DESNZ.toString());
        String id = DESNZ.getFactors().get(0).getId();
        assertThat(table.getFactor(id)).isEqualTo(DESNZ.getFactor(id));
        assertThat(loader.reads).hasValue(1);
    }

    @Test
    void engine_readsOnlyTheTablesThatHaveTheActivitysTypeAtARegionOfItsChain() {
        Counting desnz = new Counting(DESNZ);
        Counting owid = new Counting(OWID);
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(),
                FactorCatalog.of(deferred(desnz), deferred(owid)));
        FootprintEngine reference = FootprintEngine.of(CalculationPolicy.defaults(), FactorCatalog.of(DESNZ, OWID));
        // France's grid: only OWID has it; DESNZ has grid electricity for GB alone, and stays unread
        Activity france = electricity("home.electricity.grid", "FR");
        assertThat(engine.score(france).getCo2e()).isEqualByComparingTo(reference.score(france).getCo2e());
        assertThat(engine.score(france).getExplanation().toString())
                .isEqualTo(reference.score(france).getExplanation().toString());
        assertThat(owid.reads).hasValue(1);
        assertThat(desnz.reads).hasValue(0);
        // a region neither has, with a chain through France's: still DESNZ unread
        Activity paris = electricity("home.electricity.grid", "FR-75");
        assertThat(engine.score(paris).getCo2e()).isEqualByComparingTo(reference.score(paris).getCo2e());
        assertThat(engine.score(paris).getExplanation().toString())
                .isEqualTo(reference.score(paris).getExplanation().toString());
        assertThat(desnz.reads).hasValue(0);
        Activity gb = electricity("home.electricity.grid", "GB");
        assertThat(engine.score(gb).getExplanation().toString())
                .isEqualTo(reference.score(gb).getExplanation().toString());
        assertThat(desnz.reads).hasValue(1);
    }

    @Test
    void engine_readsOnlyTheTablesOfTheTypesItScores() {
        Counting desnz = new Counting(DESNZ);
        Counting owid = new Counting(OWID);
        Counting poore = new Counting(POORE);
        FactorCatalog catalog = FactorCatalog.of(deferred(desnz), deferred(owid), deferred(poore));
        FactorCatalog eager = FactorCatalog.of(DESNZ, OWID, POORE);
        assertThat(catalog.getActivityTypes()).isEqualTo(eager.getActivityTypes());
        assertThat(catalog.getRegions()).isEqualTo(eager.getRegions()).contains(Region.of("GB"), Region.of("FR"));
        assertThat(catalog.getRegions("home.electricity.grid")).isEqualTo(eager.getRegions("home.electricity.grid"));
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), catalog);
        FootprintEngine reference = FootprintEngine.of(CalculationPolicy.defaults(), eager);
        assertThat(desnz.reads.get() + owid.reads.get() + poore.reads.get()).isZero();
        // both DESNZ and OWID have grid electricity (DESNZ takes precedence); Poore has none
        Activity grid = electricity("home.electricity.grid", "GB");
        assertThat(engine.score(grid).getCo2e()).isEqualByComparingTo(reference.score(grid).getCo2e());
        assertThat(engine.score(grid).getExplanation().toString()).isEqualTo(reference.score(grid).getExplanation()
                .toString());
        assertThat(desnz.reads).hasValue(1);
        assertThat(owid.reads).hasValue(1);
        assertThat(poore.reads).hasValue(0);
        Activity rice = Activity.builder("a2").account("x").type("food.rice").quantity(Quantity.parse("0.4 kg"))
                .time(Instant.parse("2024-06-01T08:00:00Z"), Fixtures.LONDON).region(Region.of("GB")).build();
        assertThat(engine.score(rice).getCo2e()).isEqualByComparingTo(reference.score(rice).getCo2e());
        assertThat(poore.reads).hasValue(1);
        assertThat(catalog.getFactors("home.electricity.grid")).isEqualTo(eager.getFactors("home.electricity.grid"));
        assertThat(catalog).isEqualTo(eager);
    }

    @Test
    void aTableOtherThanDeclared_failsWhenRead_andAFailedReadIsTriedAgain() {
        FactorTable wrongTypes = FactorTable.deferred(DESNZ.getInfo(),
                Map.of("home.electricity.grid", Set.of(Region.of("GB"))), () -> DESNZ);
        assertThat(wrongTypes.getFactors("food.rice")).isEmpty();
        assertThatThrownBy(wrongTypes::size).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("desnz-2024").hasMessageContaining("{home.electricity.grid=[GB]}");
        // the right types, one region short: a selection would skip the table there, so the read fails
        Map<String, Set<Region>> regionShort = new TreeMap<>(OWID.getRegionsByType());
        Set<Region> grid = new TreeSet<>(regionShort.get("home.electricity.grid"));
        assertThat(grid.remove(Region.of("FR"))).isTrue();
        regionShort.put("home.electricity.grid", grid);
        FactorTable wrongRegions = FactorTable.deferred(OWID.getInfo(), regionShort, () -> OWID);
        assertThat(wrongRegions.getRegions("home.electricity.grid")).doesNotContain(Region.of("FR"));
        assertThatThrownBy(wrongRegions::getFactors).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(OWID.getId());
        FactorTable wrongInfo = FactorTable.deferred(OWID.getInfo(), DESNZ.getRegionsByType(), () -> DESNZ);
        assertThatThrownBy(wrongInfo::getDigest).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(OWID.getId());
        AtomicInteger calls = new AtomicInteger();
        FactorTable flaky = FactorTable.deferred(DESNZ.getInfo(), DESNZ.getRegionsByType(), () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("disk");
            }
            return DESNZ;
        });
        assertThatThrownBy(flaky::getFactors).hasMessage("disk");
        assertThat(flaky.isLoaded()).isFalse();
        assertThat(flaky.getFactors()).isEqualTo(DESNZ.getFactors());
        assertThat(calls).hasValue(2);
        assertThatThrownBy(() -> FactorTable.deferred(DESNZ.getInfo(), null, () -> DESNZ))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> FactorTable.deferred(DESNZ.getInfo(), DESNZ.getRegionsByType(), () -> null).size())
                .isInstanceOf(NullPointerException.class).hasMessage("the loader of table desnz-2024 returned null");
        FactorTable declared = FactorTable.deferred(DESNZ.getInfo(), Map.of("b.b", Set.of(Region.GLOBAL), "a.a",
                Set.of(Region.of("GB"), Region.of("FR"))), () -> DESNZ);
        assertThat(declared.getActivityTypes()).containsExactly("a.a", "b.b");
        assertThat(declared.getRegions("a.a")).containsExactly(Region.of("FR"), Region.of("GB"));
    }
}
