package dev.carbonkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.carbonkit.CarbonMath;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.factor.Region;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads activities from CSV (header {@code id,account,type,quantity,unit,region,time}, optional {@code zone},
 * {@code factor} and {@code attr.NAME} columns) or JSON Lines (the same fields, attributes under
 * {@code attributes} or as {@code attr.NAME}). Each row gives an activity or a problem naming the file, line and
 * column, so that a bad row does not hide the good ones.
 */
public final class ActivityReader {

    /** The columns every row needs. */
    static final List<String> REQUIRED = List.of("id", "account", "type", "quantity", "unit", "region", "time");
    private static final Set<String> OPTIONAL = Set.of("zone", "factor", "attributes");

    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The longest problem kept: a message quoting a long value is cut, with its length. */
    static final int MAX_MESSAGE = 500;

    /**
     * One row: the activity, or the problem (at most {@value #MAX_MESSAGE} characters), with its line.
     *
     * @param line  the line it was read from, from 1
     * @param activity  the activity, or null if the row has a problem
     * @param problem  the problem, naming the file, line and column, or null
     */
    public record Row(long line, Activity activity, String problem) {
        public Row {
            problem = problem == null ? null : bounded(problem);
        }
    }

    /** A message cut at {@value #MAX_MESSAGE} characters, with its length. */
    static String bounded(String message) {
        return message.length() <= MAX_MESSAGE ? message
                : message.substring(0, MAX_MESSAGE) + "... (" + message.length() + " characters)";
    }

    private ActivityReader() {
    }

    /**
     * Reads every row.
     *
     * @param in  the input, UTF-8
     * @param source  the file name, "-" for standard input
     * @param json  true for JSON Lines, false for CSV
     * @return the rows, in order
     * @throws InputException if the input as a whole cannot be read (no header, a missing column)
     */
    static List<Row> read(InputStream in, String source, boolean json) throws IOException {
        List<Row> rows = new ArrayList<>();
        read(in, source, json, rows::add);
        return rows;
    }

    /**
     * Reads every row and gives each to a consumer as it is read, so that an input of any size is read in constant
     * memory.
     *
     * @param in  the input, UTF-8
     * @param source  the file name, "-" for standard input
     * @param json  true for JSON Lines, false for CSV
     * @param each  receives each row, in order
     * @throws InputException if the input as a whole cannot be read (no header, a missing column)
     */
    static void read(InputStream in, String source, boolean json, java.util.function.Consumer<Row> each)
            throws IOException {
        Rows rows = rows(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), source, json);
        for (Row row = rows.next(); row != null; row = rows.next()) {
            each.accept(row);
        }
    }

    /**
     * Opens the rows of an input to be read one at a time, as a stream processor pulls them: a CSV header is read
     * and checked now.
     *
     * @param reader  the input's text
     * @param source  the file name, for problems
     * @param json  true for JSON Lines, false for CSV
     * @return the rows, never null
     * @throws IOException if the input as a whole cannot be read (no header, a missing column), an
     *  {@code InputException} naming the file
     */
    public static Rows rows(BufferedReader reader, String source, boolean json) throws IOException {
        return new Rows(reader, source, json);
    }

    /**
     * Tells JSON Lines from CSV: by the file's extension, else by the first character.
     *
     * @param source  the file name
     * @param firstLine  the first line
     * @return true for JSON Lines
     */
    public static boolean isJson(String source, String firstLine) {
        String lower = source.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
            return true;
        }
        if (lower.endsWith(".csv")) {
            return false;
        }
        return firstLine.stripLeading().startsWith("{");
    }

    /**
     * The rows of one input, read a line at a time. CSV: each line is one record (a field cannot hold a line break),
     * parsed on its own, so that a malformed line (a stray or unclosed quote) is reported with its line and column and
     * the lines after it are still read. Not thread-safe.
     */
    public static final class Rows {
        private final BufferedReader reader;
        private final String source;
        private final boolean json;
        private final ObjectReader records = CSV.readerFor(new TypeReference<List<String>>() { });
        private List<String> header;
        private final Map<String, Integer> columns = new LinkedHashMap<>();
        private long line;

        private Rows(BufferedReader reader, String source, boolean json) throws IOException {
            this.reader = reader;
            this.source = source;
            this.json = json;
            if (!json) {
                readHeader();
            }
        }

        private void readHeader() throws IOException {
            String first = reader.readLine();
            line = 1;
            if (first == null || first.isBlank()) {
                throw new InputException(source + ":1:1: empty file; expected the header " + String.join(",", REQUIRED));
            }
            try {
                header = records.readValue(withoutMark(first));
            } catch (JsonProcessingException bad) {
                throw new InputException(source + ":1:" + column(bad) + ": the header is not CSV: "
                        + bad.getOriginalMessage());
            }
            for (String column : REQUIRED) {
                if (!header.contains(column)) {
                    throw new InputException(source + ":1:1: missing column '" + column + "'; the header is "
                            + String.join(",", header) + ", expected at least " + String.join(",", REQUIRED));
                }
            }
            for (int i = 0; i < header.size(); i++) {
                String column = header.get(i);
                if (!REQUIRED.contains(column) && !OPTIONAL.contains(column) && !column.startsWith("attr.")) {
                    throw new InputException(source + ":1:" + (i + 1) + ": unknown column '" + column
                            + "'; attributes are named attr.NAME");
                }
                columns.put(column, i + 1);
            }
        }

        /**
         * Reads the next row.
         *
         * @return the row, or null at the end of the input
         * @throws IOException if the input cannot be read
         */
        public Row next() throws IOException {
            String text;
            while ((text = reader.readLine()) != null) {
                line++;
                if (json && line == 1) {
                    text = withoutMark(text);
                }
                if (!text.isBlank()) {
                    return json ? jsonRow(text, source, line) : csvRow(text);
                }
            }
            return null;
        }

        private Row csvRow(String text) {
            List<String> record;
            try {
                record = records.readValue(text);
            } catch (JsonProcessingException bad) {
                return new Row(line, null, source + ":" + line + ":" + column(bad) + ": not a CSV record: "
                        + bad.getOriginalMessage());
            }
            if (record.size() != header.size()) {
                return new Row(line, null, source + ":" + line + ": the row has " + record.size() + " fields, the"
                        + " header " + header.size());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                fields.put(header.get(i), record.get(i));
            }
            return row(fields, Map.of(), source, line, columns);
        }
    }

    /** The column a parser's error points at, or 1. */
    private static int column(JsonProcessingException bad) {
        return bad.getLocation() == null ? 1 : Math.max(1, bad.getLocation().getColumnNr());
    }

    /** A line without the byte-order mark a spreadsheet may put at the start of a file. */
    private static String withoutMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /**
     * Reads one JSON Lines row: the activity of one line, or its problem.
     *
     * @param text  the line
     * @param source  the file name, for problems
     * @param line  the line's number, from 1
     * @return the row, never null
     */
    public static Row jsonRow(String text, String source, long line) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException bad) {
            return new Row(line, null, source + ":" + line + ":" + (bad.getLocation() == null ? 0
                    : bad.getLocation().getColumnNr()) + ": not JSON: " + bad.getOriginalMessage());
        } catch (NumberFormatException beyond) {
            // Jackson reads a number beyond BigDecimal's range (an exponent past 2^31) with this, not a parse error
            return new Row(line, null, source + ":" + line + ": a number beyond any bounds: "
                    + excerpt(String.valueOf(beyond.getMessage())));
        }
        if (!node.isObject()) {
            return new Row(line, null, source + ":" + line + ":1: expected a JSON object per line");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        String problem = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals("attributes") && value.isObject()) {
                value.properties().forEach(attribute -> attributes.put(attribute.getKey(), attribute.getValue().asText()));
            } else if (key.startsWith("attr.")) {
                attributes.put(key.substring(5), value.asText());
            } else if (REQUIRED.contains(key) || OPTIONAL.contains(key)) {
                if (value.isNumber() && problem == null) {
                    problem = number(value, source + ":" + line + ": " + key);
                }
                fields.put(key, value.isNull() ? "" : value.isNumber() && problem != null ? ""
                        : value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText());
            } else if (problem == null) {
                problem = source + ":" + line + ": unknown field '" + key + "'; attributes go under \"attributes\"";
            }
        }
        return problem != null ? new Row(line, null, problem) : row(fields, attributes, source, line, null);
    }

    /**
     * Writes an activity as one JSON Lines row that {@link #jsonRow} reads back to an equal activity.
     *
     * @param activity  the activity
     * @return the line, without a line break
     */
    public static String jsonLine(Activity activity) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", activity.getId());
        row.put("account", activity.getAccount());
        row.put("type", activity.getType());
        row.put("quantity", activity.getQuantity().getAmount().toPlainString());
        row.put("unit", activity.getQuantity().getUnit().toString());
        row.put("region", activity.getRegion().getCode());
        row.put("time", activity.getTime().toString());
        row.put("zone", activity.getZone().getId());
        activity.getFactorId().ifPresent(factor -> row.put("factor", factor));
        row.put("attributes", activity.getAttributes());
        try {
            return JSON.writeValueAsString(row);
        } catch (JsonProcessingException notPossible) {
            throw new IllegalStateException("carbon bug: an activity's JSON", notPossible);
        }
    }

    /** What is wrong with a JSON number as an activity's field, or null: it is held to the one number reader's bounds. */
    private static String number(JsonNode value, String where) {
        try {
            CarbonMath.checkBounds(value.decimalValue());
            return null;
        } catch (IllegalArgumentException beyond) {
            return where + ": " + lowerFirst(beyond.getMessage());
        }
    }

    /** Builds one activity; a problem names the line and the column (CSV: its number; JSON: the field). */
    private static Row row(Map<String, String> fields, Map<String, String> attributes, String source, long line,
            Map<String, Integer> columns) {
        String at = source + ":" + line + ":";
        for (String column : REQUIRED) {
            String value = fields.get(column);
            if (value == null || value.isBlank()) {
                return new Row(line, null, at + where(columns, column) + " missing " + column);
            }
        }
        String column = "quantity";
        try {
            String amountText = fields.get("quantity").strip();
            java.math.BigDecimal amount;
            try {
                amount = CarbonMath.parse(amountText);
            } catch (IllegalArgumentException notNumber) {
                return new Row(line, null, at + where(columns, "quantity") + " quantity: " + lowerFirst(notNumber
                        .getMessage()));
            }
            if (amount.signum() < 0) {
                return new Row(line, null, at + where(columns, "quantity") + " the quantity " + excerpt(amountText)
                        + " is negative; an activity's quantity is zero or more");
            }
            column = "unit";
            Quantity quantity = Quantity.of(amount, Unit.of(fields.get("unit").strip()));
            column = "time";
            String time = fields.get("time").strip();
            String zoneText = fields.getOrDefault("zone", "").strip();
            ZoneId zone;
            Instant instant;
            if (time.endsWith("Z") || time.matches(".*[+-][0-9]{2}:[0-9]{2}$")) {
                OffsetDateTime offset = OffsetDateTime.parse(time);
                instant = offset.toInstant();
                column = "zone";
                zone = zoneText.isEmpty() ? (time.endsWith("Z") ? ZoneOffset.UTC : offset.getOffset()) : ZoneId.of(zoneText);
            } else {
                column = "zone";
                if (zoneText.isEmpty()) {
                    return new Row(line, null, at + where(columns, "time") + " the time '" + time + "' has no offset;"
                            + " give one (2024-05-01T08:30:00Z, 2024-05-01T09:30+01:00) or a zone column");
                }
                zone = ZoneId.of(zoneText);
                column = "time";
                instant = LocalDateTime.parse(time).atZone(zone).toInstant();
            }
            column = "region";
            Region region = Region.of(fields.get("region").strip());
            column = "type";
            Activity.Builder builder = Activity.builder(fields.get("id").strip()).account(fields.get("account").strip())
                    .type(fields.get("type").strip()).quantity(quantity).time(instant, zone).region(region);
            String factor = fields.getOrDefault("factor", "").strip();
            if (!factor.isEmpty()) {
                builder.factorId(factor);
            }
            fields.forEach((name, value) -> {
                if (name.startsWith("attr.") && !value.isEmpty()) {
                    builder.attribute(name.substring(5), value);
                }
            });
            attributes.forEach(builder::attribute);
            return new Row(line, builder.build(), null);
        } catch (DateTimeException | IllegalArgumentException | NullPointerException bad) {
            return new Row(line, null, at + where(columns, column) + " " + column + " "
                    + excerpt(fields.getOrDefault(column, "")) + ": " + bad.getMessage());
        }
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** A value quoted for a message: whole up to 80 characters, else its start and its length. */
    private static String excerpt(String text) {
        return text.length() <= 80 ? "'" + text + "'" : "'" + text.substring(0, 80) + "...' (" + text.length()
                + " characters)";
    }

    private static String where(Map<String, Integer> columns, String column) {
        return columns == null ? " " + column + ":" : columns.getOrDefault(column, 0) + ":";
    }

    /** The input as a whole cannot be read. */
    static final class InputException extends IOException {
        private static final long serialVersionUID = 1L;

        InputException(String message) {
            super(bounded(message));
        }
    }
}
