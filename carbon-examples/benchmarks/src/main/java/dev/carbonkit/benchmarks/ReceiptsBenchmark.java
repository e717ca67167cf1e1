package dev.carbonkit.benchmarks;

import dev.carbonkit.audit.Receipt;
import dev.carbonkit.audit.ReceiptWriter;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.Footprint;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.factors.BundledFactors;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Receipts written per second: the receipt of each of 1,024 footprints, as JSON Lines, to a stream that discards. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReceiptsBenchmark {

    private Footprint[] footprints;
    private CalculationPolicy policy;

    /** Scores the mix once. */
    @Setup
    public void setUp() {
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), BundledFactors.catalog());
        policy = engine.getPolicy();
        Workload workload = new Workload(BundledFactors.catalog());
        footprints = new Footprint[Workload.SIZE];
        for (int i = 0; i < Workload.SIZE; i++) {
            footprints[i] = engine.score(workload.activities[i]);
        }
    }

    /**
     * Writes a receipt per footprint.
     *
     * @return the count written
     * @throws IOException never, the stream discards
     */
    @Benchmark
    @OperationsPerInvocation(Workload.SIZE)
    public long writeReceipts() throws IOException {
        try (ReceiptWriter writer = new ReceiptWriter(OutputStream.nullOutputStream())) {
            for (Footprint footprint : footprints) {
                writer.write(Receipt.of(footprint, policy));
            }
            return writer.getCount();
        }
    }
}
