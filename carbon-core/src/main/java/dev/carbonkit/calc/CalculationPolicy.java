package dev.carbonkit.calc;

import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.RegionHierarchy;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The choices a calculation makes that are not in the data: which GWP set to report CO2e under, which
 * fallbacks are acceptable, how regions nest, and whether to round results for presentation.
 * <p>
 * {@link #defaults()} reports under AR5 (the set DESNZ and EPA publish under), accepts every fallback and
 * records it, uses the {@linkplain RegionHierarchy#standard() standard region hierarchy} and does not
 * round. {@link #strict()} is the same but forbids every fallback. Change one choice with a {@code with}
 * method, for example {@code CalculationPolicy.defaults().withGwpSet(GwpSet.AR6)}.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class CalculationPolicy {

    private static final CalculationPolicy DEFAULTS = new CalculationPolicy(GwpSet.AR5,
            EnumSet.allOf(Fallback.Kind.class), RegionHierarchy.standard(), null);
    private static final CalculationPolicy STRICT = DEFAULTS.withAllowedFallbacks(Set.of());

    private final GwpSet gwpSet;
    private final Set<Fallback.Kind> allowedFallbacks;
    private final RegionHierarchy regionHierarchy;
    private final Rounding rounding;

    private CalculationPolicy(GwpSet gwpSet, Set<Fallback.Kind> allowedFallbacks, RegionHierarchy regionHierarchy,
            Rounding rounding) {
        this.gwpSet = gwpSet;
        this.allowedFallbacks = allowedFallbacks;
        this.regionHierarchy = regionHierarchy;
        this.rounding = rounding;
    }

    /**
     * Gets the default policy: AR5, every fallback allowed and recorded, standard regions, no rounding.
     *
     * @return the default policy, never null
     */
    public static CalculationPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * Gets the strict policy: as {@link #defaults()}, but any fallback is an error.
     *
     * @return the strict policy, never null
     */
    public static CalculationPolicy strict() {
        return STRICT;
    }

    /**
     * Gets the GWP set results are reported under.
     *
     * @return the set, never null
     */
    public GwpSet getGwpSet() {
        return gwpSet;
    }

    /**
     * Gets the kinds of fallback the policy accepts.
     *
     * @return the kinds, unmodifiable, never null
     */
    public Set<Fallback.Kind> getAllowedFallbacks() {
        return allowedFallbacks;
    }

    /**
     * Tells whether the policy accepts a kind of fallback.
     *
     * @param kind  the kind, not null
     * @return true if accepted
     */
    public boolean allows(Fallback.Kind kind) {
        return allowedFallbacks.contains(Objects.requireNonNull(kind, "kind"));
    }

    /**
     * Gets how regions nest for region fallback.
     *
     * @return the hierarchy, never null
     */
    public RegionHierarchy getRegionHierarchy() {
        return regionHierarchy;
    }

    /**
     * Gets the presentation rounding.
     *
     * @return the rounding, empty for none, never null
     */
    public Optional<Rounding> getRounding() {
        return Optional.ofNullable(rounding);
    }

    /** The rounding, or null: for the engine, which asks for every activity. */
    Rounding roundingOrNull() {
        return rounding;
    }

    /**
     * Returns a copy reporting under another GWP set.
     *
     * @param set  the set, not null
     * @return the policy, never null
     */
    public CalculationPolicy withGwpSet(GwpSet set) {
        return new CalculationPolicy(Objects.requireNonNull(set, "set"), allowedFallbacks, regionHierarchy, rounding);
    }

    /**
     * Returns a copy accepting exactly these kinds of fallback.
     *
     * @param kinds  the kinds, empty for none, not null
     * @return the policy, never null
     */
    public CalculationPolicy withAllowedFallbacks(Set<Fallback.Kind> kinds) {
        Set<Fallback.Kind> copy = EnumSet.noneOf(Fallback.Kind.class);
        copy.addAll(Objects.requireNonNull(kinds, "kinds"));
        return new CalculationPolicy(gwpSet, Collections.unmodifiableSet(copy), regionHierarchy, rounding);
    }

    /**
     * Returns a copy with another region hierarchy.
     *
     * @param hierarchy  the hierarchy, not null
     * @return the policy, never null
     */
    public CalculationPolicy withRegionHierarchy(RegionHierarchy hierarchy) {
        return new CalculationPolicy(gwpSet, allowedFallbacks, Objects.requireNonNull(hierarchy, "hierarchy"),
                rounding);
    }

    /**
     * Returns a copy that also presents results rounded.
     *
     * @param presentation  the rounding, or null for none
     * @return the policy, never null
     */
    public CalculationPolicy withRounding(Rounding presentation) {
        return new CalculationPolicy(gwpSet, allowedFallbacks, regionHierarchy, presentation);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof CalculationPolicy other && gwpSet == other.gwpSet
                && allowedFallbacks.equals(other.allowedFallbacks) && regionHierarchy.equals(other.regionHierarchy)
                && Objects.equals(rounding, other.rounding);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gwpSet, allowedFallbacks, regionHierarchy, rounding);
    }

    /**
     * Returns a summary such as "gwp AR5, fallbacks [REGION, DATE], rounding none".
     *
     * @return the summary, never null
     */
    @Override
    public String toString() {
        return "gwp " + gwpSet + ", fallbacks " + allowedFallbacks + ", rounding "
                + (rounding == null ? "none" : rounding);
    }
}
