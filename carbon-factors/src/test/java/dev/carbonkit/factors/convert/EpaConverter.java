package dev.carbonkit.factors.convert;

import dev.carbonkit.emissions.Gas;
import dev.carbonkit.emissions.GasBasis;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factor.TableInfo;
import dev.carbonkit.factor.ValidityPeriod;
import dev.carbonkit.factors.SourceFormatException;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts the US EPA GHG Emission Factors Hub (sheet "Emission Factors Hub") into a factor table: Table 10
 * (business travel and commuting), Table 6 (eGRID electricity, the US average and every subregion), Table 1
 * (household fuels) and Table 9 (waste). Per-gas values are masses, as EPA gives them (kg CO2, g CH4, g N2O;
 * lb per MWh for eGRID); Table 9 gives metric tons CO2e per short ton under AR4.
 * <p>
 * Rows are found by their label within each table, from its "Table N" heading to the next table, so a
 * rearranged edition fails loudly instead of reading the wrong cell. Cell text is Excel's stored double
 * ({@code 0.29699999999999999}); it is rounded half-even to 15 significant digits, the precision Excel shows,
 * which gives back the value EPA typed ({@code 0.297}), without ever using a {@code double}.
 * <p>
 * This class is a holder of static methods and cannot be instantiated.
 */
public final class EpaConverter {

    /** The sheet with EPA's tables; the workbook as found also has a third-party "Sheet1". */
    public static final String SHEET = "Emission Factors Hub";

    private static final MathContext EXCEL_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final ValidityPeriod Y2025 = ValidityPeriod.ofYear(2025);
    private static final Region US = Region.of("US");

    /** Table 10 row labels (with EPA's footnote letters) and their activity types. */
    private static final Map<String, String> TRAVEL = linked(
            "Passenger Car A", "transport.car.average.petrol",
            "Light-Duty Truck B", "transport.light_truck.average",
            "Motorcycle", "transport.motorbike.average",
            "Intercity Rail - Northeast Corridor C", "transport.rail.intercity.northeast_corridor",
            "Intercity Rail - Other Routes C", "transport.rail.intercity.other_routes",
            "Intercity Rail - National Average C", "transport.rail.national",
            "Commuter Rail D", "transport.rail.commuter",
            "Transit Rail (i.e. Subway, Tram) E", "transport.rail.transit",
            "Bus", "transport.bus.local.average",
            "Air Travel - Short Haul (< 300 miles)", "transport.flight.us_short_haul.average.without_rf",
            "Air Travel - Medium Haul (>= 300 miles, < 2300 miles)", "transport.flight.us_medium_haul.average.without_rf",
            "Air Travel - Long Haul (>= 2300 miles)", "transport.flight.us_long_haul.average.without_rf");

    /** Table 1 row labels of household fuels and their activity types. */
    private static final Map<String, String> FUELS = linked(
            "Natural Gas", "home.natural_gas",
            "Propane", "home.propane",
            "Liquefied Petroleum Gases (LPG)", "home.lpg",
            "Kerosene", "home.kerosene",
            "Distillate Fuel Oil No. 2", "home.heating_oil",
            "Wood and Wood Residuals", "home.wood");

    /** Table 9 column headings and the disposal route each is. */
    private static final Map<String, String> ROUTES = linked(
            "RecycledA", "recycling", "LandfilledB", "landfill", "CombustedC", "combustion", "CompostedD", "composting",
            "Anaerobically Digested (Dry Digestate with Curing)", "anaerobic_digestion_dry",
            "Anaerobically Digested (Wet  Digestate with Curing)", "anaerobic_digestion_wet");

    private EpaConverter() {
    }

    private static Map<String, String> linked(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /**
     * Converts the EPA sheet.
     *
     * @param sheet  the sheet "Emission Factors Hub", read, not null
     * @param info  the table to create, not null
     * @return the table, never null
     * @throws SourceFormatException if a table, row or value is not where or what it should be
     */
    public static FactorTable convert(XlsxSheet sheet, TableInfo info) {
        FactorTable.Builder table = FactorTable.builder(info);
        travel(sheet, info, table);
        electricity(sheet, info, table);
        fuels(sheet, info, table);
        waste(sheet, info, table);
        return table.build();
    }

    private static void travel(XlsxSheet sheet, TableInfo info, FactorTable.Builder table) {
        int[] rows = tableRows(sheet, "Table 10", "Table 11");
        Map<String, Integer> found = new LinkedHashMap<>();
        for (int r = rows[0]; r < rows[1]; r++) {
            String label = sheet.get("C" + r).map(String::trim).orElse("");
            if (TRAVEL.containsKey(label)) {
                found.put(label, r);
                Unit per = switch (text(sheet, "G" + r)) {
                    case "vehicle-mile" -> Unit.MILE;
                    case "passenger-mile" -> Unit.PASSENGER_MILE;
                    default -> throw new SourceFormatException(sheet.getSource(), r, 7, "unit '" + text(sheet, "G" + r)
                            + "' of '" + label + "' is neither vehicle-mile nor passenger-mile");
                };
                EmissionFactor.Builder factor = base(info, "t10/" + slug(label), TRAVEL.get(label), "Table 10", r, label)
                        .region(US).per(per).gasBasis(GasBasis.MASS)
                        .gas(Gas.CO2, mass(sheet, "D" + r, Unit.KILOGRAM))
                        .gas(Gas.CH4_FOSSIL, mass(sheet, "E" + r, Unit.GRAM))
                        .gas(Gas.N2O, mass(sheet, "F" + r, Unit.GRAM))
                        .boundary(label.startsWith("Air") ? "combustion only, no radiative forcing (EPA: DEFRA 2022"
                                + " factors held constant)" : "combustion only (tank-to-wheel)");
                if (label.equals("Passenger Car A")) {
                    factor.status("EPA's passenger-car fleet average (all fuels, mostly gasoline), filed under petrol");
                }
                table.add(factor.build());
            }
        }
        requireAll(sheet, "Table 10", TRAVEL.keySet(), found);
    }

    private static void electricity(XlsxSheet sheet, TableInfo info, FactorTable.Builder table) {
        int[] rows = tableRows(sheet, "Table 6", "Table 7");
        int count = 0;
        for (int r = rows[0]; r < rows[1]; r++) {
            String acronym = sheet.get("C" + r).map(String::trim).orElse("");
            if (acronym.isEmpty() || sheet.get("E" + r).isEmpty() || !isNumber(sheet.get("E" + r).get())) {
                continue;
            }
            Region region = acronym.equals("US Average") ? US : Region.of("EGRID-" + acronym);
            table.add(base(info, "t6/" + slug(acronym), "home.electricity.grid", "Table 6", r, acronym + " ("
                    + text(sheet, "D" + r) + ")").region(region).per(Unit.MEGAWATT_HOUR).gasBasis(GasBasis.MASS)
                    .gas(Gas.CO2, mass(sheet, "E" + r, Unit.POUND))
                    .gas(Gas.CH4_FOSSIL, mass(sheet, "F" + r, Unit.POUND))
                    .gas(Gas.N2O, mass(sheet, "G" + r, Unit.POUND))
                    .boundary("eGRID2023 total output emission rate (combustion, generation; excludes grid losses)")
                    .build());
            count++;
        }
        if (count == 0) {
            throw new SourceFormatException(sheet.getSource(), rows[0], 0, "Table 6 has no eGRID rows");
        }
    }

    private static void fuels(XlsxSheet sheet, TableInfo info, FactorTable.Builder table) {
        int[] rows = tableRows(sheet, "Table 1", "Table 2");
        Map<String, Integer> found = new LinkedHashMap<>();
        Unit perUnit = null;
        for (int r = rows[0]; r < rows[1]; r++) {
            String heading = sheet.get("D" + r).orElse("");
            if (heading.startsWith("mmBtu per ")) {
                perUnit = switch (heading.substring(10)) {
                    case "short ton" -> Unit.SHORT_TON;
                    case "scf" -> Unit.STANDARD_CUBIC_FOOT;
                    case "gallon" -> Unit.US_GALLON;
                    default -> throw new SourceFormatException(sheet.getSource(), r, 4, "unit heading '" + heading
                            + "' is not one carbonkit maps");
                };
                continue;
            }
            String label = sheet.get("C" + r).map(String::trim).orElse("");
            if (!FUELS.containsKey(label) || sheet.get("E" + r).isEmpty()) {
                continue;
            }
            if (perUnit == null) {
                throw new SourceFormatException(sheet.getSource(), r, 3, "'" + label + "' comes before any unit heading");
            }
            found.put(label, r);
            boolean biogenic = label.startsWith("Wood");
            Gas methane = biogenic ? Gas.CH4_NON_FOSSIL : Gas.CH4_FOSSIL;
            String status = biogenic ? "CO2 is biogenic: the GHG Protocol reports it outside the scopes" : null;
            String type = FUELS.get(label);
            table.add(base(info, "t1/" + slug(label) + "/mmbtu", type, "Table 1", r, label + ", per mmBtu (HHV)")
                    .region(US).per(Unit.MMBTU).gasBasis(GasBasis.MASS)
                    .gas(Gas.CO2, mass(sheet, "E" + r, Unit.KILOGRAM)).gas(methane, mass(sheet, "F" + r, Unit.GRAM))
                    .gas(Gas.N2O, mass(sheet, "G" + r, Unit.GRAM)).boundary("combustion, higher heating value")
                    .status(status).build());
            table.add(base(info, "t1/" + slug(label) + "/" + perUnit.getCode(), type, "Table 1", r, label + ", per "
                    + perUnit.getName()).region(US).per(perUnit).gasBasis(GasBasis.MASS)
                    .gas(Gas.CO2, mass(sheet, "H" + r, Unit.KILOGRAM)).gas(methane, mass(sheet, "I" + r, Unit.GRAM))
                    .gas(Gas.N2O, mass(sheet, "J" + r, Unit.GRAM)).boundary("combustion").status(status).build());
        }
        requireAll(sheet, "Table 1", FUELS.keySet(), found);
    }

    private static void waste(XlsxSheet sheet, TableInfo info, FactorTable.Builder table) {
        int[] rows = tableRows(sheet, "Table 9", "Table 10");
        int header = -1;
        for (int r = rows[0]; r < rows[1] && header < 0; r++) {
            if (sheet.get("C" + r).map(String::trim).orElse("").equals("Material")) {
                header = r;
            }
        }
        if (header < 0) {
            throw new SourceFormatException(sheet.getSource(), rows[0], 3, "Table 9 has no 'Material' heading");
        }
        String[] columns = {"D", "E", "F", "G", "H", "I"};
        for (String column : columns) {
            String route = text(sheet, column + header);
            if (!ROUTES.containsKey(route)) {
                throw new SourceFormatException(sheet.getSource(), header, column.charAt(0) - 'A' + 1, "Table 9 column '"
                        + route + "' is not a disposal route carbonkit maps");
            }
        }
        for (int r = header + 1; r < rows[1]; r++) {
            String material = sheet.get("C" + r).map(String::trim).orElse("");
            if (material.isEmpty() || sheet.get("D" + r).isEmpty()) {
                break;
            }
            for (String column : columns) {
                String value = sheet.get(column + r).orElse("NA");
                if (value.equals("NA")) {
                    continue;
                }
                String route = ROUTES.get(text(sheet, column + header));
                table.add(base(info, "t9/" + slug(material) + "/" + route, "waste." + slug(material) + "." + route,
                        "Table 9", r, material + ", " + text(sheet, column + header)).region(US).per(Unit.SHORT_TON)
                        .co2e(mass(sheet, column + r, Unit.TONNE)).gwpSet(GwpSet.AR4)
                        .boundary("EPA WARM (December 2023), metric tons CO2e per short ton of material").build());
            }
        }
    }

    //-----------------------------------------------------------------------
    private static EmissionFactor.Builder base(TableInfo info, String id, String type, String tableName, int row,
            String label) {
        return EmissionFactor.builder(info.getId() + "/" + id, info).activityType(type).validity(Y2025)
                .rowId(tableName + ": " + label).location("sheet '" + SHEET + "', row " + row);
    }

    /** The first row after a table's heading and the row of the next table's heading. */
    private static int[] tableRows(XlsxSheet sheet, String table, String next) {
        int start = -1;
        for (int r = 1; r <= 5000; r++) {
            String heading = sheet.get("B" + r).map(String::trim).orElse("");
            if (start < 0 && heading.equals(table)) {
                start = r + 1;
            } else if (start > 0 && heading.equals(next)) {
                return new int[] {start, r};
            }
        }
        throw new SourceFormatException(sheet.getSource(), 0, 2, "no '" + table + "' followed by '" + next
                + "' in column B");
    }

    private static void requireAll(XlsxSheet sheet, String table, java.util.Set<String> wanted, Map<String, Integer> found) {
        List<String> missing = wanted.stream().filter(label -> !found.containsKey(label)).toList();
        if (!missing.isEmpty()) {
            throw new SourceFormatException(sheet.getSource(), 0, 3, table + " has no row labelled " + missing);
        }
    }

    private static String text(XlsxSheet sheet, String cell) {
        return sheet.get(cell).map(String::trim).orElse("");
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text.trim());
            return true;
        } catch (NumberFormatException notNumber) {
            return false;
        }
    }

    /** A cell's stored double as Excel shows it: 15 significant digits, half-even, trailing zeros removed. */
    static Quantity mass(XlsxSheet sheet, String cell, Unit unit) {
        String text = text(sheet, cell);
        try {
            BigDecimal shown = new BigDecimal(text).round(EXCEL_DIGITS).stripTrailingZeros();
            return Quantity.of(shown.scale() < 0 ? shown.setScale(0) : shown, unit);
        } catch (NumberFormatException notNumber) {
            throw new SourceFormatException(sheet.getSource(), 0, 0, "cell " + cell + " holds '" + text
                    + "', not a number");
        }
    }

    private static String slug(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("\\b[a-e]$", "").replace("&", "and")
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }
}
