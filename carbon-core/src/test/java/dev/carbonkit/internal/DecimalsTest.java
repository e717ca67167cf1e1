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

    /** A decimal's text from digits, a point position and a sign; leading and trailing zeros stay as written. */
    private static String text(long digits, int scale, boolean negative, boolean plus) {
        String plain = Long.toString(digits);
        if (scale > 0) {
            plain = "0".repeat(Math.max(0, scale + 1 - plain.length())) + plain;
            plain = plain.substring(0, plain.length() - scale) + "." + plain.substring(plain.length() - scale);
        }
        return (negative ? "-" : plus ? "+" : "") + plain;
    }

    private static void checkCompare(String a, String b) {
        int quick = Decimals.compare(a, b);
        BigDecimal first;
        BigDecimal second;
        try {
            first = new BigDecimal(a);
            second = new BigDecimal(b);
        } catch (NumberFormatException notNumber) {
            assertThat(quick).as(a + " vs " + b).isEqualTo(Decimals.UNDECIDED);
            return;
        }
        if (quick != Decimals.UNDECIDED) {
            assertThat(Integer.signum(quick)).as(a + " vs " + b).isEqualTo(first.compareTo(second));
        } else {
            // it leaves to BigDecimal only texts with more than 17 digits or another form than plain
            assertThat(a.replaceAll("[^0-9]", "").length() > 17 || b.replaceAll("[^0-9]", "").length() > 17
                    || !a.matches("[+-]?[0-9]+(\\.[0-9]+)?") || !b.matches("[+-]?[0-9]+(\\.[0-9]+)?"))
                    .as(a + " vs " + b).isTrue();
        }
    }

    @Test
    void compare_isBigDecimalsCompareTo() {
        // values near each other (same digits, other scales) and far apart, up to 20 digits, signs and zeros
        qt().withFixedSeed(20261130L).withExamples(50_000)
                .forAll(longs().between(0, 99_999_999_999_999_999L), integers().between(0, 19),
                        integers().between(0, 7), integers().between(-3, 3))
                .checkAssert((digits, scale, signs, shift) -> {
                    long other = shift < 0 ? digits / 10 : digits * (shift + 1) / (shift + 1) + shift;
                    int otherScale = Math.max(0, scale + shift);
                    checkCompare(text(digits, scale, (signs & 1) != 0, (signs & 4) != 0),
                            text(other, otherScale, (signs & 2) != 0, false));
                });
        qt().withFixedSeed(20261131L).withExamples(20_000)
                .forAll(longs().between(Long.MIN_VALUE + 1, Long.MAX_VALUE), integers().between(0, 19),
                        longs().between(Long.MIN_VALUE + 1, Long.MAX_VALUE), integers().between(0, 19))
                .checkAssert((a, scaleA, b, scaleB) -> checkCompare(text(Math.abs(a), scaleA, a < 0, false),
                        text(Math.abs(b), scaleB, b < 0, false)));
    }

    @Test
    void compare_edges() {
        for (String[] pair : new String[][] {{"12", "1"}, {"0.5", "1"}, {"1", "1.000"}, {"-0", "0.0"}, {"+3", "3"},
            {"007", "7"}, {"99999999999999999", "0.00000000000000001"}, {"-99999999999999999", "0.1"},
            {"12345678901234567", "1234567890123456.7"}, {"1e3", "1000"}, {"1.", "1"}, {".5", "0.5"}, {"-", "1"},
            {"", "1"}, {"abc", "1"}, {"1 ", "1"}, {"123456789012345678", "1"}, {"١٢", "1"}}) {
            checkCompare(pair[0], pair[1]);
            checkCompare(pair[1], pair[0]);
        }
        assertThat(Decimals.compare("12", "1")).isPositive();
        assertThat(Decimals.compare("0.5", "1")).isNegative();
        assertThat(Decimals.compare("1", "1.000")).isZero();
        assertThat(Decimals.compare("1e3", "1000")).isEqualTo(Decimals.UNDECIDED);
    }
}
