package dev.carbonkit.factors;

import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.io.FactorTableLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The factor tables that ship with carbonkit, loaded from the jar: {@code BundledFactors.catalog()}.
 * <p>
 * The tables, in order of precedence (the first wins a tie for the same activity, region, date and unit):
 * {@code desnz-2025}, {@code desnz-2024}, {@code epa-2025}, {@code cn-electricity},
 * {@code owid-carbon-intensity-electricity} and
 * {@code poore-nemecek-2018}. Each was generated from its publisher's file by a converter in
 * {@code dev.carbonkit.factors.convert}; their digests, sources, coverage, licences and caveats are listed in
 * docs/factors.md. The catalog is loaded on first use and then shared.
 * <p>
 * This class is a holder of static methods and cannot be instantiated.
 */
public final class BundledFactors {

    /** The ids of the bundled tables, in order of precedence. */
    public static final List<String> TABLE_IDS = List.of("desnz-2025", "desnz-2024", "epa-2025",
            "cn-electricity", "owid-carbon-intensity-electricity", "poore-nemecek-2018");

    private static final String FOLDER = "dev/carbonkit/factors/tables/";

    private BundledFactors() {
    }

    /** Loads the catalog once, on first use. */
    private static final class Holder {
        static final FactorCatalog CATALOG = load();
    }

    private static FactorCatalog load() {
        FactorTableLoader loader = FactorTableLoader.standard();
        FactorCatalog.Builder catalog = FactorCatalog.builder();
        try {
            for (String id : TABLE_IDS) {
                catalog.add(loader.loadResource(BundledFactors.class.getClassLoader(), FOLDER + id + ".yaml"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("carbon bug: a bundled table cannot be read", e);
        }
        return catalog.build();
    }

    /**
     * Gets the catalog of every bundled table.
     *
     * @return the catalog, never null
     */
    public static FactorCatalog catalog() {
        return Holder.CATALOG;
    }

    /**
     * Gets one bundled table.
     *
     * @param tableId  the table id, one of {@link #TABLE_IDS}, not null
     * @return the table, never null
     * @throws NoSuchElementException if no bundled table has that id
     */
    public static FactorTable table(String tableId) {
        Objects.requireNonNull(tableId, "tableId");
        return catalog().getTable(tableId).orElseThrow(() -> new NoSuchElementException(
                "No bundled table '" + tableId + "'; bundled: " + TABLE_IDS));
    }
}
