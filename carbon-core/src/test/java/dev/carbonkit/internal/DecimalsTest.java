package dev.carbonkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.carbonkit.CarbonMath;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The product on longs is, digit for digit and scale for scale, the BigDecimal product normalised, or declines. */
class DecimalsTest {

    private static BigDecimal expected(long a, int scaleA, long b, int scaleB) {
        return CarbonMath.normalize(BigDecimal.valueOf(a, scaleA).multiply(BigDecimal.valueOf(b, scaleB)));
    }

    private static void check(long a, int scaleA, long b, int scaleB) {
        BigDecimal product = Decimals.product(a, scaleA, b, scaleB);
        BigDecimal exact = expected(a, scaleA, b, scaleB);
        String what = a + "E-" + scaleA + " x " + b + "E-" + scaleB;
        if (product == null) {
            // it declines only where the digits overflow a long or the scale would be negative
            assertThat(exact.unscaledValue().bitLength() >= 63 || (long) scaleA + scaleB < 0
                    || Math.multiplyHigh(a, b) != ((a * b) >> 63)).as(what).isTrue();
        } else {
            // equal as text: the same digits and the same scale, not merely the same value
            assertThat(product.toString()).as(what).isEqualTo(exact.toString());
            assertThat(product.scale()).as(what).isEqualTo(exact.scale());
        }
    }

    @Test
    void product_isTheNormalisedBigDecimalProduct() {
        // small digits (every product fits) with scales up to 20, trailing zeros common
        qt().withFixedSeed(20261128L).withExamples(20_000)
                .forAll(longs().between(-1_000_000_000L, 1_000_000_000L), integers().between(0, 20),
                        longs().between(-1_000_000_000L, 1_000_000_000L), integers().between(-3, 20))
                .checkAssert((a, scaleA, b, scaleB) -> check(a * 1000, scaleA, b, scaleB));
        // any digits: many products overflow and must decline
        qt().withFixedSeed(20261129L).withExamples(20_000)
                .forAll(longs().between(Long.MIN_VALUE + 1, Long.MAX_VALUE), integers().between(0, 30),
                        longs().between(Long.MIN_VALUE + 1, Long.MAX_VALUE), integers().between(-5, 30))
                .checkAssert(DecimalsTest::check);
    }

    @Test
    void product_edges() {
        check(0, 5, 123, 3);
        assertThat(Decimals.product(0, 5, 123, 3)).isSameAs(BigDecimal.ZERO);
        check(100, 0, 10, 0);
        assertThat(Decimals.product(100, 0, 10, 0).toString()).isEqualTo("1000");
        check(3_037_000_499L, 2, 3_037_000_499L, 2);
        assertThat(Decimals.product(3_037_000_500L, 0, 3_037_000_500L, 0)).isNull();
        assertThat(Decimals.product(Long.MAX_VALUE, 0, -1, 0).toString()).isEqualTo("-" + Long.MAX_VALUE);
        assertThat(Decimals.product(Long.MIN_VALUE / 2, 0, 2, 0)).isNull();
        assertThat(Decimals.product(5, 1, 2, -3)).isNull();
        check(5, 1, 2, -3);
        assertThat(Decimals.product(26473, 5, 125, 1).toString()).isEqualTo("3.309125");
    }

    @Test
    void digits_fitsALongBelow19Digits() {
        assertThat(Decimals.digits(new BigDecimal("0.26473"))).isEqualTo(26473L);
        assertThat(Decimals.digits(new BigDecimal("-999999999999999999"))).isEqualTo(-999_999_999_999_999_999L);
        assertThat(Decimals.digits(new BigDecimal("1000000000000000000"))).isEqualTo(Decimals.NONE);
        assertThat(Decimals.digits(new BigDecimal("1E+3"))).isEqualTo(1L);
    }
}
