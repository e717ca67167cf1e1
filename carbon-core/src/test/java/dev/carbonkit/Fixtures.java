package dev.carbonkit;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.emissions.Gas;
import dev.carbonkit.emissions.GasBasis;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factor.TableInfo;
import dev.carbonkit.factor.ValidityPeriod;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * In-test factor tables with the values of the golden cases (docs/research/golden-cases.md), each from its publisher's
 * document (DESNZ 2024 v1.1 and 2025, EPA Hub 2025, OWID/Ember, MEE/NBS, Poore and Nemecek via OWID). The bundled,
 * converter-generated tables are carbon-factors' job; these fixtures exist so that carbon-core can prove its
 * arithmetic on its own.
 */
public final class Fixtures {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    public static final TableInfo DESNZ_2024 = TableInfo.builder("desnz-2024")
            .title("UK Government GHG Conversion Factors for Company Reporting")
            .publisher("Department for Energy Security and Net Zero").edition("2024 v1.1").licence("OGL-3.0")
            .attribution("Contains public sector information licensed under the Open Government Licence v3.0.")
            .build();
    public static final TableInfo DESNZ_2025 = TableInfo.builder("desnz-2025")
            .title("UK Government GHG Conversion Factors for Company Reporting")
            .publisher("Department for Energy Security and Net Zero").edition("2025").licence("OGL-3.0").build();
    public static final TableInfo EPA_2025 = TableInfo.builder("epa-2025")
            .title("GHG Emission Factors Hub").publisher("US Environmental Protection Agency")
            .edition("2025 (January 15, 2025)").licence("public domain").build();
    public static final TableInfo OWID = TableInfo.builder("owid-carbon-intensity")
            .title("Carbon intensity of electricity generation").publisher("Our World in Data (Ember, Energy Institute)")
            .edition("2025").licence("CC-BY-4.0").build();
    public static final TableInfo MEE = TableInfo.builder("cn-mee-nbs")
            .title("Electricity CO2 emission factors").publisher("Ministry of Ecology and Environment; NBS")
            .edition("2022 and 2023 announcements").licence("none stated").build();
    public static final TableInfo POORE = TableInfo.builder("poore-nemecek-2018")
            .title("GHG emissions per kg of food product").publisher("Poore & Nemecek (2018) via Our World in Data")
            .edition("2018").licence("CC-BY-4.0").build();

    private Fixtures() {
    }

    /** A DESNZ-style factor: total and per-gas CO2e under AR5, CH4 of fossil origin. */
    public static EmissionFactor desnz(TableInfo table, int year, String row, String type, String region, Unit per,
            String total, String co2, String ch4, String n2o) {
        EmissionFactor.Builder builder = EmissionFactor.builder(table.getId() + "/" + row, table).rowId(row)
                .activityType(type).region(Region.of(region)).validity(ValidityPeriod.ofYear(year)).per(per)
                .co2e(kg(total)).gwpSet(GwpSet.AR5);
        if (co2 != null) {
            builder.gasBasis(GasBasis.CO2E).gas(Gas.CO2, kg(co2)).gas(Gas.CH4_FOSSIL, kg(ch4)).gas(Gas.N2O, kg(n2o));
        }
        return builder.build();
    }

    public static FactorTable desnz2024() {
        TableInfo t = DESNZ_2024;
        return FactorTable.builder(t)
                .add(desnz(t, 2024, "4_301_3070_9", "transport.car.average.petrol", "GB", Unit.MILE,
                        "0.26473", "0.26364", "0.00057", "0.00052"))
                .add(desnz(t, 2024, "4_301_3070_4", "transport.car.average.petrol", "GB", Unit.KILOMETRE,
                        "0.1645", "0.16382", "0.00036", "0.00032"))
                .add(desnz(t, 2024, "4_301_3069_4", "transport.car.average.diesel", "GB", Unit.KILOMETRE,
                        "0.16984", "0.16817", "0.0000046368", "0.00167"))
                .add(desnz(t, 2024, "4_301_3071_4", "transport.car.average.hybrid", "GB", Unit.KILOMETRE,
                        "0.12607", "0.1249", "0.00019", "0.00098"))
                .add(desnz(t, 2024, "4_302_3080_9", "transport.motorbike.average", "GB", Unit.MILE,
                        "0.18293", "0.17925", "0.00284", "0.00084"))
                .add(desnz(t, 2024, "25_314_3145_11", "transport.bus.local.average", "GB",
                        Unit.PASSENGER_KILOMETRE, "0.10846", "0.10772", "0.00001", "0.00073"))
                .add(desnz(t, 2024, "25_314_3146_11", "transport.coach", "GB", Unit.PASSENGER_KILOMETRE,
                        "0.02717", "0.02668", "0.00001", "0.00048"))
                .add(desnz(t, 2024, "25_315_3150_11", "transport.rail.underground", "GB", Unit.PASSENGER_KILOMETRE,
                        "0.0278", "0.02753", "0.00011", "0.00016"))
                .add(desnz(t, 2024, "25_315_3149_11", "transport.rail.tram", "GB", Unit.PASSENGER_KILOMETRE,
                        "0.0286", "0.02832", "0.00012", "0.00016"))
                .add(desnz(t, 2024, "21_316_3160_11", "transport.flight.domestic.with_rf", "GB",
                        Unit.PASSENGER_KILOMETRE, "0.27257", "0.27101", "0.00022", "0.00134"))
                .add(desnz(t, 2024, "21_316_3161_11", "transport.flight.domestic.without_rf", "GB",
                        Unit.PASSENGER_KILOMETRE, "0.16098", "0.15942", "0.00022", "0.00134"))
                .add(desnz(t, 2024, "21_316_3164_11", "transport.flight.short_haul.economy.with_rf", "GB",
                        Unit.PASSENGER_KILOMETRE, "0.18287", "0.18196", "0.00001", "0.0009"))
                .add(desnz(t, 2024, "21_316_3165_11", "transport.flight.short_haul.economy.without_rf", "GB",
                        Unit.PASSENGER_KILOMETRE, "0.10794", "0.10703", "0.00001", "0.0009"))
                .add(desnz(t, 2024, "7_400_4000_5", "home.electricity.grid", "GB", Unit.KILOWATT_HOUR,
                        "0.20705", "0.20493", "0.0009", "0.00122"))
                .add(desnz(t, 2024, "1_100_1004_6", "home.natural_gas", "GB", Unit.KILOWATT_HOUR,
                        "0.1829", "0.18253", "0.00028", "0.00009"))
                .add(desnz(t, 2024, "1_100_1004_1", "home.natural_gas", "GB", Unit.CUBIC_METRE,
                        "2.04542", "2.0414", "0.00307", "0.00095"))
                .add(desnz(t, 2024, "29_600_4000_13", "accommodation.hotel", "GB", Unit.ROOM_NIGHT,
                        "10.4", null, null, null))
                .add(desnz(t, 2024, "29_600_4001_13", "accommodation.hotel", "GB-LND", Unit.ROOM_NIGHT,
                        "11.5", null, null, null))
                .add(desnz(t, 2024, "17_404_4005_1", "home.water.supply", "GB", Unit.CUBIC_METRE,
                        "0.15311", null, null, null))
                .build();
    }

    public static FactorTable desnz2025() {
        TableInfo t = DESNZ_2025;
        return FactorTable.builder(t)
                .add(desnz(t, 2025, "25_314_3145_11", "transport.bus.local.average", "GB",
                        Unit.PASSENGER_KILOMETRE, "0.10385", "0.10311", "0.00001", "0.00073"))
                .add(desnz(t, 2025, "25_314_3146_11", "transport.coach", "GB", Unit.PASSENGER_KILOMETRE,
                        "0.02776", "0.02727", "0.00001", "0.00048"))
                .add(desnz(t, 2025, "21_316_3160_11", "transport.flight.domestic.with_rf", "GB",
                        Unit.PASSENGER_KILOMETRE, "0.22928", "0.22771", "0.00022", "0.00134"))
                .add(desnz(t, 2025, "21_316_3161_11", "transport.flight.domestic.without_rf", "GB",
                        Unit.PASSENGER_KILOMETRE, "0.13552", "0.13395", "0.00022", "0.00134"))
                .add(desnz(t, 2025, "21_316_3164_11", "transport.flight.short_haul.economy.with_rf", "GB",
                        Unit.PASSENGER_KILOMETRE, "0.12576", "0.12485", "0.00001", "0.00090"))
                .add(desnz(t, 2025, "21_316_3165_11", "transport.flight.short_haul.economy.without_rf", "GB",
                        Unit.PASSENGER_KILOMETRE, "0.07435", "0.07344", "0.00001", "0.00090"))
                .add(desnz(t, 2025, "1_100_1004_6", "home.natural_gas", "GB", Unit.KILOWATT_HOUR,
                        "0.18296", "0.18259", "0.00028", "0.00009"))
                .add(desnz(t, 2025, "1_100_1004_1", "home.natural_gas", "GB", Unit.CUBIC_METRE,
                        "2.06672", "2.06270", "0.00307", "0.00095"))
                .add(desnz(t, 2025, "17_404_4005_1", "home.water.supply", "GB", Unit.CUBIC_METRE,
                        "0.19130", null, null, null))
                .add(desnz(t, 2025, "29_600_4000_13", "accommodation.hotel", "GB", Unit.ROOM_NIGHT,
                        "10.40000", null, null, null))
                .build();
    }

    public static FactorTable epa2025() {
        TableInfo t = EPA_2025;
        ValidityPeriod y2025 = ValidityPeriod.ofYear(2025);
        return FactorTable.builder(t)
                .add(EmissionFactor.builder("epa-2025/t10-passenger-car", t).rowId("Table 10: Passenger Car")
                        .activityType("transport.car.average.petrol").region(Region.of("US")).validity(y2025)
                        .per(Unit.MILE).gasBasis(GasBasis.MASS).gas(Gas.CO2, kg("0.297"))
                        .gas(Gas.CH4_FOSSIL, g("0.0059")).gas(Gas.N2O, g("0.0053")).build())
                .add(EmissionFactor.builder("epa-2025/t10-air-medium-haul", t).rowId("Table 10: Air Travel - Medium Haul")
                        .activityType("transport.flight.medium_haul").region(Region.of("US")).validity(y2025)
                        .per(Unit.PASSENGER_MILE).gasBasis(GasBasis.MASS).gas(Gas.CO2, kg("0.129"))
                        .gas(Gas.CH4_FOSSIL, g("0.0006")).gas(Gas.N2O, g("0.0041")).build())
                .add(EmissionFactor.builder("epa-2025/t9-msw-landfilled", t).rowId("Table 9: Mixed MSW, Landfilled")
                        .activityType("waste.mixed_msw.landfill").region(Region.of("US")).validity(y2025)
                        .per(Unit.SHORT_TON).co2e(Quantity.of("0.58", Unit.TONNE)).gwpSet(GwpSet.AR4).build())
                .build();
    }

    public static FactorTable owid() {
        TableInfo t = OWID;
        FactorTable.Builder builder = FactorTable.builder(t);
        String[][] rows = {{"CN", "2024", "559.5517"}, {"FR", "2024", "44.179085"}, {"US", "2024", "383.5492"},
            {"GB", "2024", "210.89114"}, {"GB", "2023", "228.24567"}};
        for (String[] row : rows) {
            builder.add(EmissionFactor.builder("owid/" + row[0] + "-" + row[1], t).rowId(row[0] + "," + row[1])
                    .activityType("home.electricity.grid").region(Region.of(row[0]))
                    .validity(ValidityPeriod.ofYear(Integer.parseInt(row[1]))).per(Unit.KILOWATT_HOUR)
                    .co2e(g(row[2])).boundary("lifecycle").build());
        }
        return builder.build();
    }

    public static FactorTable mee() {
        TableInfo t = MEE;
        return FactorTable.builder(t)
                .add(EmissionFactor.builder("cn-mee-nbs/2023-national", t).activityType("home.electricity.grid")
                        .region(Region.of("CN")).validity(ValidityPeriod.ofYear(2023)).per(Unit.KILOWATT_HOUR)
                        .gasBasis(GasBasis.MASS).gas(Gas.CO2, kg("0.5306")).boundary("CO2 only")
                        .status("UNVERIFIED: secondary source (news reports of the MEE/NBS announcement)").build())
                .add(EmissionFactor.builder("cn-mee-nbs/2022-national", t).activityType("home.electricity.grid")
                        .region(Region.of("CN")).validity(ValidityPeriod.ofYear(2022)).per(Unit.KILOWATT_HOUR)
                        .gasBasis(GasBasis.MASS).gas(Gas.CO2, kg("0.5366")).boundary("CO2 only")
                        .status("UNVERIFIED: secondary source (news reports of the MEE/NBS announcement)").build())
                .build();
    }

    public static FactorTable poore() {
        TableInfo t = POORE;
        FactorTable.Builder builder = FactorTable.builder(t);
        String[][] rows = {{"food.beef.beef_herd", "99.48"}, {"food.cheese", "23.88"}, {"food.rice", "4.45"},
            {"food.tofu", "3.16"}, {"food.poultry", "9.87"}, {"food.dark_chocolate", "46.65"}};
        for (String[] row : rows) {
            builder.add(EmissionFactor.builder("poore/" + row[0], t).activityType(row[0]).region(Region.GLOBAL)
                    .validity(ValidityPeriod.ALWAYS).per(Unit.KILOGRAM).co2e(kg(row[1]))
                    .boundary("farm to retail, including land-use change").build());
        }
        return builder.build();
    }

    public static Quantity kg(String value) {
        return Quantity.of(value, Unit.KILOGRAM);
    }

    public static Quantity g(String value) {
        return Quantity.of(value, Unit.GRAM);
    }

    /** An activity at noon UTC on the date, in account "alice". */
    public static Activity activity(String id, String type, String quantity, String region, String date) {
        return Activity.builder(id).account("alice").type(type).quantity(Quantity.parse(quantity))
                .time(LocalDate.parse(date).atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC)
                .region(Region.of(region)).build();
    }
}
