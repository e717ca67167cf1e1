package dev.carbonkit.factors.convert;

import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factor.TableInfo;
import dev.carbonkit.factor.ValidityPeriod;
import dev.carbonkit.factors.SourceFormatException;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.util.List;
import java.util.Locale;

/**
 * Converts Poore &amp; Nemecek (2018) via Our World in Data (kg CO2e per kg of food product, global mean) into a
 * factor table, one {@code food.*} factor per product.
 * <p>
 * The activity type is derived from the product name by a fixed rule, documented in docs/activity-types.md:
 * lower case, "&amp;" becomes "and", a parenthesised qualifier becomes a sub-key, and every other run of
 * non-alphanumeric characters becomes "_". For example "Beef (beef herd)" is {@code food.beef.beef_herd},
 * "Lamb &amp; Mutton" is {@code food.lamb_and_mutton} and "Dark Chocolate" is {@code food.dark_chocolate}.
 * <p>
 * This class is a holder of static methods and cannot be instantiated.
 */
public final class PooreConverter {

    private static final List<String> HEADER = List.of("Entity", "Code", "Year",
            "Greenhouse gas emissions per kilogram (kgCO\u2082eq per kilogram)");

    private PooreConverter() {
    }

    /**
     * Derives the activity type of a product name.
     *
     * @param product  the OWID entity, such as "Beef (beef herd)", not null
     * @return the dotted type, such as "food.beef.beef_herd", never null
     */
    public static String activityType(String product) {
        String name = product.toLowerCase(Locale.ROOT).replace("&", "and");
        String qualifier = null;
        int open = name.indexOf('(');
        if (open >= 0 && name.endsWith(")")) {
            qualifier = name.substring(open + 1, name.length() - 1);
            name = name.substring(0, open);
        }
        return "food." + slug(name) + (qualifier == null ? "" : "." + slug(qualifier));
    }

    private static String slug(String text) {
        return text.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }

    /**
     * Converts the OWID file.
     *
     * @param file  the CSV, read, not null
     * @param info  the table to create, not null
     * @return the table, never null
     * @throws SourceFormatException if the header or a value is not as expected
     */
    public static FactorTable convert(CsvFile file, TableInfo info) {
        if (!file.getHeader().equals(HEADER)) {
            throw new SourceFormatException(file.getSource(), 1, 1, "expected the header " + HEADER + ", found "
                    + file.getHeader());
        }
        FactorTable.Builder table = FactorTable.builder(info);
        int line = 1;
        for (List<String> cells : file.getRows()) {
            line++;
            String product = cells.get(0);
            String type = activityType(product);
            table.add(EmissionFactor.builder("poore-nemecek-2018/" + type.substring(5), info).rowId(product)
                    .activityType(type).region(Region.GLOBAL).validity(ValidityPeriod.ALWAYS).per(Unit.KILOGRAM)
                    .co2e(Quantity.of(OwidGridConverter.decimal(file, line, 4, cells.get(3)), Unit.KILOGRAM))
                    .boundary("global mean, farm to retail, including land-use change")
                    .build());
        }
        return table.build();
    }
}
