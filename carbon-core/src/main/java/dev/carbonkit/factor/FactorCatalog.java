package dev.carbonkit.factor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Several factor tables in an explicit order of precedence, such as 'desnz-2025, then desnz-2024, then
 * owid-carbon-intensity', with the digests some of them are required to have.
 * <p>
 * Precedence matters only when two tables both have a factor for the same activity, region, date and unit:
 * the earlier table wins (see {@code FactorSelector}). A caller that needs a calculation to be reproducible
 * pins tables by digest with {@link Builder#requireDigest(String, String)}; building then fails with
 * {@link DigestMismatchException} if a pinned table is missing or different.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class FactorCatalog {

    private final List<FactorTable> tables;
    private final Map<String, FactorTable> byId;

    private FactorCatalog(List<FactorTable> tables) {
        this.tables = List.copyOf(tables);
        Map<String, FactorTable> map = new LinkedHashMap<>();
        for (FactorTable table : this.tables) {
            map.put(table.getId(), table);
        }
        this.byId = Collections.unmodifiableMap(map);
    }

    /**
     * Creates a builder.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Obtains a catalog of tables in order of precedence, the first winning.
     *
     * @param tables  the tables, not null
     * @return the catalog, never null
     * @throws IllegalArgumentException if two tables have the same id
     */
    public static FactorCatalog of(FactorTable... tables) {
        Builder builder = builder();
        for (FactorTable table : tables) {
            builder.add(table);
        }
        return builder.build();
    }

    //-----------------------------------------------------------------------
    /**
     * Gets the tables in order of precedence.
     *
     * @return the tables, unmodifiable, never null
     */
    public List<FactorTable> getTables() {
        return tables;
    }

    /**
     * Finds a table by id.
     *
     * @param tableId  the table id, not null
     * @return the table, empty if the catalog has none with that id, never null
     */
    public Optional<FactorTable> getTable(String tableId) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(tableId, "tableId")));
    }

    /**
     * Gets a table that must have a given digest.
     *
     * @param tableId  the table id, not null
     * @param digest  the digest it must have, such as "sha256:4f1c...", not null
     * @return the table, never null
     * @throws DigestMismatchException if the catalog has no such table, or its digest differs, naming both
     */
    public FactorTable requireTable(String tableId, String digest) {
        Objects.requireNonNull(digest, "digest");
        FactorTable table = byId.get(Objects.requireNonNull(tableId, "tableId"));
        if (table == null || !table.getDigest().equals(digest)) {
            throw new DigestMismatchException(tableId, digest, table == null ? null : table.getDigest());
        }
        return table;
    }

    /**
     * Gets every activity type that some table has a factor for, sorted.
     *
     * @return the types, unmodifiable, never null
     */
    public SortedSet<String> getActivityTypes() {
        SortedSet<String> types = new TreeSet<>();
        tables.forEach(table -> types.addAll(table.getActivityTypes()));
        return Collections.unmodifiableSortedSet(types);
    }

    /**
     * Gets every region that some table has a factor for, sorted by code; deferred tables answer without being read.
     *
     * @return the regions, unmodifiable, never null
     */
    public SortedSet<Region> getRegions() {
        SortedSet<Region> regions = new TreeSet<>();
        for (FactorTable table : tables) {
            for (SortedSet<Region> ofType : table.getRegionsByType().values()) {
                regions.addAll(ofType);
            }
        }
        return Collections.unmodifiableSortedSet(regions);
    }

    /**
     * Gets the regions that have a factor for an activity type, sorted by code; deferred tables answer without being
     * read.
     *
     * @param activityType  the dotted type, not null
     * @return the regions, empty if no table has the type, unmodifiable, never null
     */
    public SortedSet<Region> getRegions(String activityType) {
        Objects.requireNonNull(activityType, "activityType");
        SortedSet<Region> regions = new TreeSet<>();
        for (FactorTable table : tables) {
            regions.addAll(table.getRegions(activityType));
        }
        return Collections.unmodifiableSortedSet(regions);
    }

    /**
     * Gets every factor for an activity type, in precedence order of their tables, then table order.
     *
     * @param activityType  the dotted type, not null
     * @return the factors, unmodifiable, never null
     */
    public List<EmissionFactor> getFactors(String activityType) {
        Objects.requireNonNull(activityType, "activityType");
        List<EmissionFactor> factors = new ArrayList<>();
        tables.forEach(table -> factors.addAll(table.getFactors(activityType)));
        return Collections.unmodifiableList(factors);
    }

    /**
     * Gets the edition of each table, by table id, sorted.
     *
     * @return the editions, unmodifiable, never null
     */
    public SortedMap<String, String> getEditions() {
        SortedMap<String, String> editions = new TreeMap<>();
        tables.forEach(table -> editions.put(table.getId(), table.getInfo().getEdition()));
        return Collections.unmodifiableSortedMap(editions);
    }

    /**
     * Gets the digest of each table, by table id, sorted.
     *
     * @return the digests, unmodifiable, never null
     */
    public SortedMap<String, String> getDigests() {
        SortedMap<String, String> digests = new TreeMap<>();
        tables.forEach(table -> digests.put(table.getId(), table.getDigest()));
        return Collections.unmodifiableSortedMap(digests);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof FactorCatalog other && tables.equals(other.tables);
    }

    @Override
    public int hashCode() {
        return tables.hashCode();
    }

    /**
     * Returns the table ids and digests in precedence order.
     *
     * @return the summary, never null
     */
    @Override
    public String toString() {
        List<String> entries = new ArrayList<>();
        tables.forEach(table -> entries.add(table.getId() + " " + table.getDigest()));
        return "FactorCatalog" + entries;
    }

    /**
     * Builds a {@link FactorCatalog}. Not thread-safe.
     */
    public static final class Builder {

        private final List<FactorTable> tables = new ArrayList<>();
        private final Map<String, String> pins = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a table after those already added, so with lower precedence.
         *
         * @param table  the table, not null
         * @return this builder
         * @throws IllegalArgumentException if a table with the same id was already added
         */
        public Builder add(FactorTable table) {
            Objects.requireNonNull(table, "table");
            for (FactorTable existing : tables) {
                if (existing.getId().equals(table.getId())) {
                    throw new IllegalArgumentException("Table '" + table.getId() + "' is already in the catalog");
                }
            }
            tables.add(table);
            return this;
        }

        /**
         * Requires a table to be in the catalog with a given digest, checked when the catalog is built.
         *
         * @param tableId  the table id, not null
         * @param digest  the digest it must have, not null
         * @return this builder
         */
        public Builder requireDigest(String tableId, String digest) {
            pins.put(Objects.requireNonNull(tableId, "tableId"), Objects.requireNonNull(digest, "digest"));
            return this;
        }

        /**
         * Builds the catalog, checking every required digest.
         *
         * @return the catalog, never null
         * @throws DigestMismatchException if a required table is missing or has another digest
         */
        public FactorCatalog build() {
            FactorCatalog catalog = new FactorCatalog(tables);
            for (Map.Entry<String, String> pin : pins.entrySet()) {
                catalog.requireTable(pin.getKey(), pin.getValue());
            }
            return catalog;
        }
    }
}
