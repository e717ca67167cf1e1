/**
 * Reading factor tables from YAML, safely and exactly: {@link dev.carbonkit.io.FactorTableLoader} with its
 * {@link dev.carbonkit.io.LoadLimits}, and the {@link dev.carbonkit.io.FactorTableException} that lists every
 * {@link dev.carbonkit.io.Problem} in a file with its line, column and key path. The format is documented
 * in docs/factor-table-format.md.
 *
 * <p>No method in this package accepts {@code null} unless its documentation says so.
 */
package dev.carbonkit.io;
