package dev.carbonkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quicktheories.core.Gen;

/**
 * Mutates valid tables (deleting, duplicating, retyping and truncating) and checks that the loader never
 * answers with anything but a table or its own {@link FactorTableException}, and never hangs.
 */
class FactorTableMutationTest {

    private static final List<String> TOKENS = List.of("", "[]", "{}", "x", "-1", "''", "0x1F", "&a", "*a", "!!str x",
            ":", "- - -", "{a: [b, {c: d}]}", "2024-99-99/..", "1e999999", "\"\\u0000\"", "!!binary AAAA", "~", "? x",
            "|\n  text", "*undefined", "[*a, *a]", "kWh", "GB", "AR7", "&a [x, x]", "\t", "%TAG ! x");

    /** One edit: which operation, on which line, at which character, with which token. */
    record Mutation(int operation, int line, int position, int token) {

        String applyTo(String yaml) {
            List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
            int at = line % lines.size();
            String text = lines.get(at);
            switch (operation % 5) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, text);
                case 2 -> {
                    int colon = text.indexOf(": ");
                    lines.set(at, colon < 0 ? TOKENS.get(token % TOKENS.size())
                            : text.substring(0, colon + 2) + TOKENS.get(token % TOKENS.size()));
                }
                case 3 -> {
                    String joined = String.join("\n", lines);
                    return joined.substring(0, position % (joined.length() + 1));
                }
                default -> {
                    int cut = text.isEmpty() ? 0 : position % text.length();
                    lines.set(at, text.substring(0, cut) + TOKENS.get(token % TOKENS.size()) + text.substring(cut));
                }
            }
            return String.join("\n", lines);
        }
    }

    private static Gen<Mutation> mutations() {
        return integers().between(0, 4).zip(integers().between(0, 10_000), integers().between(0, 100_000),
                integers().between(0, TOKENS.size() - 1), Mutation::new);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedTables_giveATableOrTheLoadersException() throws IOException {
        List<String> sources = List.of(Files.readString(FactorTableLoaderTest.VALID.resolve("example.yaml")),
                Files.readString(FactorTableLoaderTest.VALID.resolve("owid-style.yaml")));
        int[] outcomes = new int[2];
        qt().withFixedSeed(20261128L).withExamples(3000)
                .forAll(integers().between(0, sources.size() - 1), lists().of(mutations()).ofSizeBetween(1, 3))
                .checkAssert((source, edits) -> {
                    String yaml = sources.get(source);
                    for (Mutation edit : edits) {
                        yaml = edit.applyTo(yaml);
                    }
                    try {
                        assertThat(FactorTableLoader.standard().parse(yaml, "mutant.yaml").getDigest()).startsWith("sha256:");
                        outcomes[0]++;
                    } catch (FactorTableException expected) {
                        assertThat(expected.getProblems()).isNotEmpty();
                        outcomes[1]++;
                    }
                });
        // the mutations must exercise both outcomes, or the test proves little
        assertThat(outcomes[0]).isPositive();
        assertThat(outcomes[1]).isPositive();
    }
}
