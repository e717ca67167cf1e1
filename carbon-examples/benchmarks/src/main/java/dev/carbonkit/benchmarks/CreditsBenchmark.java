package dev.carbonkit.benchmarks;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.credit.CreditEngine;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factors.BundledRules;
import dev.carbonkit.quantity.Quantity;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Credits with caps and deduplication: 1,024 Ant Forest payments and utility bills of 50 accounts over three days,
 * evaluated under the bundled rule set, on one thread and on two (each thread its own batch). Scores are awards
 * per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CreditsBenchmark {

    static final int SIZE = 1024;

    private RuleSet ant;
    private List<Activity> activities;

    /** Builds the batch. */
    @Setup
    public void setUp() {
        ant = BundledRules.ruleSet("cn-alipay-ant-forest");
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        Random random = new Random(37);
        activities = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            boolean bill = random.nextInt(8) == 0;
            activities.add(Activity.builder("p" + i).account("r" + random.nextInt(50))
                    .type(bill ? "payment.utility" : "payment.offline").quantity(Quantity.parse("1 count"))
                    .time(LocalDateTime.of(2024, 3, 1 + random.nextInt(3), random.nextInt(24), random.nextInt(60))
                            .atZone(shanghai).toInstant(), shanghai).region(Region.of("CN"))
                    .attribute("amount_cny", random.nextInt(10) == 0 ? "0.5" : "12")
                    .attribute("utilityAccountNo", "U" + random.nextInt(80)).build());
        }
    }

    /**
     * Evaluates the batch on one thread.
     *
     * @return the result
     */
    @Benchmark
    @OperationsPerInvocation(SIZE)
    @Threads(1)
    public Object oneThread() {
        return CreditEngine.evaluate(ant, activities);
    }

    /**
     * Evaluates the batch on each of two threads.
     *
     * @return the result
     */
    @Benchmark
    @OperationsPerInvocation(SIZE)
    @Threads(2)
    public Object twoThreads() {
        return CreditEngine.evaluate(ant, activities);
    }
}
