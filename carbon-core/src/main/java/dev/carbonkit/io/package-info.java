/**
 * Reading factor tables, credit rule sets and conformance vectors from YAML, safely and exactly:
 * {@link dev.carbonkit.io.FactorTableLoader}, {@link dev.carbonkit.io.RuleSetLoader} and
 * {@link dev.carbonkit.io.ConformanceVectorsLoader} with their {@link dev.carbonkit.io.LoadLimits}, and the
 * {@link dev.carbonkit.io.LoadException} (a {@link dev.carbonkit.io.FactorTableException} or a
 * {@link dev.carbonkit.io.RuleSetException}) that lists every {@link dev.carbonkit.io.Problem} in a file with its
 * line, column and key path. The formats are documented in docs/factor-table-format.md and
 * docs/credit-rules-format.md. {@link dev.carbonkit.io.FactorTableWriter} writes tables back.
 *
 * <p>No method in this package accepts {@code null} unless its documentation says so.
 */
package dev.carbonkit.io;
