package dev.carbonkit.factors;

import dev.carbonkit.emissions.Gas;
import dev.carbonkit.factors.convert.CsvFile;
import dev.carbonkit.emissions.GasBasis;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factor.TableInfo;
import dev.carbonkit.factor.ValidityPeriod;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rows of a UK Government GHG conversion factors flat file (DESNZ/Defra), read from the publisher's
 * CSV, such as the 2024 v1.1 'Factors by Category' extract in carbon-factors/sources.
 * <p>
 * Each CSV row is one number: {@code 4_301_3070_9_1} is the kg CO2e per mile of an average petrol car,
 * and {@code _2}, {@code _3}, {@code _4} are the kg CO2e of CO2, CH4 and N2O (AR5) of the same factor.
 * {@link #factor} turns one such group into an {@link EmissionFactor} whose values are the cells' text,
 * unchanged, and whose provenance is the row id.
 * <p>
 * This class is immutable and thread-safe once read.
 */
public final class DesnzFlatFile {

    /** The units of measure in DESNZ's UOM column that carbonkit maps, and the unit each maps to. */
    private static final Map<String, Unit> UNITS = Map.ofEntries(
            Map.entry("km", Unit.KILOMETRE), Map.entry("miles", Unit.MILE),
            Map.entry("passenger.km", Unit.PASSENGER_KILOMETRE), Map.entry("tonne.km", Unit.TONNE_KILOMETRE),
            Map.entry("tonnes", Unit.TONNE), Map.entry("kg", Unit.KILOGRAM), Map.entry("litres", Unit.LITRE),
            Map.entry("kWh", Unit.KILOWATT_HOUR), Map.entry("kWh (Gross CV)", Unit.KILOWATT_HOUR),
            Map.entry("kWh (Net CV)", Unit.KILOWATT_HOUR), Map.entry("GJ", Unit.GIGAJOULE),
            Map.entry("cubic metres", Unit.CUBIC_METRE), Map.entry("Room per night", Unit.ROOM_NIGHT));

    private static final List<String> COLUMNS = List.of("ID", "Scope", "Level 1", "Level 2", "Level 3", "Level 4",
            "Column Text", "UOM", "GHG/Unit");
    private static final String VALUE_COLUMN = "GHG Conversion Factor ";

    /**
     * One row of the flat file.
     *
     * @param id  the publisher's row id, such as "4_301_3070_9_1"
     * @param scope  the GHG Protocol scope, such as "Scope 1"
     * @param levels  the category path, Level 1 to Level 4 and Column Text, blanks omitted
     * @param uom  the unit of measure as written, such as "miles"
     * @param ghgUnit  what the value measures, such as "kg CO2e" or "kg CO2e of CH4 per unit"
     * @param value  the value's text exactly as in the file, empty if no factor is published
     * @param line  the 1-based line in the file
     */
    public record Row(String id, String scope, List<String> levels, String uom, String ghgUnit, String value, int line) {
    }

    private final String source;
    private final String year;
    private final Map<String, Row> rows;

    private DesnzFlatFile(String source, String year, Map<String, Row> rows) {
        this.source = source;
        this.year = year;
        this.rows = Collections.unmodifiableMap(rows);
    }

    /**
     * Reads a DESNZ flat file in CSV form from a file; see {@link #read(InputStream, String)}.
     *
     * @param file  the CSV file, not null
     * @return the file's rows, never null
     * @throws SourceFormatException if the header is not as described, or a row id repeats
     * @throws IOException if the file cannot be read
     */
    public static DesnzFlatFile read(java.nio.file.Path file) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    /**
     * Reads a DESNZ flat file in CSV form: a header row with the columns ID, Scope, Level 1 to Level 4,
     * Column Text, UOM, GHG/Unit and "GHG Conversion Factor YYYY", then one row per value. A leading
     * byte-order mark is ignored.
     *
     * @param csv  the UTF-8 CSV, not null; not closed
     * @param source  the file's name, for errors and provenance, not null
     * @return the file's rows, never null
     * @throws SourceFormatException if the header is not as described, or a row id repeats
     * @throws IOException if the stream cannot be read
     */
    public static DesnzFlatFile read(InputStream csv, String source) throws IOException {
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(source, "source");
        CsvFile file = CsvFile.read(csv, source);
        List<String> header = file.getHeader();
        checkHeader(source, header);
        String year = header.get(COLUMNS.size()).substring(VALUE_COLUMN.length());
        Map<String, Row> rows = new LinkedHashMap<>();
        int line = 1;
        for (List<String> cells : file.getRows()) {
            line++;
            List<String> levels = new ArrayList<>();
            for (String level : cells.subList(2, 7)) {
                if (!level.isBlank()) {
                    levels.add(level);
                }
            }
            Row row = new Row(cells.get(0), cells.get(1), List.copyOf(levels), cells.get(7), cells.get(8),
                    cells.get(9).trim(), line);
            Row previous = rows.putIfAbsent(row.id(), row);
            if (previous != null) {
                throw new SourceFormatException(source, line, 1, "row id '" + row.id() + "' repeats line "
                        + previous.line());
            }
        }
        return new DesnzFlatFile(source, year, rows);
    }

    private static void checkHeader(String source, List<String> header) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (i >= header.size() || !header.get(i).equals(COLUMNS.get(i))) {
                throw new SourceFormatException(source, 1, i + 1, "expected column '" + COLUMNS.get(i) + "', found '"
                        + (i < header.size() ? header.get(i) : "") + "'");
            }
        }
        if (header.size() != COLUMNS.size() + 1 || !header.get(COLUMNS.size()).startsWith(VALUE_COLUMN)) {
            throw new SourceFormatException(source, 1, COLUMNS.size() + 1,
                    "expected a last column 'GHG Conversion Factor YYYY', found " + header.subList(COLUMNS.size(),
                            header.size()));
        }
    }

    //-----------------------------------------------------------------------
    /**
     * Gets the name of the file read.
     *
     * @return the source name, never null
     */
    public String getSource() {
        return source;
    }

    /**
     * Gets the year in the value column's header, such as "2024".
     *
     * @return the year, never null
     */
    public String getYear() {
        return year;
    }

    /**
     * Gets every row, in file order.
     *
     * @return the rows, unmodifiable, never null
     */
    public List<Row> getRows() {
        return List.copyOf(rows.values());
    }

    /**
     * Finds a row by its id, such as "4_301_3070_9_1".
     *
     * @param id  the row id, not null
     * @return the row, empty if the file has none with that id, never null
     */
    public Optional<Row> getRow(String id) {
        return Optional.ofNullable(rows.get(Objects.requireNonNull(id, "id")));
    }

    /**
     * Builds the factor that a group of rows publishes: the total from {@code <factorRow>_1} and, where the
     * file gives them, CO2, CH4 and N2O from {@code _2}, {@code _3} and {@code _4}, as kg CO2e under AR5.
     * The factor's id is the table id, a slash and the group's id, for example
     * {@code desnz-2024/4_301_3070_9}; its row id is the group's id.
     * <p>
     * For example, {@code factor(table, "4_301_3070_9", "transport.car.average.petrol", Region.of("GB"),
     * ValidityPeriod.ofYear(2024), Gas.CH4_FOSSIL)} is 0.26473 kg CO2e per mile.
     *
     * @param table  the table the factor will belong to, not null
     * @param factorRow  the id of the group without its suffix, such as "4_301_3070_9", not null
     * @param activityType  the dotted activity type to file the factor under, not null
     * @param region  the region the factor applies to, not null
     * @param validity  the dates the factor applies on, not null
     * @param methane  which methane the CH4 column is: fossil for fuel combustion, non-fossil for biogenic
     *     sources, not null
     * @return the factor, never null
     * @throws SourceFormatException if the total row is missing or empty, a value is not a decimal, or the
     *     unit of measure is not one carbonkit maps
     */
    public EmissionFactor factor(TableInfo table, String factorRow, String activityType, Region region,
            ValidityPeriod validity, Gas methane) {
        return factor(table, factorRow, activityType, region, validity, methane, null);
    }

    /**
     * Builds the factor that a group of rows publishes, as {@link #factor(TableInfo, String, String, Region,
     * ValidityPeriod, Gas)} does, with a status label that travels into every explanation.
     *
     * @param table  the table the factor will belong to, not null
     * @param factorRow  the id of the group without its suffix, such as "4_301_3070_9", not null
     * @param activityType  the dotted activity type to file the factor under, not null
     * @param region  the region the factor applies to, not null
     * @param validity  the dates the factor applies on, not null
     * @param methane  which methane the CH4 column is, not null
     * @param status  the status label, such as "displayed precision", or null for none
     * @return the factor, never null
     * @throws SourceFormatException if the total row is missing or empty, a value is not a decimal, or the
     *     unit of measure is not one carbonkit maps
     */
    public EmissionFactor factor(TableInfo table, String factorRow, String activityType, Region region,
            ValidityPeriod validity, Gas methane, String status) {
        Objects.requireNonNull(methane, "methane");
        Row total = rows.get(factorRow + "_1");
        if (total == null) {
            throw new SourceFormatException(source, 0, 0, "no row '" + factorRow + "_1' in the file");
        }
        if (total.value().isEmpty()) {
            throw new SourceFormatException(source, total.line(), 10, "row '" + total.id() + "' publishes no value");
        }
        Unit per = UNITS.get(total.uom());
        if (per == null) {
            throw new SourceFormatException(source, total.line(), 8, "unit of measure '" + total.uom()
                    + "' has no carbonkit unit; known: " + new java.util.TreeSet<>(UNITS.keySet()));
        }
        EmissionFactor.Builder builder = EmissionFactor.builder(table.getId() + "/" + factorRow, table)
                .rowId(factorRow).activityType(activityType).region(region).validity(validity).per(per)
                .co2e(kilograms(total)).gwpSet(GwpSet.AR5).status(status)
                .location("Factors by Category, rows " + factorRow + "_1.._4: " + total.scope() + " > "
                        + String.join(" > ", total.levels()) + " (" + total.uom() + ")");
        Gas[] gases = {Gas.CO2, methane, Gas.N2O};
        boolean anyGas = false;
        for (int i = 0; i < gases.length; i++) {
            Row gas = rows.get(factorRow + "_" + (i + 2));
            if (gas != null && !gas.value().isEmpty()) {
                builder.gas(gases[i], kilograms(gas));
                anyGas = true;
            }
        }
        if (anyGas) {
            builder.gasBasis(GasBasis.CO2E);
        }
        return builder.build();
    }

    private Quantity kilograms(Row row) {
        try {
            return Quantity.of(new BigDecimal(row.value()), Unit.KILOGRAM);
        } catch (NumberFormatException notDecimal) {
            throw new SourceFormatException(source, row.line(), 10, "value '" + row.value() + "' of row '" + row.id()
                    + "' is not a decimal number");
        }
    }
}
