package dev.carbonkit.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * Jazzer over the command's activity readers (docs/reliability.md, "Fuzzing"), with the seeded fuzzer's checks
 * ({@link ActivityReaderFuzzTest#read(byte[], boolean)}). {@code mvn verify} runs the seeds under
 * {@code src/test/resources/dev/carbonkit/cli/ActivityReaderJazzerTestInputs}; with {@code JAZZER_FUZZ=1} the test named
 * is fuzzed for five minutes:
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -pl carbon-examples/cli test -Dtest='ActivityReaderJazzerTest#csv' \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.instrument='dev.carbonkit.**,com.fasterxml.**'
 * </pre>
 */
class ActivityReaderJazzerTest {

    @FuzzTest(maxDuration = "5m")
    void csv(byte[] input) throws IOException {
        ActivityReaderFuzzTest.read(input, false);
    }

    @FuzzTest(maxDuration = "5m")
    void jsonLines(byte[] input) throws IOException {
        ActivityReaderFuzzTest.read(input, true);
    }
}
