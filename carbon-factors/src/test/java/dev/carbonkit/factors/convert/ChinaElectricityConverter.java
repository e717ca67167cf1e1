package dev.carbonkit.factors.convert;

import dev.carbonkit.emissions.Gas;
import dev.carbonkit.emissions.GasBasis;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factor.TableInfo;
import dev.carbonkit.factor.ValidityPeriod;
import dev.carbonkit.factors.SourceFormatException;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts China's electricity CO2 factors, as quoted in the project's research note (its section 3c, kept as
 * carbon-factors/sources/cn-electricity/factor-sources-3c.md), into a factor table.
 * No primary or machine-readable copy exists; the figures are extracted from the note's text with the patterns
 * below, so none is retyped, and every factor is labelled UNVERIFIED.
 * <p>
 * Keys: {@code home.electricity.grid} (the MEE/NBS national average for 2022 and 2023, and the 2023 regional
 * grid averages as groups {@code CN-GRID-NORTH} and so on), {@code home.electricity.grid.excl_traded_non_fossil}
 * (2023, excluding market-traded non-fossil electricity), {@code home.electricity.fossil_generation} (2023) and
 * {@code home.electricity.grid.mee_reporting} (the 0.5703 t CO2/MWh national grid average factor for the 2022
 * reporting year). All are CO2 only.
 * <p>
 * This class is a holder of static methods and cannot be instantiated.
 */
public final class ChinaElectricityConverter {

    private static final String NEWS = "UNVERIFIED: secondary source (news reports of the MEE/NBS announcement;"
            + " see sources/cn-electricity/SOURCE.md)";
    private static final String REPORTING = "UNVERIFIED as to the primary document and date (widely used in Chinese"
            + " carbon-market code; see sources/cn-electricity/SOURCE.md)";
    private static final String BOUNDARY = "CO2 only, not CO2e; per kWh of electricity consumed";

    private static final Pattern GRID_REPORTING = Pattern.compile("\\*\\*([0-9.]+) t CO2/MWh, \"全国电网平均排放因子\"");
    private static final Pattern NATIONAL = Pattern.compile(
            "2023 national average electricity CO2 factor \\*\\*([0-9.]+) kg CO2/kWh\\*\\* \\(2022: \\*\\*([0-9.]+)\\*\\*");
    private static final Pattern EXCLUDING = Pattern.compile(
            "2023 national average excluding market-traded non-fossil electricity[^*]*\\*\\*([0-9.]+)\\*\\* kg CO2/kWh");
    private static final Pattern FOSSIL = Pattern.compile("2023 national fossil-power factor: \\*\\*([0-9.]+)\\*\\* kg CO2/kWh");
    private static final Pattern REGIONAL_LINE = Pattern.compile("2023 regional averages: (.*?)\\.\\n", Pattern.DOTALL);
    private static final Pattern REGION = Pattern.compile("([A-Za-z ]+) \\((\\p{IsHan}+)\\) ([0-9.]+)");

    /** The regional grids, by the English name the note uses, and their group codes. */
    private static final Map<String, String> GRIDS = new LinkedHashMap<>();

    static {
        GRIDS.put("North China", "CN-GRID-NORTH");
        GRIDS.put("Northeast", "CN-GRID-NORTHEAST");
        GRIDS.put("East", "CN-GRID-EAST");
        GRIDS.put("Central", "CN-GRID-CENTRAL");
        GRIDS.put("Northwest", "CN-GRID-NORTHWEST");
        GRIDS.put("South", "CN-GRID-SOUTH");
        GRIDS.put("Southwest", "CN-GRID-SOUTHWEST");
    }

    private ChinaElectricityConverter() {
    }

    /**
     * Converts the note's text.
     *
     * @param note  the text of sources/cn-electricity/factor-sources-3c.md, not null
     * @param source  the file's name, for errors, not null
     * @param info  the table to create, not null
     * @return the table, never null
     * @throws SourceFormatException if a figure the converter expects is not in the text
     */
    public static FactorTable convert(String note, String source, TableInfo info) {
        FactorTable.Builder table = FactorTable.builder(info);
        Matcher national = find(NATIONAL, note, source, "the 2023 and 2022 national averages");
        table.add(factor(info, "national-2023", "home.electricity.grid", "CN", 2023, national.group(1), Unit.KILOWATT_HOUR,
                "2023 national average electricity CO2 factor", NEWS));
        table.add(factor(info, "national-2022", "home.electricity.grid", "CN", 2022, national.group(2), Unit.KILOWATT_HOUR,
                "2022 national average electricity CO2 factor", NEWS));
        Matcher regional = find(REGIONAL_LINE, note, source, "the 2023 regional averages");
        Matcher region = REGION.matcher(regional.group(1).replaceAll("\\s+", " "));
        int regions = 0;
        while (region.find()) {
            String name = region.group(1).trim();
            String code = GRIDS.get(name);
            if (code == null) {
                throw new SourceFormatException(source, 0, 0, "regional grid '" + name + "' has no group code");
            }
            table.add(factor(info, "regional-2023-" + code.substring(8).toLowerCase(java.util.Locale.ROOT),
                    "home.electricity.grid", code, 2023, region.group(3), Unit.KILOWATT_HOUR,
                    "2023 regional average, " + name + " (" + region.group(2) + ")", NEWS));
            regions++;
        }
        if (regions != GRIDS.size()) {
            throw new SourceFormatException(source, 0, 0, "expected " + GRIDS.size() + " regional grids, found " + regions);
        }
        table.add(factor(info, "excl-traded-non-fossil-2023", "home.electricity.grid.excl_traded_non_fossil", "CN", 2023,
                find(EXCLUDING, note, source, "the 2023 average excluding traded non-fossil power").group(1),
                Unit.KILOWATT_HOUR, "2023 national average excluding market-traded non-fossil electricity", NEWS));
        table.add(factor(info, "fossil-2023", "home.electricity.fossil_generation", "CN", 2023,
                find(FOSSIL, note, source, "the 2023 fossil-power factor").group(1), Unit.KILOWATT_HOUR,
                "2023 national fossil-power factor", NEWS));
        Matcher reporting = find(GRID_REPORTING, note, source, "the 0.5703 national grid average");
        table.add(EmissionFactor.builder(info.getId() + "/mee-grid-average-2022", info)
                .activityType("home.electricity.grid.mee_reporting").region(Region.of("CN"))
                .validity(ValidityPeriod.ofYear(2022)).per(Unit.MEGAWATT_HOUR).gasBasis(GasBasis.MASS)
                .gas(Gas.CO2, Quantity.of(new BigDecimal(reporting.group(1)), Unit.TONNE))
                .rowId("全国电网平均排放因子 (2022 reporting year)").location("factor-sources-3c.md")
                .boundary("CO2 only, not CO2e; national grid average for enterprise GHG reporting").status(REPORTING)
                .build());
        return table.build();
    }

    private static Matcher find(Pattern pattern, String text, String source, String what) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new SourceFormatException(source, 0, 0, "the note no longer states " + what + " in the expected form");
        }
        return matcher;
    }

    private static EmissionFactor factor(TableInfo info, String id, String type, String region, int year, String value,
            Unit per, String row, String status) {
        return EmissionFactor.builder(info.getId() + "/" + id, info).activityType(type).region(Region.of(region))
                .validity(ValidityPeriod.ofYear(year)).per(per).gasBasis(GasBasis.MASS)
                .gas(Gas.CO2, Quantity.of(new BigDecimal(value), Unit.KILOGRAM)).rowId(row)
                .location("factor-sources-3c.md").boundary(BOUNDARY).status(status).build();
    }
}
