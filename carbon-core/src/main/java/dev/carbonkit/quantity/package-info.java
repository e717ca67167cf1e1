/**
 * Exact quantities of what people do, such as '12.5 km' or '3.2 kWh': a closed set of dimensions, units
 * with exact rational conversions, and the {@link dev.carbonkit.quantity.Quantity} value.
 *
 * <p>No method in this package accepts {@code null} unless its documentation says so.
 */
package dev.carbonkit.quantity;
