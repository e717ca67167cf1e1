/**
 * Greenhouse gases, the IPCC GWP-100 sets that weigh them (AR4, AR5, AR6), and
 * {@link dev.carbonkit.emissions.Emissions}: per-gas masses with their CO2e under a named set.
 *
 * <p>No method in this package accepts {@code null} unless its documentation says so.
 */
package dev.carbonkit.emissions;
