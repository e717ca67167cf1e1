package dev.carbonkit.benchmarks;

import dev.carbonkit.io.ConformanceVectorsLoader;
import dev.carbonkit.io.FactorTableLoader;
import dev.carbonkit.io.LoadException;
import dev.carbonkit.io.LoadLimits;
import dev.carbonkit.io.RuleSetLoader;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The slowest loads of inputs up to the size limit (the default, 512 KiB), each in a fresh JVM so that its peak heap
 * is its own: the worst shapes a hostile file can take (one long word, one long value with spaces, a deep nest, an
 * alias web, many problems, many absurd numbers) and the largest honest ones (a table of as many factors as fit, a
 * rule set of as many rules, a vectors file of as many cases). docs/reliability.md holds the figures. Run one input,
 * or all in turn:
 * <pre>
 * java -Xmx64m -cp carbon-examples/benchmarks/target/benchmarks.jar dev.carbonkit.benchmarks.HostileLoads NAME
 * java -Xmx64m -Dsize=1048576 -cp ... HostileLoads NAME      (inputs of 1 MiB, loaded with that limit)
 * for n in $(java -cp carbon-examples/benchmarks/target/benchmarks.jar dev.carbonkit.benchmarks.HostileLoads); do
 *   java -Xmx64m -cp carbon-examples/benchmarks/target/benchmarks.jar dev.carbonkit.benchmarks.HostileLoads $n; done
 * </pre>
 */
public final class HostileLoads {

    /** The inputs' size: the default limit, or {@code -Dsize=BYTES} (loaded with that limit). */
    private static final int LIMIT = Integer.getInteger("size", LoadLimits.DEFAULT_MAX_BYTES);
    private static final LoadLimits LIMITS = LoadLimits.defaults().withMaxBytes(LIMIT);
    private static final String HEADER = "format: carbonkit-factor-table/1\ntable: t\ntitle: T\npublisher: P\n"
            + "edition: \"1\"\nlicence: CC0-1.0\ngwp: AR5\nregion: GB\nvalid: 2024-01-01/2024-12-31\nfactors:\n";
    private static final String RULES = "format: carbonkit-rules/1\nruleset: r\nversion: \"1\"\ntimezone: Asia/Shanghai\n"
            + "rules:\n";

    private HostileLoads() {
    }

    /** The inputs, by name: each text just under the size limit, and the loader that reads it. */
    private static Map<String, java.util.function.Supplier<Input>> inputs() {
        Map<String, java.util.function.Supplier<Input>> loads = new LinkedHashMap<>();
        loads.put("one-word", () -> table(HEADER.replace("title: T", "title: " + fill("7", LIMIT - 200))));
        loads.put("one-value-with-spaces", () -> table(HEADER.replace("title: T", "title: " + fill("xy ", LIMIT - 200))));
        loads.put("deep-nest", () -> table(HEADER + fill("[", LIMIT - 400)));
        loads.put("alias-web", () -> {
            StringBuilder text = new StringBuilder(HEADER.replace("factors:\n", "x0: &a0 [1, 2, 3]\n"));
            for (int i = 1; text.length() < LIMIT - 200; i++) {
                text.append('x').append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
                        .append(i - 1).append("]\n");
            }
            return table(text.toString());
        });
        loads.put("many-problems", () -> table(HEADER + fill("  - {id: t/x, actvity: a.b, per: kmm, co2e: x}\n",
                LIMIT - 400)));
        loads.put("many-absurd-numbers", () -> table(HEADER + fill("  - {id: t/x, activity: a.b, per: km, co2e:"
                + " 1e999999999}\n", LIMIT - 400)));
        loads.put("largest-table", () -> {
            StringBuilder text = new StringBuilder(HEADER);
            for (int i = 0; text.length() < LIMIT - 200 && i < LoadLimits.DEFAULT_MAX_FACTORS; i++) {
                text.append("  - {id: t/f").append(i).append(", activity: transport.car.v").append(i)
                        .append(", per: km, co2e: 0.").append(i).append("}\n");
            }
            return table(text.toString());
        });
        loads.put("largest-rule-set", () -> {
            StringBuilder text = new StringBuilder(RULES);
            for (int i = 0; text.length() < LIMIT - 300; i++) {
                text.append("  - {id: r").append(i).append(", kind: fixed_per_event, activity: payment.offline, award:")
                        .append(" {grams: 5, points: 5}, caps: [{period: day, unit: count, limit: 10}]}\n");
            }
            return rules(text.toString());
        });
        loads.put("largest-vectors", () -> {
            StringBuilder text = new StringBuilder("format: carbonkit-vectors/1\ntable: t\ncases:\n");
            for (int i = 0; text.length() < LIMIT - 300; i++) {
                text.append("  - {name: c").append(i).append(", activity: transport.car, quantity: 10 km, region: GB,")
                        .append(" date: 2024-06-15, expect: {co2e: 1.7}}\n");
            }
            return vectors(text.toString());
        });
        return loads;
    }

    private static String fill(String piece, int length) {
        return piece.repeat(Math.max(1, length / piece.length()));
    }

    /** An input made: its bytes, and the loader that reads them. */
    private record Input(byte[] bytes, String kind) {
    }

    private static Input table(String text) {
        return new Input(text.getBytes(StandardCharsets.UTF_8), "table");
    }

    private static Input rules(String text) {
        return new Input(text.getBytes(StandardCharsets.UTF_8), "rules");
    }

    private static Input vectors(String text) {
        return new Input(text.getBytes(StandardCharsets.UTF_8), "vectors");
    }

    private static Object load(Input input) throws java.io.IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(input.bytes());
        return switch (input.kind()) {
            case "table" -> FactorTableLoader.withLimits(LIMITS).load(in, "input.yaml");
            case "rules" -> RuleSetLoader.withLimits(LIMITS).load(in, "input.yaml");
            default -> ConformanceVectorsLoader.withLimits(LIMITS).load(in, "input.yaml");
        };
    }

    /**
     * Loads one input and prints its time and the heap's peak; with no argument, prints the inputs' names.
     *
     * @param args  the input's name
     * @throws Exception if the input cannot be made
     */
    public static void main(String[] args) throws Exception {
        Map<String, java.util.function.Supplier<Input>> inputs = inputs();
        if (args.length == 0) {
            System.out.println(String.join(" ", inputs.keySet()));
            return;
        }
        Input input = inputs.get(args[0]).get();
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long start = System.nanoTime();
        String outcome;
        try {
            Object loaded = load(input);
            outcome = "loaded: " + loaded.toString().lines().findFirst().orElse("");
        } catch (LoadException refused) {
            outcome = "refused: " + refused.getProblems().size() + " problems, the first: " + refused.getProblems().get(0);
        } catch (OutOfMemoryError exhausted) {
            outcome = "OUT OF MEMORY";
        }
        long nanos = System.nanoTime() - start;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%-22s %,11d bytes %7.0f ms  peak heap %4d MiB (max %d MiB)  %s%n", args[0],
                input.bytes().length, nanos / 1e6,
                peak >> 20, Runtime.getRuntime().maxMemory() >> 20, outcome.length() > 160 ? outcome.substring(0, 160)
                        + "..." : outcome);
    }
}
