package dev.carbonkit.benchmarks;

import dev.carbonkit.audit.Receipt;
import dev.carbonkit.audit.ReceiptReader;
import dev.carbonkit.audit.ReceiptVerifier;
import dev.carbonkit.audit.ReceiptWriter;
import dev.carbonkit.audit.Verification;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.Footprint;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.factors.BundledFactors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Receipts written and verified per second, on one thread, for the 1,024 footprints of the scoring mix: made and
 * written (the receipt of each footprint, chained, to a stream that discards), written only (receipts made
 * beforehand), read (parsed and the chain checked), and verified (read, the chain checked, and each replayed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReceiptsBenchmark {

    private Footprint[] footprints;
    private Receipt[] receipts;
    private byte[] file;
    private ReceiptVerifier verifier;

    /** Scores the mix once, makes its receipts and writes them to a chained file in memory. */
    @Setup
    public void setUp() throws IOException {
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), BundledFactors.catalog());
        Workload workload = new Workload(BundledFactors.catalog());
        footprints = new Footprint[Workload.SIZE];
        receipts = new Receipt[Workload.SIZE];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ReceiptWriter writer = new ReceiptWriter(bytes)) {
            for (int i = 0; i < Workload.SIZE; i++) {
                footprints[i] = engine.score(workload.activities[i]);
                receipts[i] = Receipt.of(footprints[i]);
                writer.write(receipts[i]);
            }
            writer.finish();
        }
        file = bytes.toByteArray();
        verifier = ReceiptVerifier.of(BundledFactors.catalog(), List.of());
        if (verifyReceipts() != Workload.SIZE) {
            throw new IllegalStateException("the mix's receipts do not all verify");
        }
    }

    /**
     * Makes and writes a receipt per footprint.
     *
     * @return the count written
     * @throws IOException never, the stream discards
     */
    @Benchmark
    @OperationsPerInvocation(Workload.SIZE)
    public long writeReceipts() throws IOException {
        try (ReceiptWriter writer = new ReceiptWriter(OutputStream.nullOutputStream())) {
            for (Footprint footprint : footprints) {
                writer.write(Receipt.of(footprint));
            }
            writer.finish();
            return writer.getCount();
        }
    }

    /**
     * Writes receipts made beforehand: the chain, the line's text and its SHA-256.
     *
     * @return the count written
     * @throws IOException never, the stream discards
     */
    @Benchmark
    @OperationsPerInvocation(Workload.SIZE)
    public long writeMadeReceipts() throws IOException {
        try (ReceiptWriter writer = new ReceiptWriter(OutputStream.nullOutputStream())) {
            for (Receipt receipt : receipts) {
                writer.write(receipt);
            }
            writer.finish();
            return writer.getCount();
        }
    }

    /**
     * Reads the chained file: each line parsed and digested, the chain checked.
     *
     * @return the count read
     * @throws IOException never, the file is in memory
     */
    @Benchmark
    @OperationsPerInvocation(Workload.SIZE)
    public long readReceipts() throws IOException {
        try (ReceiptReader reader = new ReceiptReader(new ByteArrayInputStream(file), "receipts.jsonl")) {
            long count = 0;
            while (reader.read() != null) {
                count++;
            }
            return count + reader.getChain().getReceipts();
        }
    }

    /**
     * Reads the chained file and replays every receipt against the bundled catalog.
     *
     * @return the count reproduced
     * @throws IOException never, the file is in memory
     */
    @Benchmark
    @OperationsPerInvocation(Workload.SIZE)
    public long verifyReceipts() throws IOException {
        try (ReceiptReader reader = new ReceiptReader(new ByteArrayInputStream(file), "receipts.jsonl")) {
            Map<Verification.Status, Long> counts = verifier.verifyAll(reader, verification -> { });
            if (!reader.getChain().isTrusted()) {
                throw new IllegalStateException(reader.getChain().toString());
            }
            return counts.get(Verification.Status.REPRODUCED);
        }
    }
}
