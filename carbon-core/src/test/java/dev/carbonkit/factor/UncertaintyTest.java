package dev.carbonkit.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UncertaintyTest {

    @Test
    void ofPercent() {
        Uncertainty u = Uncertainty.ofPercent(new BigDecimal("10"), new BigDecimal("15.5"));
        assertThat(u).hasToString("-10%/+15.5%");
        assertThat(u.getMinusPercent()).isEqualByComparingTo("10");
        assertThat(u.getPlusPercent()).isEqualByComparingTo("15.5");
        assertThat(u).isEqualTo(Uncertainty.ofPercent(new BigDecimal("10"), new BigDecimal("15.5")))
                .hasSameHashCodeAs(Uncertainty.ofPercent(new BigDecimal("10"), new BigDecimal("15.5")));
        assertThatThrownBy(() -> Uncertainty.ofPercent(new BigDecimal("-1"), BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Uncertainty percentages must not be negative: minus -1, plus 1");
    }
}
