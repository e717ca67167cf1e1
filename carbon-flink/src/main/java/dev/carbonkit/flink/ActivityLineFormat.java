package dev.carbonkit.flink;

import dev.carbonkit.cli.ActivityReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads an activities file for Flink's {@code FileSource}, in the command's CSV or JSON Lines contract (docs/cli.md,
 * "Input"), with the command's own reader: one {@link ActivityLine} per row, a bad row with its problem and line.
 * A file is one split (it is not cut), so line numbers are the file's own. The header of a CSV file that cannot be
 * read (a missing column) fails the source, as it fails {@code carbon score}.
 */
public final class ActivityLineFormat extends SimpleStreamFormat<ActivityLine> {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final boolean json;

    /**
     * Creates the format of one input.
     *
     * @param source  the file's name, as problems name it
     * @param json  true for JSON Lines, false for CSV
     */
    public ActivityLineFormat(String source, boolean json) {
        this.source = source;
        this.json = json;
    }

    @Override
    public Reader<ActivityLine> createReader(Configuration config, FSDataInputStream stream) throws IOException {
        ActivityReader.Rows rows = ActivityReader.rows(new BufferedReader(new InputStreamReader(stream,
                StandardCharsets.UTF_8), 1 << 16), source, json);
        return new Reader<>() {
            @Override
            public ActivityLine read() throws IOException {
                ActivityReader.Row row = rows.next();
                return row == null ? null : ActivityLine.of(source, row);
            }

            @Override
            public void close() throws IOException {
                stream.close();
            }
        };
    }

    @Override
    public TypeInformation<ActivityLine> getProducedType() {
        return TypeInformation.of(ActivityLine.class);
    }
}
