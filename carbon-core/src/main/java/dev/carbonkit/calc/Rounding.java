package dev.carbonkit.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How to round a result for presentation, such as '2 decimal places, HALF_EVEN'. Exact results are always
 * kept; a presented value is an extra, and the explanation records the rounding.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class Rounding {

    private final int scale;
    private final RoundingMode mode;

    private Rounding(int scale, RoundingMode mode) {
        this.scale = scale;
        this.mode = mode;
    }

    /**
     * Obtains a rounding to a number of decimal places.
     *
     * @param scale  the decimal places, from 0 to 20
     * @param mode  the rounding mode, not {@link RoundingMode#UNNECESSARY}, not null
     * @return the rounding, never null
     * @throws IllegalArgumentException if the scale is out of range or the mode is UNNECESSARY
     */
    public static Rounding of(int scale, RoundingMode mode) {
        Objects.requireNonNull(mode, "mode");
        if (scale < 0 || scale > 20) {
            throw new IllegalArgumentException("Rounding scale must be from 0 to 20: " + scale);
        }
        if (mode == RoundingMode.UNNECESSARY) {
            throw new IllegalArgumentException("Rounding mode UNNECESSARY does not round; choose a mode");
        }
        return new Rounding(scale, mode);
    }

    /**
     * Gets the number of decimal places.
     *
     * @return the scale
     */
    public int getScale() {
        return scale;
    }

    /**
     * Gets the rounding mode.
     *
     * @return the mode, never null
     */
    public RoundingMode getMode() {
        return mode;
    }

    /**
     * Rounds a value.
     *
     * @param value  the value, not null
     * @return the rounded value, with exactly {@link #getScale()} decimal places, never null
     */
    public BigDecimal apply(BigDecimal value) {
        return value.setScale(scale, mode);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Rounding other && scale == other.scale && mode == other.mode;
    }

    @Override
    public int hashCode() {
        return scale * 31 + mode.hashCode();
    }

    /**
     * Returns the form "scale 2, HALF_EVEN".
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "scale " + scale + ", " + mode;
    }
}
