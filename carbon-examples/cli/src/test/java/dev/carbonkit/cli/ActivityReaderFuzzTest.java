package dev.carbonkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.fuzz.Mutator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seeded mutation fuzzer (carbon-core's, docs/reliability.md) over the command's activity readers: a mutant of a
 * CSV or JSON Lines file gives rows (each an activity or a problem with its line) or, for a file that cannot be read
 * as a whole (no header, a missing column), an {@link ActivityReader.InputException}; nothing else. {@code mvn verify}
 * runs {@value #SHORT} mutants of each kind; {@code -Dcarbon.fuzz.mutants=N} runs N.
 */
class ActivityReaderFuzzTest {

    static final int SHORT = 2_000;
    private static final long MUTANTS = Long.getLong("carbon.fuzz.mutants", SHORT);

    private static List<byte[]> seeds(String... names) throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (String name : names) {
            seeds.add(Files.readAllBytes(Path.of("src/test/resources/cli", name)));
        }
        return seeds;
    }

    /**
     * Reads an input as the command does and checks what it gives: rows, each an activity or a bounded problem with
     * its line, or a bounded {@link ActivityReader.InputException} for a file that cannot be read as a whole; anything
     * else is thrown. Shared with Jazzer ({@link ActivityReaderJazzerTest}).
     *
     * @return the rows read and those of them with a problem
     */
    static long[] read(byte[] input, boolean json) throws IOException {
        long rows = 0;
        long problems = 0;
        try {
            for (ActivityReader.Row row : ActivityReader.read(new ByteArrayInputStream(input), "mutant", json)) {
                assertThat(row.activity() == null).isEqualTo(row.problem() != null);
                rows++;
                problems += row.problem() == null ? 0 : 1;
                if (row.problem() != null) {
                    assertThat(row.problem()).startsWith("mutant:").hasSizeLessThan(1_000);
                }
            }
        } catch (ActivityReader.InputException whole) {
            assertThat(whole.getMessage()).startsWith("mutant:").hasSizeLessThan(2_000);
        }
        return new long[] {rows, problems};
    }

    private static void fuzz(String kind, List<byte[]> seeds, boolean json) throws IOException {
        Mutator mutator = new Mutator(seeds, 256 * 1024);
        long rows = 0;
        long problems = 0;
        List<String> failures = new ArrayList<>();
        for (long n = 0; n < MUTANTS && failures.size() < 5; n++) {
            byte[] mutant = mutator.mutant(n);
            try {
                long[] read = read(mutant, json);
                rows += read[0];
                problems += read[1];
            } catch (Throwable thrown) {
                Path saved = Path.of("target", "fuzz-failures", kind + "-" + n + ".bin");
                Files.createDirectories(saved.getParent());
                Files.write(saved, mutant);
                failures.add(kind + " mutant " + n + " (" + saved + "): " + thrown);
            }
        }
        System.out.printf(java.util.Locale.ROOT, "fuzz %s: %d mutants, %d rows (%d with a problem), %d failures%n", kind,
                MUTANTS, rows, problems, failures.size());
        assertThat(failures).isEmpty();
        assertThat(rows - problems).as("activities read from mutants").isPositive();
    }

    @Test
    void csv() throws IOException {
        fuzz("csv", seeds("week.csv", "bad.csv", "shenzhen.csv", "golden-cases.csv"), false);
    }

    @Test
    void jsonLines() throws IOException {
        fuzz("jsonl", seeds("week.jsonl"), true);
    }
}
