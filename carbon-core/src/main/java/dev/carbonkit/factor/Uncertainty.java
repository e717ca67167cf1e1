package dev.carbonkit.factor;

import dev.carbonkit.internal.DecimalText;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The uncertainty a publisher states for a factor, as percentages below and above the value, such as
 * '-10%/+15%'.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class Uncertainty {

    private final BigDecimal minusPercent;
    private final BigDecimal plusPercent;

    private Uncertainty(BigDecimal minusPercent, BigDecimal plusPercent) {
        this.minusPercent = minusPercent;
        this.plusPercent = plusPercent;
    }

    /**
     * Obtains an uncertainty from percentages below and above the value.
     *
     * @param minusPercent  how far below, in percent, zero or more, not null
     * @param plusPercent  how far above, in percent, zero or more, not null
     * @return the uncertainty, never null
     * @throws IllegalArgumentException if a percentage is negative, or beyond 40 digits before the decimal point or 100
     *  after it
     */
    public static Uncertainty ofPercent(BigDecimal minusPercent, BigDecimal plusPercent) {
        Objects.requireNonNull(minusPercent, "minusPercent");
        Objects.requireNonNull(plusPercent, "plusPercent");
        DecimalText.check(minusPercent, "minus-percent of an uncertainty");
        DecimalText.check(plusPercent, "plus-percent of an uncertainty");
        if (minusPercent.signum() < 0 || plusPercent.signum() < 0) {
            throw new IllegalArgumentException("Uncertainty percentages must not be negative: minus "
                    + minusPercent.toPlainString() + ", plus " + plusPercent.toPlainString());
        }
        return new Uncertainty(minusPercent, plusPercent);
    }

    /**
     * Gets how far below the value the true value may be, in percent.
     *
     * @return the percentage, never null
     */
    public BigDecimal getMinusPercent() {
        return minusPercent;
    }

    /**
     * Gets how far above the value the true value may be, in percent.
     *
     * @return the percentage, never null
     */
    public BigDecimal getPlusPercent() {
        return plusPercent;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Uncertainty other && minusPercent.equals(other.minusPercent)
                && plusPercent.equals(other.plusPercent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(minusPercent, plusPercent);
    }

    /**
     * Returns the form "-10%/+15%".
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "-" + minusPercent.toPlainString() + "%/+" + plusPercent.toPlainString() + "%";
    }
}
