package dev.carbonkit.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.cli.ActivityReader;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's input is what the command reads: every row an activity, as many as it says, the same each time. */
class SyntheticYearTest {

    @Test
    void theYear_isReadWithoutAProblem_andIsTheSameEveryTime(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("year.csv");
        long written = SyntheticYear.write(file, 20);
        long read = 0;
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            ActivityReader.Rows rows = ActivityReader.rows(reader, "year.csv", false);
            for (ActivityReader.Row row = rows.next(); row != null; row = rows.next()) {
                assertThat(row.problem()).isNull();
                read++;
            }
        }
        assertThat(read).isEqualTo(written).isGreaterThan(20 * 36);
        Path again = dir.resolve("again.csv");
        SyntheticYear.write(again, 20);
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));
    }
}
