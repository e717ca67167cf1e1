/**
 * Converters that read the publishers' own files (in carbon-factors/sources) and write the bundled YAML
 * tables, deterministically: {@link dev.carbonkit.factors.convert.BundledTables#generate} is what both the
 * {@link dev.carbonkit.factors.convert.Regenerate} program and the regeneration test run.
 *
 * <p>No method in this package accepts {@code null} unless its documentation says so.
 */
package dev.carbonkit.factors.convert;
