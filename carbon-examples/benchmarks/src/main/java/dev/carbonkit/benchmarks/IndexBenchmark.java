package dev.carbonkit.benchmarks;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factor.TableInfo;
import dev.carbonkit.factor.ValidityPeriod;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How the engine's index grows with the number of regions of one activity type: a fresh engine over a table of one
 * type in that many regions (one factor each, subdivisions GB-000 to GB-ZZZ), and an activity scored in each region,
 * so that every region is indexed once. The engine indexes a type when an activity first needs it; this measures
 * that the work grows with the regions, not with their square.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class IndexBenchmark {

    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** The regions of the type. */
    @Param({"1000", "10000", "40000"})
    public int regions;

    private FactorTable table;
    private List<Activity> activities;

    /** Builds the table and one activity per region. */
    @Setup
    public void setUp() {
        TableInfo info = TableInfo.builder("regions").title("Synthetic table of many regions").publisher("carbonkit")
                .edition("1").licence("CC0-1.0").build();
        FactorTable.Builder builder = FactorTable.builder(info);
        activities = new ArrayList<>(regions);
        for (int i = 0; i < regions; i++) {
            Region region = Region.of("GB-" + DIGITS.charAt(i / 1296 % 36) + DIGITS.charAt(i / 36 % 36)
                    + DIGITS.charAt(i % 36));
            builder.add(EmissionFactor.builder("regions/" + i, info).activityType("home.electricity.grid")
                    .region(region).validity(ValidityPeriod.ofYear(2024)).per(Unit.KILOWATT_HOUR)
                    .co2e(Quantity.parse("0." + (100 + i % 900) + " kg")).gwpSet(GwpSet.AR5).build());
            activities.add(Activity.builder("a" + i).account("x").type("home.electricity.grid")
                    .quantity(Quantity.parse("1.5 kWh")).time(LocalDateTime.of(2024, 6, 1, 12, 0)
                            .toInstant(ZoneOffset.UTC), ZoneOffset.UTC).region(region).build());
        }
        table = builder.build();
    }

    /**
     * A fresh engine, and the first activity in each region.
     *
     * @param blackhole  the sink
     */
    @Benchmark
    public void firstScoreInEachRegion(Blackhole blackhole) {
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), table);
        for (Activity activity : activities) {
            blackhole.consume(engine.score(activity).getCo2e());
        }
    }
}
