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
        return value.precision() < 19 ? value.unscaledValue().longValue() : NONE;
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

    /** Powers of ten that fit a long, by exponent. */
    private static final long[] POWERS = new long[19];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    /** What {@link #compare} returns where it leaves the comparison to {@code BigDecimal}. */
    public static final int UNDECIDED = Integer.MIN_VALUE;

    /**
     * Compares two decimals written as text, as {@code new BigDecimal(a).compareTo(new BigDecimal(b))} does, for
     * the plain forms activities' attributes and rules' conditions use (an optional sign, digits, and a point with
     * digits; 17 digits at most), without making either decimal.
     *
     * @param a  the first text, not null
     * @param b  the second text, not null
     * @return a negative number, zero or a positive number; {@link #UNDECIDED} where either text has another form
     *     (an exponent, more digits, or not a number), which the caller then parses
     */
    public static int compare(String a, String b) {
        long first = plain(a);
        long second = plain(b);
        if (first == NONE || second == NONE) {
            return UNDECIDED;
        }
        long digitsA = Math.floorDiv(first, 32);
        long digitsB = Math.floorDiv(second, 32);
        int scaleA = (int) Math.floorMod(first, 32L);
        int scaleB = (int) Math.floorMod(second, 32L);
        if (scaleA < scaleB) {
            return compareScaled(digitsA, scaleB - scaleA, digitsB);
        }
        return -compareScaled(digitsB, scaleA - scaleB, digitsA);
    }

    /** Compares digits x 10^shift with other digits, where both have at most 17 digits. */
    private static int compareScaled(long digits, int shift, long other) {
        long scaled = digits * POWERS[shift];
        if (Math.multiplyHigh(digits, POWERS[shift]) != (scaled >> 63)) {
            // past a long, so past the other's 17 digits: the sign decides
            return Long.signum(digits);
        }
        return Long.compare(scaled, other);
    }

    /**
     * Reads a plain decimal of at most 17 digits as digits x 32 + scale, or NONE for any other text. Digits below
     * 10^17 times 32 stay within a long, and the scale (0 to 17) within the five low bits.
     */
    private static long plain(String text) {
        int length = text.length();
        int i = 0;
        boolean negative = false;
        if (length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        long digits = 0;
        int count = 0;
        int scale = -1;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++count > 17) {
                    return NONE;
                }
                digits = digits * 10 + (c - '0');
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0 && count > 0) {
                scale = 0;
            } else {
                return NONE;
            }
        }
        if (count == 0 || scale == 0) {
            // no digits, or a point with none after it: BigDecimal's to judge
            return NONE;
        }
        return (negative ? -digits : digits) * 32 + Math.max(scale, 0);
    }
}
