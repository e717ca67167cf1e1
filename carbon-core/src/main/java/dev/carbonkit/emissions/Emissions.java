package dev.carbonkit.emissions;

import dev.carbonkit.CarbonMath;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An amount of greenhouse-gas emissions in kg: the CO2e total under a named GWP set and, where known, the
 * mass and CO2e of each gas, such as '3.17676 kg CO2e (AR5): CO2 3.16368, CH4 0.00684, N2O 0.00624'.
 * <p>
 * A total published by the factor's publisher is authoritative under the publisher's own GWP set, even
 * when the per-gas values do not add up to it (publishers round each column on its own). Re-weighting
 * under another set recomputes the total from the per-gas masses. Where per-gas values were given as CO2e
 * (DESNZ), the masses are derived by dividing by the set's GWP, with {@link CarbonMath#CONTEXT} when the
 * division does not terminate.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class Emissions {

    private static final Emissions NONE = new Emissions(BigDecimal.ZERO, null, Map.of(), Map.of(), false);

    private final BigDecimal co2e;
    private final GwpSet gwpSet;
    /** The masses; null until first asked for when they derive from per-gas CO2e (a division per gas). */
    private volatile Map<Gas, BigDecimal> masses;
    private final Map<Gas, BigDecimal> co2eByGas;
    private final boolean totalPublished;

    private Emissions(BigDecimal co2e, GwpSet gwpSet, Map<Gas, BigDecimal> masses, Map<Gas, BigDecimal> co2eByGas,
            boolean totalPublished) {
        this.co2e = co2e;
        this.gwpSet = gwpSet;
        this.masses = masses;
        this.co2eByGas = co2eByGas;
        this.totalPublished = totalPublished;
    }

    //-----------------------------------------------------------------------
    /**
     * Obtains emissions of nothing: zero CO2e, no gases, no GWP set.
     *
     * @return the empty emissions, never null
     */
    public static Emissions none() {
        return NONE;
    }

    /**
     * Obtains emissions from the mass of each gas, weighted under a GWP set.
     * <p>
     * For example, CO2 29.7 kg, CH4 0.00059 kg and N2O 0.00053 kg under AR5 is 29.85697 kg CO2e. The
     * result is exact.
     *
     * @param massesKg  the mass of each gas in kg, not null
     * @param gwpSet  the set to weigh them with, not null
     * @return the emissions, never null
     */
    public static Emissions ofMasses(Map<Gas, BigDecimal> massesKg, GwpSet gwpSet) {
        Objects.requireNonNull(massesKg, "massesKg");
        Objects.requireNonNull(gwpSet, "gwpSet");
        Map<Gas, BigDecimal> masses = copy(massesKg);
        Map<Gas, BigDecimal> weighted = new EnumMap<>(Gas.class);
        masses.forEach((gas, mass) -> weighted.put(gas, CarbonMath.normalize(mass.multiply(gwpSet.getGwp(gas)))));
        return new Emissions(sum(weighted), gwpSet, masses, unmodifiable(weighted), false);
    }

    /**
     * Obtains emissions from the CO2e of each gas under a GWP set, as DESNZ publishes them.
     * <p>
     * The total is the sum of the per-gas CO2e. Each mass is the CO2e divided by the gas's GWP, exact when
     * the division terminates and otherwise rounded with {@link CarbonMath#CONTEXT}.
     *
     * @param co2eKgByGas  the CO2e of each gas in kg, not null
     * @param gwpSet  the set the values were weighted with, not null
     * @return the emissions, never null
     */
    public static Emissions ofGasCo2e(Map<Gas, BigDecimal> co2eKgByGas, GwpSet gwpSet) {
        Objects.requireNonNull(co2eKgByGas, "co2eKgByGas");
        Objects.requireNonNull(gwpSet, "gwpSet");
        Map<Gas, BigDecimal> weighted = copy(co2eKgByGas);
        // the masses (CO2e / GWP, often a non-terminating division) are derived when first asked for
        return new Emissions(sum(weighted), gwpSet, null, weighted, false);
    }

    /**
     * Obtains emissions known only as a CO2e total, such as a hotel night's 10.4 kg CO2e.
     *
     * @param co2eKg  the total in kg CO2e, not null
     * @param gwpSet  the set the total was weighted with, or null if the publisher does not say
     * @return the emissions, never null
     */
    public static Emissions ofTotal(BigDecimal co2eKg, GwpSet gwpSet) {
        Objects.requireNonNull(co2eKg, "co2eKg");
        return new Emissions(CarbonMath.normalize(co2eKg), gwpSet, Map.of(), Map.of(), true);
    }

    /**
     * Returns a copy whose total is the one the publisher printed, under this set, instead of the sum of
     * the gases. For example, DESNZ's diesel car: 25 km gives 4.246 kg CO2e although the gases sum to
     * 4.24611592.
     *
     * @param publishedCo2eKg  the published total in kg CO2e, not null
     * @return the emissions with that total, never null
     */
    public Emissions withPublishedTotal(BigDecimal publishedCo2eKg) {
        Objects.requireNonNull(publishedCo2eKg, "publishedCo2eKg");
        return new Emissions(CarbonMath.normalize(publishedCo2eKg), gwpSet, masses, co2eByGas, true);
    }

    private static Map<Gas, BigDecimal> copy(Map<Gas, BigDecimal> values) {
        Map<Gas, BigDecimal> copy = new EnumMap<>(Gas.class);
        values.forEach((gas, value) -> copy.put(Objects.requireNonNull(gas, "gas"),
                CarbonMath.normalize(Objects.requireNonNull(value, "value"))));
        return unmodifiable(copy);
    }

    private static Map<Gas, BigDecimal> unmodifiable(Map<Gas, BigDecimal> map) {
        return Collections.unmodifiableMap(map);
    }

    private static BigDecimal sum(Map<Gas, BigDecimal> values) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal value : values.values()) {
            total = total.add(value);
        }
        return CarbonMath.normalize(total);
    }

    //-----------------------------------------------------------------------
    /**
     * Gets the total in kg CO2e under {@link #getGwpSet()}.
     *
     * @return the total, never null
     */
    public BigDecimal getCo2e() {
        return co2e;
    }

    /**
     * Gets the GWP set the total is weighted with; empty when the publisher did not state it.
     *
     * @return the set, never null
     */
    public Optional<GwpSet> getGwpSet() {
        return Optional.ofNullable(gwpSet);
    }

    /**
     * Tells whether the total is a published figure rather than the sum of the per-gas values.
     *
     * @return true if the total was published
     */
    public boolean isTotalPublished() {
        return totalPublished;
    }

    /**
     * Gets the gases with per-gas values, in {@link Gas} order.
     *
     * @return the gases, unmodifiable, never null
     */
    public Set<Gas> getGases() {
        return co2eByGas.keySet();
    }

    /**
     * Gets the mass of a gas in kg.
     *
     * @param gas  the gas, not null
     * @return the mass, empty if the gas has no value, never null
     */
    public Optional<BigDecimal> getMass(Gas gas) {
        return Optional.ofNullable(masses().get(Objects.requireNonNull(gas, "gas")));
    }

    /**
     * Gets the CO2e of a gas in kg under {@link #getGwpSet()}.
     *
     * @param gas  the gas, not null
     * @return the CO2e, empty if the gas has no value, never null
     */
    public Optional<BigDecimal> getCo2e(Gas gas) {
        return Optional.ofNullable(co2eByGas.get(Objects.requireNonNull(gas, "gas")));
    }

    /**
     * Gets the mass of every gas in kg, in {@link Gas} order.
     *
     * @return the masses, unmodifiable, never null
     */
    public Map<Gas, BigDecimal> getMasses() {
        return masses();
    }

    /** The masses, derived from the per-gas CO2e and the set's GWPs on first use when not given. */
    private Map<Gas, BigDecimal> masses() {
        Map<Gas, BigDecimal> known = masses;
        if (known == null) {
            Map<Gas, BigDecimal> derived = new EnumMap<>(Gas.class);
            co2eByGas.forEach((gas, value) -> derived.put(gas, CarbonMath.divide(value, gwpSet.getGwp(gas))));
            known = unmodifiable(derived);
            masses = known;
        }
        return known;
    }

    /**
     * Gets the CO2e of every gas in kg, in {@link Gas} order.
     *
     * @return the per-gas CO2e, unmodifiable, never null
     */
    public Map<Gas, BigDecimal> getCo2eByGas() {
        return co2eByGas;
    }

    //-----------------------------------------------------------------------
    /**
     * Tells whether these emissions can be weighted under another GWP set: they have per-gas masses.
     *
     * @return true if {@link #reweighted(GwpSet)} can succeed
     */
    public boolean isReweightable() {
        return !co2eByGas.isEmpty();
    }

    /**
     * Re-weights under another GWP set: each gas's mass times its GWP in the target set, and the total as
     * their sum. The published total, if any, no longer applies. Returns {@code this} for the same set.
     * <p>
     * For example, DESNZ's 12 miles by petrol car, 3.17676 kg CO2e under AR5, re-weighted under AR4 is
     * 3.16368 + 0.00684 / 28 x 25 + 0.00624 / 265 x 298 = 3.1768041995... kg CO2e.
     *
     * @param target  the set to weigh with, not null
     * @return the re-weighted emissions, never null
     * @throws IllegalStateException if there are no per-gas values to re-weigh
     */
    public Emissions reweighted(GwpSet target) {
        Objects.requireNonNull(target, "target");
        if (target == gwpSet) {
            return this;
        }
        if (!isReweightable()) {
            throw new IllegalStateException("Cannot re-weight " + this + " under " + target + ": no per-gas values");
        }
        return ofMasses(masses(), target);
    }

    /**
     * Adds other emissions weighted under the same set: totals and per-gas values add up.
     *
     * @param other  the emissions to add, not null
     * @return the sum, never null
     * @throws IllegalArgumentException if the GWP sets differ
     */
    public Emissions plus(Emissions other) {
        Objects.requireNonNull(other, "other");
        if (other == NONE) {
            return this;
        }
        if (this == NONE) {
            return other;
        }
        if (gwpSet != other.gwpSet) {
            throw new IllegalArgumentException("GWP sets differ: " + gwpSet + "/" + other.gwpSet);
        }
        return new Emissions(CarbonMath.normalize(co2e.add(other.co2e)), gwpSet, add(masses(), other.masses()),
                add(co2eByGas, other.co2eByGas), totalPublished || other.totalPublished);
    }

    private static Map<Gas, BigDecimal> add(Map<Gas, BigDecimal> a, Map<Gas, BigDecimal> b) {
        Map<Gas, BigDecimal> sum = new EnumMap<>(Gas.class);
        sum.putAll(a);
        b.forEach((gas, value) -> sum.merge(gas, value, (x, y) -> CarbonMath.normalize(x.add(y))));
        return unmodifiable(sum);
    }

    //-----------------------------------------------------------------------
    /**
     * Compares totals, set, per-gas values and whether the total was published.
     *
     * @param obj  the other object
     * @return true if equal
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof Emissions other && co2e.equals(other.co2e) && gwpSet == other.gwpSet
                && masses().equals(other.masses()) && co2eByGas.equals(other.co2eByGas)
                && totalPublished == other.totalPublished;
    }

    @Override
    public int hashCode() {
        return Objects.hash(co2e, gwpSet, masses(), co2eByGas, totalPublished);
    }

    /**
     * Returns a summary such as "3.17676 kg CO2e (AR5; CO2 3.16368, CH4 0.00684, N2O 0.00624)".
     *
     * @return the summary, never null
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(co2e.toPlainString()).append(" kg CO2e (")
                .append(gwpSet == null ? "GWP set not stated" : gwpSet.name());
        String separator = "; ";
        for (Map.Entry<Gas, BigDecimal> entry : co2eByGas.entrySet()) {
            text.append(separator).append(entry.getKey()).append(' ').append(entry.getValue().toPlainString());
            separator = ", ";
        }
        return text.append(')').toString();
    }
}
