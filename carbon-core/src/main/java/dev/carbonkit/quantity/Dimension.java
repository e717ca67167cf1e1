package dev.carbonkit.quantity;

/**
 * A kind of quantity that carbonkit measures activities in, such as distance or energy.
 * <p>
 * The set is closed on purpose. Passenger-distance is not distance: a factor per passenger-km cannot be
 * applied to a car's 12 km without saying how many passengers there were. Money is a dimension whose units
 * are ISO 4217 currencies, and amounts of different currencies are never converted without an explicit rate.
 * <p>
 * This enum is immutable and thread-safe.
 */
public enum Dimension {
    /** Mass, such as kg, t or lb. The reference unit is the kilogram. */
    MASS,
    /** Distance, such as km or mi. The reference unit is the kilometre. */
    DISTANCE,
    /** Energy, such as kWh, MJ, mmBtu or therms. The reference unit is the joule. */
    ENERGY,
    /** Volume, such as L, m3, gallons or standard cubic feet. The reference unit is the litre. */
    VOLUME,
    /** Distance travelled by each passenger, such as passenger-km. The reference unit is the passenger-km. */
    PASSENGER_DISTANCE,
    /** Mass moved over a distance, such as tonne-km. The reference unit is the tonne-km. */
    MASS_DISTANCE,
    /** A number of items or events. The reference unit is the count. */
    COUNT,
    /** Nights spent in a hotel room. The reference unit is the room-night. */
    ACCOMMODATION,
    /** Elapsed time, such as hours. The reference unit is the second. */
    DURATION,
    /** Area, such as m2 or hectares. The reference unit is the square metre. */
    AREA,
    /** Money, one unit per ISO 4217 currency; there is no conversion between currencies. */
    MONEY
}
