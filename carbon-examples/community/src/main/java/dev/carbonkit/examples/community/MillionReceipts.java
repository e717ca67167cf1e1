package dev.carbonkit.examples.community;

import dev.carbonkit.audit.Receipt;
import dev.carbonkit.audit.ReceiptChain;
import dev.carbonkit.audit.ReceiptReader;
import dev.carbonkit.audit.ReceiptVerifier;
import dev.carbonkit.audit.ReceiptWriter;
import dev.carbonkit.audit.Verification;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factors.BundledFactors;
import dev.carbonkit.quantity.Quantity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes and then verifies a large number of footprint receipts, streaming both ways, to show that neither holds
 * the file in memory: run it with a small heap.
 * <p>
 * {@code mvn -B -q -pl carbon-examples/community -am compile exec:exec
 * -Dexec.mainClass=dev.carbonkit.examples.community.MillionReceipts -Dexec.jvmArgs=-Xmx64m
 * -Dexec.args="target/million.jsonl 1000000"}
 */
public final class MillionReceipts {

    private static final String[][] MIX = {{"home.electricity.grid", "kWh", "GB"}, {"transport.car.average.petrol", "mi", "GB"},
        {"transport.rail.underground", "pkm", "GB"}, {"home.natural_gas", "kWh", "GB"}, {"food.rice", "kg", "CN"},
        {"home.electricity.grid", "kWh", "CN"}};

    private MillionReceipts() {
    }

    /**
     * Writes the receipts to a file, reads them back and verifies each.
     *
     * @param args  the file and the number of receipts
     * @throws IOException if the file cannot be written or read
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "target/million.jsonl");
        long count = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), BundledFactors.catalog());
        ZoneId london = ZoneId.of("Europe/London");
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        long began = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(file); ReceiptWriter writer = new ReceiptWriter(out)) {
            for (long i = 0; i < count; i++) {
                String[] kind = MIX[(int) (i % MIX.length)];
                Activity activity = Activity.builder("a" + i).account("r" + (i % 10_000)).type(kind[0])
                        .quantity(Quantity.parse((1 + i % 97) + "." + (i % 10) + " " + kind[1]))
                        .time(start.plusSeconds(i * 31 % 31_000_000L), london).region(Region.of(kind[2])).build();
                writer.write(Receipt.of(engine.score(activity)));
            }
            writer.finish();
        }
        long written = System.nanoTime();
        Map<Verification.Status, Long> counts;
        ReceiptChain chain;
        try (InputStream in = Files.newInputStream(file); ReceiptReader reader = new ReceiptReader(in, file.toString())) {
            counts = ReceiptVerifier.of(BundledFactors.catalog(), List.of()).verifyAll(reader, verification -> {
                if (!verification.isReproduced()) {
                    throw new IllegalStateException(verification.toString());
                }
            });
            chain = reader.getChain();
        }
        long verified = System.nanoTime();
        StringBuilder peaks = new StringBuilder();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peaks.append(peaks.length() == 0 ? "" : ", ").append(pool.getName()).append(' ')
                        .append(pool.getPeakUsage().getUsed() >> 20).append(" MiB");
            }
        }
        System.out.printf(Locale.ROOT, "receipts written: %d in %.1f s, %d bytes%n", count, (written - began) / 1e9,
                Files.size(file));
        System.out.printf(Locale.ROOT, "receipts verified: %s in %.1f s; %s%n", counts, (verified - written) / 1e9,
                chain);
        System.out.printf(Locale.ROOT, "max heap %d MiB; peak use of each heap pool: %s%n",
                Runtime.getRuntime().maxMemory() >> 20, peaks);
    }
}
