package dev.carbonkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository stands on its own: no document, source or data file cites a path outside it (the research notes the
 * project was started from are kept in docs/research and beside the sources; everything else cites the public
 * document itself).
 */
class ProvenanceTest {

    /** A path into the folder beside the repository, or that folder's reference notes, however it is written. */
    private static final Pattern OUTSIDE = Pattern.compile("(\\.\\./)+" + "shared\\b|\\bshared" + "/(reference|data)/");

    @Test
    void noFileCitesAPathOutsideTheRepository() throws IOException {
        Path root = Path.of("../..").toAbsolutePath().normalize();
        List<String> citing = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(file -> !excluded(root.relativize(file)))
                    .collect(Collectors.toList());
        }
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (MalformedInputException binary) {
                continue;
            }
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (OUTSIDE.matcher(lines[i]).find()) {
                    citing.add(root.relativize(file) + ":" + (i + 1) + ": " + lines[i].trim());
                }
            }
        }
        assertThat(files).as("the walk found the repository").hasSizeGreaterThan(100);
        assertThat(citing).isEmpty();
    }

    /** Build output and Git's own files. */
    private static boolean excluded(Path relative) {
        for (Path name : relative) {
            if (name.toString().equals("target") || name.toString().equals(".git")) {
                return true;
            }
        }
        return false;
    }
}
