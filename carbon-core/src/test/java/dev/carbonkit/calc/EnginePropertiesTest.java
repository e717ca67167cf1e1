package dev.carbonkit.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.carbonkit.Fixtures;
import dev.carbonkit.Generators;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of the engine on generated activities (QuickTheories, fixed seed). */
class EnginePropertiesTest {

    private static final long SEED = 20261128L;
    private static final FactorTable PER_KM_ONLY = FactorTable.builder(Fixtures.DESNZ_2024)
            .add(Fixtures.desnz2024().getFactor("desnz-2024/4_301_3070_4").orElseThrow()).build();
    private static final FootprintEngine ENGINE = FootprintEngine.of(CalculationPolicy.defaults(),
            Fixtures.desnz2025(), Fixtures.desnz2024());

    private static final List<String[]> KINDS = List.of(
            new String[] {"transport.car.average.petrol", "mi"}, new String[] {"transport.car.average.petrol", "km"},
            new String[] {"transport.car.average.diesel", "km"}, new String[] {"transport.rail.underground", "pkm"},
            new String[] {"home.electricity.grid", "kWh"}, new String[] {"home.electricity.grid", "MWh"},
            new String[] {"home.natural_gas", "m3"}, new String[] {"home.natural_gas", "kWh"},
            new String[] {"home.water.supply", "L"}, new String[] {"accommodation.hotel", "room-night"});
    private static final List<String> REGIONS = List.of("GB", "GB-LND", "GB-SCT");
    private static final List<String> ACCOUNTS = List.of("alice", "bob", "chen");

    private static Activity activity(int id, BigDecimal amount, int kind, int region, long epochDay, int account) {
        String[] k = KINDS.get(kind);
        return Activity.builder("a" + id).account(ACCOUNTS.get(account)).type(k[0])
                .quantity(Quantity.of(amount, Unit.of(k[1])))
                .time(Instant.ofEpochSecond(epochDay * 86_400 + 43_200), Fixtures.LONDON)
                .region(Region.of(REGIONS.get(region))).build();
    }

    private static Gen<Activity> activities() {
        // 2023-06-01 .. 2026-06-01: in, between and outside the two editions' years
        return Generators.amounts().zip(integers().between(0, KINDS.size() - 1), integers().between(0, REGIONS.size() - 1),
                longs().between(19509, 20605), (amount, kind, region, day) -> activity(0, amount, kind, region, day, 0));
    }

    @Test
    void milesAndKilometres_againstPerKmFactor_giveTheSameExactCo2e() {
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), PER_KM_ONLY);
        qt().withFixedSeed(SEED).withExamples(1000).forAll(Generators.amounts()).checkAssert(miles -> {
            Footprint inMiles = engine.score(Fixtures.activity("m", "transport.car.average.petrol", miles.toPlainString()
                    + " mi", "GB", "2024-05-01"));
            Quantity km = Quantity.of(miles, Unit.MILE).to(Unit.KILOMETRE);
            Footprint inKm = engine.score(Fixtures.activity("k", "transport.car.average.petrol", km.toString(), "GB",
                    "2024-05-01"));
            assertThat(inMiles.getCo2e()).isEqualByComparingTo(inKm.getCo2e());
            assertThat(inMiles.getCo2e()).isEqualByComparingTo(km.getAmount().multiply(new BigDecimal("0.1645")));
        });
    }

    @Test
    void batchTotal_isTheSumOfItsParts_inAnyOrder() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(lists().of(activities()).ofSizeBetween(0, 40), longs().all())
                .checkAssert((batch, shuffleSeed) -> {
                    List<Footprint> footprints = ENGINE.scoreAll(batch);
                    BigDecimal sumOfParts = BigDecimal.ZERO;
                    for (Activity activity : batch) {
                        sumOfParts = sumOfParts.add(ENGINE.score(activity).getCo2e());
                    }
                    List<Activity> shuffled = new ArrayList<>(batch);
                    Collections.shuffle(shuffled, new Random(shuffleSeed));
                    assertThat(FootprintTotals.total(footprints)).isEqualByComparingTo(sumOfParts)
                            .isEqualByComparingTo(FootprintTotals.total(ENGINE.scoreAll(shuffled)));
                });
    }

    @Test
    void scoring_isDeterministic_includingExplanations() {
        FootprintEngine ar6 = FootprintEngine.of(CalculationPolicy.defaults().withGwpSet(GwpSet.AR6),
                Fixtures.desnz2025(), Fixtures.desnz2024());
        qt().withFixedSeed(SEED).withExamples(500).forAll(activities()).checkAssert(activity -> {
            Footprint first = ar6.score(activity);
            Footprint second = FootprintEngine.of(CalculationPolicy.defaults().withGwpSet(GwpSet.AR6),
                    Fixtures.desnz2025(), Fixtures.desnz2024()).score(activity);
            assertThat(second).isEqualTo(first);
            assertThat(second.getCo2e()).isEqualTo(first.getCo2e());
            assertThat(second.getExplanation().toString()).isEqualTo(first.getExplanation().toString());
        });
    }

    @Test
    void scoringFromManyThreads_equalsSequentialScoring() throws Exception {
        Random random = new Random(SEED);
        List<Activity> batch = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            batch.add(activity(i, BigDecimal.valueOf(random.nextInt(1_000_000), random.nextInt(4)),
                    random.nextInt(KINDS.size()), random.nextInt(REGIONS.size()), 19509 + random.nextInt(1096),
                    random.nextInt(ACCOUNTS.size())));
        }
        List<Footprint> sequential = ENGINE.scoreAll(batch);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Footprint>> futures = new ArrayList<>();
            for (Activity activity : batch) {
                futures.add(pool.submit(() -> ENGINE.score(activity)));
            }
            for (int i = 0; i < batch.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ENGINE.score(batch.parallelStream()).map(Footprint::getCo2e).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(FootprintTotals.total(sequential));
        assertThat(FootprintTotals.byAccount(sequential).keySet()).containsExactlyElementsOf(ACCOUNTS);
    }
}
