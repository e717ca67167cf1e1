package dev.carbonkit.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.UnknownCodeException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitTest {

    //-----------------------------------------------------------------------
    // of
    //-----------------------------------------------------------------------
    @ParameterizedTest
    @CsvSource({
        "g, g, MASS", "kg, kg, MASS", "t, t, MASS", "tonnes, t, MASS", "lb, lb, MASS", "short-ton, short-ton, MASS",
        "m, m, DISTANCE", "km, km, DISTANCE", "mi, mi, DISTANCE", "miles, mi, DISTANCE",
        "Wh, Wh, ENERGY", "kWh, kWh, ENERGY", "MWh, MWh, ENERGY", "MJ, MJ, ENERGY", "GJ, GJ, ENERGY",
        "mmBtu, mmBtu, ENERGY", "MMBtu, mmBtu, ENERGY", "therm-us, therm-us, ENERGY", "therm-uk, therm-uk, ENERGY",
        "L, L, VOLUME", "m3, m3, VOLUME", "gal-us, gal-us, VOLUME", "gal-uk, gal-uk, VOLUME", "scf, scf, VOLUME",
        "pkm, pkm, PASSENGER_DISTANCE", "passenger.km, pkm, PASSENGER_DISTANCE", "pmi, pmi, PASSENGER_DISTANCE",
        "tkm, tkm, MASS_DISTANCE", "room-night, room-night, ACCOMMODATION", "count, count, COUNT",
        "h, h, DURATION", "d, d, DURATION", "m2, m2, AREA", "ha, ha, AREA", "GBP, GBP, MONEY", "CNY, CNY, MONEY"})
    void of_knownCodeOrAlias(String code, String canonical, Dimension dimension) {
        Unit unit = Unit.of(code);
        assertThat(unit.getCode()).isEqualTo(canonical);
        assertThat(unit.getDimension()).isEqualTo(dimension);
        assertThat(unit).hasToString(canonical);
    }

    @Test
    void of_wrongCase_suggestsTheUnit() {
        assertThatThrownBy(() -> Unit.of("kwh"))
                .isInstanceOf(UnknownUnitException.class)
                .hasMessage("Unknown unit 'kwh'; did you mean 'kWh'?")
                .satisfies(e -> {
                    UnknownCodeException unknown = (UnknownCodeException) e;
                    assertThat(unknown.getKind()).isEqualTo("unit");
                    assertThat(unknown.getCode()).isEqualTo("kwh");
                    assertThat(unknown.getSuggestion()).contains("kWh");
                });
    }

    @Test
    void of_typo_suggestsNearestUnit() {
        assertThatThrownBy(() -> Unit.of("kmm")).hasMessage("Unknown unit 'kmm'; did you mean 'km'?");
    }

    @Test
    void of_namesPluralsAndAmericanSpellings_areAccepted_andHintsAreCodes() {
        assertThat(Unit.of("mile")).isEqualTo(Unit.MILE);
        assertThat(Unit.of("miles")).isEqualTo(Unit.MILE);
        assertThat(Unit.of("kilowatt-hours")).isEqualTo(Unit.KILOWATT_HOUR);
        assertThat(Unit.of("kilometers")).isEqualTo(Unit.KILOMETRE);
        assertThat(Unit.of("litres")).isEqualTo(Unit.LITRE);
        assertThat(Unit.of("item")).isEqualTo(Unit.COUNT);
        assertThat(Unit.of("room-nights")).isEqualTo(Unit.ROOM_NIGHT);
        // the hint is the unit's code, not the alias it is closest to
        assertThatThrownBy(() -> Unit.of("milse")).hasMessage("Unknown unit 'milse'; did you mean 'mi'?");
        // three capitals that are not a currency: a unit in the wrong case
        assertThatThrownBy(() -> Unit.of("KWH")).hasMessage("Unknown unit 'KWH'; did you mean 'kWh'?");
        // a short code two edits from a unit is not close to it
        assertThatThrownBy(() -> Unit.of("itm")).hasMessage("Unknown unit 'itm'; did you mean 'count'?");
        assertThatThrownBy(() -> Unit.of("xyz")).hasMessage("Unknown unit 'xyz'");
    }

    @Test
    void of_nothingClose_noSuggestion() {
        assertThatThrownBy(() -> Unit.of("furlongs-per-fortnight"))
                .isInstanceOf(UnknownUnitException.class)
                .hasMessage("Unknown unit 'furlongs-per-fortnight'")
                .satisfies(e -> assertThat(((UnknownCodeException) e).getSuggestion()).isEmpty());
    }

    @Test
    void money_atAYearsPrices_isItsOwnUnit_andNeverConvertsWithoutARateOrADeflator() {
        Unit usd2022 = Unit.of("USD@2022");
        assertThat(usd2022).isEqualTo(Unit.ofMoney("USD", 2022)).hasToString("USD@2022");
        assertThat(usd2022.getDimension()).isEqualTo(Dimension.MONEY);
        assertThat(usd2022.getCurrencyCode()).contains("USD");
        assertThat(usd2022.getPriceYear()).hasValue(2022);
        assertThat(usd2022.getName()).isEqualTo("USD at 2022 prices");
        assertThat(Unit.of("USD").getPriceYear()).isEmpty();
        assertThat(Unit.KILOGRAM.getCurrencyCode()).isEmpty();
        assertThat(usd2022.isConvertibleTo(Unit.of("USD@2024"))).isFalse();
        assertThat(usd2022.isConvertibleTo(Unit.of("USD"))).isFalse();
        assertThat(usd2022.isConvertibleTo(Unit.of("GBP@2022"))).isFalse();
        Quantity spend = Quantity.parse("120.50 USD@2022");
        assertThat(spend.getAmount()).isEqualByComparingTo("120.50");
        assertThatThrownBy(() -> spend.plus(Quantity.parse("10 USD@2024"))).isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("Price years differ and no deflator was given: USD@2024/USD@2022");
        assertThatThrownBy(() -> spend.plus(Quantity.parse("10 GBP@2022"))).isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("Currencies differ and no rate was given: GBP@2022/USD@2022");
        // a deflation is explicit, with the factor meant
        assertThat(Quantity.parse("100 USD@2024").convertedTo(usd2022, new java.math.BigDecimal("0.94")))
                .isEqualTo(Quantity.parse("94.00 USD@2022"));
        assertThatThrownBy(() -> Unit.of("usd@2022")).hasMessage("Unknown unit 'usd@2022'; did you mean 'USD@2022'?");
        assertThatThrownBy(() -> Unit.of("XYZ@2022")).hasMessage("Unknown unit 'XYZ@2022'");
        assertThatThrownBy(() -> Unit.of("USD@22")).isInstanceOf(UnknownUnitException.class)
                .hasMessage("Unknown unit 'USD@22'; the price year of 'USD@22' is not a year from 1900 to 2200 written"
                        + " with four digits, as in USD@2022");
        assertThatThrownBy(() -> Unit.ofMoney("USD", 3022)).hasMessageContaining("'USD@3022' is not a year");
    }

    @Test
    void ofCurrency_notIso_throws() {
        assertThatThrownBy(() -> Unit.of("XYZ")).isInstanceOf(UnknownUnitException.class)
                .hasMessage("Unknown unit 'XYZ'");
    }

    @Test
    void of_null_throwsNamingParameter() {
        assertThatThrownBy(() -> Unit.of(null)).isInstanceOf(NullPointerException.class).hasMessage("code");
    }

    //-----------------------------------------------------------------------
    // exact factors
    //-----------------------------------------------------------------------
    @ParameterizedTest
    @CsvSource({"mi, 1.609344", "lb, 0.45359237", "short-ton, 907.18474", "mmBtu, 1055055852.62",
        "therm-us, 105505585.262", "therm-uk, 105505585.257348", "kWh, 3600000", "gal-us, 3.785411784",
        "gal-uk, 4.54609", "scf, 28.316846592", "pmi, 1.609344", "short-ton-mi, 1.45997231821056",
        "ft2, 0.09290304", "d, 86400"})
    void factorToReference_isExactDefinition(String code, String factor) {
        assertThat(Unit.of(code).getFactorToReference()).isEqualByComparingTo(factor);
    }

    @Test
    void usThermAndUkThermAreDistinct() {
        assertThat(Unit.US_THERM).isNotEqualTo(Unit.UK_THERM);
        assertThat(Quantity.of(10, Unit.US_THERM).to(Unit.MMBTU)).hasToString("1 mmBtu");
    }

    //-----------------------------------------------------------------------
    // convertibility
    //-----------------------------------------------------------------------
    @Test
    void isConvertibleTo_sameDimension() {
        assertThat(Unit.MILE.isConvertibleTo(Unit.KILOMETRE)).isTrue();
        assertThat(Unit.KILOMETRE.isConvertibleTo(Unit.PASSENGER_KILOMETRE)).isFalse();
        assertThat(Unit.of("GBP").isConvertibleTo(Unit.of("GBP"))).isTrue();
        assertThat(Unit.of("GBP").isConvertibleTo(Unit.of("USD"))).isFalse();
    }

    //-----------------------------------------------------------------------
    // catalogue
    //-----------------------------------------------------------------------
    @Test
    void physicalUnits_haveUniqueCodesAndAreAllParseable() {
        Set<String> codes = new HashSet<>();
        for (Unit unit : Unit.physicalUnits()) {
            assertThat(codes.add(unit.getCode())).as(unit.getCode()).isTrue();
            assertThat(Unit.of(unit.getCode())).isSameAs(unit);
            assertThat(unit.getName()).isNotBlank();
            assertThat(unit.getFactorToReference().signum()).isPositive();
        }
        assertThat(Unit.knownCodes()).contains("kWh", "passenger.km", "tonnes");
    }

    @Test
    void equals_byCode() {
        assertThat(Unit.of("GBP")).isEqualTo(Unit.ofCurrency("GBP")).hasSameHashCodeAs(Unit.ofCurrency("GBP"));
        assertThat(Unit.KILOMETRE).isNotEqualTo(Unit.MILE).isNotEqualTo("km");
    }
}
