package dev.carbonkit.factors;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factors.convert.CompactTables;
import dev.carbonkit.quantity.Quantity;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Measures, in a fresh JVM, how long loading the bundled catalog takes and how much heap it keeps. A
 * documented measurement (docs/factors.md), not a test; JMH benchmarks come with the performance work.
 * Run it as docs/factors.md says.
 */
public final class MeasureBundledLoad {

    private MeasureBundledLoad() {
    }

    /**
     * Prints the figures.
     *
     * @param args  ignored
     */
    public static void main(String[] args) throws IOException {
        long before = usedAfterGc();
        long start = System.nanoTime();
        FactorCatalog catalog = BundledFactors.catalog();
        // the catalog's tables are deferred: read every one, as an app scoring every type would
        int factors = catalog.getTables().stream().mapToInt(t -> t.size()).sum();
        long loaded = System.nanoTime();
        var footprint = FootprintEngine.of(CalculationPolicy.defaults(), catalog).score(Activity.builder("a")
                .account("x").type("transport.car.average.petrol").quantity(Quantity.parse("12 mi"))
                .time(Instant.parse("2024-06-15T12:00:00Z"), ZoneOffset.UTC).region(Region.of("GB")).build());
        long scored = System.nanoTime();
        long after = usedAfterGc();
        long jvmUptime = ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.println(String.format(Locale.ROOT, "tables %d, factors %d", catalog.getTables().size(), factors));
        System.out.println(String.format(Locale.ROOT, "load catalog, every table read: %d ms; first score: %d ms (%s kg CO2e)",
                (loaded - start) / 1_000_000, (scored - loaded) / 1_000_000, footprint.getCo2e().toPlainString()));
        System.out.println(String.format(Locale.ROOT, "JVM uptime at the end: %d ms", jvmUptime));
        System.out.println(String.format(Locale.ROOT, "retained heap: %d KiB, %d bytes per factor",
                (after - before) / 1024, (after - before) / factors));
        // the first figure includes every class the first load brought in; a second catalog of the same tables, read
        // afresh the same way once those are in, costs only its own factors
        FactorCatalog.Builder second = FactorCatalog.builder();
        for (String id : BundledFactors.TABLE_IDS) {
            String resource = "dev/carbonkit/factors/tables/" + id + CompactTables.SUFFIX;
            try (InputStream in = MeasureBundledLoad.class.getClassLoader().getResourceAsStream(resource)) {
                second.add(CompactTables.read(in, resource));
            }
        }
        FactorCatalog again = second.build();
        long afterSecond = usedAfterGc();
        System.out.println(String.format(Locale.ROOT, "a second catalog of the same tables: %d KiB, %d bytes per factor",
                (afterSecond - after) / 1024, (afterSecond - after) / factors));
        if (again.getTables().size() != catalog.getTables().size()) {
            throw new IllegalStateException("the second catalog differs");
        }
        if (footprint.getCo2e().signum() == 0 || catalog.getTables().isEmpty()) {
            throw new IllegalStateException("nothing was loaded");
        }
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
