package dev.carbonkit.factors;

import dev.carbonkit.UnknownCodeException;
import dev.carbonkit.factor.ActivityTypes;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factors.convert.CompactTables;
import dev.carbonkit.io.ActivityTypesLoader;
import dev.carbonkit.io.FactorTableLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The factor tables that ship with carbonkit, loaded from the jar: {@code BundledFactors.catalog()}.
 * <p>
 * The tables, in order of precedence (the first wins a tie for the same activity, region, date and unit):
 * {@code desnz-2025}, {@code desnz-2024}, {@code epa-2025}, {@code cn-electricity},
 * {@code owid-carbon-intensity-electricity} and
 * {@code poore-nemecek-2018}. Each was generated from its publisher's file by a converter in
 * {@code dev.carbonkit.factors.convert}; their digests, sources, coverage, licences and caveats are listed in
 * docs/factors.md. Each table is loaded on first use and then shared: {@link #table(String)} loads that table
 * alone (an app that scores with one table, on a phone, parses nothing else), {@link #catalog()} all of them.
 * <p>
 * carbon-factors' jar holds every table. An app that ships fewer depends instead on the jar of classifier
 * {@code no-tables} (this class, the rule sets) and on one jar per table it ships, of classifier {@code table-} and the
 * table's id ({@code table-desnz-2025}); {@link #available()} then lists those tables, {@link #catalog()} holds
 * those alone, and {@link #table(String)} of another says which jar to add (docs/on-device.md).
 * <p>
 * This class is a holder of static methods and cannot be instantiated.
 */
public final class BundledFactors {

    /** The ids of the bundled tables, in order of precedence. */
    public static final List<String> TABLE_IDS = List.of("desnz-2025", "desnz-2024", "epa-2025",
            "cn-electricity", "owid-carbon-intensity-electricity", "poore-nemecek-2018", "epa-supply-chain-v1.3");

    private static final String FOLDER = "dev/carbonkit/factors/tables/";

    private BundledFactors() {
    }

    /** The tables loaded so far, by id. */
    private static final Map<String, FactorTable> LOADED = new ConcurrentHashMap<>();

    /** Builds the catalog once, on first use. */
    private static final class Holder {
        static final FactorCatalog CATALOG = load();
    }

    /**
     * The catalog of every table on the class path, each deferred where its compact form is on the class path: its info and types are
     * read now, its factors by {@link #table(String)} when an engine first scores one of its types or anything else
     * needs them. Without the compact form (classes from an IDE) the tables are read from YAML at once.
     */
    private static FactorCatalog load() {
        List<String> available = available();
        if (available.isEmpty()) {
            throw new IllegalStateException("No bundled table is on the class path: carbon-factors of classifier"
                    + " no-tables holds none; add carbon-factors itself (every table) or a jar of classifier"
                    + " table-<id> for each table to ship, of " + TABLE_IDS);
        }
        FactorCatalog.Builder catalog = FactorCatalog.builder();
        ClassLoader classLoader = BundledFactors.class.getClassLoader();
        for (String id : available) {
            String compact = FOLDER.concat(id).concat(CompactTables.SUFFIX);
            try (InputStream in = classLoader.getResourceAsStream(compact)) {
                catalog.add(in == null ? table(id) : CompactTables.readDeferred(in, compact, new Reader(id)));
            } catch (IOException e) {
                throw new UncheckedIOException("carbon bug: the bundled table " + id + " cannot be read", e);
            }
        }
        return catalog.build();
    }

    /**
     * Reads a table from its compact form (written by the build from the YAML, and held equal to it by
     * CompactTablesTest), or from the YAML when the compact form is absent, as when the classes come straight from an
     * IDE's compiler.
     */
    private static FactorTable read(String tableId) {
        ClassLoader classLoader = BundledFactors.class.getClassLoader();
        // concat, not +: the first string concatenation linked in a JVM costs a cold start about 15 ms
        String compact = FOLDER.concat(tableId).concat(CompactTables.SUFFIX);
        try (InputStream in = classLoader.getResourceAsStream(compact)) {
            if (in != null) {
                return CompactTables.read(in, compact);
            }
            return FactorTableLoader.withLimits(CompactTables.BUNDLED_LIMITS).loadResource(classLoader,
                    FOLDER + tableId + ".yaml");
        } catch (IOException e) {
            throw new UncheckedIOException("carbon bug: the bundled table " + tableId + " cannot be read", e);
        }
    }

    /**
     * Lists the bundled tables on the class path: every one with carbon-factors' jar, those whose jars an app ships
     * with the jar of classifier {@code no-tables}.
     *
     * @return the ids of the tables that can be loaded, in order of precedence, a subset of {@link #TABLE_IDS}
     */
    public static List<String> available() {
        ClassLoader classLoader = BundledFactors.class.getClassLoader();
        List<String> available = new ArrayList<>(TABLE_IDS.size());
        for (String id : TABLE_IDS) {
            if (classLoader.getResource(FOLDER.concat(id).concat(CompactTables.SUFFIX)) != null
                    || classLoader.getResource(FOLDER.concat(id).concat(".yaml")) != null) {
                available.add(id);
            }
        }
        return Collections.unmodifiableList(available);
    }

    /**
     * Whether the bundled tables are read from their compact form: true in the jar the build makes.
     *
     * @return true if every bundled table has its compact form on the class path
     */
    static boolean compact() {
        return TABLE_IDS.stream().allMatch(id -> BundledFactors.class.getClassLoader()
                .getResource(FOLDER + id + CompactTables.SUFFIX) != null);
    }

    /**
     * Gets the catalog of every bundled table on the class path ({@link #available()}).
     *
     * @return the catalog, never null
     * @throws IllegalStateException if no bundled table is on the class path
     */
    public static FactorCatalog catalog() {
        return Holder.CATALOG;
    }

    /**
     * Gets the vocabulary of activity types of the bundled tables on the class path ({@link #available()}) and of the
     * types carbonkit declares without factors (low-carbon actions, payments, step counts, which the bundled rule
     * sets credit), read from {@code dev/carbonkit/factors/activity-types.yaml}: what
     * {@code RuleSetLoader.withActivityTypes} holds a rule set to.
     *
     * @return the vocabulary, never null
     * @throws IllegalStateException if no bundled table is on the class path
     */
    public static ActivityTypes activityTypes() {
        return TypesHolder.TYPES;
    }

    /** Reads the vocabulary once, on first use. */
    private static final class TypesHolder {
        static final ActivityTypes TYPES = ActivityTypes.of(catalog()).with(declaredTypes());
    }

    private static ActivityTypes declaredTypes() {
        String resource = "dev/carbonkit/factors/activity-types.yaml";
        try (InputStream in = BundledFactors.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("carbon bug: " + resource + " is missing");
            }
            return ActivityTypesLoader.standard().load(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("carbon bug: " + resource + " cannot be read", e);
        }
    }

    /**
     * Gets one bundled table, loading that table alone on first use.
     *
     * @param tableId  the table id, one of {@link #TABLE_IDS}, not null
     * @return the table, never null
     * @throws UnknownCodeException if no bundled table has that id, with the closest id as a hint
     * @throws NoSuchElementException if the table's jar is not on the class path
     */
    public static FactorTable table(String tableId) {
        Objects.requireNonNull(tableId, "tableId");
        if (!TABLE_IDS.contains(tableId)) {
            throw UnknownCodeException.of("bundled table", tableId, TABLE_IDS);
        }
        FactorTable loaded = LOADED.get(tableId);
        if (loaded != null) {
            return loaded;
        }
        if (!available().contains(tableId)) {
            throw new NoSuchElementException("The bundled table '" + tableId + "' is not on the class path: add the"
                    + " jar of carbon-factors of classifier table-" + tableId + ", or carbon-factors itself; on the"
                    + " class path: " + available());
        }
        return LOADED.computeIfAbsent(tableId, Reader.READ);
    }

    /**
     * Reads a bundled table: as a supplier, the table of its id; as a function, the table of the id given. A class
     * rather than lambdas, which a cold start would link one by one (about half a millisecond each).
     */
    private static final class Reader implements Supplier<FactorTable>, Function<String, FactorTable> {

        static final Reader READ = new Reader(null);

        private final String id;

        Reader(String id) {
            this.id = id;
        }

        @Override
        public FactorTable get() {
            return table(id);
        }

        @Override
        public FactorTable apply(String tableId) {
            return read(tableId);
        }
    }
}
