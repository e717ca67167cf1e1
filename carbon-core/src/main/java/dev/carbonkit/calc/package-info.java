/**
 * Scoring activities into footprints: {@link dev.carbonkit.calc.Activity}, the
 * {@link dev.carbonkit.calc.FootprintEngine} that selects a factor and multiplies exactly, the
 * {@link dev.carbonkit.calc.Footprint} it returns with its {@link dev.carbonkit.calc.Explanation}, and
 * {@link dev.carbonkit.calc.FootprintTotals} by category, account and period.
 *
 * <p>No method in this package accepts {@code null} unless its documentation says so.
 */
package dev.carbonkit.calc;
