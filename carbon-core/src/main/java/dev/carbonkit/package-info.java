/**
 * What every carbonkit package shares: the one {@link java.math.MathContext} for divisions that do not
 * terminate, and the error raised for an unknown code.
 *
 * <p>No method in carbonkit accepts {@code null} unless its documentation says so.
 */
package dev.carbonkit;
