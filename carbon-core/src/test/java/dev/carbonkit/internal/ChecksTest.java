package dev.carbonkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChecksTest {

    /** The documented grammar of an activity type, as a regular expression. */
    private static final Pattern ACTIVITY_TYPE = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");
    /** The documented grammar of a factor id, as the regular expression EmissionFactor used before. */
    private static final Pattern FACTOR_ID = Pattern.compile("[A-Za-z0-9._:/-]+");

    /** A check agrees with its grammar on 50,000 random strings of up to 8 code points in a range, and examples. */
    private static void agrees(Predicate<String> check, Pattern grammar, char from, char to, String... examples) {
        qt().withFixedSeed(20261128L).withExamples(50_000).forAll(strings().betweenCodePoints(from, to).ofLengthBetween(0, 8))
                .checkAssert(text -> assertThat(check.test(text)).as("'%s'", text)
                        .isEqualTo(grammar.matcher(text).matches()));
        for (String text : examples) {
            assertThat(check.test(text)).as("'%s'", text).isEqualTo(grammar.matcher(text).matches());
        }
    }

    @Test
    void isActivityType_agreesWithTheGrammar() {
        // the characters that matter: letters of both cases, digits, '_', '.', '-'
        agrees(Checks::isActivityType, ACTIVITY_TYPE, '-', 'z', "a", "a.b", "transport.rail.metro", "x_1.y_2", "", ".",
                "a.", ".a", "a..b", "A", "a-b", "a b", "\u00e9");
    }

    @Test
    void isFactorId_agreesWithTheGrammar() {
        // from ' ' to '~': every ASCII punctuation mark, both cases, digits
        agrees(Checks::isFactorId, FACTOR_ID, ' ', '~', "desnz-2024/4_301_3070_9", "owid/AF-2000", "a:b.c", "", " ",
                "a b", "a,b", "\u00e9", "\u0662");
    }

    @Test
    void requireActivityType_namesTheOwnerOnlyWhenWrong() {
        assertThat(Checks.requireActivityType("food.rice", "type of activity '%s'", "a1")).isEqualTo("food.rice");
        assertThatThrownBy(() -> Checks.requireActivityType("Food.Rice", "type of activity '%s'", "a1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("type of activity 'a1' must be a dotted lower-case key such as 'transport.rail.metro':"
                        + " 'Food.Rice'");
        assertThatThrownBy(() -> Checks.requireActivityType(null, "type")).isInstanceOf(NullPointerException.class)
                .hasMessage("type");
        assertThatThrownBy(() -> Checks.requireActivityType(null, "activity type of factor %s", "f1"))
                .isInstanceOf(NullPointerException.class).hasMessage("activity type of factor f1");
    }
}
