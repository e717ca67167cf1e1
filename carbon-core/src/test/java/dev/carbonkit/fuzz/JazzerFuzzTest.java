package dev.carbonkit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Coverage-guided fuzzing with Jazzer (docs/reliability.md, "Fuzzing"): the same targets as the seeded mutation
 * fuzzer ({@link Targets}), each a {@code @FuzzTest}. In {@code mvn verify} they run in Jazzer's regression mode: every
 * input under {@code src/test/resources/dev/carbonkit/fuzz/JazzerFuzzTestInputs/METHOD} (the seeds, and any finding
 * Jazzer saved there) is run once. With {@code JAZZER_FUZZ=1} the one test named by {@code -Dtest} is fuzzed, its
 * inputs growing a corpus in {@code .cifuzz-corpus}:
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -pl carbon-core test -Dtest='JazzerFuzzTest#table' -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Djazzer.instrument='dev.carbonkit.**,org.yaml.snakeyaml.**'
 * </pre>
 * An exception a target is not documented to throw, or a problem quoting a value at length, is a finding.
 */
class JazzerFuzzTest {

    private static void run(byte[] input, Targets.Target target, List<Class<? extends Throwable>> allowed)
            throws Throwable {
        try {
            target.run(input);
        } catch (Throwable thrown) {
            if (!Targets.typed(thrown, allowed)) {
                throw thrown;
            }
        }
    }

    @FuzzTest(maxDuration = "5m")
    void table(byte[] input) throws Throwable {
        run(input, Targets::table, Targets.LOADS);
    }

    @FuzzTest(maxDuration = "5m")
    void rules(byte[] input) throws Throwable {
        run(input, Targets::rules, Targets.LOADS);
    }

    @FuzzTest(maxDuration = "5m")
    void vectors(byte[] input) throws Throwable {
        run(input, Targets::vectors, Targets.LOADS);
    }

    @FuzzTest(maxDuration = "5m")
    void activityTypes(byte[] input) throws Throwable {
        run(input, Targets::activityTypes, Targets.LOADS);
    }

    @FuzzTest(maxDuration = "5m")
    void crosswalks(byte[] input) throws Throwable {
        run(input, Targets::crosswalks, Targets.LOADS);
    }

    @FuzzTest(maxDuration = "5m")
    void moneyTables(byte[] input) throws Throwable {
        run(input, Targets::moneyTables, Targets.LOADS);
    }

    @FuzzTest(maxDuration = "5m")
    void receipts(byte[] input) throws Throwable {
        run(input, Targets::receipts, Targets.RECEIPTS);
    }

    @FuzzTest(maxDuration = "5m")
    void keys(byte[] input) throws Throwable {
        run(input, Targets::keys, Targets.KEYS);
    }
}
