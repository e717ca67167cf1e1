package dev.carbonkit.factor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which wider regions contain a region, such as 'FR' in 'EU27': the order in which factor selection falls
 * back from a narrow region to a wide one.
 * <p>
 * The chain of a region is: the region itself; for a subdivision, the groups that list that subdivision,
 * then its country; the groups that list the country, in the order the groups were defined; and last
 * {@link Region#GLOBAL}. For example, in the {@linkplain #standard() standard hierarchy} the chain of
 * 'FR-75C' is FR-75C, FR, EU27, GLOBAL.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class RegionHierarchy {

    private static final List<String> EU27 = List.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR",
            "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    private static final RegionHierarchy STANDARD = builder().group("EU27", EU27).build();

    private final Map<Region, List<Region>> groupsByMember;
    private final Map<Region, List<Region>> membersByGroup;

    private RegionHierarchy(Map<Region, List<Region>> membersByGroup) {
        Map<Region, List<Region>> byMember = new LinkedHashMap<>();
        // loops, not lambdas: the standard hierarchy is built on every cold start, where each lambda is linked
        for (Map.Entry<Region, List<Region>> group : membersByGroup.entrySet()) {
            for (Region member : group.getValue()) {
                List<Region> groups = byMember.get(member);
                if (groups == null) {
                    groups = new ArrayList<>();
                    byMember.put(member, groups);
                }
                groups.add(group.getKey());
            }
        }
        for (Map.Entry<Region, List<Region>> member : byMember.entrySet()) {
            member.setValue(List.copyOf(member.getValue()));
        }
        this.groupsByMember = Collections.unmodifiableMap(byMember);
        this.membersByGroup = Collections.unmodifiableMap(new LinkedHashMap<>(membersByGroup));
    }

    /**
     * Gets the standard hierarchy: subdivisions within countries, and the group 'EU27' of the 27 member
     * states of the European Union (since 1 February 2020; Greece as ISO 'GR').
     *
     * @return the standard hierarchy, never null
     */
    public static RegionHierarchy standard() {
        return STANDARD;
    }

    /**
     * Creates a builder for a hierarchy with groups of your own, such as China's regional grids.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Gets the fallback chain of a region, from itself to {@link Region#GLOBAL}.
     *
     * @param region  the region, not null
     * @return the chain, never empty, never null
     */
    public List<Region> chain(Region region) {
        Objects.requireNonNull(region, "region");
        List<Region> chain = new ArrayList<>();
        chain.add(region);
        chain.addAll(groupsByMember.getOrDefault(region, List.of()));
        region.getCountry().ifPresent(country -> {
            chain.add(country);
            chain.addAll(groupsByMember.getOrDefault(country, List.of()));
        });
        if (!region.equals(Region.GLOBAL)) {
            chain.add(Region.GLOBAL);
        }
        return List.copyOf(chain);
    }

    /**
     * Gets the groups and their members, in the order they were defined.
     *
     * @return the groups, unmodifiable, never null
     */
    public Map<Region, List<Region>> getGroups() {
        return membersByGroup;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof RegionHierarchy other && membersByGroup.equals(other.membersByGroup);
    }

    @Override
    public int hashCode() {
        return membersByGroup.hashCode();
    }

    @Override
    public String toString() {
        return "RegionHierarchy" + membersByGroup;
    }

    /**
     * Builds a {@link RegionHierarchy}. Not thread-safe; the hierarchy it builds is.
     */
    public static final class Builder {

        private final Map<Region, List<Region>> groups = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a group and its members (countries or subdivisions).
         *
         * @param groupCode  the group's code, three or more characters, such as "CN-GRID-EAST", not null
         * @param memberCodes  the members' codes, not null
         * @return this builder, never null
         * @throws UnknownRegionException if a code is not valid
         * @throws IllegalArgumentException if the code is not a group, or the group was already added
         */
        public Builder group(String groupCode, Collection<String> memberCodes) {
            Region group = Region.of(groupCode);
            if (group.getKind() != Region.Kind.GROUP) {
                throw new IllegalArgumentException("Not a group code (three or more characters): '" + groupCode + "'");
            }
            if (groups.containsKey(group)) {
                throw new IllegalArgumentException("Group defined twice: '" + groupCode + "'");
            }
            List<Region> members = new ArrayList<>();
            for (String code : memberCodes) {
                members.add(Region.of(code));
            }
            groups.put(group, List.copyOf(members));
            return this;
        }

        /**
         * Builds the hierarchy.
         *
         * @return the hierarchy, never null
         */
        public RegionHierarchy build() {
            return new RegionHierarchy(groups);
        }
    }
}
