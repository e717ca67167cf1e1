package dev.carbonkit.factors.convert;

import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factor.TableInfo;
import dev.carbonkit.factor.ValidityPeriod;
import dev.carbonkit.factors.SourceFormatException;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Converts Our World in Data's carbon intensity of electricity generation (g CO2e per kWh, by country and
 * year) into a factor table of {@code home.electricity.grid.lifecycle} factors: one per country and year.
 * <p>
 * OWID identifies countries by ISO 3166-1 alpha-3 code; the JDK's own table maps them to the alpha-2 codes
 * carbonkit uses. {@code OWID_WRL} is the world ({@code GLOBAL}) and {@code OWID_KOS} is Kosovo
 * ({@code XK}). "European Union (27)" is the group {@code EU27} of the standard region hierarchy. Other rows
 * without a code are aggregates (continents, income groups, Ember's own groupings); they are left out and
 * listed, since their membership is not one carbonkit can check.
 * <p>
 * This class is a holder of static methods and cannot be instantiated.
 */
public final class OwidGridConverter {

    /** The activity type of every factor: lifecycle intensity, not the combustion factors of DESNZ or eGRID. */
    public static final String ACTIVITY = "home.electricity.grid.lifecycle";

    private static final String EU27_ENTITY = "European Union (27)";

    private static final List<String> HEADER = List.of("Entity", "Code", "Year",
            "Carbon intensity of electricity - gCO2/kWh");

    /**
     * A converted table and the entities left out.
     *
     * @param table  the table
     * @param skipped  the entities without a country code, sorted
     */
    public record Result(FactorTable table, List<String> skipped) {
    }

    private OwidGridConverter() {
    }

    /**
     * Converts the OWID file.
     *
     * @param file  the CSV, read, not null
     * @param info  the table to create, not null
     * @return the table and the entities left out, never null
     * @throws SourceFormatException if the header, a code, a year or a value is not as expected
     */
    public static Result convert(CsvFile file, TableInfo info) {
        if (!file.getHeader().equals(HEADER)) {
            throw new SourceFormatException(file.getSource(), 1, 1, "expected the header " + HEADER + ", found "
                    + file.getHeader());
        }
        Map<String, String> alpha2 = alpha3ToAlpha2();
        FactorTable.Builder table = FactorTable.builder(info);
        TreeSet<String> skipped = new TreeSet<>();
        int line = 1;
        for (List<String> cells : file.getRows()) {
            line++;
            String entity = cells.get(0);
            String code = entity.equals(EU27_ENTITY) && cells.get(1).isEmpty() ? EU27_ENTITY : cells.get(1);
            if (code.isEmpty()) {
                skipped.add(entity);
                continue;
            }
            String region = alpha2.get(code);
            if (region == null) {
                throw new SourceFormatException(file.getSource(), line, 2, "country code '" + code + "' ('" + entity
                        + "') has no ISO 3166-1 alpha-2 equivalent");
            }
            int year = parseYear(file, line, cells.get(2));
            BigDecimal value = decimal(file, line, 4, cells.get(3));
            table.add(EmissionFactor.builder("owid/" + region + "-" + year, info).rowId(cells.get(1).isEmpty()
                    ? entity + "," + year : code + "," + year)
                    .location(entity).activityType(ACTIVITY).region(Region.of(region))
                    .validity(ValidityPeriod.ofYear(year)).per(Unit.KILOWATT_HOUR)
                    .co2e(Quantity.of(value, Unit.GRAM)).boundary("lifecycle emissions per kWh generated")
                    .build());
        }
        return new Result(table.build(), List.copyOf(skipped));
    }

    private static Map<String, String> alpha3ToAlpha2() {
        Map<String, String> map = new HashMap<>();
        for (String country : Locale.getISOCountries()) {
            map.put(new Locale("", country).getISO3Country(), country);
        }
        map.put("OWID_WRL", Region.GLOBAL.getCode());
        map.put("OWID_KOS", "XK");
        map.put(EU27_ENTITY, "EU27");
        return map;
    }

    private static int parseYear(CsvFile file, int line, String text) {
        if (!text.matches("[0-9]{4}")) {
            throw new SourceFormatException(file.getSource(), line, 3, "year '" + text + "' is not a four-digit year");
        }
        return Integer.parseInt(text);
    }

    static BigDecimal decimal(CsvFile file, int line, int column, String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notDecimal) {
            throw new SourceFormatException(file.getSource(), line, column, "value '" + text + "' is not a decimal number");
        }
    }
}
