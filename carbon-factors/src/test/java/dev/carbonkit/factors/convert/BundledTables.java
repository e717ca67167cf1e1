package dev.carbonkit.factors.convert;

import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.TableInfo;
import dev.carbonkit.factor.ValidityPeriod;
import dev.carbonkit.factors.BundledFactors;
import dev.carbonkit.factors.DesnzFlatFile;
import dev.carbonkit.io.FactorTableWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Every table that carbon-factors bundles: where its publisher file is, what the table is called, and how it
 * is converted. {@link #generate(Path)} produces the YAML of all of them from the files in
 * carbon-factors/sources; the regeneration test checks the committed YAML against it.
 * <p>
 * This class is a holder of static methods and cannot be instantiated.
 */
public final class BundledTables {

    /** The folder, inside the jar and under src/main/resources, of the bundled YAML tables. */
    public static final String RESOURCE_FOLDER = "dev/carbonkit/factors/tables/";

    private static final String DESNZ_TITLE = "UK Government GHG Conversion Factors for Company Reporting";
    private static final String DESNZ_PUBLISHER = "Department for Energy Security and Net Zero (DESNZ) and Defra";

    /**
     * One generated table.
     *
     * @param id  the table id
     * @param yaml  the YAML text
     * @param table  the table
     */
    public record Generated(String id, String yaml, FactorTable table) {
    }

    private BundledTables() {
    }

    /**
     * Generates every bundled table, in {@link BundledFactors#TABLE_IDS} order, from the publishers' files.
     *
     * @param sources  the carbon-factors/sources folder, not null
     * @return the tables and their YAML, never null
     * @throws IOException if a source file cannot be read
     */
    public static List<Generated> generate(Path sources) throws IOException {
        List<Generated> generated = new ArrayList<>();
        List<DesnzConverter.Mapping> mapping = DesnzConverter.readMapping(sources.resolve("desnz-activity-types.csv"));
        generated.add(desnz(sources, "desnz-2025", "ghg-conversion-factors-2025-flat-format.csv", "2025",
                "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2025",
                2025, mapping, "displayed precision: a CSV rendering of the official 2025 xlsx (see"
                        + " sources/desnz-2025/SOURCE.md)"));
        generated.add(desnz(sources, "desnz-2024", "ghg-conversion-factors-2024-flat-factors-by-category.csv",
                "2024 v1.1", "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2024",
                2024, mapping, null));
        generated.add(epa(sources));
        generated.add(china(sources));
        generated.add(owid(sources));
        generated.add(poore(sources));
        generated.add(epaSupplyChain(sources));
        List<String> ids = generated.stream().map(Generated::id).toList();
        if (!ids.equals(BundledFactors.TABLE_IDS)) {
            throw new IllegalStateException("carbon bug: generated " + ids + ", bundled " + BundledFactors.TABLE_IDS);
        }
        return generated;
    }

    private static Generated desnz(Path sources, String id, String fileName, String edition, String url, int year,
            List<DesnzConverter.Mapping> mapping, String status) throws IOException {
        Path file = sources.resolve(id).resolve(fileName);
        TableInfo info = TableInfo.builder(id).title(DESNZ_TITLE).publisher(DESNZ_PUBLISHER).edition(edition)
                .licence("OGL-3.0").url(url)
                .attribution("Contains public sector information licensed under the Open Government Licence v3.0."
                        + " Source: DESNZ/Defra, UK Government GHG Conversion Factors for Company Reporting " + year
                        + (year == 2024 ? " (flat file v1.1)." : " (flat file)."))
                .build();
        DesnzConverter.Result result = DesnzConverter.convert(DesnzFlatFile.read(file), info,
                ValidityPeriod.ofYear(year), mapping, status);
        return generated(result.table(), sources, file, "Mapped rows with no value in this edition, left out",
                result.skipped());
    }

    private static Generated epa(Path sources) throws IOException {
        Path file = sources.resolve("epa-ghg-emission-factors-hub-2025/ghg-emission-factors-hub-2025.xlsx");
        TableInfo info = TableInfo.builder("epa-2025").title("GHG Emission Factors Hub")
                .publisher("U.S. Environmental Protection Agency, Center for Corporate Climate Leadership")
                .edition("2025 (last modified January 15, 2025)").licence("public domain (U.S. federal government work)")
                .url("https://www.epa.gov/climateleadership/ghg-emission-factors-hub")
                .attribution("Source: U.S. EPA, GHG Emission Factors Hub (2025), Center for Corporate Climate Leadership.")
                .build();
        return generated(EpaConverter.convert(XlsxSheet.read(file, EpaConverter.SHEET), info), sources, file, null,
                List.of());
    }

    private static Generated china(Path sources) throws IOException {
        Path file = sources.resolve("cn-electricity/factor-sources-3c.md");
        TableInfo info = TableInfo.builder("cn-electricity")
                .title("China electricity CO2 emission factors, as reported (UNVERIFIED)")
                .publisher("Ministry of Ecology and Environment and National Bureau of Statistics of China, as reported"
                        + " by Guangming Daily and China Electric Power News")
                .edition("2022 and 2023 factors; national grid average for the 2022 reporting year")
                .licence("none stated (official figures; legal review pending, UNVERIFIED)")
                .attribution("Figures of the Ministry of Ecology and Environment (MEE) and the National Bureau of"
                        + " Statistics (NBS) of China, as reported in secondary sources; UNVERIFIED.")
                .build();
        FactorTable table = ChinaElectricityConverter.convert(Files.readString(file), file.getFileName().toString(), info);
        return generated(table, sources, file, null, List.of());
    }

    private static Generated owid(Path sources) throws IOException {
        Path file = sources.resolve("owid-carbon-intensity-electricity/carbon-intensity-electricity.csv");
        TableInfo info = TableInfo.builder("owid-carbon-intensity-electricity")
                .title("Carbon intensity of electricity generation")
                .publisher("Our World in Data, from Ember and the Energy Institute")
                .edition("Ember Yearly Electricity Data 2025; Energy Institute Statistical Review 2024")
                .licence("CC-BY-4.0 (Energy Institute rows under EI's own terms)")
                .url("https://ourworldindata.org/grapher/carbon-intensity-electricity")
                .attribution("Ember (2025); Energy Institute - Statistical Review of World Energy (2024) - with major"
                        + " processing by Our World in Data. Carbon intensity of electricity generation. Licensed under"
                        + " CC BY 4.0.")
                .build();
        OwidGridConverter.Result result = OwidGridConverter.convert(CsvFile.read(file), info);
        return generated(result.table(), sources, file, "Aggregates without a country code, left out",
                result.skipped());
    }

    private static Generated poore(Path sources) throws IOException {
        Path file = sources.resolve("owid-poore-nemecek-2018/ghg-per-kg-poore.csv");
        TableInfo info = TableInfo.builder("poore-nemecek-2018")
                .title("Greenhouse gas emissions per kilogram of food product")
                .publisher("Poore & Nemecek (2018), processed by Our World in Data").edition("2018")
                .licence("CC-BY-4.0").url("https://ourworldindata.org/grapher/ghg-per-kg-poore")
                .attribution("Poore, J., & Nemecek, T. (2018). Reducing food's environmental impacts through producers"
                        + " and consumers. Science. - processed by Our World in Data. Licensed under CC BY 4.0.")
                .build();
        return generated(PooreConverter.convert(CsvFile.read(file), info), sources, file, null, List.of());
    }

    private static Generated epaSupplyChain(Path sources) throws IOException {
        Path folder = sources.resolve("epa-supply-chain-v1.3");
        Path totals = folder.resolve(EpaSupplyChainConverter.TOTALS);
        Path byGas = folder.resolve(EpaSupplyChainConverter.BY_GAS);
        TableInfo info = TableInfo.builder("epa-supply-chain-v1.3")
                .title("Supply Chain Greenhouse Gas Emission Factors for US Industries and Commodities")
                .publisher("U.S. Environmental Protection Agency, Office of Research and Development")
                .edition("v1.3.0 by 2017 NAICS-6, 2022 USD at purchaser price (USEEIO v2.2.22-GHG, AR5)")
                .licence("public domain (U.S. federal government work)")
                .url("https://github.com/USEPA/supply-chain-factors")
                .attribution("Source: U.S. EPA (2024), Supply Chain Greenhouse Gas Emission Factors v1.3 by NAICS-6;"
                        + " a copy of the v1.3.0 files as redistributed on GitHub, checked against published summary"
                        + " statistics (carbon-factors/sources/epa-supply-chain-v1.3/SOURCE.md).")
                .build();
        FactorTable table = EpaSupplyChainConverter.convert(CsvFile.read(totals), CsvFile.read(byGas), info);
        return generated(table, sources, List.of(totals, byGas), null, List.of());
    }

    private static Generated generated(FactorTable table, Path sources, Path file, String skippedLabel,
            List<String> skipped) throws IOException {
        return generated(table, sources, List.of(file), skippedLabel, skipped);
    }

    private static Generated generated(FactorTable table, Path sources, List<Path> files, String skippedLabel,
            List<String> skipped) throws IOException {
        List<String> comments = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            comments.add((i == 0 ? "Generated by dev.carbonkit.factors.convert.Regenerate from " : "and ")
                    + sources.relativize(file).toString().replace('\\', '/'));
            comments.add("(sha256 " + sha256(file) + ")" + (i == files.size() - 1
                    ? ". Do not edit by hand: change the converter and regenerate." : ""));
        }
        if (!skipped.isEmpty()) {
            comments.add(skippedLabel + " (" + skipped.size() + "):");
            StringBuilder line = new StringBuilder(" ");
            for (String item : skipped) {
                if (line.length() + item.length() > 100) {
                    comments.add(line.toString().stripTrailing());
                    line = new StringBuilder(" ");
                }
                line.append(' ').append(item).append(';');
            }
            comments.add(line.toString().stripTrailing());
        }
        String yaml = FactorTableWriter.withHeaderComments(comments).write(table);
        return new Generated(table.getId(), yaml, table);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException notPossible) {
            throw new IllegalStateException("carbon bug: every JDK has SHA-256", notPossible);
        }
    }
}
