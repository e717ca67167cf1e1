package dev.carbonkit.calc;

import dev.carbonkit.CarbonMath;
import dev.carbonkit.emissions.Emissions;
import dev.carbonkit.emissions.Gas;
import dev.carbonkit.emissions.GasBasis;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.quantity.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a footprint was calculated, step by step with every number, such as:
 * <pre>
 * ACTIVITY  trip-1: transport.car.average.petrol, 12 mi, GB, 2024-03-05 (Europe/London)
 * SELECT    desnz-2024/4_301_3070_9 ...
 * MULTIPLY  12 mi x 0.26473 kg CO2e/mi = 3.17676 kg CO2e (published total, AR5)
 * ...
 * RESULT    3.17676 kg CO2e (AR5)
 * </pre>
 * The text is plain ASCII and does not depend on the locale or the default time zone.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class Explanation {

    private static final String ROUNDED = " (rounded to 34 significant digits, HALF_EVEN)";

    private final List<Step> steps;

    private Explanation(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * Gets the steps in order.
     *
     * @return the steps, unmodifiable, never null
     */
    public List<Step> getSteps() {
        return steps;
    }

    /**
     * Returns the explanation as lines, one per step, the kind padded to ten characters.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Step step : steps) {
            text.append(String.format(Locale.ROOT, "%-10s", step.getKind())).append(step.getText()).append('\n');
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Explanation other && steps.equals(other.steps);
    }

    @Override
    public int hashCode() {
        return steps.hashCode();
    }

    //-----------------------------------------------------------------------
    static Explanation of(Footprint footprint) {
        List<Step> steps = new ArrayList<>();
        Activity activity = footprint.getActivity();
        Selection selection = footprint.getSelection();
        EmissionFactor factor = selection.getFactor();
        steps.add(new Step(Step.Kind.ACTIVITY, activity.toString()));
        Selection.Money money = selection.moneyOrNull();
        if (money != null) {
            // money converted to the factor's unit with the engine's money tables, each figure named
            for (dev.carbonkit.factor.MoneyTable.Step step : money.steps) {
                steps.add(new Step(Step.Kind.CONVERT, step.toString()));
            }
            activity = money.scored;
        }
        steps.add(new Step(Step.Kind.SELECT, describeSelection(activity, selection)));
        for (Fallback fallback : footprint.getFallbacks()) {
            steps.add(new Step(Step.Kind.FALLBACK, describe(fallback)));
        }
        Quantity converted = footprint.getQuantityInFactorUnit();
        if (!converted.getUnit().equals(activity.getQuantity().getUnit())) {
            Quantity one = Quantity.of(BigDecimal.ONE, activity.getQuantity().getUnit());
            steps.add(new Step(Step.Kind.CONVERT, activity.getQuantity() + " = " + converted + " (1 "
                    + activity.getQuantity().getUnit() + " = "
                    + one.to(converted.getUnit(), CarbonMath.CONTEXT).getAmount().toPlainString() + " "
                    + converted.getUnit() + ")" + (footprint.isConversionExact() ? "" : ROUNDED)));
        }
        String quantity = converted.toString();
        String inexact = footprint.isConversionExact() ? "" : ROUNDED;
        GwpSet requested = footprint.getRequestedGwpSet();
        String published = factor.getGwpSet().map(GwpSet::name).orElse("GWP set not stated");
        footprint.getScaledTotal().ifPresent(total -> steps.add(new Step(Step.Kind.MULTIPLY, quantity + " x "
                + factor.getCo2e().get() + " CO2e/" + factor.getPer() + " = " + plain(total)
                + " kg CO2e (published total, " + published + ")" + inexact
                + (footprint.getEmissions().isTotalPublished() ? "" : "; not used: the gases are weighted under "
                        + requested))));
        boolean co2eBasis = factor.getGasBasis().orElse(null) == GasBasis.CO2E;
        for (Map.Entry<Gas, BigDecimal> gas : footprint.getScaledGases().entrySet()) {
            steps.add(new Step(Step.Kind.GAS, gas.getKey() + ": " + quantity + " x " + factor.getGases().get(gas.getKey())
                    + (co2eBasis ? " CO2e" : "") + "/" + factor.getPer() + " = " + plain(gas.getValue())
                    + (co2eBasis ? " kg CO2e (" + published + ")" : " kg") + inexact));
        }
        Emissions emissions = footprint.getEmissions();
        boolean weighed = !footprint.getScaledGases().isEmpty() && (!co2eBasis || factor.getGwpSet().orElse(null) != requested);
        if (weighed) {
            steps.add(new Step(Step.Kind.WEIGHT, describeWeighting(footprint, co2eBasis)));
        }
        footprint.getPresentedCo2e().ifPresent(presented -> steps.add(new Step(Step.Kind.ROUND, plain(emissions.getCo2e())
                + " kg CO2e rounded for presentation (" + footprint.getRounding().get() + ") = "
                + presented.toPlainString() + " kg CO2e")));
        steps.add(new Step(Step.Kind.RESULT, plain(emissions.getCo2e()) + " kg CO2e ("
                + emissions.getGwpSet().map(GwpSet::name).orElse("GWP set not stated") + ")"
                + (emissions.isTotalPublished() ? ", the published total" : ", the sum of the gases")));
        return new Explanation(steps);
    }

    private static String describeSelection(Activity activity, Selection selection) {
        EmissionFactor factor = selection.getFactor();
        StringBuilder text = new StringBuilder(factor.getId()).append(" from table ").append(selection.getTable().getId())
                .append(' ').append(selection.getTable().getDigest()).append(": ")
                .append(factor.getTable().getPublisher()).append(", ").append(factor.getTable().getEdition());
        factor.getRowId().ifPresent(row -> text.append(", row ").append(row));
        text.append("; ").append(factor.getActivityType()).append(", ").append(factor.getRegion()).append(", valid ")
                .append(factor.getValidity()).append(", per ").append(factor.getPer());
        if (selection.isExplicit()) {
            text.append("; chosen by id, selection bypassed");
        } else if (factor.getPer().equals(activity.getQuantity().getUnit())) {
            text.append("; a row in the activity's own unit");
        } else {
            text.append("; no row per ").append(activity.getQuantity().getUnit()).append(", converted");
        }
        factor.getBoundary().ifPresent(boundary -> text.append("; boundary: ").append(boundary));
        factor.getStatus().ifPresent(status -> text.append("; status: ").append(status));
        return text.toString();
    }

    private static String describe(Fallback fallback) {
        return switch (fallback.getKind()) {
            case TYPE -> "no factor for activity type " + fallback.getRequested() + "; used the type above it, "
                    + fallback.getUsed();
            case REGION -> "no factor for region " + fallback.getRequested() + "; used the wider region "
                    + fallback.getUsed();
            case PROXY -> "no factor for region " + fallback.getRequested() + " or any region it is in; used "
                    + fallback.getUsed() + "'s as a proxy, as the policy names it for this type";
            case DATE -> "no factor valid on " + fallback.getRequested() + "; used the one valid "
                    + fallback.getUsed();
            case GWP_NOT_REWEIGHTED -> "results were asked under " + fallback.getRequested()
                    + "; the factor has only a total under " + fallback.getUsed() + ", which is used as published";
            case GWP_NOT_STATED -> "results were asked under " + fallback.getRequested()
                    + "; the factor's publisher does not state its GWP set, so its total is used as published";
        };
    }

    private static String describeWeighting(Footprint footprint, boolean co2eBasis) {
        Emissions emissions = footprint.getEmissions();
        GwpSet target = emissions.getGwpSet().get();
        GwpSet source = footprint.getSelection().getFactor().getGwpSet().orElse(null);
        StringBuilder text = new StringBuilder(co2eBasis ? "re-weighted " + source + " -> " + target + ": "
                : "weighted under " + target + ": ");
        String separator = "";
        for (Map.Entry<Gas, BigDecimal> mass : emissions.getMasses().entrySet()) {
            Gas gas = mass.getKey();
            text.append(separator).append(gas).append(' ');
            if (co2eBasis) {
                text.append(plain(footprint.getScaledGases().get(gas))).append(" / ").append(source.getGwp(gas))
                        .append(" = ");
            }
            text.append(plain(mass.getValue())).append(" kg x ").append(target.getGwp(gas)).append(" = ")
                    .append(plain(emissions.getCo2e(gas).get()));
            separator = "; ";
        }
        return text.append("; total ").append(plain(emissions.getCo2e())).append(" kg CO2e").toString();
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}
