package dev.carbonkit.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.io.MoneyTableException;
import dev.carbonkit.io.MoneyTableLoader;
import dev.carbonkit.io.Problem;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Money tables: conversions between money at years' prices, each step exact and named, every missing figure a typed
 * error. The figures are the test's own, round and invented for it; no publisher's series is used or shipped.
 */
class MoneyTableTest {

    private static final String YAML = "format: carbonkit-money-table/1\ntable: test-prices\n"
            + "title: Test figures (not a publisher's)\npublisher: carbonkit's tests\nedition: \"1\"\nlicence: CC0-1.0\n"
            + "indices:\n  USD: {2022: 100, 2023: 104, 2024: 108}\n  GBP: {2022: 120, 2024: 132}\n"
            + "rates:\n  - {from: GBP, to: USD, year: 2024, rate: 1.25}\n  - {from: USD, to: CNY, year: 2024, rate: 7.2}\n";
    private static final MoneyTable TABLE = MoneyTableLoader.standard().parse(YAML, "test-prices.yaml");

    private static List<MoneyTable.Step> convert(String amount, String target) {
        return MoneyTable.convert(Quantity.parse(amount), Unit.of(target), List.of(TABLE));
    }

    @Test
    void deflation_isTheAmountTimesTheIndexRatio_exactWhereItTerminates() {
        List<MoneyTable.Step> steps = convert("54 USD@2024", "USD@2022");
        assertThat(steps).hasSize(1);
        assertThat(steps.get(0).getAfter().getAmount()).isEqualByComparingTo("50");
        assertThat(steps.get(0).getAfter().getUnit()).isEqualTo(Unit.of("USD@2022"));
        assertThat(steps.get(0)).hasToString("54 USD@2024 x 100 / 108 (USD price index, 2022 over 2024, table"
                + " test-prices " + TABLE.getDigest() + ") = 50 USD@2022");
        // 10 x 100 / 104 does not terminate: rounded once, and said so
        MoneyTable.Step rounded = convert("10 USD@2023", "USD@2022").get(0);
        assertThat(rounded.getAfter().getAmount()).isEqualByComparingTo("9.615384615384615384615384615384615");
        assertThat(rounded.toString()).endsWith("(rounded to 34 significant digits)");
    }

    @Test
    void anotherCurrency_isExchangedAtTheYearSpent_thenDeflatedInTheTarget() {
        List<MoneyTable.Step> steps = convert("100 GBP@2024", "USD@2022");
        assertThat(steps).extracting(step -> step.getAfter().toString()).containsExactly("125 USD@2024",
                "115.7407407407407407407407407407407 USD@2022");
        assertThat(steps.get(0).toString()).startsWith("100 GBP@2024 x 1.25 (exchange rate GBP to USD, 2024, table"
                + " test-prices sha256:");
        // a rate given the other way is divided by
        assertThat(convert("72 CNY@2024", "USD@2024")).singleElement().satisfies(step -> {
            assertThat(step.getAfter().getAmount()).isEqualByComparingTo("10");
            assertThat(step.toString()).startsWith("72 CNY@2024 / 7.2 (exchange rate USD to CNY, 2024");
        });
        assertThat(convert("5 USD@2022", "USD@2022")).isEmpty();
    }

    @Test
    void aMissingFigure_isATypedErrorNamingTheCurrencyAndYear() {
        assertThatThrownBy(() -> convert("10 USD@2021", "USD@2022")).isInstanceOf(MoneyConversionException.class)
                .hasMessage("no USD price index for both 2021 and 2022 in the money tables [test-prices]; pin a table"
                        + " that has them")
                .satisfies(e -> assertThat(((MoneyConversionException) e).getUnit()).isEqualTo("USD@2021"));
        assertThatThrownBy(() -> convert("10 EUR@2024", "USD@2022")).isInstanceOf(MoneyConversionException.class)
                .hasMessage("no exchange rate between EUR and USD for 2024 in the money tables [test-prices]; pin a"
                        + " table that has one");
        assertThatThrownBy(() -> convert("10 USD", "USD@2022")).isInstanceOf(MoneyConversionException.class)
                .hasMessage("'USD' is not money at a year's prices; write the currency and the year, such as USD@2024");
        assertThatThrownBy(() -> MoneyTable.convert(Quantity.parse("10 km"), Unit.of("USD@2022"), List.of(TABLE)))
                .isInstanceOf(MoneyConversionException.class).hasMessageStartingWith("'km' is not money");
    }

    @Test
    void theTable_hasItsFiguresAndADigestOfThem() {
        assertThat(TABLE.getIndices().get("USD")).containsEntry(2024, new BigDecimal("108"));
        assertThat(TABLE.getRates()).extracting(MoneyTable.Rate::getFrom).containsExactly("GBP", "USD");
        assertThat(TABLE).hasToString("MoneyTable[test-prices, 5 indices, 2 rates, " + TABLE.getDigest() + "]");
        assertThat(TABLE.getDigest()).matches("sha256:[0-9a-f]{64}");
        // the digest is of the figures, not of how the YAML is written
        assertThat(MoneyTableLoader.standard().parse(YAML.replace("{2022: 100, 2023: 104, 2024: 108}",
                "{2024: 108.0, 2023: 104, 2022: 100}"), "again.yaml").getDigest()).isEqualTo(TABLE.getDigest());
        assertThat(MoneyTableLoader.standard().parse(YAML.replace("2024: 108}", "2024: 109}"), "other.yaml")
                .getDigest()).isNotEqualTo(TABLE.getDigest());
    }

    @Test
    void aBadFile_isEveryProblemWithItsPosition() {
        String bad = YAML.replace("GBP: {2022: 120", "GBX: {2022: -120").replace("2024: 132", "24: 132")
                .replace("rate: 1.25}", "rate: 1.25, extra: 1}").replace("{from: USD, to: CNY", "{from: USD, to: USD");
        assertThatThrownBy(() -> MoneyTableLoader.standard().parse(bad, "bad.yaml"))
                .isInstanceOf(MoneyTableException.class)
                .satisfies(e -> assertThat(((MoneyTableException) e).getProblems()).extracting(Problem::toString)
                        .containsExactly("bad.yaml:9:3: indices.GBX: 'GBX' is not an ISO 4217 currency code",
                                "bad.yaml:11:50: rates[0].extra: unknown key 'extra'; allowed here: [from, rate, to,"
                                        + " year]",
                                "bad.yaml:12:5: rates[1]: an exchange rate is between two currencies, not USD and"
                                        + " itself"));
        assertThatThrownBy(() -> MoneyTableLoader.standard().parse(YAML.replace("GBP: {2022: 120", "GBP: {2022: 0")
                .replace("2024: 132", "24: 132"), "zero.yaml")).isInstanceOf(MoneyTableException.class)
                .satisfies(e -> assertThat(((MoneyTableException) e).getProblems()).extracting(Problem::toString)
                        .containsExactly("zero.yaml:9:15: indices.GBP.2022: expected a number above zero, found 0",
                                "zero.yaml:9:18: indices.GBP.24: '24' is not a year from 1900 to 2200"));
    }
}
