package dev.carbonkit.emissions;

/**
 * How a publisher states per-gas values: as masses of each gas (EPA: g CH4 per mile) or as CO2e of each
 * gas under the table's GWP set (DESNZ: kg CO2e of CH4 per km, AR5).
 * <p>
 * This enum is immutable and thread-safe.
 */
public enum GasBasis {
    /** Each per-gas value is a mass of that gas. */
    MASS,
    /** Each per-gas value is the CO2e of that gas under the table's GWP set. */
    CO2E
}
