package dev.carbonkit.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ValidityPeriodTest {

    private static final ValidityPeriod Y2024 = ValidityPeriod.ofYear(2024);

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-01/2024-12-31", "2024-01-01/..", "../2024-12-31", "../.."})
    void parse_toString_roundTrip(String text) {
        assertThat(ValidityPeriod.parse(text)).hasToString(text);
    }

    @Test
    void parse_always_isSingleton() {
        assertThat(ValidityPeriod.parse("../..")).isSameAs(ValidityPeriod.ALWAYS);
    }

    @Test
    void parse_bad_throws() {
        assertThatThrownBy(() -> ValidityPeriod.parse("2024")).isInstanceOf(DateTimeParseException.class)
                .hasMessage("Validity must be 'start/end' with ISO dates or '..'");
        assertThatThrownBy(() -> ValidityPeriod.parse("2024-01-01/2024-13-01")).isInstanceOf(DateTimeParseException.class)
                .hasMessage("Not an ISO date or '..': '2024-13-01'")
                .satisfies(e -> assertThat(((DateTimeParseException) e).getErrorIndex()).isEqualTo(11));
        assertThatThrownBy(() -> ValidityPeriod.parse("2024-12-31/2024-01-01")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("End date must not be before start date: 2024-12-31/2024-01-01");
    }

    @Test
    void contains_inclusiveEnds() {
        assertThat(Y2024.contains(LocalDate.of(2024, 1, 1))).isTrue();
        assertThat(Y2024.contains(LocalDate.of(2024, 12, 31))).isTrue();
        assertThat(Y2024.contains(LocalDate.of(2025, 1, 1))).isFalse();
        assertThat(Y2024.contains(LocalDate.of(2023, 12, 31))).isFalse();
        assertThat(ValidityPeriod.ALWAYS.contains(LocalDate.MIN)).isTrue();
    }

    @Test
    void overlaps() {
        assertThat(Y2024.overlaps(ValidityPeriod.parse("2024-12-31/.."))).isTrue();
        assertThat(Y2024.overlaps(ValidityPeriod.ofYear(2025))).isFalse();
        assertThat(ValidityPeriod.ofYear(2025).overlaps(Y2024)).isFalse();
        assertThat(Y2024.overlaps(ValidityPeriod.ALWAYS)).isTrue();
    }

    @Test
    void daysTo() {
        assertThat(Y2024.daysTo(LocalDate.of(2024, 6, 1))).isZero();
        assertThat(Y2024.daysTo(LocalDate.of(2025, 1, 10))).isEqualTo(10);
        assertThat(Y2024.daysTo(LocalDate.of(2023, 12, 30))).isEqualTo(2);
    }

    @Test
    void accessorsAndEquality() {
        assertThat(Y2024.getStartInclusive()).contains(LocalDate.of(2024, 1, 1));
        assertThat(Y2024.getEndInclusive()).contains(LocalDate.of(2024, 12, 31));
        assertThat(ValidityPeriod.ALWAYS.getStartInclusive()).isEmpty();
        assertThat(Y2024).isEqualTo(ValidityPeriod.parse("2024-01-01/2024-12-31")).hasSameHashCodeAs(ValidityPeriod.parse("2024-01-01/2024-12-31"));
        assertThat(ValidityPeriod.of(null, null)).isSameAs(ValidityPeriod.ALWAYS);
    }
}
