package dev.carbonkit.factors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.Footprint;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.quantity.Dimension;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scoring computes a footprint's CO2e from the factor's plan (quantity times the CO2e per unit) and works the per-gas
 * values out only when asked for. Both routes must give the same digits: for every factor of every bundled table,
 * under every GWP set, in the factor's own unit and in another unit of its dimension, with amounts of many scales,
 * the CO2e scoring returned is the one the per-gas emissions carry (a footprint whose routes differ throws when its
 * emissions are asked for).
 */
class ScoringRoutesTest {

    @ParameterizedTest
    @EnumSource(GwpSet.class)
    void everyBundledFactor_scoresTheSameByBothRoutes(GwpSet set) {
        FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults().withGwpSet(set), BundledFactors.catalog());
        Random random = new Random(8L + set.ordinal());
        int scored = 0;
        int converted = 0;
        for (FactorTable table : BundledFactors.catalog().getTables()) {
            for (EmissionFactor factor : table.getFactors()) {
                for (Unit unit : List.of(factor.getPer(), otherUnit(factor.getPer(), random))) {
                    Activity activity = Activity.builder("a" + scored).account("r").type(factor.getActivityType())
                            .quantity(Quantity.of(amount(random), unit))
                            .time(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC)
                            .region(factor.getRegion()).factorId(factor.getId()).build();
                    Footprint footprint = engine.score(activity);
                    assertThat(footprint.getEmissions().getCo2e().toPlainString())
                            .as("%s in %s", factor.getId(), unit)
                            .isEqualTo(footprint.getCo2e().toPlainString());
                    scored++;
                    converted += unit.equals(factor.getPer()) ? 0 : 1;
                }
            }
        }
        assertThat(scored).isGreaterThan(10_000);
        assertThat(converted).isGreaterThan(1_000);
    }

    /** An amount of up to nine digits and up to six decimals, sometimes zero. */
    private static BigDecimal amount(Random random) {
        if (random.nextInt(50) == 0) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(BigInteger.valueOf(1 + random.nextInt(999_999_999)), random.nextInt(7));
    }

    /** Another unit of the same dimension when there is one (miles for km, Wh or therms for kWh). */
    private static Unit otherUnit(Unit per, Random random) {
        List<Unit> others = new ArrayList<>();
        for (Unit unit : Unit.physicalUnits()) {
            if (unit.getDimension() == per.getDimension() && !unit.equals(per) && per.getDimension() != Dimension.MONEY) {
                others.add(unit);
            }
        }
        return others.isEmpty() ? per : others.get(random.nextInt(others.size()));
    }
}
