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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts the US EPA's Supply Chain GHG Emission Factors v1.3.0 (kg CO2e per 2022 US dollar at purchaser price, by
 * 2017 NAICS-6 code) into a factor table of two factors per code:
 * <ul>
 * <li>{@code spend.naics.CODE}, id {@code epa-supply-chain-v1.3/CODE}: the factor <em>with margins</em>, for a purchase
 * at purchaser price (what a person pays: it includes transport, wholesale and retail margins);</li>
 * <li>{@code spend.naics.CODE.without_margins}, id {@code epa-supply-chain-v1.3/CODE/without-margins}: the factor
 * <em>without margins</em>, for a spend at producer price.</li>
 * </ul>
 * Each is per {@code USD@2022}, in the US, with the published CO2e total (AR5, the file's "All GHGs" row) and the
 * per-gas masses of the by-gas file, so that AR4 and AR6 re-weight them; the by-gas file's "HFCs and PFCs, unspecified"
 * is in kg CO2e, not a mass, and becomes {@link Gas#HFC_PFC_UNSPECIFIED} (GWP 1 in every set). The row id is the NAICS
 * code, the location its title and the USEEIO code the file refers to.
 * <p>
 * This class is a holder of static methods and cannot be instantiated.
 */
public final class EpaSupplyChainConverter {

    /** The file of totals, and the file by gas. */
    public static final String TOTALS = "SupplyChainGHGEmissionFactors_v1.3.0_NAICS_CO2e_USD2022.csv";
    /** The file by gas. */
    public static final String BY_GAS = "SupplyChainGHGEmissionFactors_v1.3.0_NAICS_byGHG_USD2022.csv";

    private static final List<String> HEADER = List.of("2017 NAICS Code", "2017 NAICS Title", "GHG", "Unit",
            "Supply Chain Emission Factors without Margins", "Margins of Supply Chain Emission Factors",
            "Supply Chain Emission Factors with Margins", "Reference USEEIO Code");
    private static final String TOTAL_UNIT = "kg CO2e/2022 USD, purchaser price";
    private static final String MASS_UNIT = "kg/2022 USD, purchaser price";
    private static final Unit PER = Unit.ofMoney("USD", 2022);

    /** The by-gas file's names of gases. */
    private static final Map<String, Gas> GASES = Map.ofEntries(Map.entry("Carbon dioxide", Gas.CO2),
            Map.entry("Methane", Gas.CH4), Map.entry("Nitrous oxide", Gas.N2O),
            Map.entry("Sulfur hexafluoride", Gas.SF6), Map.entry("Nitrogen trifluoride", Gas.NF3),
            Map.entry("HFC-23", Gas.HFC_23), Map.entry("HFC-32", Gas.HFC_32), Map.entry("HFC-125", Gas.HFC_125),
            Map.entry("HFC-134a", Gas.HFC_134A), Map.entry("HFC-143a", Gas.HFC_143A),
            Map.entry("HFC-236fa", Gas.HFC_236FA), Map.entry("Carbon tetrafluoride", Gas.CF4),
            Map.entry("Hexafluoroethane", Gas.C2F6), Map.entry("Perfluoropropane", Gas.C3F8),
            Map.entry("Perfluorocyclobutane", Gas.C_C4F8), Map.entry("Perfluorobutane", Gas.C4F10),
            Map.entry("Perfluorohexane", Gas.C6F14), Map.entry("HFCs and PFCs, unspecified", Gas.HFC_PFC_UNSPECIFIED));

    private EpaSupplyChainConverter() {
    }

    /** One code's values: its title and USEEIO code, and per gas (or the total) with and without margins. */
    private static final class Code {
        final String title;
        final String useeio;
        final BigDecimal with;
        final BigDecimal without;
        final Map<Gas, BigDecimal[]> gases = new EnumMap<>(Gas.class);

        Code(String title, String useeio, BigDecimal with, BigDecimal without) {
            this.title = title;
            this.useeio = useeio;
            this.with = with;
            this.without = without;
        }
    }

    /**
     * Converts the two files.
     *
     * @param totals  the file of totals ("All GHGs"), read, not null
     * @param byGas  the file by gas, read, not null
     * @param info  the table to create, not null
     * @return the table, never null
     * @throws SourceFormatException if a header, a unit, a gas or a value is not as expected, or the files disagree
     */
    public static FactorTable convert(CsvFile totals, CsvFile byGas, TableInfo info) {
        for (CsvFile file : List.of(totals, byGas)) {
            if (!file.getHeader().equals(HEADER)) {
                throw new SourceFormatException(file.getSource(), 1, 1, "expected the header " + HEADER + ", found "
                        + file.getHeader());
            }
        }
        Map<String, Code> codes = new LinkedHashMap<>();
        int line = 1;
        for (List<String> cells : totals.getRows()) {
            line++;
            expect(totals, line, 3, "All GHGs", cells.get(2));
            expect(totals, line, 4, TOTAL_UNIT, cells.get(3));
            Code code = new Code(cells.get(1), cells.get(7), OwidGridConverter.decimal(totals, line, 7, cells.get(6)),
                    OwidGridConverter.decimal(totals, line, 5, cells.get(4)));
            if (codes.put(cells.get(0), code) != null) {
                throw new SourceFormatException(totals.getSource(), line, 1, "NAICS code " + cells.get(0) + " twice");
            }
        }
        line = 1;
        for (List<String> cells : byGas.getRows()) {
            line++;
            Code code = codes.get(cells.get(0));
            if (code == null || !code.title.equals(cells.get(1)) || !code.useeio.equals(cells.get(7))) {
                throw new SourceFormatException(byGas.getSource(), line, 1, "NAICS code " + cells.get(0) + " '"
                        + cells.get(1) + "' is not as in " + totals.getSource());
            }
            Gas gas = GASES.get(cells.get(2));
            if (gas == null) {
                throw new SourceFormatException(byGas.getSource(), line, 3, "unknown gas '" + cells.get(2) + "'");
            }
            expect(byGas, line, 4, gas == Gas.HFC_PFC_UNSPECIFIED ? TOTAL_UNIT : MASS_UNIT, cells.get(3));
            BigDecimal[] values = {OwidGridConverter.decimal(byGas, line, 7, cells.get(6)),
                OwidGridConverter.decimal(byGas, line, 5, cells.get(4))};
            if (code.gases.put(gas, values) != null) {
                throw new SourceFormatException(byGas.getSource(), line, 3, "gas '" + cells.get(2) + "' twice for "
                        + cells.get(0));
            }
        }
        FactorTable.Builder table = FactorTable.builder(info);
        for (Map.Entry<String, Code> entry : codes.entrySet()) {
            Code code = entry.getValue();
            if (code.gases.size() != GASES.size()) {
                throw new SourceFormatException(byGas.getSource(), 0, 0, "NAICS code " + entry.getKey() + " has "
                        + code.gases.size() + " gases, not " + GASES.size());
            }
            table.add(factor(info, entry.getKey(), code, true));
            table.add(factor(info, entry.getKey(), code, false));
        }
        return table.build();
    }

    private static EmissionFactor factor(TableInfo info, String naics, Code code, boolean margins) {
        EmissionFactor.Builder factor = EmissionFactor.builder(info.getId() + "/" + naics
                + (margins ? "" : "/without-margins"), info)
                .activityType("spend.naics." + naics + (margins ? "" : ".without_margins")).rowId(naics)
                .location(code.title + " (2017 NAICS " + naics + "; USEEIO " + code.useeio + ")")
                .region(Region.of("US")).validity(ValidityPeriod.ALWAYS).per(PER)
                .co2e(Quantity.of(margins ? code.with : code.without, Unit.KILOGRAM)).gwpSet(GwpSet.AR5)
                .gasBasis(GasBasis.MASS)
                .boundary(margins ? "supply chain to purchase, with margins (transport, wholesale and retail): purchaser"
                        + " price" : "supply chain to the factory gate, without margins: producer price");
        code.gases.forEach((gas, values) -> factor.gas(gas, Quantity.of(values[margins ? 0 : 1], Unit.KILOGRAM)));
        return factor.build();
    }

    private static void expect(CsvFile file, int line, int column, String expected, String found) {
        if (!expected.equals(found)) {
            throw new SourceFormatException(file.getSource(), line, column, "expected '" + expected + "', found '"
                    + found + "'");
        }
    }
}
