package dev.carbonkit.calc;

import dev.carbonkit.emissions.Gas;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factor.FactorTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Conformance vectors: worked cases of a factor table (an activity, and the exact CO2e, factor, per-gas values
 * and fallbacks expected), and a runner that checks a table against them, so that anyone with a table of their
 * own can prove it gives the published figures. The YAML form is read by
 * {@code dev.carbonkit.io.ConformanceVectorsLoader} and documented in docs/conformance-vectors.md.
 * <p>
 * For example, {@code Conformance.run(vectors, table).isPassed()}.
 * <p>
 * This class is a holder of static methods and the records they use, and cannot be instantiated.
 */
public final class Conformance {

    private Conformance() {
    }

    /**
     * One worked case.
     *
     * @param name  what the case is, such as "golden 1: average petrol car, 12 miles", not null
     * @param activity  the activity to score, not null
     * @param gwpSet  the GWP set to report under, not null
     * @param expectedCo2e  the CO2e expected, in kg, not null
     * @param scale  if not null, compare CO2e and gases after rounding half-even to this many decimal places
     * @param expectedFactorId  the factor that must be used, or null to accept any
     * @param expectedGases  the CO2e expected for each gas listed, in kg, not null (may be empty)
     * @param expectedFallbacks  the kinds of fallback expected, in order, not null (usually empty)
     */
    public record Case(String name, Activity activity, GwpSet gwpSet, BigDecimal expectedCo2e, Integer scale,
            String expectedFactorId, Map<Gas, BigDecimal> expectedGases, List<Fallback.Kind> expectedFallbacks) {

        /**
         * Checks and copies the fields.
         *
         * @param name  see the record
         * @param activity  see the record
         * @param gwpSet  see the record
         * @param expectedCo2e  see the record
         * @param scale  see the record
         * @param expectedFactorId  see the record
         * @param expectedGases  see the record
         * @param expectedFallbacks  see the record
         */
        public Case {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(activity, "activity");
            Objects.requireNonNull(gwpSet, "gwpSet");
            Objects.requireNonNull(expectedCo2e, "expectedCo2e");
            expectedGases = Map.copyOf(expectedGases);
            expectedFallbacks = List.copyOf(expectedFallbacks);
        }
    }

    /**
     * The worked cases of one table.
     *
     * @param tableId  the id of the table the cases are for, not null
     * @param digest  the digest the cases were written for, or null if not pinned
     * @param cases  the cases, not null
     */
    public record Vectors(String tableId, String digest, List<Case> cases) {

        /**
         * Checks and copies the fields.
         *
         * @param tableId  see the record
         * @param digest  see the record
         * @param cases  see the record
         */
        public Vectors {
            Objects.requireNonNull(tableId, "tableId");
            cases = List.copyOf(cases);
        }
    }

    /**
     * The outcome of one case.
     *
     * @param name  the case's name
     * @param mismatches  what differed, as "what: expected X, actual Y"; empty if the case passed
     */
    public record Result(String name, List<String> mismatches) {

        /**
         * Checks and copies the fields.
         *
         * @param name  see the record
         * @param mismatches  see the record
         */
        public Result {
            mismatches = List.copyOf(mismatches);
        }

        /**
         * Tells whether the case passed.
         *
         * @return true if nothing differed
         */
        public boolean isPassed() {
            return mismatches.isEmpty();
        }
    }

    /**
     * The outcome of all cases.
     *
     * @param tableId  the table checked
     * @param results  one result per case, in the cases' order
     */
    public record Report(String tableId, List<Result> results) {

        /**
         * Checks and copies the fields.
         *
         * @param tableId  see the record
         * @param results  see the record
         */
        public Report {
            results = List.copyOf(results);
        }

        /**
         * Tells whether every case passed.
         *
         * @return true if all passed
         */
        public boolean isPassed() {
            return results.stream().allMatch(Result::isPassed);
        }

        /**
         * Returns a summary: "table: N of M cases passed", then one line per failed case and mismatch.
         *
         * @return the summary, never null
         */
        @Override
        public String toString() {
            long passed = results.stream().filter(Result::isPassed).count();
            StringBuilder text = new StringBuilder(tableId).append(": ").append(passed).append(" of ")
                    .append(results.size()).append(" cases passed");
            for (Result result : results) {
                for (String mismatch : result.mismatches()) {
                    text.append("\n  ").append(result.name()).append(": ").append(mismatch);
                }
            }
            return text.toString();
        }
    }

    /**
     * Checks a table against its vectors: every case is scored with that table alone.
     *
     * @param vectors  the vectors, not null
     * @param table  the table, not null
     * @return the report, never null
     */
    public static Report run(Vectors vectors, FactorTable table) {
        return run(vectors, FactorCatalog.of(table));
    }

    /**
     * Runs vectors against a catalog. A table the vectors name must be in the catalog, with the pinned digest
     * if they pin one; otherwise every case fails with that finding.
     *
     * @param vectors  the vectors, not null
     * @param catalog  the catalog, not null
     * @return the report, never null
     */
    public static Report run(Vectors vectors, FactorCatalog catalog) {
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(catalog, "catalog");
        String tableFinding = tableFinding(vectors, catalog);
        List<Result> results = new ArrayList<>();
        for (Case c : vectors.cases()) {
            results.add(tableFinding != null ? new Result(c.name(), List.of(tableFinding)) : check(c, catalog));
        }
        return new Report(vectors.tableId(), results);
    }

    private static String tableFinding(Vectors vectors, FactorCatalog catalog) {
        var table = catalog.getTable(vectors.tableId());
        if (!table.isPresent()) {
            return "table: expected '" + vectors.tableId() + "' in the catalog, actual " + catalog.getDigests().keySet();
        }
        if (vectors.digest() != null && !vectors.digest().equals(table.get().getDigest())) {
            return "digest: expected " + vectors.digest() + ", actual " + table.get().getDigest();
        }
        return null;
    }

    private static Result check(Case c, FactorCatalog catalog) {
        List<String> mismatches = new ArrayList<>();
        Footprint footprint;
        try {
            footprint = FootprintEngine.of(CalculationPolicy.defaults().withGwpSet(c.gwpSet()), catalog).score(c.activity());
        } catch (RuntimeException failure) {
            return new Result(c.name(), List.of("scoring failed: " + failure.getMessage()));
        }
        compare(mismatches, "co2e", c.expectedCo2e(), footprint.getCo2e(), c.scale());
        if (c.expectedFactorId() != null && !c.expectedFactorId().equals(footprint.getFactor().getId())) {
            mismatches.add("factor: expected " + c.expectedFactorId() + ", actual " + footprint.getFactor().getId());
        }
        for (Map.Entry<Gas, BigDecimal> gas : c.expectedGases().entrySet()) {
            BigDecimal actual = footprint.getEmissions().getCo2e(gas.getKey()).orElse(null);
            if (actual == null) {
                mismatches.add("gases." + gas.getKey() + ": expected " + gas.getValue().toPlainString() + ", actual none");
            } else {
                compare(mismatches, "gases." + gas.getKey(), gas.getValue(), actual, c.scale());
            }
        }
        List<Fallback.Kind> fallbacks = footprint.getFallbacks().stream().map(Fallback::getKind)
                .collect(java.util.stream.Collectors.toList());
        if (!fallbacks.equals(c.expectedFallbacks())) {
            mismatches.add("fallbacks: expected " + c.expectedFallbacks() + ", actual " + fallbacks);
        }
        return new Result(c.name(), mismatches);
    }

    private static void compare(List<String> mismatches, String what, BigDecimal expected, BigDecimal actual,
            Integer scale) {
        BigDecimal compared = scale == null ? actual : actual.setScale(scale, RoundingMode.HALF_EVEN);
        if (compared.compareTo(expected) != 0) {
            mismatches.add(what + ": expected " + expected.toPlainString() + ", actual " + compared.toPlainString()
                    + (scale == null ? "" : " (rounded half-even to " + scale + " places from " + actual.toPlainString() + ")"));
        }
    }
}
