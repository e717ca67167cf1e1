package dev.carbonkit.benchmarks;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.Footprint;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.factors.BundledFactors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scoring a realistic mix of 1,024 activities with the bundled catalog: explanations deferred, explanations built,
 * and the same selection and multiplication as a hand-written double loop over the same data (the floor). Scores
 * are activities per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScoringBenchmark {

    private FootprintEngine engine;
    private Workload workload;

    /** Loads the catalog and builds the mix. */
    @Setup
    public void setUp() {
        engine = FootprintEngine.of(CalculationPolicy.defaults(), BundledFactors.catalog());
        workload = new Workload(BundledFactors.catalog());
    }

    /**
     * Scores every activity; the explanation is not built.
     *
     * @param blackhole  the sink
     */
    @Benchmark
    @OperationsPerInvocation(Workload.SIZE)
    public void scoreDeferred(Blackhole blackhole) {
        for (Activity activity : workload.activities) {
            blackhole.consume(engine.score(activity).getCo2e());
        }
    }

    /**
     * Scores every activity and builds its explanation as text.
     *
     * @param blackhole  the sink
     */
    @Benchmark
    @OperationsPerInvocation(Workload.SIZE)
    public void scoreExplained(Blackhole blackhole) {
        for (Activity activity : workload.activities) {
            Footprint footprint = engine.score(activity);
            blackhole.consume(footprint.getExplanation().toString());
        }
    }

    /**
     * The floor: a hash lookup by type, region and unit, a scan of the rows by date, one double multiplication.
     *
     * @param blackhole  the sink
     */
    @Benchmark
    @OperationsPerInvocation(Workload.SIZE)
    public void doubleLoop(Blackhole blackhole) {
        for (int i = 0; i < Workload.SIZE; i++) {
            double[][] rows = workload.rows.get(workload.keys[i]);
            double day = workload.days[i];
            double kg = Double.NaN;
            for (double[] row : rows) {
                if (row[0] <= day && day <= row[1]) {
                    kg = workload.quantities[i] * row[2];
                    break;
                }
            }
            blackhole.consume(kg);
        }
    }
}
