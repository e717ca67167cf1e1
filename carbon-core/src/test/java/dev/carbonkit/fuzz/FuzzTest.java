package dev.carbonkit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The seeded mutation fuzzer (docs/reliability.md): mutants of the test corpus's tables, rule sets, vectors and
 * receipts files, each given to its reader, and what it reads used (a table's digest and its YAML written again, a
 * rule set evaluated, receipts verified). Any exception other than the reader's documented typed ones fails, and the
 * mutant is written to target/fuzz-failures. {@code mvn verify} runs a short run ({@value #SHORT} mutants per reader);
 * {@code -Dcarbon.fuzz.mutants=N} runs N, and {@code -Dcarbon.fuzz.from=K} starts at mutant K.
 */
class FuzzTest {

    static final int SHORT = 2_000;
    private static final int MAX_LENGTH = 256 * 1024;

    private static final long MUTANTS = Long.getLong("carbon.fuzz.mutants", SHORT);
    private static final long FROM = Long.getLong("carbon.fuzz.from", 0);

    private static List<byte[]> seeds(String... directories) throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (String directory : directories) {
            try (Stream<Path> files = Files.list(Path.of(directory))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    seeds.add(Files.readAllBytes(file));
                }
            }
        }
        return seeds;
    }

    /**
     * The valid seeds as often as the invalid ones together (most mutants of a valid file are still read some way in),
     * and the invalid ones once each.
     */
    private static List<byte[]> weighted(String valid, String invalid) throws IOException {
        List<byte[]> good = seeds(valid);
        List<byte[]> bad = seeds(invalid);
        List<byte[]> seeds = new ArrayList<>(bad);
        for (int i = 0; i < Math.max(1, bad.size() / good.size()); i++) {
            seeds.addAll(good);
        }
        return seeds;
    }

    /**
     * Runs the mutants through a target; a throwable that is not one of the allowed kinds is a failure, saved.
     */
    private static void fuzz(String name, List<byte[]> seeds, Targets.Target target,
            List<Class<? extends Throwable>> allowed) throws IOException {
        Mutator mutator = new Mutator(seeds, MAX_LENGTH);
        List<String> failures = new ArrayList<>();
        long accepted = 0;
        long refused = 0;
        long start = System.nanoTime();
        for (long n = FROM; n < FROM + MUTANTS && failures.size() < 5; n++) {
            byte[] mutant = mutator.mutant(n);
            try {
                target.run(mutant);
                accepted++;
            } catch (Throwable thrown) {
                refused++;
                boolean typed = Targets.typed(thrown, allowed);
                if (!typed) {
                    Path saved = Path.of("target", "fuzz-failures", name + "-" + n + ".bin");
                    Files.createDirectories(saved.getParent());
                    Files.write(saved, mutant);
                    java.io.StringWriter trace = new java.io.StringWriter();
                    thrown.printStackTrace(new java.io.PrintWriter(trace));
                    failures.add(name + " mutant " + n + " (" + saved + "): " + trace.toString().lines().limit(8)
                            .reduce((a, b) -> a + "\n  " + b).orElse(""));
                }
            }
        }
        System.out.printf(java.util.Locale.ROOT, "fuzz %s: mutants %d to %d: %d read in full, %d refused with a typed"
                + " error, %d failures, %.1f s%n", name, FROM, FROM + MUTANTS - 1, accepted, refused - failures.size(),
                failures.size(), (System.nanoTime() - start) / 1e9);
        assertThat(failures).as(name + ": mutants " + FROM + " to " + (FROM + MUTANTS - 1)).isEmpty();
        // a harness whose every mutant is refused at the door would test nothing past it
        assertThat(accepted).as(name + ": mutants read in full").isPositive();
    }

    //-----------------------------------------------------------------------
    @Test
    void tables() throws IOException {
        fuzz("table", weighted("src/test/resources/tables/valid", "src/test/resources/tables/invalid"), Targets::table,
                Targets.LOADS);
    }

    @Test
    void ruleSets() throws IOException {
        fuzz("rules", weighted("src/test/resources/rules/valid", "src/test/resources/rules/invalid"), Targets::rules,
                Targets.LOADS);
    }

    /** PEM keys: a mutant is a key or an IllegalArgumentException naming its source. */
    @Test
    void keys() throws IOException {
        fuzz("keys", List.of(Targets.resource("/dev/carbonkit/audit/openssl-ed25519-private.pem"),
                Targets.resource("/dev/carbonkit/audit/openssl-ed25519-public.pem")), Targets::keys, Targets.KEYS);
    }

    @Test
    void vectors() throws IOException {
        fuzz("vectors", List.of(Targets.resource("JazzerFuzzTestInputs/vectors/car.yaml")), Targets::vectors,
                Targets.LOADS);
    }

    @Test
    void activityTypes() throws IOException {
        fuzz("types", List.of(Targets.resource("JazzerFuzzTestInputs/activityTypes/types.yaml")),
                Targets::activityTypes, Targets.LOADS);
    }

    @Test
    void crosswalks() throws IOException {
        fuzz("crosswalks", List.of(Targets.resource("JazzerFuzzTestInputs/crosswalks/shop.yaml")), Targets::crosswalks,
                Targets.LOADS);
    }

    @Test
    void moneyTables() throws IOException {
        fuzz("money", List.of(Targets.resource("JazzerFuzzTestInputs/moneyTables/prices.yaml")), Targets::moneyTables,
                Targets.LOADS);
    }

    @Test
    void receipts() throws IOException {
        fuzz("receipts", Targets.receiptSeeds(), Targets::receipts, Targets.RECEIPTS);
    }
}
