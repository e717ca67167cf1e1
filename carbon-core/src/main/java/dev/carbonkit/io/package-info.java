/**
 * Reading factor tables, credit rule sets, conformance vectors and declared activity types from YAML, safely and
 * exactly: {@link dev.carbonkit.io.FactorTableLoader}, {@link dev.carbonkit.io.RuleSetLoader},
 * {@link dev.carbonkit.io.ConformanceVectorsLoader} and {@link dev.carbonkit.io.ActivityTypesLoader} with their
 * {@link dev.carbonkit.io.LoadLimits}, and the {@link dev.carbonkit.io.LoadException} (a
 * {@link dev.carbonkit.io.FactorTableException}, {@link dev.carbonkit.io.RuleSetException},
 * {@link dev.carbonkit.io.ConformanceVectorsException} or {@link dev.carbonkit.io.ActivityTypesException}, one per
 * kind of file) that lists every {@link dev.carbonkit.io.Problem} in a file with its line, column and key path. The formats are documented in docs/factor-table-format.md and
 * docs/credit-rules-format.md. {@link dev.carbonkit.io.FactorTableWriter} writes tables back.
 *
 * <p>No method in this package accepts {@code null} unless its documentation says so.
 */
package dev.carbonkit.io;
