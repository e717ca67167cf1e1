package dev.carbonkit;

import dev.carbonkit.internal.DecimalText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

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
        if (divisor.signum() == 0) {
            throw new ArithmeticException("Division by zero: " + dividend.toPlainString() + " / 0");
        }
        // decided arithmetically, not by catching the exception BigDecimal.divide throws: that costs a stack
        // trace on every non-terminating division, and the results are the same
        return normalize(terminates(dividend, divisor) ? dividend.divide(divisor) : dividend.divide(divisor, CONTEXT));
    }

    /**
     * Tells whether {@code dividend / divisor} has a terminating decimal expansion.
     *
     * @param dividend  the value to divide, not null
     * @param divisor  the value to divide by, not zero, not null
     * @return true if the quotient is exact as a {@code BigDecimal}
     */
    public static boolean dividesExactly(BigDecimal dividend, BigDecimal divisor) {
        if (divisor.signum() == 0) {
            throw new ArithmeticException("Division by zero: " + dividend.toPlainString() + " / 0");
        }
        return terminates(dividend, divisor);
    }

    /**
     * Whether a quotient's decimal expansion ends: reduced to lowest terms, its denominator has no prime factor
     * but 2 and 5 (powers of ten in the scales change neither).
     */
    private static boolean terminates(BigDecimal dividend, BigDecimal divisor) {
        BigInteger numerator = dividend.unscaledValue();
        if (numerator.signum() == 0) {
            return true;
        }
        BigInteger denominator = divisor.unscaledValue().abs();
        denominator = denominator.divide(numerator.gcd(denominator));
        denominator = denominator.shiftRight(denominator.getLowestSetBit());
        BigInteger[] byFive = denominator.divideAndRemainder(FIVE);
        while (byFive[1].signum() == 0) {
            denominator = byFive[0];
            byFive = denominator.divideAndRemainder(FIVE);
        }
        return denominator.equals(BigInteger.ONE);
    }

    private static final BigInteger FIVE = BigInteger.valueOf(5);

    /**
     * Reads a decimal number from text, as every loader of carbonkit does: a plain decimal ({@code 12}, {@code -0.5},
     * {@code .25}, {@code 1.5e-3}; never hexadecimal, underscores, infinities or NaN) whose value has at most 40 digits
     * before the decimal point and 100 after it, written in at most 200 characters. The bounds are checked on the
     * text before the number is made, so no text costs more than reading it (docs/factor-table-format.md, "Numbers").
     *
     * @param text  the text, not null
     * @return the number, never null
     * @throws IllegalArgumentException if the text is not such a number; the message quotes at most 80 characters
     */
    public static BigDecimal parse(String text) {
        Objects.requireNonNull(text, "text");
        String problem = DecimalText.problem(text);
        if (problem != null) {
            throw new IllegalArgumentException(Character.toUpperCase(problem.charAt(0)) + problem.substring(1));
        }
        return new BigDecimal(text);
    }

    /**
     * Checks that a number is within the bounds {@link #parse} reads: at most 40 digits before the decimal point and
     * 100 after it (its precision less its scale, and its scale).
     *
     * @param value  the number, not null
     * @return the number
     * @throws IllegalArgumentException if it is beyond them; the message does not write the number out
     */
    public static BigDecimal checkBounds(BigDecimal value) {
        return DecimalText.check(Objects.requireNonNull(value, "value"), null);
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
