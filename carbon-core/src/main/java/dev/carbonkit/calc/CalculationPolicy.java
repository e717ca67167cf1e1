package dev.carbonkit.calc;

import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.ActivityTypes;
import dev.carbonkit.factor.Region;
import dev.carbonkit.factor.RegionHierarchy;
import dev.carbonkit.internal.Checks;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The choices a calculation makes that are not in the data: which GWP set to report CO2e under, which
 * fallbacks are acceptable, how regions nest, and whether to round results for presentation.
 * <p>
 * {@link #defaults()} reports under AR5 (the set DESNZ and EPA publish under), accepts every fallback and
 * records it (but {@link Fallback.Kind#PROXY PROXY}, which only a policy that names a proxy allows), uses the {@linkplain RegionHierarchy#standard() standard region hierarchy} and does not
 * round. {@link #strict()} is the same but forbids every fallback. Change one choice with a {@code with}
 * method, for example {@code CalculationPolicy.defaults().withGwpSet(GwpSet.AR6)}.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class CalculationPolicy {

    private static final CalculationPolicy DEFAULTS = new CalculationPolicy(GwpSet.AR5,
            Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(Fallback.Kind.PROXY))),
            RegionHierarchy.standard(), null, Collections.emptySortedMap());
    private static final CalculationPolicy STRICT = DEFAULTS.withAllowedFallbacks(Set.of());

    private final GwpSet gwpSet;
    private final Set<Fallback.Kind> allowedFallbacks;
    private final RegionHierarchy regionHierarchy;
    private final Rounding rounding;
    private final SortedMap<String, Region> proxies;

    private CalculationPolicy(GwpSet gwpSet, Set<Fallback.Kind> allowedFallbacks, RegionHierarchy regionHierarchy,
            Rounding rounding, SortedMap<String, Region> proxies) {
        this.gwpSet = gwpSet;
        this.allowedFallbacks = allowedFallbacks;
        this.regionHierarchy = regionHierarchy;
        this.rounding = rounding;
        this.proxies = proxies;
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
        return new CalculationPolicy(Objects.requireNonNull(set, "set"), allowedFallbacks, regionHierarchy, rounding,
                proxies);
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
        return new CalculationPolicy(gwpSet, Collections.unmodifiableSet(copy), regionHierarchy, rounding, proxies);
    }

    /**
     * Returns a copy with another region hierarchy.
     *
     * @param hierarchy  the hierarchy, not null
     * @return the policy, never null
     */
    public CalculationPolicy withRegionHierarchy(RegionHierarchy hierarchy) {
        return new CalculationPolicy(gwpSet, allowedFallbacks, Objects.requireNonNull(hierarchy, "hierarchy"),
                rounding, proxies);
    }

    /**
     * Returns a copy that also presents results rounded.
     *
     * @param presentation  the rounding, or null for none
     * @return the policy, never null
     */
    public CalculationPolicy withRounding(Rounding presentation) {
        return new CalculationPolicy(gwpSet, allowedFallbacks, regionHierarchy, presentation, proxies);
    }

    /**
     * Returns a copy that lets a region's factors stand in, as a proxy, for activities of a group of types in a region
     * that has none of its own, and allows the {@link Fallback.Kind#PROXY PROXY} fallback that records it.
     * <p>
     * For example, {@code withProxy("spend", Region.of("US"))} scores a purchase in GB with the US EPA's
     * supply-chain factor when no table has a spend factor for GB or a region it is in: the footprint records
     * {@code PROXY: GB -> US}, its explanation says so, and its receipt names the proxy so that it replays. A proxy is
     * tried only when the activity's own region and its chain have no factor; the group is a type and every type
     * under it, the nearest group of the policy's proxies being used.
     *
     * @param typeGroup  the type, such as "spend" or "spend.naics.722511", not null
     * @param region  the region whose factors stand in, not null
     * @return the policy, never null
     * @throws IllegalArgumentException if the type is not a dotted lower-case type
     */
    public CalculationPolicy withProxy(String typeGroup, Region region) {
        Objects.requireNonNull(typeGroup, "typeGroup");
        Objects.requireNonNull(region, "region");
        if (!Checks.isActivityType(typeGroup)) {
            throw new IllegalArgumentException("Not an activity type: " + Checks.cut(typeGroup, 80));
        }
        SortedMap<String, Region> copy = new TreeMap<>(proxies);
        copy.put(typeGroup, region);
        Set<Fallback.Kind> allowed = EnumSet.noneOf(Fallback.Kind.class);
        allowed.addAll(allowedFallbacks);
        allowed.add(Fallback.Kind.PROXY);
        return new CalculationPolicy(gwpSet, Collections.unmodifiableSet(allowed), regionHierarchy, rounding,
                Collections.unmodifiableSortedMap(copy));
    }

    /**
     * Gets the proxies: for each group of types, the region whose factors stand in where the activity's region has
     * none.
     *
     * @return the proxies by type group, sorted, unmodifiable, never null
     */
    public SortedMap<String, Region> getProxies() {
        return proxies;
    }

    /** The proxy region for a type: that of the nearest group above or at it, or null. */
    Region proxyOrNull(String type) {
        if (proxies.isEmpty()) {
            return null;
        }
        for (String group = type; group != null; group = ActivityTypes.parentOrNull(group)) {
            Region region = proxies.get(group);
            if (region != null) {
                return region;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof CalculationPolicy other && gwpSet == other.gwpSet
                && allowedFallbacks.equals(other.allowedFallbacks) && regionHierarchy.equals(other.regionHierarchy)
                && Objects.equals(rounding, other.rounding) && proxies.equals(other.proxies);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gwpSet, allowedFallbacks, regionHierarchy, rounding, proxies);
    }

    /**
     * Returns a summary such as "gwp AR5, fallbacks [REGION, DATE], rounding none".
     *
     * @return the summary, never null
     */
    @Override
    public String toString() {
        return "gwp " + gwpSet + ", fallbacks " + allowedFallbacks + ", rounding "
                + (rounding == null ? "none" : rounding) + (proxies.isEmpty() ? "" : ", proxies " + proxies);
    }
}
