package dev.carbonkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CarbonMathTest {

    @Test
    void context_is34DigitsHalfEven() {
        assertThat(CarbonMath.CONTEXT.getPrecision()).isEqualTo(34);
        assertThat(CarbonMath.CONTEXT.getRoundingMode()).isEqualTo(java.math.RoundingMode.HALF_EVEN);
    }

    @Test
    void divide_terminating_isExact() {
        assertThat(CarbonMath.divide(BigDecimal.ONE, new BigDecimal("4"))).hasToString("0.25");
        assertThat(CarbonMath.divide(new BigDecimal("226.796185"), new BigDecimal("907.18474"))).hasToString("0.25");
    }

    @Test
    void divide_nonTerminating_roundsTo34Digits() {
        assertThat(CarbonMath.divide(BigDecimal.ONE, new BigDecimal("3")))
                .hasToString("0.3333333333333333333333333333333333");
        assertThat(CarbonMath.divide(new BigDecimal("2"), new BigDecimal("3")))
                .hasToString("0.6666666666666666666666666666666667");
    }

    @Test
    void divide_byZero_throws() {
        assertThatThrownBy(() -> CarbonMath.divide(BigDecimal.ONE, BigDecimal.ZERO))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void dividesExactly_tellsTerminatingFromNot() {
        assertThat(CarbonMath.dividesExactly(new BigDecimal("12"), new BigDecimal("1.609344"))).isFalse();
        assertThat(CarbonMath.dividesExactly(new BigDecimal("19.312128"), new BigDecimal("1.609344"))).isTrue();
    }

    @Test
    void normalize_stripsZerosAndNegativeScale() {
        assertThat(CarbonMath.normalize(new BigDecimal("4.24600"))).hasToString("4.246");
        assertThat(CarbonMath.normalize(new BigDecimal("1E+2"))).hasToString("100");
        assertThat(CarbonMath.normalize(new BigDecimal("0.000"))).hasToString("0");
    }

    /** The arithmetic test of termination gives what BigDecimal's own exact division says, for any operands. */
    @Test
    void divide_agreesWithBigDecimalsExactDivision() {
        qt().withFixedSeed(20261128L).withExamples(20_000)
                .forAll(longs().between(-10_000_000L, 10_000_000L), integers().between(0, 12),
                        longs().between(1, 10_000_000L), integers().between(0, 12))
                .checkAssert((a, scaleA, b, scaleB) -> {
                    BigDecimal dividend = BigDecimal.valueOf(a, scaleA);
                    BigDecimal divisor = BigDecimal.valueOf(b, scaleB);
                    BigDecimal expected;
                    boolean exact;
                    try {
                        expected = dividend.divide(divisor);
                        exact = true;
                    } catch (ArithmeticException nonTerminating) {
                        expected = dividend.divide(divisor, CarbonMath.CONTEXT);
                        exact = false;
                    }
                    assertThat(CarbonMath.dividesExactly(dividend, divisor)).isEqualTo(exact);
                    assertThat(CarbonMath.divide(dividend, divisor)).isEqualTo(CarbonMath.normalize(expected));
                });
    }
}
