package dev.carbonkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.factor.Region;
import dev.carbonkit.quantity.Quantity;
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
final class ActivityReader {

    /** The columns every row needs. */
    static final List<String> REQUIRED = List.of("id", "account", "type", "quantity", "unit", "region", "time");
    private static final Set<String> OPTIONAL = Set.of("zone", "factor", "attributes");

    /** One row: the activity, or the problem. */
    record Row(long line, Activity activity, String problem) {
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
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        return json ? readJson(new BufferedReader(reader), source) : readCsv(reader, source);
    }

    /** Tells JSON Lines from CSV: by the file's extension, else by the first character. */
    static boolean isJson(String source, String firstLine) {
        String lower = source.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
            return true;
        }
        if (lower.endsWith(".csv")) {
            return false;
        }
        return firstLine.stripLeading().startsWith("{");
    }

    private static List<Row> readCsv(Reader reader, String source) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<List<String>> records = mapper.readerFor(new TypeReference<List<String>>() { })
                .readValues(reader)) {
            if (!records.hasNext()) {
                throw new InputException(source + ":1:1: empty file; expected the header "
                        + String.join(",", REQUIRED));
            }
            List<String> header = records.next();
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
            }
            while (true) {
                List<String> record;
                long line;
                try {
                    if (!records.hasNextValue()) {
                        break;
                    }
                    record = records.nextValue();
                    line = records.getCurrentLocation().getLineNr() - 1;
                } catch (JsonProcessingException bad) {
                    rows.add(new Row(bad.getLocation() == null ? 0 : bad.getLocation().getLineNr(), null, source + ":"
                            + (bad.getLocation() == null ? 0 : bad.getLocation().getLineNr()) + ": " + bad.getOriginalMessage()));
                    break;
                }
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                Map<String, Integer> columns = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    fields.put(header.get(i), i < record.size() ? record.get(i) : "");
                    columns.put(header.get(i), i + 1);
                }
                if (record.size() != header.size()) {
                    rows.add(new Row(line, null, source + ":" + line + ": the row has " + record.size() + " fields, the"
                            + " header " + header.size()));
                    continue;
                }
                rows.add(row(fields, Map.of(), source, line, columns));
            }
        }
        return rows;
    }

    private static List<Row> readJson(BufferedReader reader, String source) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        List<Row> rows = new ArrayList<>();
        String text;
        long line = 0;
        while ((text = reader.readLine()) != null) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = mapper.readTree(text);
            } catch (JsonProcessingException bad) {
                rows.add(new Row(line, null, source + ":" + line + ":" + (bad.getLocation() == null ? 0
                        : bad.getLocation().getColumnNr()) + ": not JSON: " + bad.getOriginalMessage()));
                continue;
            }
            if (!node.isObject()) {
                rows.add(new Row(line, null, source + ":" + line + ":1: expected a JSON object per line"));
                continue;
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
                    fields.put(key, value.isNull() ? "" : value.isBigDecimal() ? value.decimalValue().toPlainString()
                            : value.asText());
                } else if (problem == null) {
                    problem = source + ":" + line + ": unknown field '" + key + "'; attributes go under \"attributes\"";
                }
            }
            rows.add(problem != null ? new Row(line, null, problem) : row(fields, attributes, source, line, null));
        }
        return rows;
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
            Quantity quantity;
            try {
                quantity = Quantity.parse(fields.get("quantity").strip() + " " + fields.get("unit").strip());
            } catch (RuntimeException badQuantity) {
                if (!fields.get("quantity").strip().matches("[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
                    return new Row(line, null, at + where(columns, "quantity") + " not a number: '"
                            + fields.get("quantity") + "'");
                }
                column = "unit";
                throw badQuantity;
            }
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
            return new Row(line, null, at + where(columns, column) + " " + column + " '"
                    + fields.getOrDefault(column, "") + "': " + bad.getMessage());
        }
    }

    private static String where(Map<String, Integer> columns, String column) {
        return columns == null ? " " + column + ":" : columns.getOrDefault(column, 0) + ":";
    }

    /** The input as a whole cannot be read. */
    static final class InputException extends IOException {
        private static final long serialVersionUID = 1L;

        InputException(String message) {
            super(message);
        }
    }
}
