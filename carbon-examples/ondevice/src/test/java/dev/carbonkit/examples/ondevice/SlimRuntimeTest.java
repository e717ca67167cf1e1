package dev.carbonkit.examples.ondevice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.carbonkit.factors.BundledFactors;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Holds the slim runtime of an app on a phone (issue #18): what it depends on at runtime, and their size, under 1 MB
 * for carbon-core and one table. The class path is the one maven-dependency-plugin resolved for this module into
 * target/runtime-classpath.txt; in {@code mvn verify} (and any build that packages) its entries are the jars an app
 * would ship.
 */
class SlimRuntimeTest {

    /** The goal: carbon-core, what it needs, carbon-factors without tables and one table, under 1 MB. */
    static final long MAX_BYTES = 1_000_000;

    static List<File> runtimeClassPath() throws IOException {
        String line = Files.readString(Path.of("target", "runtime-classpath.txt"), StandardCharsets.UTF_8).trim();
        return Arrays.stream(line.split(File.pathSeparator)).map(File::new).collect(Collectors.toList());
    }

    @Test
    void theRuntime_isCarbonCore_snakeYaml_andOneTable() throws IOException {
        List<String> names = runtimeClassPath().stream().map(File::getName)
                .map(name -> name.replaceAll("-[0-9]+[.][0-9]+([.][0-9]+)*(-SNAPSHOT)?", "")).sorted()
                .collect(Collectors.toList());
        assertThat(names).containsExactly("carbon-core.jar", "carbon-factors-no-tables.jar",
                "carbon-factors-table-desnz-2024.jar", "snakeyaml.jar");
    }

    @Test
    void theRuntime_weighsUnderOneMegabyte() throws IOException {
        List<File> entries = runtimeClassPath();
        assumeThat(entries).as("sizes are of packaged jars: run mvn verify").allMatch(File::isFile);
        long total = entries.stream().mapToLong(File::length).sum();
        assertThat(total).as("runtime of carbon-core and one table, in bytes: %s", entries).isLessThan(MAX_BYTES);
    }

    @Test
    void theTablesOnTheClassPath_areTheOneShipped() {
        assertThat(BundledFactors.available()).containsExactly(OnDevice.TABLE);
        assertThat(BundledFactors.catalog().getTables()).extracting(table -> table.getInfo().getId())
                .containsExactly(OnDevice.TABLE);
        assertThatThrownBy(() -> BundledFactors.table("desnz-2025")).isInstanceOf(NoSuchElementException.class)
                .hasMessage("The bundled table 'desnz-2025' is not on the class path: add the jar of carbon-factors"
                        + " of classifier table-desnz-2025, or carbon-factors itself; on the class path: [desnz-2024]");
    }

    @Test
    void noJackson_isOnTheClassPath() {
        assertThatThrownBy(() -> Class.forName("com.fasterxml.jackson.core.JsonFactory"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
