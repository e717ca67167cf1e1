package dev.carbonkit.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The hand-reviewed problems a malformed file must produce, read from its folder's expected-problems.txt. */
final class ExpectedProblems {

    private ExpectedProblems() {
    }

    /**
     * Gets the expected problems of one file, in order, and checks there is at least one.
     *
     * @param file  the malformed file, in a folder that holds expected-problems.txt
     * @return the problems as {@link Problem#toString()} gives them
     */
    static List<String> of(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<String> expected = Files.readAllLines(file.resolveSibling("expected-problems.txt")).stream()
                .filter(line -> line.startsWith(name + ":")).toList();
        assertThat(expected).as("expectations for " + name).isNotEmpty();
        return expected;
    }
}
