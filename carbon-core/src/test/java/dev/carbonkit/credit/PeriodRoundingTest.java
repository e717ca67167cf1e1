package dev.carbonkit.credit;

import static dev.carbonkit.credit.WorkedExamplesTest.activity;
import static dev.carbonkit.credit.WorkedExamplesTest.rules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.FootprintTotals.Period;
import dev.carbonkit.calc.Rounding;
import dev.carbonkit.quantity.Unit;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The period rounding stage: the running total of a local period is rounded, and each event earns what it adds
 * to the rounded total, so that a period's entries sum to its rounded total.
 */
class PeriodRoundingTest {

    private static CreditRule.Builder sorting() {
        return CreditRule.builder("sorting", CreditRule.Kind.PER_UNIT, "action.waste_sorting")
                .countedIn(Unit.COUNT).perUnit("1", "0.4", null).pointsPerGram("1");
    }

    private static Activity sort(String id, String localTime) {
        return activity(id, "action.waste_sorting", "1 count", localTime, Map.of());
    }

    private static List<Activity> threeOnMondayOneOnTuesday() {
        return List.of(sort("a", "2024-03-04T08:00"), sort("b", "2024-03-04T12:00"), sort("c", "2024-03-04T23:30"),
                sort("d", "2024-03-05T00:10"));
    }

    @Test
    void gramsAtThePeriodStage_earnWhatEachEventAddsToTheRoundedDayTotal() {
        CreditRule rule = sorting().roundGramsPerPeriod(Rounding.of(0, RoundingMode.DOWN), Period.DAY).build();
        CreditResult result = CreditEngine.evaluate(rules(rule), threeOnMondayOneOnTuesday());
        assertThat(result.getAwards()).extracting(award -> award.getGrams().toPlainString())
                .containsExactly("0", "0", "1", "0");
        assertThat(result.totalGrams("alice")).isEqualByComparingTo("1");
        assertThat(result.totalPoints("alice")).isEqualByComparingTo("1");
        assertThat(result.getAwards().get(2).explain()).contains("grams rounded at the period stage (scale 0, DOWN, day from"
                + " 2024-03-04): running total 0.8 + 0.4 = 1.2 -> 1, less 0 already rounded = 1\n");
        // 00:10 on Tuesday in Shanghai is Monday 16:10 UTC: a new local day, a new running total
        assertThat(result.getAwards().get(3).explain()).contains("(scale 0, DOWN, day from 2024-03-05): running total 0 + 0.4"
                + " = 0.4 -> 0, less 0 already rounded = 0\n");
        CreditRule eventStage = sorting().roundGrams(Rounding.of(0, RoundingMode.DOWN)).build();
        assertThat(CreditEngine.evaluate(rules(eventStage), threeOnMondayOneOnTuesday()).totalGrams("alice"))
                .isEqualByComparingTo("0");
        CreditRule weekly = sorting().roundGramsPerPeriod(Rounding.of(0, RoundingMode.HALF_UP), Period.WEEK).build();
        assertThat(CreditEngine.evaluate(rules(weekly), threeOnMondayOneOnTuesday()).getAwards())
                .extracting(award -> award.getGrams().toPlainString()).containsExactly("0", "1", "0", "1");
    }

    @Test
    void pointsAtThePeriodStage_sumToTheRoundedTotal_inAnyArrivalOrder() {
        CreditRule rule = CreditRule.builder("bag", CreditRule.Kind.FIXED_PER_EVENT, "action.waste_sorting")
                .award("1", null).pointsPerGram("0.3").roundPointsPerPeriod(Rounding.of(0, RoundingMode.DOWN), Period.MONTH)
                .build();
        List<Activity> activities = new ArrayList<>();
        for (int day = 1; day <= 20; day++) {
            activities.add(sort("s" + (day < 10 ? "0" : "") + day, "2024-03-" + (day < 10 ? "0" : "") + day + "T09:00"));
        }
        CreditResult ordered = CreditEngine.evaluate(rules(rule), activities);
        // 20 x 0.3 = 6 points in March, earned on the 4th, 7th, 10th, 14th, 17th and 20th
        assertThat(ordered.totalPoints("alice")).isEqualByComparingTo("6");
        assertThat(ordered.totalGrams("alice")).isEqualByComparingTo("20");
        assertThat(ordered.getPoints()).extracting(LedgerEntry::getActivityId)
                .containsExactly("s04", "s07", "s10", "s14", "s17", "s20");
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            List<Activity> shuffled = new ArrayList<>(activities);
            Collections.shuffle(shuffled, random);
            assertThat(CreditEngine.evaluate(rules(rule), shuffled)).isEqualTo(ordered);
        }
    }

    @Test
    void theStageIsPartOfTheDigest() {
        CreditRule event = sorting().roundGrams(Rounding.of(0, RoundingMode.DOWN)).build();
        CreditRule day = sorting().roundGramsPerPeriod(Rounding.of(0, RoundingMode.DOWN), Period.DAY).build();
        assertThat(rules(event).getDigest()).isNotEqualTo(rules(day).getDigest());
        assertThat(day.getGramsRoundingPeriod()).contains(Period.DAY);
        assertThat(event.getGramsRoundingPeriod()).isEmpty();
        assertThat(event.getPointsRoundingPeriod()).isEmpty();
    }
}
