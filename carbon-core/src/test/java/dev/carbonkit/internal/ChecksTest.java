package dev.carbonkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChecksTest {

    /** The documented grammar of an activity type, as a regular expression. */
    private static final Pattern ACTIVITY_TYPE = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");

    @Test
    void isActivityType_agreesWithTheGrammar() {
        // strings of up to 8 characters over the characters that matter: letters of both cases, digits, '_', '.', '-'
        qt().withFixedSeed(20261128L).withExamples(50_000).forAll(strings().betweenCodePoints('-', 'z').ofLengthBetween(0, 8))
                .checkAssert(text -> assertThat(Checks.isActivityType(text)).as("'%s'", text)
                        .isEqualTo(ACTIVITY_TYPE.matcher(text).matches()));
        for (String text : new String[] {"a", "a.b", "transport.rail.metro", "x_1.y_2", "", ".", "a.", ".a", "a..b",
                "A", "a-b", "a b", "\u00e9"}) {
            assertThat(Checks.isActivityType(text)).as("'%s'", text).isEqualTo(ACTIVITY_TYPE.matcher(text).matches());
        }
    }

    /** The documented grammar of a factor id, as the regular expression EmissionFactor used before. */
    private static final Pattern FACTOR_ID = Pattern.compile("[A-Za-z0-9._:/-]+");

    @Test
    void isFactorId_agreesWithTheGrammar() {
        // from ' ' to '~': every ASCII punctuation mark, both cases, digits
        qt().withFixedSeed(20261129L).withExamples(50_000).forAll(strings().betweenCodePoints(' ', '~').ofLengthBetween(0, 6))
                .checkAssert(text -> assertThat(Checks.isFactorId(text)).as("'%s'", text)
                        .isEqualTo(FACTOR_ID.matcher(text).matches()));
        for (String text : new String[] {"desnz-2024/4_301_3070_9", "owid/AF-2000", "a:b.c", "", " ", "a b", "a,b",
                "\u00e9", "\u0662"}) {
            assertThat(Checks.isFactorId(text)).as("'%s'", text).isEqualTo(FACTOR_ID.matcher(text).matches());
        }
    }

    @Test
    void requireActivityType_namesTheOwnerOnlyWhenWrong() {
        assertThat(Checks.requireActivityType("food.rice", () -> {
            throw new AssertionError("the name is built only for a message");
        })).isEqualTo("food.rice");
        assertThatThrownBy(() -> Checks.requireActivityType("Food.Rice", () -> "type of activity 'a1'"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("type of activity 'a1' must be a dotted lower-case key such as 'transport.rail.metro':"
                        + " 'Food.Rice'");
        assertThatThrownBy(() -> Checks.requireActivityType(null, "type")).isInstanceOf(NullPointerException.class)
                .hasMessage("type");
    }
}
