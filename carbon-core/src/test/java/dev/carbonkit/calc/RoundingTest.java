package dev.carbonkit.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class RoundingTest {

    @Test
    void apply() {
        assertThat(Rounding.of(2, RoundingMode.HALF_EVEN).apply(new BigDecimal("1.645"))).hasToString("1.64");
        assertThat(Rounding.of(2, RoundingMode.HALF_UP).apply(new BigDecimal("1.645"))).hasToString("1.65");
        assertThat(Rounding.of(3, RoundingMode.DOWN).apply(new BigDecimal("31.2"))).hasToString("31.200");
        assertThat(Rounding.of(2, RoundingMode.HALF_EVEN)).hasToString("scale 2, HALF_EVEN")
                .isEqualTo(Rounding.of(2, RoundingMode.HALF_EVEN)).hasSameHashCodeAs(Rounding.of(2, RoundingMode.HALF_EVEN))
                .isNotEqualTo(Rounding.of(3, RoundingMode.HALF_EVEN));
        assertThat(Rounding.of(2, RoundingMode.CEILING).getScale()).isEqualTo(2);
        assertThat(Rounding.of(2, RoundingMode.CEILING).getMode()).isEqualTo(RoundingMode.CEILING);
    }

    @Test
    void of_invalid_throws() {
        assertThatThrownBy(() -> Rounding.of(-1, RoundingMode.HALF_EVEN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Rounding scale must be from 0 to 20: -1");
        assertThatThrownBy(() -> Rounding.of(2, RoundingMode.UNNECESSARY))
                .hasMessage("Rounding mode UNNECESSARY does not round; choose a mode");
    }
}
