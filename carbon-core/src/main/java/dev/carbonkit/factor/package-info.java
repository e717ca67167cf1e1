/**
 * Emission factors with their provenance, such as DESNZ 2024's 0.26473 kg CO2e per mile for an average
 * petrol car, and the versioned, digested {@link dev.carbonkit.factor.FactorTable}s that hold them.
 *
 * <p>No method in this package accepts {@code null} unless its documentation says so.
 */
package dev.carbonkit.factor;
