package dev.carbonkit.quantity;

import static dev.carbonkit.Generators.amounts;
import static dev.carbonkit.Generators.convertiblePairs;
import static dev.carbonkit.Generators.signedAmounts;
import static dev.carbonkit.Generators.units;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.carbonkit.CarbonMath;
import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** Properties of quantities and units, checked on generated values (QuickTheories, fixed seed). */
class QuantityPropertiesTest {

    private static final long SEED = 20261128L;

    @Test
    void toString_parse_roundTrip() {
        qt().withFixedSeed(SEED).withExamples(2000).forAll(signedAmounts(), units())
                .checkAssert((amount, unit) -> {
                    Quantity quantity = Quantity.of(amount, unit);
                    assertThat(Quantity.parse(quantity.toString())).isEqualTo(quantity);
                });
    }

    @Test
    void conversion_thereAndBack_isExact() {
        // a -> b rounded to a generous context, and b -> a: the exact value returns whenever a -> b was exact,
        // and a -> reference unit -> a is always exact because every factor is a terminating decimal
        qt().withFixedSeed(SEED).withExamples(2000).forAll(amounts(), convertiblePairs())
                .checkAssert((amount, pair) -> {
                    Quantity original = Quantity.of(amount, pair.get(0));
                    Unit target = pair.get(1);
                    if (CarbonMath.dividesExactly(amount.multiply(pair.get(0).getFactorToReference()),
                            target.getFactorToReference())) {
                        assertThat(original.to(target).to(original.getUnit()).isEqualTo(original)).isTrue();
                    }
                    Quantity there = original.to(target, new MathContext(200));
                    assertThat(there.to(original.getUnit(), new MathContext(200)).getAmount().round(new MathContext(150)))
                            .isEqualByComparingTo(amount.round(new MathContext(150)));
                });
    }

    @Test
    void milesToKilometres_isAlwaysExact() {
        qt().withFixedSeed(SEED).withExamples(2000).forAll(amounts())
                .checkAssert(amount -> {
                    Quantity km = Quantity.of(amount, Unit.MILE).to(Unit.KILOMETRE);
                    assertThat(km.getAmount()).isEqualByComparingTo(amount.multiply(new BigDecimal("1.609344")));
                    assertThat(km.to(Unit.MILE).getAmount()).isEqualByComparingTo(amount);
                });
    }

    @Test
    void compareTo_agreesWithConversion() {
        qt().withFixedSeed(SEED).withExamples(1000).forAll(amounts(), amounts(), convertiblePairs())
                .checkAssert((a, b, pair) -> {
                    Quantity x = Quantity.of(a, pair.get(0));
                    Quantity y = Quantity.of(b, pair.get(1));
                    Quantity yInX = y.to(x.getUnit(), new MathContext(300));
                    assertThat(Integer.signum(x.compareTo(y))).isEqualTo(Integer.signum(x.getAmount().compareTo(yInX.getAmount())));
                });
    }
}
