package dev.carbonkit.flink;

import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factors.BundledFactors;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a job scores: which bundled tables, in which order, each pinned to the digest it was tested against, the GWP set
 * and whether fallbacks are allowed. It travels to the tasks as these few strings; each task builds its engine from
 * the tables in its jar once, when it opens, and checks the pins there, so that every task scores with the same
 * tables or the job fails.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class Scoring implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> tableIds;
    private final Map<String, String> pins;
    private final String gwp;
    private final boolean strict;

    private Scoring(List<String> tableIds, Map<String, String> pins, String gwp, boolean strict) {
        this.tableIds = new ArrayList<>(tableIds);
        this.pins = new LinkedHashMap<>(pins);
        this.gwp = gwp;
        this.strict = strict;
    }

    /**
     * Gets the scoring of the bundled catalog, AR5, every fallback allowed and recorded: what {@code carbon score}
     * does.
     *
     * @return the scoring, never null
     */
    public static Scoring bundled() {
        return new Scoring(BundledFactors.TABLE_IDS, Map.of(), GwpSet.AR5.name(), false);
    }

    /**
     * Returns a copy that scores with these bundled tables, in this order of precedence.
     *
     * @param ids  the table ids, not null
     * @return the scoring, never null
     */
    public Scoring withTables(List<String> ids) {
        ids.forEach(BundledFactors::table);
        return new Scoring(ids, pins, gwp, strict);
    }

    /**
     * Returns a copy that requires a table to have a digest: every task checks it when it opens.
     *
     * @param tableId  the table id, not null
     * @param digest  the digest, such as "sha256:e517...", not null
     * @return the scoring, never null
     */
    public Scoring withPin(String tableId, String digest) {
        Map<String, String> more = new LinkedHashMap<>(pins);
        more.put(Objects.requireNonNull(tableId, "tableId"), Objects.requireNonNull(digest, "digest"));
        return new Scoring(tableIds, more, gwp, strict);
    }

    /**
     * Returns a copy that weighs gases under a GWP set.
     *
     * @param set  the set, not null
     * @return the scoring, never null
     */
    public Scoring withGwpSet(GwpSet set) {
        return new Scoring(tableIds, pins, set.name(), strict);
    }

    /**
     * Returns a copy that allows no fallback.
     *
     * @return the scoring, never null
     */
    public Scoring strict() {
        return new Scoring(tableIds, pins, gwp, true);
    }

    /**
     * Builds the engine, as each task does when it opens: the tables from the jar, the pins checked.
     *
     * @return the engine, never null
     * @throws dev.carbonkit.factor.DigestMismatchException if a pinned table has another digest
     */
    public FootprintEngine engine() {
        FactorCatalog.Builder catalog = FactorCatalog.builder();
        tableIds.forEach(id -> catalog.add(BundledFactors.table(id)));
        pins.forEach(catalog::requireDigest);
        CalculationPolicy policy = (strict ? CalculationPolicy.strict() : CalculationPolicy.defaults())
                .withGwpSet(GwpSet.of(gwp));
        return FootprintEngine.of(policy, catalog.build());
    }
}
