package dev.carbonkit.calc;

import dev.carbonkit.CarbonMath;
import dev.carbonkit.emissions.Emissions;
import dev.carbonkit.emissions.Gas;
import dev.carbonkit.emissions.GasBasis;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.MoneyConversionException;
import dev.carbonkit.factor.MoneyTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.quantity.Dimension;
import dev.carbonkit.quantity.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Scores activities into footprints: selects a factor, converts the quantity exactly, multiplies, and
 * weighs the gases under the policy's GWP set.
 * <p>
 * For example:
 * <pre>
 * FootprintEngine engine = FootprintEngine.of(CalculationPolicy.defaults(), table);
 * Footprint footprint = engine.score(activity);
 * footprint.getCo2e();          // 3.17676 (kg CO2e, exact)
 * footprint.getExplanation();   // every step with its numbers
 * </pre>
 * <p>
 * The CO2e is computed as follows. The published total, when the factor has one and is published under
 * the policy's GWP set, is authoritative: quantity x total. Otherwise the per-gas values decide: masses
 * are weighted with the policy's set; per-gas CO2e under another set are turned into masses (divided by
 * that set's GWP) and weighted with the policy's set. A factor that has only a total under another set,
 * or under no stated set, is used as published, and that is recorded as a fallback. Each product is
 * computed from the exact quantity and rounded at most once, with {@link CarbonMath#CONTEXT}, when the
 * unit conversion does not terminate.
 * <p>
 * This class is immutable and thread-safe; one engine can score from many threads.
 */
public final class FootprintEngine {

    private final CalculationPolicy policy;
    private final FactorSelector selector;
    /** The money tables an amount of money is converted with to a factor's unit; empty for none. */
    private final List<MoneyTable> moneyTables;

    private FootprintEngine(CalculationPolicy policy, List<FactorTable> tables) {
        this(policy, new FactorSelector(tables, policy.getRegionHierarchy()), List.of());
    }

    private FootprintEngine(CalculationPolicy policy, FactorSelector selector, List<MoneyTable> moneyTables) {
        this.policy = policy;
        this.selector = selector;
        this.moneyTables = moneyTables;
    }

    /**
     * Creates an engine over tables in order of precedence (the first wins a tie).
     *
     * @param policy  the calculation policy, not null
     * @param tables  the factor tables, at least one, not null
     * @return the engine, never null
     * @throws IllegalArgumentException if no table is given
     */
    public static FootprintEngine of(CalculationPolicy policy, FactorTable... tables) {
        return of(policy, List.of(tables));
    }

    /**
     * Creates an engine over tables in order of precedence (the first wins a tie).
     *
     * @param policy  the calculation policy, not null
     * @param tables  the factor tables, at least one, not null
     * @return the engine, never null
     * @throws IllegalArgumentException if no table is given
     */
    public static FootprintEngine of(CalculationPolicy policy, List<FactorTable> tables) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(tables, "tables");
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("An engine needs at least one factor table");
        }
        return new FootprintEngine(policy, tables);
    }

    /**
     * Creates an engine over a catalog's tables, in the catalog's order of precedence.
     *
     * @param policy  the calculation policy, not null
     * @param catalog  the catalog, with at least one table, not null
     * @return the engine, never null
     * @throws IllegalArgumentException if the catalog has no table
     */
    public static FootprintEngine of(CalculationPolicy policy, FactorCatalog catalog) {
        return of(policy, Objects.requireNonNull(catalog, "catalog").getTables());
    }

    /**
     * Gets the policy.
     *
     * @return the policy, never null
     */
    public CalculationPolicy getPolicy() {
        return policy;
    }

    /**
     * Gets the tables, in order of precedence.
     *
     * @return the tables, unmodifiable, never null
     */
    public List<FactorTable> getTables() {
        return selector.getTables();
    }

    /**
     * Selects the factor for an activity without scoring it.
     *
     * @param activity  the activity, not null
     * @return the selection, never null
     * @throws FactorNotFoundException if no factor fits
     * @throws IncompatibleFactorException if an explicit factor's unit does not fit the quantity
     */
    public Selection select(Activity activity) {
        try {
            return selectOrProxy(activity);
        } catch (FactorNotFoundException notFound) {
            if (moneyTables.isEmpty() || activity.factorIdOrNull() != null
                    || activity.getQuantity().getDimension() != Dimension.MONEY) {
                throw notFound;
            }
            return convertingMoney(activity, notFound);
        }
    }

    /**
     * Returns a copy that converts an amount of money to the unit of a factor with money tables the user pins, when
     * no factor is per the activity's own unit: 100 GBP@2024 scored with a factor per USD@2022 through the tables'
     * 2024 exchange rate and USD price index, each step in the explanation and the receipt with the table's id and
     * digest (docs/spend-based.md). The first table with a figure gives it. A figure no table has leaves the activity
     * unscored, the refusal saying which.
     *
     * @param tables  the money tables, in order of precedence, not null
     * @return the engine, never null
     */
    public FootprintEngine withMoneyTables(List<MoneyTable> tables) {
        return new FootprintEngine(policy, selector, List.copyOf(Objects.requireNonNull(tables, "tables")));
    }

    /**
     * Gets the money tables amounts of money are converted with.
     *
     * @return the tables, in order of precedence, unmodifiable, never null
     */
    public List<MoneyTable> getMoneyTables() {
        return moneyTables;
    }

    /** Converts money to each unit the type's factors are per, in order, and selects for the first that converts. */
    private Selection convertingMoney(Activity activity, FactorNotFoundException notFound) {
        String why = null;
        for (String unit : selector.moneyUnits(activity.getType())) {
            if (unit.equals(activity.getQuantity().getUnit().getCode())) {
                continue;
            }
            List<MoneyTable.Step> steps;
            try {
                steps = MoneyTable.convert(activity.getQuantity(), dev.carbonkit.quantity.Unit.of(unit), moneyTables);
            } catch (MoneyConversionException missing) {
                why = why == null ? missing.getMessage() : why;
                continue;
            }
            Activity scored = activity.withQuantity(steps.get(steps.size() - 1).getAfter());
            Selection selection;
            try {
                selection = selectOrProxy(scored);
            } catch (FactorNotFoundException stillNone) {
                continue;
            }
            return selection.converted(new Selection.Money(scored, steps, moneyTables));
        }
        if (why == null) {
            throw notFound;
        }
        throw new FactorNotFoundException(activity.getId(), withoutActivity(notFound.getMessage(), activity.getId())
                + "; and with the money tables: " + why);
    }

    /** A refusal's message without its "Activity 'id': " start. */
    private static String withoutActivity(String message, String id) {
        String start = "Activity '" + id + "': ";
        return message.startsWith(start) ? message.substring(start.length()) : message;
    }

    private Selection selectOrProxy(Activity activity) {
        try {
            return selector.select(activity);
        } catch (FactorNotFoundException notFound) {
            // a region the policy names as a proxy for the type, where the activity's own chain has no factor
            Region proxy = activity.factorIdOrNull() == null ? policy.proxyOrNull(activity.getType()) : null;
            if (proxy == null || proxy.equals(activity.getRegion())) {
                throw notFound;
            }
            Selection selection;
            try {
                selection = selector.select(activity, proxy);
            } catch (FactorNotFoundException noneThereEither) {
                throw notFound;
            }
            return selection.proxied(activity.getRegion().getCode(), proxy.getCode());
        }
    }

    /**
     * Scores one activity.
     *
     * @param activity  the activity, not null
     * @return the footprint, never null
     * @throws FactorNotFoundException if no factor fits, naming the activity and what was looked for
     * @throws IncompatibleFactorException if an explicit factor's unit does not fit the quantity
     * @throws FallbackNotAllowedException if a fallback is needed that the policy forbids
     */
    public Footprint score(Activity activity) {
        Selection selection = select(activity);
        EmissionFactor factor = selection.getFactor();
        GwpSet requested = policy.getGwpSet();
        FactorPlan plan = selection.plan(requested);
        List<Fallback> fallbacks = selection.getFallbacks();
        if (fallbacks.isEmpty()) {
            fallbacks = plan.fallbacks();
        } else if (plan.fallback() != null) {
            List<Fallback> both = new ArrayList<>(fallbacks);
            both.add(plan.fallback());
            fallbacks = List.copyOf(both);
        }
        for (int i = 0; i < fallbacks.size(); i++) {
            // by index: an iterator, even over no fallbacks, was a third of scoring's allocation
            Fallback fallback = fallbacks.get(i);
            if (!policy.allows(fallback.getKind())) {
                throw new FallbackNotAllowedException(activity.getId(), fallback);
            }
        }
        // the CO2e first, straight from the plan where it is linear in the quantity; every other part of the
        // footprint (per-gas values, converted quantity) is worked out when first asked for
        BigDecimal co2e = plan.co2e(selection.scored(activity), factor.getPer());
        if (co2e == null) {
            Footprint.Detail detail = detail(activity, selection, requested);
            return new Footprint(activity, selection, fallbacks, policy, detail.emissions.getCo2e(), detail);
        }
        return new Footprint(activity, selection, fallbacks, policy, co2e, null);
    }

    /**
     * Every part of a footprint by the full route: the quantity in the factor's unit, the quantity times the
     * total and times each gas's value, and the emissions weighed under the requested set. The CO2e it gives is
     * the one {@link #score(Activity)} computes from the factor's plan (carbon-factors' {@code ScoringRoutesTest}
     * holds this for every bundled factor).
     */
    static Footprint.Detail detail(Activity activity, Selection selection, GwpSet requested) {
        EmissionFactor factor = selection.getFactor();
        // money converted to the factor's unit: its amount after the conversion's steps (in the explanation)
        Quantity quantity = selection.scored(activity).getQuantity();
        BigDecimal reference = quantity.getAmount().multiply(quantity.getUnit().getFactorToReference());
        BigDecimal divisor = factor.getPer().getFactorToReference();
        boolean exact = quantity.getUnit().equals(factor.getPer()) || CarbonMath.dividesExactly(reference, divisor);
        Quantity converted = quantity.to(factor.getPer(), CarbonMath.CONTEXT);

        BigDecimal scaledTotal = factor.getCo2e().map(value -> scale(reference, value, divisor)).orElse(null);
        Map<Gas, BigDecimal> scaledGases = new EnumMap<>(Gas.class);
        factor.getGases().forEach((gas, value) -> scaledGases.put(gas, scale(reference, value, divisor)));

        GwpSet published = factor.getGwpSet().orElse(null);
        Emissions emissions;
        if (scaledTotal != null && published == requested) {
            emissions = gasesUnder(factor, scaledGases, requested).withPublishedTotal(scaledTotal);
        } else if (!scaledGases.isEmpty() && (factor.getGasBasis().get() == GasBasis.MASS || published != null)) {
            emissions = gasesUnder(factor, scaledGases, requested);
        } else {
            emissions = Emissions.ofTotal(scaledTotal, published);
        }
        return new Footprint.Detail(converted, exact, scaledTotal, Collections.unmodifiableMap(scaledGases), emissions);
    }

    /** Quantity x a factor value, in kg: exact, or rounded once when the unit conversion does not terminate. */
    private static BigDecimal scale(BigDecimal reference, Quantity value, BigDecimal divisor) {
        BigDecimal kilograms = value.getAmount().multiply(value.getUnit().getFactorToReference());
        return CarbonMath.divide(reference.multiply(kilograms), divisor);
    }

    private static Emissions gasesUnder(EmissionFactor factor, Map<Gas, BigDecimal> scaledGases, GwpSet requested) {
        if (scaledGases.isEmpty()) {
            return Emissions.ofMasses(Map.of(), requested);
        }
        if (factor.getGasBasis().get() == GasBasis.MASS) {
            return Emissions.ofMasses(scaledGases, requested);
        }
        return Emissions.ofGasCo2e(scaledGases, factor.getGwpSet().get()).reweighted(requested);
    }

    /**
     * Scores activities, in their order.
     *
     * @param activities  the activities, not null
     * @return the footprints in the same order, unmodifiable, never null
     * @throws ScoringException for the first activity that cannot be scored, naming it
     */
    public List<Footprint> scoreAll(Iterable<Activity> activities) {
        Objects.requireNonNull(activities, "activities");
        List<Footprint> footprints = new ArrayList<>();
        for (Activity activity : activities) {
            footprints.add(score(activity));
        }
        return Collections.unmodifiableList(footprints);
    }

    /**
     * Scores every activity of a batch that can be scored, and says why each other one cannot: one activity with no
     * factor or a forbidden fallback does not stop the rest, as it does for {@link #scoreAll(Iterable)}.
     *
     * @param activities  the activities, not null
     * @return the footprints in order and the failures by activity id, never null
     * @throws IllegalArgumentException if two activities of the batch have the same id, which the failures could not
     *  tell apart
     */
    public Scored scoreEach(Iterable<Activity> activities) {
        Objects.requireNonNull(activities, "activities");
        List<Footprint> footprints = new ArrayList<>();
        java.util.Map<String, ScoringException> failures = new java.util.LinkedHashMap<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Activity activity : activities) {
            if (!ids.add(activity.getId())) {
                throw new IllegalArgumentException("Activity id '" + activity.getId() + "' appears twice in the batch");
            }
            try {
                footprints.add(score(activity));
            } catch (ScoringException failure) {
                failures.put(activity.getId(), failure);
            }
        }
        return new Scored(footprints, failures);
    }

    /**
     * Scores a stream of activities lazily, in encounter order; parallel streams may be used.
     *
     * @param activities  the activities, not null
     * @return the footprints, never null
     */
    public Stream<Footprint> score(Stream<Activity> activities) {
        return Objects.requireNonNull(activities, "activities").map(this::score);
    }

    /**
     * Returns a summary of the policy and tables.
     *
     * @return the summary, never null
     */
    @Override
    public String toString() {
        List<String> tables = new ArrayList<>();
        selector.getTables().forEach(t -> tables.add(t.getId() + " " + t.getDigest()));
        return "FootprintEngine[" + policy + "; tables " + tables + "]";
    }
}
