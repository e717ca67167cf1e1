package dev.carbonkit.internal;

import java.math.BigDecimal;

/**
 * Exact decimal products on {@code long} digits where they fit, for scoring's one multiplication per activity. Each
 * result is the one {@code BigDecimal} arithmetic gives ({@code a.multiply(b)} with trailing zeros stripped and no
 * negative scale, as {@code CarbonMath.normalize} does), without the intermediate objects; where the digits do
 * not fit, the caller takes the {@code BigDecimal} route. Not part of the API.
 */
public final class Decimals {

    /** The digits of a decimal that has no {@code long} of its own: {@link #digits} returns it, never a value. */
    public static final long NONE = Long.MIN_VALUE;

    private Decimals() {
    }

    /**
     * Gets a decimal's unscaled value as a long, or {@link #NONE} where it has 19 digits or more.
     *
     * @param value  the decimal, not null
     * @return the unscaled value, or NONE
     */
    public static long digits(BigDecimal value) {
        return value.precision() < 19 ? value.unscaledValue().longValueExact() : NONE;
    }

    /**
     * Gets the normalised product of two decimals given as digits and scales: the value of
     * {@code normalize(valueOf(a, scaleA).multiply(valueOf(b, scaleB)))}, or null where it does not fit a long with
     * a scale of zero or more (the caller then multiplies the decimals).
     *
     * @param a  the first unscaled value, not NONE
     * @param scaleA  its scale
     * @param b  the second unscaled value, not NONE
     * @param scaleB  its scale
     * @return the product without trailing zeros, or null
     */
    public static BigDecimal product(long a, int scaleA, long b, int scaleB) {
        long high = Math.multiplyHigh(a, b);
        long digits = a * b;
        long scale = (long) scaleA + scaleB;
        if (high != (digits >> 63) || digits == NONE || scale < 0 || scale > Integer.MAX_VALUE) {
            return null;
        }
        if (digits == 0) {
            return BigDecimal.ZERO;
        }
        while (scale > 0 && digits % 10 == 0) {
            digits /= 10;
            scale--;
        }
        return BigDecimal.valueOf(digits, (int) scale);
    }
}
