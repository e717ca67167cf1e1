package dev.carbonkit.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.CarbonMath;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

    private static final Quantity KM_12_5 = Quantity.of("12.5", Unit.KILOMETRE);
    private static final Quantity MI_12 = Quantity.of(12, Unit.MILE);

    //-----------------------------------------------------------------------
    // factories
    //-----------------------------------------------------------------------
    @Test
    void of_string_isExactNotDouble() {
        Quantity q = Quantity.of("0.1", Unit.KILOGRAM);
        assertThat(q.getAmount()).isEqualTo(new BigDecimal("0.1"));
        assertThat(q.getAmount()).isNotEqualTo(new BigDecimal(0.1));
    }

    @Test
    void of_negativeScale_isNormalised() {
        Quantity q = Quantity.of(new BigDecimal("1E+2"), Unit.KILOMETRE);
        assertThat(q.getAmount().scale()).isZero();
        assertThat(q).hasToString("100 km").isEqualTo(Quantity.of(100, Unit.KILOMETRE));
    }

    @Test
    void of_bigDecimalSubclass_isRebuiltAsPlainBigDecimal() {
        BigDecimal sub = new BigDecimal("1.5") {
            private static final long serialVersionUID = 1L;
        };
        assertThat(Quantity.of(sub, Unit.KILOGRAM).getAmount().getClass()).isEqualTo(BigDecimal.class);
    }

    @Test
    void of_absurdMagnitude_throws() {
        assertThatThrownBy(() -> Quantity.of(new BigDecimal("1E+400"), Unit.KILOMETRE))
                .isInstanceOf(InvalidQuantityException.class)
                .hasMessage("Amount 1E+400 has 401 integer digits; at most 40 are allowed")
                .satisfies(e -> assertThat(((InvalidQuantityException) e).getValue()).isEqualTo("1E+400"));
    }

    @Test
    void of_absurdPrecision_throws() {
        assertThatThrownBy(() -> Quantity.of(new BigDecimal("1E-101"), Unit.KILOMETRE))
                .isInstanceOf(InvalidQuantityException.class)
                .hasMessageContaining("101 fraction digits; at most 100");
    }

    @Test
    void of_hugeText_isRejectedBeforeParsing() {
        String huge = "1".repeat(10_000);
        assertThatThrownBy(() -> Quantity.of(huge, Unit.KILOMETRE)).isInstanceOf(InvalidQuantityException.class)
                .hasMessageContaining("10000 characters");
    }

    @Test
    void of_nulls_throwNamingParameter() {
        assertThatThrownBy(() -> Quantity.of((BigDecimal) null, Unit.KILOMETRE)).hasMessage("amount");
        assertThatThrownBy(() -> Quantity.of(BigDecimal.ONE, null)).hasMessage("unit");
    }

    @Test
    void zero() {
        assertThat(Quantity.zero(Unit.KILOWATT_HOUR)).hasToString("0 kWh");
        assertThat(Quantity.zero(Unit.KILOWATT_HOUR).isZero()).isTrue();
    }

    @Test
    void constructorIsNotPublic() {
        assertThat(Quantity.class.getDeclaredConstructors())
                .allSatisfy(c -> assertThat(Modifier.isPublic(c.getModifiers())).isFalse());
    }

    //-----------------------------------------------------------------------
    // parse / toString
    //-----------------------------------------------------------------------
    @ParameterizedTest
    @ValueSource(strings = {"12.5 km", "0 kWh", "-3 kWh", "8.50 pkm", "12.50 GBP", "0.00059 kg", "3 room-night"})
    void parse_toString_roundTrip(String text) {
        assertThat(Quantity.parse(text)).hasToString(text);
    }

    @Test
    void parse_alias_printsCanonicalCode() {
        assertThat(Quantity.parse("8.5 passenger.km")).hasToString("8.5 pkm");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "12,5 km|2", "12.5km|4", "1e3 km|1", "12.5  km|5", "km|0", "12.5|4", "' 12.5 km'|0", "١٢ km|0"})
    void parse_badForm_throwsWithIndex(String text, int index) {
        assertThatThrownBy(() -> Quantity.parse(text))
                .isInstanceOf(QuantityParseException.class)
                .hasMessageStartingWith("Quantity must be a plain decimal, one space and a unit code: '" + text + "'")
                .satisfies(e -> {
                    QuantityParseException parse = (QuantityParseException) e;
                    assertThat(parse.getText()).isEqualTo(text);
                    assertThat(parse.getErrorIndex()).isEqualTo(index);
                });
    }

    @Test
    void parse_unknownUnit_throwsUnknownUnit() {
        assertThatThrownBy(() -> Quantity.parse("12.5 kmh")).isInstanceOf(UnknownUnitException.class)
                .hasMessage("Unknown unit 'kmh'; did you mean 'km'?");
    }

    //-----------------------------------------------------------------------
    // to
    //-----------------------------------------------------------------------
    @ParameterizedTest
    @CsvSource({"12 mi, km, 19.312128 km", "500 lb, short-ton, 0.25 short-ton", "250 g, kg, 0.25 kg",
        "1 MWh, kWh, 1000 kWh", "10 therm-us, mmBtu, 1 mmBtu", "1 kWh, MJ, 3.6 MJ", "2 m3, L, 2000 L",
        "1 short-ton-mi, tkm, 1.45997231821056 tkm", "1 d, h, 24 h", "1 ha, m2, 10000 m2"})
    void to_exact(String from, String unit, String expected) {
        assertThat(Quantity.parse(from).to(Unit.of(unit))).hasToString(expected);
    }

    @Test
    void to_sameUnit_returnsThis() {
        assertThat(KM_12_5.to(Unit.KILOMETRE)).isSameAs(KM_12_5);
    }

    @Test
    void to_nonTerminating_throwsAndSaysWhatToDo() {
        assertThatThrownBy(() -> Quantity.parse("1 km").to(Unit.MILE))
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("Converting 1 km to mi has no exact decimal result; pass a MathContext to say how to round");
        assertThatThrownBy(() -> Quantity.parse("1 MJ").to(Unit.KILOWATT_HOUR)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void to_withMathContext_roundsOnlyWhenNeeded() {
        assertThat(Quantity.parse("1 km").to(Unit.MILE, CarbonMath.CONTEXT))
                .hasToString("0.6213711922373339696174341843633182 mi");
        assertThat(Quantity.parse("1 MJ").to(Unit.KILOWATT_HOUR, new MathContext(5, RoundingMode.HALF_EVEN)))
                .hasToString("0.27778 kWh");
        assertThat(MI_12.to(Unit.KILOMETRE, new MathContext(2))).hasToString("19.312128 km");
    }

    @Test
    void to_otherDimension_throwsNamingBoth() {
        assertThatThrownBy(() -> KM_12_5.to(Unit.KILOWATT_HOUR))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("Dimensions differ: km (DISTANCE) / kWh (ENERGY)")
                .satisfies(e -> {
                    UnitMismatchException mismatch = (UnitMismatchException) e;
                    assertThat(mismatch.getFirst()).isEqualTo(Unit.KILOMETRE);
                    assertThat(mismatch.getSecond()).isEqualTo(Unit.KILOWATT_HOUR);
                });
    }

    @Test
    void to_passengerKmIsNotKm() {
        assertThatThrownBy(() -> KM_12_5.to(Unit.PASSENGER_KILOMETRE))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("Dimensions differ: km (DISTANCE) / pkm (PASSENGER_DISTANCE)");
    }

    @Test
    void to_otherCurrency_throws() {
        assertThatThrownBy(() -> Quantity.parse("10 GBP").to(Unit.of("USD")))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("Currencies differ and no rate was given: GBP/USD")
                .satisfies(e -> {
                    UnitMismatchException mismatch = (UnitMismatchException) e;
                    assertThat(mismatch.getFirst()).isEqualTo(Unit.of("GBP"));
                    assertThat(mismatch.getSecond()).isEqualTo(Unit.of("USD"));
                });
    }

    @Test
    void convertedTo_explicitRate() {
        assertThat(Quantity.parse("10 GBP").convertedTo(Unit.of("USD"), new BigDecimal("1.27"))).hasToString("12.70 USD");
        assertThatThrownBy(() -> KM_12_5.convertedTo(Unit.of("USD"), BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Only money converts at a rate: km to USD");
    }

    //-----------------------------------------------------------------------
    // arithmetic
    //-----------------------------------------------------------------------
    @Test
    void plusMinus_convertOtherToThisUnit() {
        assertThat(Quantity.parse("1 km").plus(Quantity.parse("500 m"))).hasToString("1.5 km");
        assertThat(Quantity.parse("1 km").minus(Quantity.parse("500 m"))).hasToString("0.5 km");
        assertThatThrownBy(() -> KM_12_5.plus(Quantity.parse("1 kWh"))).isInstanceOf(DimensionMismatchException.class);
    }

    @Test
    void multipliedBy_number() {
        assertThat(Quantity.parse("0.26473 kg").multipliedBy(new BigDecimal("12"))).hasToString("3.17676 kg");
    }

    @ParameterizedTest
    @CsvSource({"200 km, 1 count, 200 pkm", "12 mi, 2 count, 24 pmi", "3 count, 10 km, 30 pkm",
        "2 t, 150 km, 300 tkm", "500 kg, 10 km, 5 tkm", "1 short-ton, 1 mi, 1 short-ton-mi", "1 kg, 1 mi, 0.001609344 tkm"})
    void multipliedBy_knownProduct(String a, String b, String expected) {
        assertThat(Quantity.parse(a).multipliedBy(Quantity.parse(b))).hasToString(expected);
    }

    @Test
    void multipliedBy_unknownProduct_throws() {
        assertThatThrownBy(() -> Quantity.parse("2 kWh").multipliedBy(Quantity.parse("3 km")))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("Dimensions differ: kWh (ENERGY) / km (DISTANCE)");
    }

    @Test
    void negated_rounded_signs() {
        assertThat(KM_12_5.negated()).hasToString("-12.5 km");
        assertThat(KM_12_5.negated().isNegative()).isTrue();
        assertThat(Quantity.zero(Unit.KILOMETRE).negated()).isEqualTo(Quantity.zero(Unit.KILOMETRE));
        assertThat(Quantity.parse("3.17676 kg").rounded(2, RoundingMode.HALF_EVEN)).hasToString("3.18 kg");
    }

    //-----------------------------------------------------------------------
    // comparison and equality
    //-----------------------------------------------------------------------
    @Test
    void compareTo_acrossUnitsExactly() {
        assertThat(Quantity.parse("1 km").isEqualTo(Quantity.parse("1000 m"))).isTrue();
        assertThat(Quantity.parse("1 mi").isGreaterThan(Quantity.parse("1.609343 km"))).isTrue();
        assertThat(Quantity.parse("1 mi").isLessThan(Quantity.parse("1.609345 km"))).isTrue();
        assertThatThrownBy(() -> KM_12_5.compareTo(Quantity.parse("1 kg"))).isInstanceOf(DimensionMismatchException.class);
    }

    @Test
    void equals_includesScale_likeToString() {
        assertThat(Quantity.parse("12.50 km")).isNotEqualTo(KM_12_5);
        assertThat(Quantity.parse("12.50 km").isEqualTo(KM_12_5)).isTrue();
        assertThat(Quantity.parse("12.5 km")).isEqualTo(KM_12_5).hasSameHashCodeAs(KM_12_5);
        assertThat(Quantity.parse("1 km")).isNotEqualTo(Quantity.parse("1000 m")).isNotEqualTo("1 km");
        assertThat(KM_12_5.getDimension()).isEqualTo(Dimension.DISTANCE);
        assertThat(KM_12_5.getUnit()).isEqualTo(Unit.KILOMETRE);
    }
}
