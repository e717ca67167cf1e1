package dev.carbonkit.calc;

import dev.carbonkit.CarbonMath;
import dev.carbonkit.emissions.Gas;
import dev.carbonkit.emissions.GasBasis;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.internal.Decimals;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * How one factor turns a quantity into CO2e under one GWP set, worked out once so that scoring does not redo it
 * for every activity.
 * <p>
 * Where the CO2e is linear in the quantity, {@link #co2ePerUnit} is the exact CO2e in kg per one unit of the
 * factor ({@code per}), and the footprint's CO2e is the quantity (in that unit) times it: the same number the
 * per-gas route gives, since exact products and sums distribute. That holds always for a total (published under
 * the requested set, or used as published with a fallback), and for per-gas values summed or weighted under
 * their own set when the unit conversion is exact. Re-weighting per-gas CO2e under another set divides by each
 * GWP and rounds per gas, so it is never linear: those footprints take the full per-gas route.
 * <p>
 * This class is immutable and thread-safe.
 */
final class FactorPlan {

    /**
     * kg CO2e per one unit of the factor, exact; null where the CO2e is never linear (per-gas CO2e re-weighted under
     * another set), which takes the full route.
     */
    private final BigDecimal co2ePerUnit;
    /** Its digits and scale, for the product on longs; NONE where there is none or it has 19 digits or more. */
    private final long perUnitDigits;
    private final int perUnitScale;
    /** Whether the CO2e is linear only when the unit conversion is exact: per-gas values, each rounded on its own. */
    private final boolean perGas;
    /** The GWP fallback the route takes, or null. */
    private final Fallback fallback;
    /** That fallback alone, or no fallback: a footprint's fallbacks when selection took none. */
    private final List<Fallback> fallbacks;

    private FactorPlan(BigDecimal co2ePerUnit, boolean perGas, Fallback fallback) {
        this.co2ePerUnit = co2ePerUnit;
        this.perUnitDigits = co2ePerUnit == null ? Decimals.NONE : Decimals.digits(co2ePerUnit);
        this.perUnitScale = co2ePerUnit == null ? 0 : co2ePerUnit.scale();
        this.perGas = perGas;
        this.fallback = fallback;
        this.fallbacks = fallback == null ? List.of() : List.of(fallback);
    }

    /**
     * Works out the route for a factor under the requested set, following the same decisions as
     * {@link FootprintEngine}'s full route.
     */
    static FactorPlan of(EmissionFactor factor, GwpSet requested) {
        Quantity total = factor.getCo2e().orElse(null);
        GwpSet published = factor.getGwpSet().orElse(null);
        Map<Gas, Quantity> gases = factor.getGases();
        if (total != null && published == requested) {
            return new FactorPlan(kilograms(total), false, null);
        }
        if (!gases.isEmpty() && (factor.getGasBasis().get() == GasBasis.MASS || published != null)) {
            boolean mass = factor.getGasBasis().get() == GasBasis.MASS;
            if (!mass && published != requested) {
                return new FactorPlan(null, true, null);
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (Map.Entry<Gas, Quantity> gas : gases.entrySet()) {
                BigDecimal kilograms = kilograms(gas.getValue());
                sum = sum.add(mass ? kilograms.multiply(requested.getGwp(gas.getKey())) : kilograms);
            }
            return new FactorPlan(sum, true, null);
        }
        Fallback fallback = published == null
                ? Fallback.of(Fallback.Kind.GWP_NOT_STATED, requested.name(), "not stated")
                : Fallback.of(Fallback.Kind.GWP_NOT_REWEIGHTED, requested.name(), published.name());
        return new FactorPlan(total == null ? null : kilograms(total), false, fallback);
    }

    private static BigDecimal kilograms(Quantity value) {
        return value.getAmount().multiply(value.getUnit().getFactorToReference());
    }

    /**
     * The CO2e in kg of a quantity of the factor's dimension, or null when it must take the full per-gas route
     * (re-weighting, or per-gas values under an inexact unit conversion).
     *
     * @param activity  the activity
     * @param per  the factor's unit
     */
    BigDecimal co2e(Activity activity, Unit per) {
        if (co2ePerUnit == null) {
            return null;
        }
        Quantity quantity = activity.getQuantity();
        if (quantity.getUnit().equals(per)) {
            // the quantity in the factor's unit is its amount: no division at all, and on longs where the digits fit
            long digits = activity.getAmountDigits();
            BigDecimal product = digits == Decimals.NONE || perUnitDigits == Decimals.NONE ? null
                    : Decimals.product(digits, quantity.getAmount().scale(), perUnitDigits, perUnitScale);
            return product != null ? product : CarbonMath.normalize(quantity.getAmount().multiply(co2ePerUnit));
        }
        BigDecimal reference = quantity.getAmount().multiply(quantity.getUnit().getFactorToReference());
        BigDecimal divisor = per.getFactorToReference();
        // a total is one product, rounded once if at all, as the full route does; per-gas values are rounded one
        // by one there, so their sum is linear only when the conversion is exact
        if (perGas && !CarbonMath.dividesExactly(reference, divisor)) {
            return null;
        }
        return CarbonMath.divide(reference.multiply(co2ePerUnit), divisor);
    }

    /**
     * A factor's plans, one per GWP set, each worked out on first use. Racing threads may both work one out; they
     * get equal plans, and either may be kept.
     */
    static final class PerSet {

        private final EmissionFactor factor;
        private final FactorPlan[] plans = new FactorPlan[GwpSet.values().length];

        PerSet(EmissionFactor factor) {
            this.factor = factor;
        }

        FactorPlan get(GwpSet requested) {
            FactorPlan plan = plans[requested.ordinal()];
            if (plan == null) {
                plan = FactorPlan.of(factor, requested);
                plans[requested.ordinal()] = plan;
            }
            return plan;
        }
    }

    Fallback fallback() {
        return fallback;
    }

    List<Fallback> fallbacks() {
        return fallbacks;
    }
}
