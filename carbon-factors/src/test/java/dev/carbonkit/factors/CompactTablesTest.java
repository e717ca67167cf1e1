package dev.carbonkit.factors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.emissions.Gas;
import dev.carbonkit.emissions.GasBasis;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factor.TableInfo;
import dev.carbonkit.factor.Uncertainty;
import dev.carbonkit.factor.ValidityPeriod;
import dev.carbonkit.factors.convert.CompactTables;
import dev.carbonkit.io.FactorTableLoader;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compact form of the bundled tables, which the build writes and apps read, holds exactly what the YAML holds:
 * every factor equal (values with their scale), the info equal, and so the same digest.
 */
class CompactTablesTest {

    static java.util.List<String> tables() {
        return BundledFactors.TABLE_IDS;
    }

    @Test
    void theBuild_wroteEveryBundledTablesCompactForm() {
        assertThat(BundledFactors.compact()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("tables")
    void compactForm_holdsWhatTheYamlHolds(String id) throws IOException {
        FactorTable yaml = FactorTableLoader.withLimits(CompactTables.BUNDLED_LIMITS).loadResource(getClass().getClassLoader(),
                "dev/carbonkit/factors/tables/" + id + ".yaml");
        FactorTable compact;
        String resource = "dev/carbonkit/factors/tables/" + id + CompactTables.SUFFIX;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            compact = CompactTables.read(in, resource);
        }
        assertThat(compact.getInfo()).isEqualTo(yaml.getInfo());
        assertThat(compact.getFactors()).containsExactlyElementsOf(yaml.getFactors());
        assertThat(compact.getDigest()).isEqualTo(yaml.getDigest());
        assertThat(BundledFactors.table(id).getDigest()).isEqualTo(yaml.getDigest());
    }

    /** The catalog's deferred tables declare the YAML's info, types and regions, and read to the same table. */
    @ParameterizedTest
    @MethodSource("tables")
    void deferred_declaresWhatTheYamlHolds(String id) throws IOException {
        FactorTable yaml = FactorTableLoader.withLimits(CompactTables.BUNDLED_LIMITS).loadResource(getClass().getClassLoader(),
                "dev/carbonkit/factors/tables/" + id + ".yaml");
        String resource = "dev/carbonkit/factors/tables/" + id + CompactTables.SUFFIX;
        FactorTable deferred;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            deferred = CompactTables.readDeferred(in, resource, () -> BundledFactors.table(id));
        }
        assertThat(deferred.getInfo()).isEqualTo(yaml.getInfo());
        assertThat(deferred.getActivityTypes()).isEqualTo(yaml.getActivityTypes());
        assertThat(deferred.getRegionsByType()).isEqualTo(yaml.getRegionsByType());
        assertThat(deferred.isLoaded()).isFalse();
        assertThat(deferred.getDigest()).isEqualTo(yaml.getDigest());
        assertThat(deferred.getFactors()).containsExactlyElementsOf(yaml.getFactors());
        assertThat(BundledFactors.catalog().getTable(id).orElseThrow()).isEqualTo(yaml);
    }

    /**
     * The bundled catalog's first activity, grid electricity in London, reads the two DESNZ editions and no other
     * table: EPA's and China's have grid electricity, but not in GB or a wider region of its chain (docs/factors.md).
     */
    @Test
    void deferredCatalog_aGbActivityReadsOnlyTheTablesWithItsTypeInGb() throws IOException {
        java.util.Set<String> read = new java.util.TreeSet<>();
        FactorCatalog.Builder catalog = FactorCatalog.builder();
        for (String id : BundledFactors.TABLE_IDS) {
            String resource = "dev/carbonkit/factors/tables/" + id + CompactTables.SUFFIX;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                catalog.add(CompactTables.readDeferred(in, resource, () -> {
                    synchronized (read) {
                        read.add(id);
                    }
                    return BundledFactors.table(id);
                }));
            }
        }
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), catalog.build());
        Activity grid = Activity.builder("a1").account("x").type("home.electricity.grid")
                .quantity(Quantity.parse("3.2 kWh")).time(java.time.Instant.parse("2024-06-01T08:00:00Z"),
                        java.time.ZoneId.of("Europe/London")).region(Region.of("GB")).build();
        assertThat(engine.score(grid).getCo2e()).isEqualByComparingTo(FootprintEngine.of(CalculationPolicy.defaults(),
                BundledFactors.catalog()).score(grid).getCo2e());
        assertThat(read).containsExactly("desnz-2024", "desnz-2025");
        Activity us = Activity.builder("a2").account("x").type("home.electricity.grid")
                .quantity(Quantity.parse("3.2 kWh")).time(java.time.Instant.parse("2024-06-01T08:00:00Z"),
                        java.time.ZoneId.of("America/New_York")).region(Region.of("US")).build();
        engine.score(us);
        assertThat(read).containsExactly("desnz-2024", "desnz-2025", "epa-2025");
    }

    @Test
    void roundTrip_keepsEveryKindOfValue() throws IOException {
        TableInfo info = TableInfo.builder("t").title("T").publisher("P").edition("1").licence("L").build();
        FactorTable table = FactorTable.builder(info)
                .add(EmissionFactor.builder("t/gases", info).activityType("home.natural_gas").region(Region.of("GB-LND"))
                        .validity(ValidityPeriod.of(null, LocalDate.of(2024, 12, 31))).per(Unit.KILOWATT_HOUR)
                        .co2e(Quantity.of(new BigDecimal("0.18290"), Unit.KILOGRAM)).gwpSet(GwpSet.AR5)
                        .gasBasis(GasBasis.CO2E)
                        .gas(Gas.CO2, Quantity.of(new BigDecimal("0.18253"), Unit.KILOGRAM))
                        .gas(Gas.CH4_FOSSIL, Quantity.of(new BigDecimal("123456789012345678901234.5678"), Unit.GRAM))
                        .gas(Gas.N2O, Quantity.of(new BigDecimal("1E+3"), Unit.GRAM))
                        .uncertainty(Uncertainty.ofPercent(new BigDecimal("12.5"), BigDecimal.ZERO))
                        .rowId("row,1 \u8868\uD83C\uDF3F\u0000").location("London \u00e9\u4e2d").boundary("b").status("UNVERIFIED").build())
                .add(EmissionFactor.builder("t/bare", info).activityType("food.rice").region(Region.GLOBAL)
                        .validity(ValidityPeriod.of(LocalDate.of(2010, 1, 1), null)).per(Unit.KILOGRAM)
                        .co2e(Quantity.of(new BigDecimal("-0.000000000000000001"), Unit.KILOGRAM)).build())
                .add(EmissionFactor.builder("t/long", info).activityType("food.rice").region(Region.of("FR"))
                        .validity(ValidityPeriod.ofYear(2024)).per(Unit.KILOGRAM)
                        .co2e(Quantity.of(BigDecimal.valueOf(Long.MIN_VALUE, 3), Unit.TONNE)).build())
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompactTables.write(table, out);
        FactorTable read = CompactTables.read(new ByteArrayInputStream(out.toByteArray()), "memory");
        assertThat(read.getInfo()).isEqualTo(info);
        assertThat(read.getFactors()).containsExactlyElementsOf(table.getFactors());
        assertThat(read.getFactor("t/gases").orElseThrow().getGases().get(Gas.CH4_FOSSIL).getAmount().toPlainString())
                .isEqualTo("123456789012345678901234.5678");
        assertThat(read.getFactor("t/long").orElseThrow().getCo2e().orElseThrow().getAmount())
                .isEqualTo(BigDecimal.valueOf(Long.MIN_VALUE, 3));
        assertThat(read.getDigest()).isEqualTo(table.getDigest());
    }

    @Test
    void read_refusesAnotherFormat() {
        byte[] yaml = "format: carbonkit-factor-table/1\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CompactTables.read(new ByteArrayInputStream(yaml), "desnz-2025.yaml"))
                .isInstanceOf(IOException.class);
        ByteArrayOutputStream other = new ByteArrayOutputStream();
        try (var data = new java.io.DataOutputStream(other)) {
            data.writeUTF("carbonkit-compact-table/1");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> CompactTables.read(new ByteArrayInputStream(other.toByteArray()), "old.table.bin"))
                .isInstanceOf(IOException.class).hasMessageContaining("old.table.bin")
                .hasMessageContaining(CompactTables.FORMAT).hasMessageContaining("carbonkit-compact-table/1");
    }
}
