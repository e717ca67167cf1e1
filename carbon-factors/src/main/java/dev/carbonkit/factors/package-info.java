/**
 * Emission factors read from the publishers' own files, such as DESNZ's flat file of UK conversion
 * factors, with the publisher's row ids and attribution kept on every factor.
 *
 * <p>No method in this package accepts {@code null} unless its documentation says so.
 */
package dev.carbonkit.factors;
