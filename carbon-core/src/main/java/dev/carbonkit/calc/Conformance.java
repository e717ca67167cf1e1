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
     */
    public static final class Case {
        private final String name;
        private final Activity activity;
        private final GwpSet gwpSet;
        private final BigDecimal expectedCo2e;
        private final Integer scale;
        private final String expectedFactorId;
        private final Map<Gas, BigDecimal> expectedGases;
        private final List<Fallback.Kind> expectedFallbacks;

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
        public Case(String name, Activity activity, GwpSet gwpSet, BigDecimal expectedCo2e, Integer scale,
                String expectedFactorId, Map<Gas, BigDecimal> expectedGases, List<Fallback.Kind> expectedFallbacks) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(activity, "activity");
            Objects.requireNonNull(gwpSet, "gwpSet");
            Objects.requireNonNull(expectedCo2e, "expectedCo2e");
            expectedGases = Map.copyOf(expectedGases);
            expectedFallbacks = List.copyOf(expectedFallbacks);
            this.name = name;
            this.activity = activity;
            this.gwpSet = gwpSet;
            this.expectedCo2e = expectedCo2e;
            this.scale = scale;
            this.expectedFactorId = expectedFactorId;
            this.expectedGases = expectedGases;
            this.expectedFallbacks = expectedFallbacks;
        }

        /**
         * Gets the name: what the case is, such as "golden 1: average petrol car, 12 miles".
         *
         * @return what the case is, such as "golden 1: average petrol car, 12 miles", not null
         */
        public String getName() {
            return name;
        }

        /**
         * Gets the activity to score.
         *
         * @return the activity to score, not null
         */
        public Activity getActivity() {
            return activity;
        }

        /**
         * Gets the GWP set to report under.
         *
         * @return the GWP set to report under, not null
         */
        public GwpSet getGwpSet() {
            return gwpSet;
        }

        /**
         * Gets the CO2e expected, in kg.
         *
         * @return the CO2e expected, in kg, not null
         */
        public BigDecimal getExpectedCo2e() {
            return expectedCo2e;
        }

        /**
         * Gets the scale: if not null, compare CO2e and gases after rounding half-even to this many decimal places.
         *
         * @return if not null, compare CO2e and gases after rounding half-even to this many decimal places
         */
        public Integer getScale() {
            return scale;
        }

        /**
         * Gets the factor that must be used.
         *
         * @return the factor that must be used, or null to accept any
         */
        public String getExpectedFactorId() {
            return expectedFactorId;
        }

        /**
         * Gets the CO2e expected for each gas listed, in kg, not null (may be empty).
         *
         * @return the CO2e expected for each gas listed, in kg, not null (may be empty)
         */
        public Map<Gas, BigDecimal> getExpectedGases() {
            return expectedGases;
        }

        /**
         * Gets the kinds of fallback expected, in order, not null (usually empty).
         *
         * @return the kinds of fallback expected, in order, not null (usually empty)
         */
        public List<Fallback.Kind> getExpectedFallbacks() {
            return expectedFallbacks;
        }

        @Override
        public boolean equals(Object obj) {
            return obj == this || obj instanceof Case other
                    && java.util.Objects.equals(name, other.name)
                            && java.util.Objects.equals(activity, other.activity)
                            && java.util.Objects.equals(gwpSet, other.gwpSet)
                            && java.util.Objects.equals(expectedCo2e, other.expectedCo2e)
                            && java.util.Objects.equals(scale, other.scale)
                            && java.util.Objects.equals(expectedFactorId, other.expectedFactorId)
                            && java.util.Objects.equals(expectedGases, other.expectedGases)
                            && java.util.Objects.equals(expectedFallbacks, other.expectedFallbacks);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(name, activity, gwpSet, expectedCo2e, scale, expectedFactorId,
                    expectedGases, expectedFallbacks);
        }

        /**
         * Returns the values in the form {@code Case[name=..., ...]}.
         *
         * @return the text, never null
         */
        @Override
        public String toString() {
            return "Case[name=" + name + ", activity=" + activity + ", gwpSet=" + gwpSet + ", expectedCo2e="
                    + expectedCo2e + ", scale=" + scale + ", expectedFactorId=" + expectedFactorId
                    + ", expectedGases=" + expectedGases + ", expectedFallbacks=" + expectedFallbacks + "]";
        }
    }

    /**
     * The worked cases of one table.
     */
    public static final class Vectors {
        private final String tableId;
        private final String digest;
        private final List<Case> cases;

        /**
         * Checks and copies the fields.
         *
         * @param tableId  see the record
         * @param digest  see the record
         * @param cases  see the record
         */
        public Vectors(String tableId, String digest, List<Case> cases) {
            Objects.requireNonNull(tableId, "tableId");
            cases = List.copyOf(cases);
            this.tableId = tableId;
            this.digest = digest;
            this.cases = cases;
        }

        /**
         * Gets the id of the table the cases are for.
         *
         * @return the id of the table the cases are for, not null
         */
        public String getTableId() {
            return tableId;
        }

        /**
         * Gets the digest the cases were written for.
         *
         * @return the digest the cases were written for, or null if not pinned
         */
        public String getDigest() {
            return digest;
        }

        /**
         * Gets the cases.
         *
         * @return the cases, not null
         */
        public List<Case> getCases() {
            return cases;
        }

        @Override
        public boolean equals(Object obj) {
            return obj == this || obj instanceof Vectors other
                    && java.util.Objects.equals(tableId, other.tableId)
                            && java.util.Objects.equals(digest, other.digest)
                            && java.util.Objects.equals(cases, other.cases);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(tableId, digest, cases);
        }

        /**
         * Returns the values in the form {@code Vectors[tableId=..., ...]}.
         *
         * @return the text, never null
         */
        @Override
        public String toString() {
            return "Vectors[tableId=" + tableId + ", digest=" + digest + ", cases=" + cases + "]";
        }
    }

    /**
     * The outcome of one case.
     */
    public static final class Result {
        private final String name;
        private final List<String> mismatches;

        /**
         * Checks and copies the fields.
         *
         * @param name  see the record
         * @param mismatches  see the record
         */
        public Result(String name, List<String> mismatches) {
            mismatches = List.copyOf(mismatches);
            this.name = name;
            this.mismatches = mismatches;
        }

        /**
         * Tells whether the case passed.
         *
         * @return true if nothing differed
         */
        public boolean isPassed() {
            return mismatches.isEmpty();
        }

        /**
         * Gets the case's name.
         *
         * @return the case's name
         */
        public String getName() {
            return name;
        }

        /**
         * Gets the mismatches: what differed, as "what: expected X, actual Y"; empty if the case passed.
         *
         * @return what differed, as "what: expected X, actual Y"; empty if the case passed
         */
        public List<String> getMismatches() {
            return mismatches;
        }

        @Override
        public boolean equals(Object obj) {
            return obj == this || obj instanceof Result other
                    && java.util.Objects.equals(name, other.name)
                            && java.util.Objects.equals(mismatches, other.mismatches);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(name, mismatches);
        }

        /**
         * Returns the values in the form {@code Result[name=..., ...]}.
         *
         * @return the text, never null
         */
        @Override
        public String toString() {
            return "Result[name=" + name + ", mismatches=" + mismatches + "]";
        }
    }

    /**
     * The outcome of all cases.
     */
    public static final class Report {
        private final String tableId;
        private final List<Result> results;

        /**
         * Checks and copies the fields.
         *
         * @param tableId  see the record
         * @param results  see the record
         */
        public Report(String tableId, List<Result> results) {
            results = List.copyOf(results);
            this.tableId = tableId;
            this.results = results;
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
                for (String mismatch : result.getMismatches()) {
                    text.append("\n  ").append(result.getName()).append(": ").append(mismatch);
                }
            }
            return text.toString();
        }

        /**
         * Gets the table checked.
         *
         * @return the table checked
         */
        public String getTableId() {
            return tableId;
        }

        /**
         * Gets the results: one result per case, in the cases' order.
         *
         * @return one result per case, in the cases' order
         */
        public List<Result> getResults() {
            return results;
        }

        @Override
        public boolean equals(Object obj) {
            return obj == this || obj instanceof Report other
                    && java.util.Objects.equals(tableId, other.tableId)
                            && java.util.Objects.equals(results, other.results);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(tableId, results);
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
        for (Case c : vectors.getCases()) {
            results.add(tableFinding != null ? new Result(c.getName(), List.of(tableFinding)) : check(c, catalog));
        }
        return new Report(vectors.getTableId(), results);
    }

    private static String tableFinding(Vectors vectors, FactorCatalog catalog) {
        var table = catalog.getTable(vectors.getTableId());
        if (!table.isPresent()) {
            return "table: expected '" + vectors.getTableId() + "' in the catalog, actual " + catalog.getDigests().keySet();
        }
        if (vectors.getDigest() != null && !vectors.getDigest().equals(table.get().getDigest())) {
            return "digest: expected " + vectors.getDigest() + ", actual " + table.get().getDigest();
        }
        return null;
    }

    private static Result check(Case c, FactorCatalog catalog) {
        List<String> mismatches = new ArrayList<>();
        Footprint footprint;
        try {
            footprint = FootprintEngine.of(CalculationPolicy.defaults().withGwpSet(c.getGwpSet()), catalog).score(c.getActivity());
        } catch (RuntimeException failure) {
            return new Result(c.getName(), List.of("scoring failed: " + failure.getMessage()));
        }
        compare(mismatches, "co2e", c.getExpectedCo2e(), footprint.getCo2e(), c.getScale());
        if (c.getExpectedFactorId() != null && !c.getExpectedFactorId().equals(footprint.getFactor().getId())) {
            mismatches.add("factor: expected " + c.getExpectedFactorId() + ", actual " + footprint.getFactor().getId());
        }
        for (Map.Entry<Gas, BigDecimal> gas : c.getExpectedGases().entrySet()) {
            BigDecimal actual = footprint.getEmissions().getCo2e(gas.getKey()).orElse(null);
            if (actual == null) {
                mismatches.add("gases." + gas.getKey() + ": expected " + gas.getValue().toPlainString() + ", actual none");
            } else {
                compare(mismatches, "gases." + gas.getKey(), gas.getValue(), actual, c.getScale());
            }
        }
        List<Fallback.Kind> fallbacks = footprint.getFallbacks().stream().map(Fallback::getKind)
                .collect(java.util.stream.Collectors.toList());
        if (!fallbacks.equals(c.getExpectedFallbacks())) {
            mismatches.add("fallbacks: expected " + c.getExpectedFallbacks() + ", actual " + fallbacks);
        }
        return new Result(c.getName(), mismatches);
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
