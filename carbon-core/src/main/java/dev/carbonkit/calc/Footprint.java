package dev.carbonkit.calc;

import dev.carbonkit.emissions.Emissions;
import dev.carbonkit.emissions.Gas;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.quantity.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The footprint of one activity, such as 'trip-1: 3.17676 kg CO2e (AR5) from desnz-2024/4_301_3070_9':
 * the exact CO2e in kg, the per-gas amounts, the factor and table (with digest) used, the fallbacks taken,
 * and an {@linkplain #getExplanation() explanation} of every step.
 * <p>
 * {@link #getCo2e()} is exact: a product of the activity's quantity and the factor's values, rounded only
 * where a division does not terminate (a reverse unit conversion, a GWP re-weighting), and then with
 * {@link dev.carbonkit.CarbonMath#CONTEXT}. Presentation rounding, if the policy asks for it, is separate:
 * {@link #getPresentedCo2e()}.
 * <p>
 * This class is immutable and thread-safe. Scoring computes the CO2e; the per-gas values, the converted quantity
 * and the explanation are worked out on first request (the same numbers either way).
 */
public final class Footprint {

    private final Activity activity;
    private final Selection selection;
    private final List<Fallback> fallbacks;
    /** The policy it was scored under: its GWP set, its presentation rounding, and what a receipt records. */
    private final CalculationPolicy policy;
    private final BigDecimal co2e;
    /**
     * Every other part, by the full route, and the explanation; null until first asked for unless scoring needed it.
     * Seven fields, not nine (the presented CO2e is worked out when asked for, the explanation kept in the detail):
     * 40 bytes a footprint instead of 48, on every activity scored.
     */
    private volatile Detail detail;

    /** The parts of a footprint beside its CO2e, worked out on first request. */
    static final class Detail {
        final Quantity quantityInFactorUnit;
        final boolean conversionExact;
        final BigDecimal scaledTotal;
        final Map<Gas, BigDecimal> scaledGases;
        /** The explanation, built on first request. */
        volatile Explanation explanation;
        final Emissions emissions;

        Detail(Quantity quantityInFactorUnit, boolean conversionExact, BigDecimal scaledTotal,
                Map<Gas, BigDecimal> scaledGases, Emissions emissions) {
            this.quantityInFactorUnit = quantityInFactorUnit;
            this.conversionExact = conversionExact;
            this.scaledTotal = scaledTotal;
            this.scaledGases = scaledGases;
            this.emissions = emissions;
        }
    }

    Footprint(Activity activity, Selection selection, List<Fallback> fallbacks, CalculationPolicy policy,
            BigDecimal co2e, Detail detail) {
        this.activity = activity;
        this.selection = selection;
        this.fallbacks = fallbacks; // immutable: the engine's, the selection's or the plan's
        this.policy = policy;
        this.co2e = co2e;
        this.detail = detail;
    }

    private Detail detail() {
        Detail result = detail;
        if (result == null) {
            result = FootprintEngine.detail(activity, selection, policy.getGwpSet());
            if (!result.emissions.getCo2e().equals(co2e)) {
                // the plan and the full route are one calculation written twice: never expected, but never hidden
                throw new IllegalStateException("CO2e of " + activity.getId() + " differs between routes: " + co2e
                        .toPlainString() + " and " + result.emissions.getCo2e().toPlainString());
            }
            detail = result;
        }
        return result;
    }

    /**
     * Gets the activity scored.
     *
     * @return the activity, never null
     */
    public Activity getActivity() {
        return activity;
    }

    /**
     * Gets how the factor was chosen.
     *
     * @return the selection, never null
     */
    public Selection getSelection() {
        return selection;
    }

    /**
     * Gets the steps that converted the activity's money to the factor's unit, with the engine's money tables
     * ({@link FootprintEngine#withMoneyTables}), such as '100 GBP@2024 x 1.25 (exchange rate GBP to USD, 2024, table
     * ...) = 125 USD@2024'.
     *
     * @return the steps, empty if the amount was not converted, never null
     */
    public List<dev.carbonkit.factor.MoneyTable.Step> getMoneyConversion() {
        Selection.Money money = selection.moneyOrNull();
        return money == null ? List.of() : money.steps;
    }

    /**
     * Gets the money tables the activity's money was converted with: every table of the engine, which the receipt
     * names with their digests so that a replay uses the same figures.
     *
     * @return the tables, empty if the amount was not converted, never null
     */
    public List<dev.carbonkit.factor.MoneyTable> getMoneyTables() {
        Selection.Money money = selection.moneyOrNull();
        return money == null ? List.of() : money.tables;
    }

    /**
     * Gets the factor used.
     *
     * @return the factor, never null
     */
    public EmissionFactor getFactor() {
        return selection.getFactor();
    }

    /**
     * Gets the id of the table the factor came from.
     *
     * @return the table id, never null
     */
    public String getTableId() {
        return selection.getTable().getId();
    }

    /**
     * Gets the digest of the table the factor came from, such as "sha256:4f1c...".
     *
     * @return the digest, never null
     */
    public String getTableDigest() {
        return selection.getTable().getDigest();
    }

    /**
     * Gets the CO2e in kg, exact.
     *
     * @return the CO2e, never null
     */
    public BigDecimal getCo2e() {
        return co2e;
    }

    /**
     * Gets the emissions: CO2e total and per-gas masses and CO2e, in kg.
     *
     * @return the emissions, never null
     */
    public Emissions getEmissions() {
        return detail().emissions;
    }

    /**
     * Gets the GWP set the CO2e is under. This is the policy's set unless a
     * {@link Fallback.Kind#GWP_NOT_REWEIGHTED} or {@link Fallback.Kind#GWP_NOT_STATED} fallback was taken.
     *
     * @return the set, empty if the factor's publisher does not state it, never null
     */
    public Optional<GwpSet> getGwpSet() {
        return detail().emissions.getGwpSet();
    }

    /**
     * Gets the GWP set the policy asked for.
     *
     * @return the set, never null
     */
    public GwpSet getRequestedGwpSet() {
        return policy.getGwpSet();
    }

    /**
     * Gets every fallback taken: region and date from selection, then GWP.
     *
     * @return the fallbacks, unmodifiable, never null
     */
    public List<Fallback> getFallbacks() {
        return fallbacks;
    }

    /**
     * Gets the activity's quantity in the factor's unit, such as '19.312128 km' for '12 mi'.
     *
     * @return the quantity, never null
     */
    public Quantity getQuantityInFactorUnit() {
        return detail().quantityInFactorUnit;
    }

    /**
     * Tells whether converting the quantity to the factor's unit was exact. When it was not (km to a
     * per-mile factor), each product was computed from the exact quantity and rounded once with
     * {@link dev.carbonkit.CarbonMath#CONTEXT}.
     *
     * @return true if exact
     */
    public boolean isConversionExact() {
        return detail().conversionExact;
    }

    /**
     * Gets the quantity times the factor's published total, in kg CO2e under the factor's own set.
     *
     * @return the product, empty if the factor publishes no total, never null
     */
    public Optional<BigDecimal> getScaledTotal() {
        return Optional.ofNullable(detail().scaledTotal);
    }

    /**
     * Gets the quantity times each of the factor's per-gas values, in kg, on the factor's basis (mass, or
     * CO2e under the factor's set).
     *
     * @return the products in {@link Gas} order, unmodifiable, never null
     */
    public Map<Gas, BigDecimal> getScaledGases() {
        return detail().scaledGases;
    }

    /**
     * Gets the policy the footprint was scored under: what {@code Receipt.of(footprint)} records, so that a replay
     * scores it the same way.
     *
     * @return the policy, never null
     */
    public CalculationPolicy getPolicy() {
        return policy;
    }

    /**
     * Gets the presentation rounding the policy asked for.
     *
     * @return the rounding, empty if none, never null
     */
    public Optional<Rounding> getRounding() {
        return policy.getRounding();
    }

    /**
     * Gets the CO2e rounded for presentation, if the policy asked for it.
     *
     * @return the rounded CO2e in kg, empty if no rounding was asked for, never null
     */
    public Optional<BigDecimal> getPresentedCo2e() {
        Rounding rounding = policy.roundingOrNull();
        return rounding == null ? Optional.empty() : Optional.of(rounding.apply(co2e));
    }

    /**
     * Gets the explanation: every step with its numbers. Built on first request, then kept.
     *
     * @return the explanation, never null
     */
    public Explanation getExplanation() {
        Detail parts = detail();
        Explanation result = parts.explanation;
        if (result == null) {
            result = Explanation.of(this);
            parts.explanation = result;
        }
        return result;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Footprint other && activity.equals(other.activity) && selection.equals(other.selection)
                && fallbacks.equals(other.fallbacks) && policy.equals(other.policy)
                && co2e.equals(other.co2e) && getEmissions().equals(other.getEmissions());
    }

    @Override
    public int hashCode() {
        return Objects.hash(activity, selection, co2e);
    }

    /**
     * Returns a summary such as "trip-1: 3.17676 kg CO2e (AR5) from desnz-2024/4_301_3070_9".
     *
     * @return the summary, never null
     */
    @Override
    public String toString() {
        return activity.getId() + ": " + co2e.toPlainString() + " kg CO2e ("
                + getGwpSet().map(GwpSet::name).orElse("GWP set not stated") + ") from "
                + selection.getFactor().getId() + (fallbacks.isEmpty() ? "" : ", fallbacks " + fallbacks);
    }
}
