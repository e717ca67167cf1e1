package dev.carbonkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.carbonkit.quantity.Quantity;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The one number reader: its bounds, checked on the text, agree with what BigDecimal would hold, and no text costs
 * more than reading it.
 */
class DecimalTextTest {

    /** The grammar every format documents. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    private static boolean withinBounds(BigDecimal value) {
        return (long) value.precision() - value.scale() <= Quantity.MAX_INTEGER_DIGITS
                && value.scale() <= Quantity.MAX_FRACTION_DIGITS;
    }

    @Test
    void theTextCheck_agreesWithBigDecimal_onRandomNumbers() {
        qt().withFixedSeed(20261204L).withExamples(20_000).forAll(integers().between(0, 60), integers().between(0, 130),
                integers().between(-160, 160), integers().between(0, 7)).checkAssert((whole, fraction, exponent, shape) -> {
            StringBuilder text = new StringBuilder(shape % 2 == 0 ? "" : "-");
            java.util.Random random = new java.util.Random(31L * whole + 7L * fraction + exponent);
            for (int i = 0; i < whole; i++) {
                text.append(shape >= 4 && i < whole / 2 ? '0' : (char) ('0' + random.nextInt(10)));
            }
            if (fraction > 0 || whole == 0) {
                text.append('.');
                for (int i = 0; i < Math.max(fraction, 1); i++) {
                    text.append(shape >= 6 && i > fraction / 2 ? '0' : (char) ('0' + random.nextInt(10)));
                }
            }
            if (shape % 3 != 0) {
                text.append(shape % 3 == 1 ? "e" : "E").append(exponent);
            }
            String number = text.toString();
            boolean expected = number.length() <= DecimalText.MAX_LENGTH && withinBounds(new BigDecimal(number));
            assertThat(DecimalText.problem(number) == null).as(number).isEqualTo(expected);
        });
    }

    @Test
    void whatIsNotADecimal_isRefused_asTheGrammarSays_andWhatIsOne_asTheBoundsSay() {
        qt().withFixedSeed(20261204L).withExamples(20_000).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 8))
                .checkAssert(text -> {
                    String candidate = text.replaceAll("[a-df-zA-DF-Z]", "1");
                    boolean grammar = DECIMAL.matcher(candidate).matches();
                    assertThat(DecimalText.problem(candidate) == null).as(candidate)
                            .isEqualTo(grammar && withinBounds(new BigDecimal(candidate)));
                });
        for (String bad : new String[] {"", "+", "-", ".", "e5", "1e", "1e+", "0x10", "1_000", "Infinity", "NaN", "1,5",
            "1.5.", "--1", "1e5.5", " 1", "1 "}) {
            assertThat(DecimalText.problem(bad)).as(bad).startsWith("expected a decimal number, found '");
        }
    }

    @Test
    void hostileNumbers_areRefusedOnTheirText_withBoundedMessages() {
        assertThat(DecimalText.problem("1e9999999999")).isEqualTo("the number '1e9999999999' has more than 40 digits"
                + " before the decimal point");
        assertThat(DecimalText.problem("1e2147483647")).contains("more than 40 digits before");
        assertThat(DecimalText.problem("-1e999999999")).contains("more than 40 digits before");
        assertThat(DecimalText.problem("1e-999999999")).contains("more than 100 digits after");
        assertThat(DecimalText.problem("0e999999999")).contains("more than 40 digits before");
        String million = "1".repeat(5_000_000);
        String problem = DecimalText.problem(million);
        assertThat(problem).isEqualTo("a number of 5000000 characters, more than 200: '" + "1".repeat(80)
                + "...' (5000000 characters)");
        assertThat(problem.length()).isLessThan(200);
        assertThatThrownBy(() -> DecimalText.parse("1e999999999", "points-per-gram of rule 'metro'"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("points-per-gram of rule 'metro': the number"
                        + " '1e999999999' has more than 40 digits before the decimal point");
        assertThat(DecimalText.parse("1.5e-3", "x")).isEqualByComparingTo("0.0015");
        assertThat(DecimalText.parse("1" + "0".repeat(39), "x").precision()).isEqualTo(40);
        assertThat(DecimalText.problem("1" + "0".repeat(40))).contains("more than 40 digits before");
        assertThat(DecimalText.problem("0." + "0".repeat(99) + "1")).isEqualTo(null);
        assertThat(DecimalText.problem("0." + "0".repeat(100) + "1")).contains("more than 100 digits after");
    }

    @Test
    void bigDecimalsGivenThroughTheApi_areHeldToTheSameBounds() {
        assertThat(DecimalText.check(new BigDecimal("12.5"), "co2e")).isEqualByComparingTo("12.5");
        assertThatThrownBy(() -> DecimalText.check(new BigDecimal("1e999999999"), "co2e of factor 'x'"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("co2e of factor 'x': a number of 1 digits and"
                        + " scale -999999999 is beyond 40 digits before the decimal point and 100 after it");
        assertThatThrownBy(() -> DecimalText.check(BigDecimal.ONE.movePointLeft(101), "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DecimalText.excerpt("short")).isEqualTo("'short'");
    }
}
