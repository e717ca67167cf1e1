package dev.carbonkit.factors.convert;

import dev.carbonkit.emissions.Gas;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factor.TableInfo;
import dev.carbonkit.factor.ValidityPeriod;
import dev.carbonkit.factors.DesnzFlatFile;
import dev.carbonkit.factors.SourceFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts a DESNZ flat file into a factor table: the rows listed in an activity-type mapping
 * ({@code row,activity,region,methane}), each group {@code _1.._4} becoming one factor whose values are the
 * file's cells. Rows the edition publishes no value for are left out and listed.
 * <p>
 * This class is a holder of static methods and cannot be instantiated.
 */
public final class DesnzConverter {

    /**
     * One line of the mapping: which DESNZ row group is which activity, where, and which methane.
     *
     * @param row  the row group id without its suffix, such as "4_301_3070_9"
     * @param activity  the dotted activity type
     * @param region  the region the factor applies to
     * @param methane  the gas the CH4 column is
     */
    public record Mapping(String row, String activity, Region region, Gas methane) {
    }

    /**
     * A converted table and the mapped rows that had no published value.
     *
     * @param table  the table
     * @param skipped  the row groups left out, in mapping order
     */
    public record Result(FactorTable table, List<String> skipped) {
    }

    private DesnzConverter() {
    }

    /**
     * Reads a mapping file with the header {@code row,activity,region,methane}; methane is {@code fossil}
     * or {@code non-fossil}.
     *
     * @param csv  the mapping file, not null
     * @return the mapping, in file order, never null
     * @throws IOException if the file cannot be read
     * @throws SourceFormatException if the header or a value is not as described
     */
    public static List<Mapping> readMapping(Path csv) throws IOException {
        CsvFile file = CsvFile.read(csv);
        if (!file.getHeader().equals(List.of("row", "activity", "region", "methane"))) {
            throw new SourceFormatException(file.getSource(), 1, 1, "expected the header row,activity,region,methane,"
                    + " found " + file.getHeader());
        }
        List<Mapping> mapping = new ArrayList<>();
        int line = 1;
        for (List<String> cells : file.getRows()) {
            line++;
            Gas methane = switch (cells.get(3)) {
                case "fossil" -> Gas.CH4_FOSSIL;
                case "non-fossil" -> Gas.CH4_NON_FOSSIL;
                default -> throw new SourceFormatException(file.getSource(), line, 4, "methane must be 'fossil' or"
                        + " 'non-fossil', found '" + cells.get(3) + "'");
            };
            mapping.add(new Mapping(cells.get(0), cells.get(1), Region.of(cells.get(2)), methane));
        }
        return mapping;
    }

    /**
     * Converts the mapped rows of a DESNZ flat file.
     *
     * @param file  the flat file, not null
     * @param info  the table to create, not null
     * @param validity  the dates the edition applies on, not null
     * @param mapping  the rows to convert, not null
     * @param status  a status label for every factor, or null for none
     * @return the table and the rows left out, never null
     * @throws SourceFormatException if a mapped row is missing from the file or its value is not a decimal
     */
    public static Result convert(DesnzFlatFile file, TableInfo info, ValidityPeriod validity, List<Mapping> mapping,
            String status) {
        FactorTable.Builder table = FactorTable.builder(info);
        List<String> skipped = new ArrayList<>();
        for (Mapping row : mapping) {
            DesnzFlatFile.Row total = file.getRow(row.row() + "_1").orElseThrow(() -> new SourceFormatException(
                    file.getSource(), 0, 0, "the mapping names row '" + row.row() + "_1', which the file does not have"));
            if (total.value().isEmpty()) {
                skipped.add(row.row());
                continue;
            }
            table.add(file.factor(info, row.row(), row.activity(), row.region(), validity, row.methane(), status));
        }
        return new Result(table.build(), List.copyOf(skipped));
    }
}
