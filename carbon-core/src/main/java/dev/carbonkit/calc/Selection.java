package dev.carbonkit.calc;

import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.FactorTable;
import java.util.List;
import java.util.Objects;

/**
 * The factor chosen for an activity, the table it came from, and how it was chosen: by explicit id, or by
 * selection with the fallbacks it took and whether the factor is in the activity's own unit.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class Selection {

    private final EmissionFactor factor;
    private final FactorTable table;
    private final List<Fallback> fallbacks;
    private final boolean explicit;
    /** The money conversion that made the activity's amount the factor's unit, or null. */
    private final Money money;
    /** The factor's scoring plans, shared by every selection of it from the same selector. */
    private final FactorPlan.PerSet plans;

    Selection(EmissionFactor factor, FactorTable table, List<Fallback> fallbacks, boolean explicit,
            FactorPlan.PerSet plans) {
        this(factor, table, fallbacks, explicit, plans, null);
    }

    private Selection(EmissionFactor factor, FactorTable table, List<Fallback> fallbacks, boolean explicit,
            FactorPlan.PerSet plans, Money money) {
        this.money = money;
        this.factor = factor;
        this.table = table;
        this.fallbacks = fallbacks.isEmpty() ? List.of() : List.copyOf(fallbacks);
        this.explicit = explicit;
        this.plans = plans;
    }

    /** The same selection, made for a type above the activity's: with that step as its first fallback. */
    Selection above(String requestedType, String usedType) {
        List<Fallback> all = new java.util.ArrayList<>(fallbacks.size() + 1);
        all.add(Fallback.of(Fallback.Kind.TYPE, requestedType, usedType));
        all.addAll(fallbacks);
        return new Selection(factor, table, all, false, plans);
    }

    /** The same selection, made for a proxy region: with that step as its first fallback. */
    Selection proxied(String requestedRegion, String proxyRegion) {
        List<Fallback> all = new java.util.ArrayList<>(fallbacks.size() + 1);
        all.add(Fallback.of(Fallback.Kind.PROXY, requestedRegion, proxyRegion));
        all.addAll(fallbacks);
        return new Selection(factor, table, all, false, plans);
    }


    /** A conversion of money: the activity as scored (its amount in the factor's unit), the steps and the tables. */
    static final class Money {
        final Activity scored;
        final List<dev.carbonkit.factor.MoneyTable.Step> steps;
        final List<dev.carbonkit.factor.MoneyTable> tables;

        Money(Activity scored, List<dev.carbonkit.factor.MoneyTable.Step> steps,
                List<dev.carbonkit.factor.MoneyTable> tables) {
            this.scored = scored;
            this.steps = steps;
            this.tables = tables;
        }
    }

    /** The same selection, made for the activity's amount converted to the factor's money unit. */
    Selection converted(Money conversion) {
        return new Selection(factor, table, fallbacks, explicit, plans, conversion);
    }

    /** The activity as scored: with its amount converted, if it was money in another unit. */
    Activity scored(Activity activity) {
        return money == null ? activity : money.scored;
    }

    /** The money conversion, or null. */
    Money moneyOrNull() {
        return money;
    }

    /** How the factor scores under a GWP set. */
    FactorPlan plan(GwpSet requested) {
        return plans.get(requested);
    }

    /**
     * Gets the chosen factor.
     *
     * @return the factor, never null
     */
    public EmissionFactor getFactor() {
        return factor;
    }

    /**
     * Gets the table the factor came from, with its digest.
     *
     * @return the table, never null
     */
    public FactorTable getTable() {
        return table;
    }

    /**
     * Gets the region and date fallbacks selection took, in the order taken.
     *
     * @return the fallbacks, unmodifiable, never null
     */
    public List<Fallback> getFallbacks() {
        return fallbacks;
    }

    /**
     * Tells whether the activity named the factor by id, bypassing selection.
     *
     * @return true if chosen by id
     */
    public boolean isExplicit() {
        return explicit;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Selection other && factor.equals(other.factor)
                && table.getDigest().equals(other.table.getDigest()) && fallbacks.equals(other.fallbacks)
                && explicit == other.explicit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(factor.getId(), table.getDigest(), fallbacks, explicit);
    }

    /**
     * Returns a summary such as "desnz-2024/4_301_3070_9 from desnz-2024 sha256:..., fallbacks []".
     *
     * @return the summary, never null
     */
    @Override
    public String toString() {
        return factor.getId() + " from " + table.getId() + " " + table.getDigest()
                + (explicit ? ", by id" : ", fallbacks " + fallbacks);
    }
}
