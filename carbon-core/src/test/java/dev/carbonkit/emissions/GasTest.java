package dev.carbonkit.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.UnknownCodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GasTest {

    @ParameterizedTest
    @EnumSource(Gas.class)
    void of_code_roundTrips(Gas gas) {
        assertThat(Gas.of(gas.getCode())).isSameAs(gas);
        assertThat(gas).hasToString(gas.getCode());
    }

    @Test
    void of_methaneCodes() {
        assertThat(Gas.of("CH4-fossil")).isEqualTo(Gas.CH4_FOSSIL);
        assertThat(Gas.of("CH4-non-fossil")).isEqualTo(Gas.CH4_NON_FOSSIL);
    }

    @Test
    void of_unknown_throwsWithHint() {
        assertThatThrownBy(() -> Gas.of("co2")).isInstanceOf(UnknownCodeException.class)
                .hasMessage("Unknown gas 'co2'; did you mean 'CO2'?");
        assertThat(Gas.of("HFC-134a")).isEqualTo(Gas.HFC_134A);
        assertThatThrownBy(() -> Gas.of("HFC-134")).hasMessage("Unknown gas 'HFC-134'; did you mean 'HFC-134a'?");
        assertThatThrownBy(() -> Gas.of("R-22")).hasMessage("Unknown gas 'R-22'");
    }
}
