package dev.carbonkit.factor;

import dev.carbonkit.CarbonMath;
import dev.carbonkit.emissions.Gas;
import dev.carbonkit.internal.CanonicalJson;
import dev.carbonkit.internal.Digests;
import dev.carbonkit.quantity.Quantity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A named, versioned set of emission factors with a content digest, such as 'desnz-2024' with digest
 * 'sha256:4f1c...'.
 * <p>
 * The digest is the SHA-256 of the table's canonical form (documented in docs/factor-table-digest.md):
 * canonical JSON of the table info and every factor, factors ordered by id, numbers as plain decimal
 * strings without trailing zeros. It depends on what the table says, not on how a file wrote it: the order
 * of factors or keys, indentation and '0.1645' versus '0.16450' do not change it; any changed value does.
 * A caller can pin a table by this digest and rerun a calculation years later with the same result.
 * <p>
 * A table is built from its factors, or {@link #deferred deferred}: read when first needed.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class FactorTable {

    /** The version of the canonical form, part of what is hashed. */
    public static final String CANONICAL_FORMAT = "carbonkit-factor-table/1";

    private final TableInfo info;
    /** The factors in the order added; null for a deferred table, whose {@link #loaded} table holds them. */
    private final List<EmissionFactor> factors;
    /** The factors sorted by id, for look-up by binary search: 4 bytes a factor, where a hash map took about 40. */
    private final EmissionFactor[] byId;
    /** The digest, computed on first request: a table scored without receipts or pins never needs it. */
    private volatile String digest;
    /** The factors by activity type, in table order, built on first request. */
    private volatile Map<String, List<EmissionFactor>> byType;
    /**
     * For a deferred table: what it declares before it is read (each activity type with the regions it has factors
     * of that type at), and how to read it; else null. The regions are kept unsorted: sorting thousands of them for
     * every cold start cost more than sorting a type's when asked. Released once the table is read, which then
     * answers instead (it has exactly what was declared): kept, it cost 3 bytes per factor of the bundled catalog.
     */
    private volatile Map<String, Set<Region>> declared;
    /** The activity types, sorted: a deferred table's declared, a built table's worked out on first request. */
    private volatile SortedSet<String> activityTypes;
    private final Supplier<FactorTable> loader;
    /** For a deferred table: the table read, once read. */
    private volatile FactorTable loaded;

    /** Factors by id, for the binary search; a class of its own, linked without invokedynamic in a fresh JVM. */
    private static final Comparator<EmissionFactor> BY_ID = new Comparator<>() {
        @Override
        public int compare(EmissionFactor a, EmissionFactor b) {
            return a.getId().compareTo(b.getId());
        }
    };

    private FactorTable(TableInfo info, Map<String, EmissionFactor> inOrder) {
        this.info = info;
        this.factors = List.copyOf(inOrder.values());
        this.byId = factors.toArray(new EmissionFactor[0]);
        Arrays.sort(byId, BY_ID);
        this.declared = null;
        this.loader = null;
    }

    private FactorTable(TableInfo info, TreeMap<String, Set<Region>> declared, Supplier<FactorTable> loader) {
        this.info = info;
        this.factors = null;
        this.byId = null;
        this.declared = declared;
        this.activityTypes = Collections.unmodifiableSortedSet(declared.navigableKeySet());
        this.loader = loader;
    }

    /**
     * Obtains a table that is read when first needed: its info, activity types and the regions of each type are
     * known at once, its factors when something asks for them (a selection of one of its types at one of its
     * regions, a look-up, its digest, its size). An engine over a catalog of such tables reads only the tables that
     * have the types and regions it scores, which is how the bundled catalog starts fast.
     * <p>
     * The loader is called at most once with success (a failed read is tried again on the next request); the table
     * it returns must have the same info and exactly the activity types and regions declared (its
     * {@link #getRegionsByType()}), or the request fails with {@code IllegalStateException}. The deferred table is
     * otherwise the table read: equal to it, with its digest.
     *
     * @param info  the table's info, not null
     * @param regionsByType  each activity type of its factors with the regions it has factors of that type at, as
     *     {@link #getRegionsByType()} gives them, not null
     * @param loader  reads the table, not null
     * @return the deferred table, never null
     */
    public static FactorTable deferred(TableInfo info, Map<String, ? extends Set<Region>> regionsByType,
            Supplier<FactorTable> loader) {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(loader, "loader");
        TreeMap<String, Set<Region>> declared = new TreeMap<>();
        for (Map.Entry<String, ? extends Set<Region>> type : Objects.requireNonNull(regionsByType, "regionsByType")
                .entrySet()) {
            declared.put(Objects.requireNonNull(type.getKey(), "activity type"), Set.copyOf(type.getValue()));
        }
        return new FactorTable(info, declared, loader);
    }

    /** This table, or for a deferred one the table read (read now if not yet). */
    private FactorTable content() {
        if (loader == null) {
            return this;
        }
        FactorTable result = loaded;
        if (result == null) {
            synchronized (this) {
                result = loaded;
                if (result == null) {
                    result = loader.get();
                    if (result == null) {
                        // the message built only here: a text joined on every read would link a string
                        // concatenation in a fresh JVM's cold start
                        throw new NullPointerException("the loader of table " + info.getId() + " returned null");
                    }
                    result = result.content();
                    SortedMap<String, SortedSet<Region>> read = result.getRegionsByType();
                    if (!result.info.equals(info) || !read.equals(declared)) {
                        throw new IllegalStateException("Table " + info.getId() + " was declared as " + info + " with"
                                + " activity types and regions " + getRegionsByType() + " but read as " + result.info
                                + " with " + read);
                    }
                    loaded = result;
                    activityTypes = result.getActivityTypes();
                    declared = null;
                }
            }
        }
        return result;
    }

    /**
     * Tells whether the factors are in memory: always for a table built from factors, and for a deferred table
     * once it has been read.
     *
     * @return true if no read is pending
     */
    public boolean isLoaded() {
        return loader == null || loaded != null;
    }

    /**
     * Creates a builder for a table.
     *
     * @param info  the table's info, not null
     * @return a new builder, never null
     */
    public static Builder builder(TableInfo info) {
        return new Builder(Objects.requireNonNull(info, "info"));
    }

    //-----------------------------------------------------------------------
    /**
     * Gets the table's info: id, title, publisher, edition, licence.
     *
     * @return the info, never null
     */
    public TableInfo getInfo() {
        return info;
    }

    /**
     * Gets the table's id, such as "desnz-2024".
     *
     * @return the id, never null
     */
    public String getId() {
        return info.getId();
    }

    /**
     * Gets the factors, in the order they were added.
     *
     * @return the factors, unmodifiable, never null
     */
    public List<EmissionFactor> getFactors() {
        return content().factors;
    }

    /**
     * Gets the activity types the table has factors for, sorted; a deferred table answers without being read.
     *
     * @return the types, unmodifiable, never null
     */
    public SortedSet<String> getActivityTypes() {
        SortedSet<String> types = activityTypes;
        if (types == null) {
            // racing threads work out equal sets; either may be kept
            types = Collections.unmodifiableSortedSet(new TreeSet<>(typeIndex().keySet()));
            activityTypes = types;
        }
        return types;
    }

    /**
     * Gets the regions at which the table has factors of one activity type, sorted; a deferred table answers without
     * being read.
     *
     * @param activityType  the dotted type, not null
     * @return the regions, empty if the table has no factor of that type, unmodifiable, never null
     */
    public SortedSet<Region> getRegions(String activityType) {
        Objects.requireNonNull(activityType, "activityType");
        SortedSet<Region> regions = new TreeSet<>();
        Map<String, Set<Region>> declaration = declared;
        if (declaration != null) {
            regions.addAll(declaration.getOrDefault(activityType, Set.of()));
        } else {
            for (EmissionFactor factor : getFactors(activityType)) {
                regions.add(factor.getRegion());
            }
        }
        return Collections.unmodifiableSortedSet(regions);
    }

    /**
     * Gets each activity type the table has factors for with the regions it has factors of that type at, both
     * sorted: what a {@linkplain #deferred deferred} table declares. A deferred table answers without being read.
     *
     * @return the regions by type, unmodifiable, never null
     */
    public SortedMap<String, SortedSet<Region>> getRegionsByType() {
        SortedMap<String, SortedSet<Region>> regions = new TreeMap<>();
        for (String type : getActivityTypes()) {
            regions.put(type, getRegions(type));
        }
        return Collections.unmodifiableSortedMap(regions);
    }

    /**
     * Gets the factors for one activity type, in the order added.
     *
     * @param activityType  the dotted type, not null
     * @return the factors, empty if the table has none of that type, unmodifiable, never null
     */
    public List<EmissionFactor> getFactors(String activityType) {
        Objects.requireNonNull(activityType, "activityType");
        Map<String, Set<Region>> declaration = declared;
        if (declaration != null && !declaration.containsKey(activityType)) {
            return List.of();
        }
        return content().typeIndex().getOrDefault(activityType, List.of());
    }

    private Map<String, List<EmissionFactor>> typeIndex() {
        Map<String, List<EmissionFactor>> index = byType;
        if (index == null) {
            // racing threads build equal indexes; either may be kept
            Map<String, List<EmissionFactor>> lists = new HashMap<>();
            for (EmissionFactor factor : factors) {
                List<EmissionFactor> list = lists.get(factor.getActivityType());
                if (list == null) {
                    list = new ArrayList<>();
                    lists.put(factor.getActivityType(), list);
                }
                list.add(factor);
            }
            index = new HashMap<>();
            for (Map.Entry<String, List<EmissionFactor>> entry : lists.entrySet()) {
                index.put(entry.getKey(), List.copyOf(entry.getValue()));
            }
            byType = index;
        }
        return index;
    }

    /**
     * Finds a factor by id.
     *
     * @param factorId  the factor id, not null
     * @return the factor, empty if the table has none with that id, never null
     */
    public Optional<EmissionFactor> getFactor(String factorId) {
        Objects.requireNonNull(factorId, "factorId");
        EmissionFactor[] byId = content().byId;
        int low = 0;
        int high = byId.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = byId[middle].getId().compareTo(factorId);
            if (order == 0) {
                return Optional.of(byId[middle]);
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return Optional.empty();
    }

    /**
     * Gets the number of factors.
     *
     * @return the size
     */
    public int size() {
        return content().factors.size();
    }

    /**
     * Gets the content digest, "sha256:" and 64 lower-case hex digits.
     *
     * @return the digest, never null
     */
    public String getDigest() {
        if (loader != null) {
            return content().getDigest();
        }
        String result = digest;
        if (result == null) {
            // racing threads compute the same string; either may be kept
            result = Digests.sha256(canonicalForm());
            digest = result;
        }
        return result;
    }

    /**
     * Gets the canonical form whose SHA-256 (of its UTF-8 bytes) is the digest.
     *
     * @return the canonical JSON text, never null
     */
    public String canonicalForm() {
        List<Object> factorForms = new ArrayList<>();
        for (EmissionFactor factor : content().byId) {
            factorForms.add(canonical(factor));
        }
        Map<String, Object> tableForm = new LinkedHashMap<>();
        tableForm.put("id", info.getId());
        tableForm.put("title", info.getTitle());
        tableForm.put("publisher", info.getPublisher());
        tableForm.put("edition", info.getEdition());
        tableForm.put("licence", info.getLicence());
        info.getAttribution().ifPresent(text -> tableForm.put("attribution", text));
        info.getUrl().ifPresent(url -> tableForm.put("url", url));
        return CanonicalJson.write(Map.of("format", CANONICAL_FORMAT, "table", tableForm, "factors", factorForms));
    }

    private static Map<String, Object> canonical(EmissionFactor factor) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("id", factor.getId());
        form.put("activity", factor.getActivityType());
        form.put("region", factor.getRegion().getCode());
        form.put("valid", factor.getValidity().toString());
        form.put("per", factor.getPer().getCode());
        factor.getCo2e().ifPresent(co2e -> form.put("co2e", canonical(co2e)));
        factor.getGwpSet().ifPresent(set -> form.put("gwp", set.name()));
        factor.getGasBasis().ifPresent(basis -> form.put("gas_basis", basis.name()));
        if (!factor.getGases().isEmpty()) {
            Map<String, Object> gases = new LinkedHashMap<>();
            for (Map.Entry<Gas, Quantity> gas : factor.getGases().entrySet()) {
                gases.put(gas.getKey().getCode(), canonical(gas.getValue()));
            }
            form.put("gases", gases);
        }
        factor.getRowId().ifPresent(rowId -> form.put("row_id", rowId));
        factor.getLocation().ifPresent(location -> form.put("location", location));
        factor.getUncertainty().ifPresent(u -> form.put("uncertainty",
                Map.of("minus_percent", plain(u.getMinusPercent()), "plus_percent", plain(u.getPlusPercent()))));
        factor.getBoundary().ifPresent(boundary -> form.put("boundary", boundary));
        factor.getStatus().ifPresent(status -> form.put("status", status));
        return form;
    }

    private static Map<String, Object> canonical(Quantity quantity) {
        return Map.of("value", plain(quantity.getAmount()), "unit", quantity.getUnit().getCode());
    }

    private static String plain(java.math.BigDecimal value) {
        return CarbonMath.normalize(value).toPlainString();
    }

    //-----------------------------------------------------------------------
    /**
     * Compares the digest, which covers every value in the table.
     *
     * @param obj  the other object
     * @return true if both tables have the same content
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof FactorTable other && getDigest().equals(other.getDigest());
    }

    @Override
    public int hashCode() {
        return getDigest().hashCode();
    }

    /**
     * Returns a summary such as "desnz-2024 (DESNZ, 2024 v1.1, OGL-3.0): 12 factors, sha256:4f1c...".
     *
     * @return the summary, never null
     */
    @Override
    public String toString() {
        return info + ": " + size() + " factors, " + getDigest();
    }

    /**
     * Builds a {@link FactorTable}. Not thread-safe.
     */
    public static final class Builder {

        private final TableInfo info;
        private final Map<String, EmissionFactor> byId = new LinkedHashMap<>();
        /** The shapes of the factors added so far, each kept once and shared by every factor of that shape. */
        private final Map<EmissionFactor.Shape, EmissionFactor.Shape> shapes = new HashMap<>();

        private Builder(TableInfo info) {
            this.info = info;
        }

        /**
         * Adds a factor.
         *
         * @param factor  the factor, belonging to this table, not null
         * @return this builder
         * @throws IllegalArgumentException if the factor belongs to another table or its id is already used
         */
        public Builder add(EmissionFactor factor) {
            Objects.requireNonNull(factor, "factor");
            if (!factor.getTable().equals(info)) {
                throw new IllegalArgumentException("Factor " + factor.getId() + " belongs to table "
                        + factor.getTable().getId() + ", not " + info.getId());
            }
            if (byId.putIfAbsent(factor.getId(), factor.sharingShape(shapes)) != null) {
                throw new IllegalArgumentException("Duplicate factor id in table " + info.getId() + ": '"
                        + factor.getId() + "'");
            }
            return this;
        }

        /**
         * Adds factors.
         *
         * @param factors  the factors, not null
         * @return this builder
         * @throws IllegalArgumentException if a factor belongs to another table or its id is already used
         */
        public Builder addAll(Iterable<EmissionFactor> factors) {
            for (EmissionFactor factor : factors) {
                add(factor);
            }
            return this;
        }

        /**
         * Builds the table; its digest is computed when first asked for.
         *
         * @return the table, never null
         */
        public FactorTable build() {
            return new FactorTable(info, byId);
        }
    }
}
