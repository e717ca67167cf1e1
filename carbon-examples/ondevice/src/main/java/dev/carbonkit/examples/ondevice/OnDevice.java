package dev.carbonkit.examples.ondevice;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.Footprint;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factors.BundledFactors;
import dev.carbonkit.quantity.Quantity;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The way an app scores on the device: the slim runtime (carbon-core, SnakeYAML, carbon-factors of classifier
 * {@code no-tables} and the one table of classifier {@code table-desnz-2024}), no file system and no network, the
 * table read from the class path (from the compact form the build writes beside its YAML, with no YAML parsed), pinned
 * by digest, one activity scored, and the time from the JVM's start to the first footprint measured. It prints the
 * jars it runs with and their sizes first. Run: {@code mvn -B -q -pl carbon-examples/ondevice -am package
 * exec:exec -DskipTests}.
 */
public final class OnDevice {

    /** The table the app ships with, and the digest it was tested against. */
    static final String TABLE = "desnz-2024";
    static final String DIGEST = "sha256:e517dc08ae8f01078c3537198e086dbea6768f7f611d1fa9260480ebcd9f2e03";

    private OnDevice() {
    }

    /**
     * Scores one activity and says how long it took from the JVM's start.
     *
     * @return the footprint
     */
    static Footprint scoreOne() {
        FactorTable table = BundledFactors.table(TABLE);
        if (!table.getDigest().equals(DIGEST)) {
            throw new IllegalStateException("the shipped table is not the tested one: " + table.getDigest());
        }
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.strict(), table);
        return engine.score(Activity.builder("bus-1").account("device-owner").type("transport.bus.local.average")
                .quantity(Quantity.parse("8.5 pkm")).time(Instant.parse("2024-06-01T08:00:00Z"), ZoneId.of("Europe/London"))
                .region(Region.of("GB")).build());
    }

    /**
     * Runs the example.
     *
     * @param args  ignored
     */
    public static void main(String[] args) {
        long started = ManagementFactory.getRuntimeMXBean().getStartTime();
        long before = System.currentTimeMillis();
        Footprint footprint = scoreOne();
        long after = System.currentTimeMillis();
        long total = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File file = new File(entry);
            if (file.isFile()) {
                System.out.printf(Locale.ROOT, "%,10d  %s%n", file.length(), file.getName());
                total += file.length();
            }
        }
        System.out.printf(Locale.ROOT, "%,10d  in all (the jars on the class path)%n", total);
        System.out.println("tables on the class path: " + BundledFactors.available());
        System.out.println(footprint.getCo2e().toPlainString() + " kg CO2e from " + footprint.getFactor().getId());
        System.out.printf(Locale.ROOT, "table loaded and first activity scored in %d ms; %d ms from JVM start%n",
                after - before, after - started);
    }
}
