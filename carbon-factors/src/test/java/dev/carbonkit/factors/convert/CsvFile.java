package dev.carbonkit.factors.convert;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.carbonkit.factors.SourceFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rows of a publisher's CSV file, read with Jackson's CSV module (RFC 4180 quoting), with a leading
 * byte-order mark removed and every row checked to have as many cells as the header.
 * <p>
 * This class is immutable once read.
 */
public final class CsvFile {

    private final String source;
    private final List<String> header;
    private final List<List<String>> rows;

    private CsvFile(String source, List<String> header, List<List<String>> rows) {
        this.source = source;
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
    }

    /**
     * Reads a CSV file.
     *
     * @param file  the file, not null
     * @return the rows, never null
     * @throws IOException if the file cannot be read
     * @throws SourceFormatException if the file is empty or a row has the wrong number of cells
     */
    public static CsvFile read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    /**
     * Reads CSV from a stream, which is not closed.
     *
     * @param in  the UTF-8 CSV, not null
     * @param source  the name for errors, not null
     * @return the rows, never null
     * @throws IOException if the stream cannot be read
     * @throws SourceFormatException if the file is empty or a row has the wrong number of cells
     */
    public static CsvFile read(InputStream in, String source) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> records = mapper.readerFor(new TypeReference<List<String>>() { })
                .readValues(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            if (!records.hasNext()) {
                throw new SourceFormatException(source, 1, 0, "empty file, expected a header row");
            }
            List<String> header = new ArrayList<>(records.next());
            if (!header.isEmpty() && header.get(0).startsWith("\ufeff")) {
                header.set(0, header.get(0).substring(1));
            }
            List<List<String>> rows = new ArrayList<>();
            int line = 1;
            while (records.hasNext()) {
                List<String> cells = records.next();
                line++;
                if (cells.size() != header.size()) {
                    throw new SourceFormatException(source, line, 0, "expected " + header.size() + " cells, found "
                            + cells.size());
                }
                rows.add(List.copyOf(cells));
            }
            return new CsvFile(source, header, rows);
        }
    }

    /**
     * Gets the file's name.
     *
     * @return the source, never null
     */
    public String getSource() {
        return source;
    }

    /**
     * Gets the header row.
     *
     * @return the column names, unmodifiable, never null
     */
    public List<String> getHeader() {
        return header;
    }

    /**
     * Gets the data rows; row {@code i} is on line {@code i + 2} of the file.
     *
     * @return the rows, unmodifiable, never null
     */
    public List<List<String>> getRows() {
        return rows;
    }
}
