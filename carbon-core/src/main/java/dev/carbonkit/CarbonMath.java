package dev.carbonkit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The arithmetic rules carbonkit follows, such as "divide exactly, or else to 34 significant digits".
 * <p>
 * Every calculation is exact {@link BigDecimal} arithmetic: additions and multiplications never round.
 * Only a division whose decimal expansion does not terminate (a reverse unit conversion such as km to
 * miles, or a GWP re-weighting that divides by 28 or 265) is rounded, and always with {@link #CONTEXT}:
 * 34 significant digits, {@link RoundingMode#HALF_EVEN} (the IEEE 754 decimal128 precision). A calculation
 * that rounded says so in its explanation. Presentation rounding is separate and only happens on request.
 * <p>
 * This class is a holder of constants and static helpers, and cannot be instantiated.
 */
public final class CarbonMath {

    /**
     * The one context for divisions that do not terminate: 34 significant digits, rounding half-even.
     */
    public static final MathContext CONTEXT = new MathContext(34, RoundingMode.HALF_EVEN);

    private CarbonMath() {
    }

    /**
     * Divides exactly when the quotient terminates, and otherwise rounds it with {@link #CONTEXT}.
     * <p>
     * For example, {@code divide(1, 4)} is exactly {@code 0.25}, while {@code divide(1, 3)} is
     * {@code 0.3333333333333333333333333333333333} (34 digits). The result is normalised: trailing zeros
     * are stripped and the scale is never negative.
     *
     * @param dividend  the value to divide, not null
     * @param divisor  the value to divide by, not zero, not null
     * @return the quotient, never null
     * @throws ArithmeticException if the divisor is zero
     */
    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        try {
            return normalize(dividend.divide(divisor));
        } catch (ArithmeticException nonTerminating) {
            if (divisor.signum() == 0) {
                throw nonTerminating;
            }
            return normalize(dividend.divide(divisor, CONTEXT));
        }
    }

    /**
     * Tells whether {@code dividend / divisor} has a terminating decimal expansion.
     *
     * @param dividend  the value to divide, not null
     * @param divisor  the value to divide by, not zero, not null
     * @return true if the quotient is exact as a {@code BigDecimal}
     */
    public static boolean dividesExactly(BigDecimal dividend, BigDecimal divisor) {
        try {
            dividend.divide(divisor);
            return true;
        } catch (ArithmeticException nonTerminating) {
            return false;
        }
    }

    /**
     * Returns the same number with trailing zeros removed and a scale that is never negative.
     * <p>
     * For example, {@code 4.24600} becomes {@code 4.246} and {@code 1E+2} becomes {@code 100}.
     *
     * @param value  the value, not null
     * @return the normalised value, numerically equal, never null
     */
    public static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
