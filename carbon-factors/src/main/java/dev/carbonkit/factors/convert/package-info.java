/**
 * The compact form of the bundled tables: written from their YAML when carbon-factors is built, and read on the device
 * without parsing YAML. The converters that write the YAML from the publishers' own files (in carbon-factors/sources)
 * are build-time code, in carbon-factors' tests ({@code RegenerationTest}, {@code Regenerate}), so that an app that
 * depends on carbon-factors gets neither them nor their Jackson dependencies (docs/on-device.md).
 *
 * <p>No method in this package accepts {@code null} unless its documentation says so.
 */
package dev.carbonkit.factors.convert;
