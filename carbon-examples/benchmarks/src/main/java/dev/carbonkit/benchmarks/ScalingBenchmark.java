package dev.carbonkit.benchmarks;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.credit.CreditEngine;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factor.TableInfo;
import dev.carbonkit.factor.ValidityPeriod;
import dev.carbonkit.factors.BundledRules;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How cost grows: scoring against tables of 1,000, 10,000 and 100,000 factors (types x 10 years, one region), and
 * scoring and crediting batches of 1,024, 16,384 and 131,072 activities. Scores are microseconds per activity.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScalingBenchmark {

    /** Factors in the synthetic table. */
    @Param({"1000", "10000", "100000"})
    public int factors;

    /** Activities in a batch. */
    @Param({"1024", "16384", "131072"})
    public int activities;

    private FootprintEngine engine;
    private List<Activity> batch;
    private List<Activity> payments;
    private RuleSet ant;

    /** Builds the table and the batches. */
    @Setup
    public void setUp() {
        TableInfo info = TableInfo.builder("synthetic").title("Synthetic table for scaling").publisher("carbonkit")
                .edition("1").licence("CC0-1.0").build();
        FactorTable.Builder table = FactorTable.builder(info);
        int types = factors / 10;
        for (int t = 0; t < types; t++) {
            for (int year = 2015; year < 2025; year++) {
                table.add(EmissionFactor.builder("synthetic/" + t + "-" + year, info).activityType("type.t" + t)
                        .region(Region.of("GB")).validity(ValidityPeriod.ofYear(year)).per(Unit.KILOWATT_HOUR)
                        .co2e(Quantity.parse("0." + (1000 + t % 9000) + " kg")).gwpSet(GwpSet.AR5).build());
            }
        }
        engine = FootprintEngine.of(CalculationPolicy.defaults(), table.build());
        Random random = new Random(7);
        ZoneId london = ZoneId.of("Europe/London");
        batch = new ArrayList<>(activities);
        for (int i = 0; i < activities; i++) {
            batch.add(Activity.builder("a" + i).account("r" + (i % 100)).type("type.t" + random.nextInt(types))
                    .quantity(Quantity.parse((1 + random.nextInt(50)) + "." + random.nextInt(10) + " kWh"))
                    .time(LocalDateTime.of(2015 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28), 12, 0)
                            .atZone(london).toInstant(), london).region(Region.of("GB")).build());
        }
        ant = BundledRules.ruleSet("cn-alipay-ant-forest");
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        payments = new ArrayList<>(activities);
        for (int i = 0; i < activities; i++) {
            payments.add(Activity.builder("p" + i).account("r" + random.nextInt(Math.max(1, activities / 20)))
                    .type("payment.offline").quantity(Quantity.parse("1 count"))
                    .time(LocalDateTime.of(2024, 3, 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60))
                            .atZone(shanghai).toInstant(), shanghai).region(Region.of("CN"))
                    .attribute("amount_cny", "12").build());
        }
    }

    /**
     * Scores the batch; the time is per batch, divide by the batch size for per activity.
     *
     * @param blackhole  the sink
     */
    @Benchmark
    public void scoreBatch(Blackhole blackhole) {
        for (Activity activity : batch) {
            blackhole.consume(engine.score(activity).getCo2e());
        }
    }

    /**
     * Credits the batch of payments (time per batch); only the batch size matters here.
     *
     * @return the result
     */
    @Benchmark
    public Object creditBatch() {
        return CreditEngine.evaluate(ant, payments);
    }
}
