package dev.carbonkit.credit;

import static dev.carbonkit.credit.WorkedExamplesTest.SHANGHAI;
import static dev.carbonkit.credit.WorkedExamplesTest.activity;
import static dev.carbonkit.credit.WorkedExamplesTest.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.FootprintTotals.Period;
import dev.carbonkit.calc.Rounding;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CreditEngineTest {

    @Test
    void avoidedEmissions_baselineMinusProject_flooredAtZero() {
        CreditRule rule = CreditRule.builder("commute", CreditRule.Kind.AVOIDED_EMISSIONS, "transport.rail.metro")
                .baselineAndProject("271.82", "61.36", Unit.PASSENGER_KILOMETRE).pointsPerGram("0.5").build();
        Award award = CreditEngine.evaluate(rules(rule), List.of(activity("m", "transport.rail.metro", "22 pkm",
                "2024-05-01T08:00", Map.of()))).getAwards().get(0);
        assertThat(award.getGrams()).isEqualByComparingTo("4630.12");
        assertThat(award.getPoints()).isEqualByComparingTo("2315.06");
        assertThat(award.explain()).contains("avoided: 22 pkm x baseline 271.82 - project 61.36 = 210.46 g/pkm = 4630.12 g");
        CreditRule worse = CreditRule.builder("worse", CreditRule.Kind.AVOIDED_EMISSIONS, "transport.taxi")
                .baselineAndProject("100", "150", Unit.KILOMETRE).pointsPerGram("1").build();
        Award negative = CreditEngine.evaluate(rules(worse), List.of(activity("t", "transport.taxi", "3 mi",
                "2024-05-01T08:00", Map.of()))).getAwards().get(0);
        assertThat(negative.getGrams()).isEqualByComparingTo("0");
        assertThat(negative.isEarning()).isFalse();
        assertThat(negative.explain()).contains("avoided: 4.828032 km x baseline 100 - project 150 = -50 g/km = -241.4016 g")
                .contains("floored at zero");
    }

    @Test
    void aRuleAboutAType_appliesToTheTypesUnderIt_unlessARuleIsAboutANearerOne() {
        CreditRule bus = CreditRule.builder("bus", CreditRule.Kind.FIXED_PER_EVENT, "transport.bus").award("150", "1")
                .build();
        CreditRule electric = CreditRule.builder("e-bus", CreditRule.Kind.FIXED_PER_EVENT, "transport.bus.electric")
                .award("300", "2").build();
        List<Award> awards = CreditEngine.evaluate(rules(bus, electric), List.of(
                activity("b1", "transport.bus.local.average", "5 pkm", "2024-05-01T08:00", Map.of()),
                activity("b2", "transport.bus.electric", "5 pkm", "2024-05-01T09:00", Map.of()),
                activity("b3", "transport.bus.electric.articulated", "5 pkm", "2024-05-01T10:00", Map.of()),
                activity("b4", "transport.bus", "5 pkm", "2024-05-01T11:00", Map.of()),
                activity("b5", "transport.busway", "5 pkm", "2024-05-01T12:00", Map.of()))).getAwards();
        assertThat(awards).extracting(Award::getActivityId, Award::getRuleId, Award::getOutcome, Award::getGrams).containsExactly(
                tuple("b1", "bus", Award.Outcome.AWARDED, new BigDecimal("150")),
                tuple("b2", "e-bus", Award.Outcome.AWARDED, new BigDecimal("300")),
                tuple("b3", "e-bus", Award.Outcome.AWARDED, new BigDecimal("300")),
                tuple("b4", "bus", Award.Outcome.AWARDED, new BigDecimal("150")),
                tuple("b5", null, Award.Outcome.NO_RULE, BigDecimal.ZERO));
        assertThat(awards.get(0).explain()).contains("the rule is about transport.bus, and transport.bus.local.average"
                + " is under it (no rule of the set is about a type nearer to it)");
        assertThat(awards.get(1).explain()).doesNotContain("is under it");
        assertThat(awards.get(3).explain()).doesNotContain("is under it");
    }

    @Test
    void aRuleOnSpend_countsMoneyAtItsPriceYear_andRefusesAnother() {
        // a point for every whole 10 yuan of a green purchase, 2024 prices; no reduction is claimed for spend
        CreditRule green = CreditRule.builder("green-buy", CreditRule.Kind.PER_UNIT, "payment.green_purchase")
                .countedIn(Unit.of("CNY@2024")).perUnit("10", "0", "1").build();
        List<Award> awards = CreditEngine.evaluate(rules(green), List.of(
                activity("p1", "payment.green_purchase", "129.90 CNY@2024", "2024-05-01T10:00", Map.of()),
                activity("p2", "payment.green_purchase", "129.90 CNY@2023", "2024-05-02T10:00", Map.of()),
                activity("p3", "payment.green_purchase", "18 USD@2024", "2024-05-03T10:00", Map.of()))).getAwards();
        assertThat(awards).extracting(Award::getActivityId, Award::getOutcome, Award::getPoints).containsExactly(
                tuple("p1", Award.Outcome.AWARDED, new BigDecimal("12")),
                tuple("p2", Award.Outcome.INCOMPATIBLE_QUANTITY, BigDecimal.ZERO),
                tuple("p3", Award.Outcome.INCOMPATIBLE_QUANTITY, BigDecimal.ZERO));
        assertThat(awards.get(0).explain()).contains("floor(129.90 / 10) = 12 blocks x 0 g = 0 g; x 1 points = 12 points");
        assertThat(awards.get(1).explain()).contains("CNY@2023").contains("CNY@2024");
    }

    @Test
    void threshold_andTiers() {
        CreditRule walk = CreditRule.builder("zz-walk", CreditRule.Kind.PER_UNIT, "steps.daily")
                .countedIn(Unit.COUNT)
                .tier("2000", "0", "10").tier("10000", "0", "50").provenance(null, "UNVERIFIED tier boundaries").build();
        CreditRule cycling = CreditRule.builder("gz-cycle", CreditRule.Kind.PER_UNIT, "transport.bicycle")
                .countedIn(Unit.MINUTE)
                .threshold(Quantity.parse("20 min")).perUnit("1", "1", null).pointsPerGram("1").build();
        List<Activity> day = List.of(activity("w1", "steps.daily", "1999 count", "2024-05-01T21:00", Map.of()),
                activity("w2", "steps.daily", "9999 count", "2024-05-02T21:00", Map.of()),
                activity("w3", "steps.daily", "10000 count", "2024-05-03T21:00", Map.of()),
                activity("c1", "transport.bicycle", "0.25 h", "2024-05-01T08:00", Map.of()),
                activity("c2", "transport.bicycle", "0.5 h", "2024-05-02T08:00", Map.of()));
        List<Award> awards = CreditEngine.evaluate(rules(walk, cycling), day).getAwards();
        assertThat(awards).extracting(Award::getActivityId, Award::getOutcome, Award::getPoints).containsExactly(
                tuple("c1", Award.Outcome.BELOW_THRESHOLD, BigDecimal.ZERO),
                tuple("w1", Award.Outcome.BELOW_THRESHOLD, BigDecimal.ZERO),
                tuple("c2", Award.Outcome.AWARDED, new BigDecimal("30")),
                tuple("w2", Award.Outcome.AWARDED, new BigDecimal("10")),
                tuple("w3", Award.Outcome.AWARDED, new BigDecimal("50")));
        assertThat(awards.get(0).explain()).contains("below the threshold: 0.25 h < 20 min");
        assertThat(awards.get(1).explain()).contains("below the lowest tier: 1999 count");
        assertThat(awards.get(2).explain()).contains("counted in min: 0.5 h = 30 min");
    }

    @Test
    void incompatibleQuantity_earnsAZeroNamingTheActivity_andTheBatchGoesOn() {
        CreditRule cycling = CreditRule.builder("gz-cycle", CreditRule.Kind.PER_UNIT, "transport.bicycle")
                .countedIn(Unit.MINUTE)
                .threshold(Quantity.parse("20 min")).perUnit("1", "1", null).pointsPerGram("1").build();
        CreditRule walk = CreditRule.builder("zz-walk", CreditRule.Kind.PER_UNIT, "steps.daily")
                .countedIn(Unit.COUNT).perUnit("1", "0.01", null).pointsPerGram("1").build();
        List<Activity> day = List.of(activity("c1", "transport.bicycle", "30 min", "2024-05-01T08:00", Map.of()),
                activity("c2", "transport.bicycle", "4 km", "2024-05-01T09:00", Map.of()),
                activity("w1", "steps.daily", "2 kWh", "2024-05-01T10:00", Map.of()),
                activity("c3", "transport.bicycle", "1 h", "2024-05-01T11:00", Map.of()));
        CreditResult result = CreditEngine.evaluate(rules(cycling, walk), day);
        assertThat(result.getAwards()).extracting(Award::getActivityId).containsExactly("c1", "c2", "w1", "c3");
        assertThat(result.getAwards()).extracting(Award::getOutcome).containsExactly(Award.Outcome.AWARDED,
                Award.Outcome.INCOMPATIBLE_QUANTITY, Award.Outcome.INCOMPATIBLE_QUANTITY, Award.Outcome.AWARDED);
        assertThat(result.getAwards().get(1).explain()).contains("incompatible quantity: activity c2 has 4 km, which cannot"
                + " be counted against the threshold 20 min (Dimensions differ: ");
        assertThat(result.getAwards().get(2).explain()).contains("incompatible quantity: activity w1 has 2 kWh, which cannot"
                + " be counted against the units of rule zz-walk (Dimensions differ: ");
        assertThat(result.getPoints()).extracting(LedgerEntry::getActivityId).containsExactly("c1", "c3");
        assertThat(result.getPoints().get(1).getAmount()).isEqualByComparingTo("60");
    }

    @Test
    void gramsCap_trimsConvertedAwards_andRefusesFixedOnes() {
        CreditRule metro = CreditRule.builder("metro", CreditRule.Kind.AVOIDED_EMISSIONS, "transport.rail.metro")
                .netFactor("46.7", Unit.PASSENGER_KILOMETRE).pointsPerGram("1")
                .cap(Cap.of(Period.DAY, Cap.Unit.GRAMS, "1000")).build();
        List<Activity> trips = List.of(activity("a", "transport.rail.metro", "12 pkm", "2024-05-01T08:00", Map.of()),
                activity("b", "transport.rail.metro", "12 pkm", "2024-05-01T18:00", Map.of()),
                activity("c", "transport.rail.metro", "1 pkm", "2024-05-01T20:00", Map.of()),
                activity("d", "transport.rail.metro", "1 pkm", "2024-05-02T08:00", Map.of()));
        CreditResult result = CreditEngine.evaluate(rules(metro), trips);
        assertThat(result.getAwards()).extracting(Award::getOutcome).containsExactly(Award.Outcome.AWARDED,
                Award.Outcome.PARTIALLY_CAPPED, Award.Outcome.CAPPED, Award.Outcome.AWARDED);
        assertThat(result.getAwards()).extracting(Award::getGrams).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("560.4"), new BigDecimal("439.6"), BigDecimal.ZERO, new BigDecimal("46.7"));
        assertThat(result.getAwards().get(1).explain()).contains("cap DAY GRAMS 1000: trimmed 560.4 g to the 439.6 g left");
        CreditRule fixed = CreditRule.builder("fixed", CreditRule.Kind.FIXED_PER_EVENT, "food.clean_plate")
                .award("144", "5").cap(Cap.of(Period.WEEK, Cap.Unit.GRAMS, "300")).build();
        List<Activity> plates = List.of(activity("p1", "food.clean_plate", "1 count", "2024-05-06T12:00", Map.of()),
                activity("p2", "food.clean_plate", "1 count", "2024-05-07T12:00", Map.of()),
                activity("p3", "food.clean_plate", "1 count", "2024-05-12T12:00", Map.of()),
                activity("p4", "food.clean_plate", "1 count", "2024-05-13T12:00", Map.of()));
        assertThat(CreditEngine.evaluate(rules(fixed), plates).getAwards()).extracting(Award::getOutcome).containsExactly(
                Award.Outcome.AWARDED, Award.Outcome.AWARDED, Award.Outcome.CAPPED, Award.Outcome.AWARDED);
    }

    @Test
    void rollingWindowCap_countsTheTrailingWindow_notTheCalendarDay() {
        CreditRule metro = CreditRule.builder("metro", CreditRule.Kind.FIXED_PER_EVENT, "transport.rail.metro")
                .award("52", "52").cap(Cap.rolling(java.time.Duration.ofHours(24), Cap.Unit.COUNT, "2")).build();
        List<Activity> rides = List.of(activity("r1", "transport.rail.metro", "1 count", "2024-05-01T20:00", Map.of()),
                activity("r2", "transport.rail.metro", "1 count", "2024-05-01T22:00", Map.of()),
                activity("r3", "transport.rail.metro", "1 count", "2024-05-02T08:00", Map.of()),
                activity("r4", "transport.rail.metro", "1 count", "2024-05-02T20:00", Map.of()),
                activity("r5", "transport.rail.metro", "1 count", "2024-05-02T21:00", Map.of()),
                activity("r6", "transport.rail.metro", "1 count", "2024-05-02T22:00", Map.of()));
        CreditResult result = CreditEngine.evaluate(rules(metro), rides);
        // r3 is a new calendar day but within 24 h of r1 and r2; at 20:00 on 05-02, r1 (exactly 24 h before)
        // has left the window (t - 24 h, t] and r2 has not; at 22:00, r2 has left too.
        assertThat(result.getAwards()).extracting(Award::getOutcome).containsExactly(Award.Outcome.AWARDED,
                Award.Outcome.AWARDED, Award.Outcome.CAPPED, Award.Outcome.AWARDED, Award.Outcome.CAPPED,
                Award.Outcome.AWARDED);
        assertThat(result.getAwards().get(2).explain()).contains("capped: ROLLING PT24H COUNT 2 already reached (2 used)");
        assertThat(result.totalGrams("alice")).isEqualByComparingTo("208");
    }

    @Test
    void perEventCap_trimsOneAward_andLongerCapsRecordWhatWasFinallyEarned() {
        CreditRule walk = CreditRule.builder("walk", CreditRule.Kind.PER_UNIT, "steps.daily").countedIn(Unit.COUNT)
                .perUnit("1", "0.02", null).pointsPerGram("1")
                .cap(Cap.perEvent(Cap.Unit.GRAMS, "296"))
                .cap(Cap.of(Period.WEEK, Cap.Unit.GRAMS, "500"))
                .cap(Cap.of(Period.DAY, Cap.Unit.GRAMS, "400")).build();
        List<Activity> days = List.of(activity("mon", "steps.daily", "20000 count", "2024-05-06T21:00", Map.of()),
                activity("tue", "steps.daily", "5000 count", "2024-05-07T21:00", Map.of()),
                activity("wed", "steps.daily", "10000 count", "2024-05-08T21:00", Map.of()));
        CreditResult result = CreditEngine.evaluate(rules(walk), days);
        // mon: 400 g, trimmed to 296 per event; the day and week caps record 296, not 400.
        // tue: 100 g, week 396 of 500. wed: 200 g, trimmed to the 104 g left of the week.
        assertThat(result.getAwards()).extracting(Award::getGrams).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("296"), new BigDecimal("100"), new BigDecimal("104"));
        assertThat(result.getAwards().get(0).explain()).contains("cap EVENT GRAMS 296: trimmed 400 g to the 296 g left\n"
                + "cap DAY GRAMS 400: 296 of 400 g used\ncap WEEK GRAMS 500: 296 of 500 g used\n");
        assertThat(result.getAwards().get(2).explain()).contains("cap WEEK GRAMS 500: trimmed 200 g to the 104 g left");
        assertThat(Cap.perEvent(Cap.Unit.POINTS, "50").toString()).isEqualTo("EVENT POINTS 50");
        assertThatThrownBy(() -> Cap.perEvent(Cap.Unit.COUNT, "1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one event is always one award");
        assertThatThrownBy(() -> Cap.rolling(java.time.Duration.ZERO, Cap.Unit.COUNT, "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive: PT0S");
    }

    @Test
    void dynamicBaseline_staticPerCapitaFirst_thenTheAccountsOwnTrailingAverage() {
        // the shape of Shenzhen's household electricity method; the factor and per-capita values are test data
        CreditRule power = CreditRule.builder("power", CreditRule.Kind.DYNAMIC_BASELINE, "electricity.daily")
                .savingFactor("581", Quantity.parse("1 kWh")).staticBaseline(Quantity.parse("4 kWh"), "householdSize")
                .trailingBaseline(7).pointsPerGram("1").build();
        List<Activity> days = new ArrayList<>();
        String[] readings = {"14", "13", "15", "12", "16", "14", "13", "13", "20", "10"};
        for (int i = 0; i < readings.length; i++) {
            days.add(activity("d" + (i + 1), "electricity.daily", readings[i] + " kWh",
                    String.format(java.util.Locale.ROOT, "2024-05-%02dT23:00", i + 1), Map.of("householdSize", "3")));
        }
        days.add(activity("other", "electricity.daily", "11 kWh", "2024-05-10T23:00", Map.of()));
        List<Award> awards = CreditEngine.evaluate(rules(power), days).getAwards();
        assertThat(awards).extracting(Award::getOutcome).containsExactly(Award.Outcome.NOT_BELOW_BASELINE,
                Award.Outcome.NOT_BELOW_BASELINE, Award.Outcome.NOT_BELOW_BASELINE, Award.Outcome.NOT_BELOW_BASELINE,
                Award.Outcome.NOT_BELOW_BASELINE, Award.Outcome.NOT_BELOW_BASELINE, Award.Outcome.NOT_BELOW_BASELINE,
                Award.Outcome.AWARDED, Award.Outcome.NOT_BELOW_BASELINE, Award.Outcome.AWARDED, Award.Outcome.AWARDED);
        assertThat(awards.get(3).explain()).contains("static baseline: 4 kWh per person x 3 = 12 kWh\n"
                + "actual 12 kWh is not below the static baseline\n"
                + "trailing baseline not applicable: the account has no reading on 2024-04-27 (needs 7 days, 2024-04-27"
                + " to 2024-05-03)\n");
        // day 8: 13 kWh against the 7-day average 97 / 7; the saving is 6/7 kWh, and 6 x 581 / 7 is exactly 498 g
        assertThat(awards.get(7).getGrams()).isEqualByComparingTo("498");
        assertThat(awards.get(7).explain()).contains("trailing baseline: the average of 7 days, 2024-05-01 to 2024-05-07,"
                + " 97 / 7 = 13.85714285714285714285714285714286 kWh\n"
                + "saving: (97 - 13 x 7) / 7 kWh x 581 g per 1 kWh = 498 g\n");
        assertThat(awards.get(8).explain()).contains("96 / 7 = 13.71428571428571428571428571428571 kWh\n"
                + "actual 20 kWh is not below the trailing baseline\n");
        assertThat(awards.get(9).getGrams()).isEqualByComparingTo("1162");
        assertThat(awards.get(9).explain()).contains("saving: 2 kWh x 581 g per 1 kWh = 1162 g");
        // a second reading that day, without the household size: no static baseline, so the trailing one of
        // 2024-05-03 to 2024-05-09 (103 / 7) applies, and (103 - 11 x 7) x 581 / 7 is exactly 2158 g
        assertThat(awards.get(10).explain()).contains("static baseline not applicable: attribute 'householdSize' should"
                + " hold the number of persons, and the activity does not have it\n");
        assertThat(awards.get(10).getGrams()).isEqualByComparingTo("2158");
    }

    @Test
    void pointsCap_trimsPointsOnly_afterPromotions() {
        CreditRule bus = CreditRule.builder("bus", CreditRule.Kind.FIXED_PER_EVENT, "transport.bus")
                .award("80", "10").cap(Cap.of(Period.DAY, Cap.Unit.POINTS, "25")).build();
        RuleSet set = RuleSet.of("s", "1", SHANGHAI, List.of(bus), List.of(new Promotion("x2", new BigDecimal("2"),
                Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"), Set.of("bus"))));
        List<Activity> trips = List.of(activity("b1", "transport.bus", "1 count", "2024-05-01T08:00", Map.of()),
                activity("b2", "transport.bus", "1 count", "2024-05-01T09:00", Map.of()),
                activity("b3", "transport.bus", "1 count", "2024-05-01T10:00", Map.of()));
        CreditResult result = CreditEngine.evaluate(set, trips);
        assertThat(result.getAwards()).extracting(Award::getPoints).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("20"), new BigDecimal("5"), BigDecimal.ZERO);
        assertThat(result.totalGrams("alice")).isEqualByComparingTo("160");
        assertThat(result.getAwards().get(2).getOutcome()).isEqualTo(Award.Outcome.CAPPED);
    }

    @Test
    void pointsRounding_andNoRule() {
        CreditRule steps = CreditRule.builder("wuhan-steps", CreditRule.Kind.PER_UNIT, "steps.daily")
                .countedIn(Unit.COUNT)
                .perUnit("1", "0.02", "0.02").roundPoints(Rounding.of(0, RoundingMode.DOWN)).build();
        CreditResult result = CreditEngine.evaluate(rules(steps), List.of(
                activity("s", "steps.daily", "7263 count", "2024-05-01T22:00", Map.of()),
                activity("x", "food.beef.beef_herd", "0.4 kg", "2024-05-01T19:00", Map.of())));
        assertThat(result.getAwards().get(0).getOutcome()).isEqualTo(Award.Outcome.NO_RULE);
        assertThat(result.getAwards().get(0).getSteps()).containsExactly("no rule of test is about food.beef.beef_herd");
        assertThat(result.getAwards().get(1).getPoints()).isEqualByComparingTo("145");
        assertThat(result.getAwards().get(1).getGrams()).isEqualByComparingTo("145.26");
    }

    @Test
    void sameActivityIdTwice_isEvaluatedOnce() {
        Activity trip = activity("dup", "transport.bus.electric", "10 pkm", "2024-05-01T08:00", Map.of());
        CreditResult result = CreditEngine.evaluate(rules(WorkedExamplesTest.shenzhenEbus()), List.of(trip, trip));
        assertThat(result.getAwards()).hasSize(1);
        assertThat(result.totalGrams("alice")).isEqualByComparingTo("269");
    }

    /** The same activities in any arrival order give the identical awards and ledgers. */
    @Test
    void anyInputOrder_givesTheIdenticalLedger() {
        CreditRule payment = WorkedExamplesTest.antOfflinePayment();
        CreditRule bill = WorkedExamplesTest.antUtilityBill();
        CreditRule ebus = CreditRule.builder("sz-ebus", CreditRule.Kind.AVOIDED_EMISSIONS, "transport.bus.electric")
                .netFactor("26.9", Unit.PASSENGER_KILOMETRE).pointsPerGram("1")
                .cap(Cap.of(Period.DAY, Cap.Unit.GRAMS, "500")).build();
        CreditRule budget = CreditRule.builder("budget", CreditRule.Kind.ALLOWANCE_BUDGET, "footprint.mobility")
                .budget(new CreditRule.Budget(Period.DAY, Quantity.parse("2 kg"), BigDecimal.ONE)).pointsPerGram("0.01")
                .build();
        CreditRule sorting = CreditRule.builder("sorting", CreditRule.Kind.FIXED_PER_EVENT, "action.waste_sorting")
                .award("0.4", null).pointsPerGram("1").roundGramsPerPeriod(Rounding.of(0, RoundingMode.DOWN), Period.DAY)
                .issuance(Issuance.nextLocalDayAt(LocalTime.of(7, 0)).expiresAfter(Duration.ofDays(3)))
                .build();
        RuleSet set = RuleSet.of("mix", "1", SHANGHAI, List.of(payment, bill, ebus, budget, sorting), List.of());
        qt().withFixedSeed(20261128L).withExamples(200).forAll(integers().between(1, 60), longs().all())
                .checkAssert((count, seed) -> {
                    Random random = new Random(seed);
                    List<Activity> activities = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        String time = String.format(java.util.Locale.ROOT, "2024-03-0%dT%02d:%02d", 1 + random.nextInt(3),
                                random.nextInt(24), random.nextInt(4) * 15);
                        activities.add(switch (random.nextInt(5)) {
                            case 3 -> activity("f" + i, "footprint.mobility", random.nextInt(900) + " g", time, Map.of());
                            case 4 -> activity("s" + i, "action.waste_sorting", "1 count", time, Map.of());
                            case 0 -> activity("p" + i, "payment.offline", "1 count", time,
                                    Map.of("amount_cny", random.nextBoolean() ? "5" : "0.5"));
                            case 1 -> activity("u" + i, "payment.utility", "1 count", time,
                                    Map.of("amount_cny", "30", "utilityAccountNo", "N" + random.nextInt(4)));
                            default -> activity("e" + i, "transport.bus.electric", random.nextInt(200) / 10 + " pkm",
                                    time, Map.of());
                        });
                    }
                    CreditResult ordered = CreditEngine.evaluate(set, activities);
                    List<Activity> shuffled = new ArrayList<>(activities);
                    Collections.shuffle(shuffled, random);
                    CreditResult again = CreditEngine.evaluate(set, shuffled);
                    assertThat(again).isEqualTo(ordered);
                });
    }

    /**
     * Keys compare attribute values as values: "line=1,stop=2" in one attribute and "3" in the other is not "1" and
     * "2,stop=3", although both would join into the same text. Caps count per key the same way.
     */
    @Test
    void dedupAndCapKeys_compareValuesNotJoinedText() {
        CreditRule rule = CreditRule.builder("bus", CreditRule.Kind.FIXED_PER_EVENT, "transport.bus")
                .award("10", "10").dedup(Period.DAY, List.of("line", "stop"))
                .cap(new Cap(Period.DAY, null, Cap.Unit.COUNT, new BigDecimal("1"), List.of("line")))
                .build();
        CreditResult result = CreditEngine.evaluate(rules(rule), List.of(
                activity("b1", "transport.bus", "1 count", "2024-03-01T08:00", Map.of("line", "1,stop=2", "stop", "3")),
                activity("b2", "transport.bus", "1 count", "2024-03-01T09:00", Map.of("line", "1", "stop", "2,stop=3")),
                activity("b3", "transport.bus", "1 count", "2024-03-01T10:00", Map.of("line", "1", "stop", "4"))));
        assertThat(result.getAwards()).extracting(Award::getActivityId, Award::getOutcome).containsExactly(
                tuple("b1", Award.Outcome.AWARDED),
                tuple("b2", Award.Outcome.AWARDED),
                tuple("b3", Award.Outcome.CAPPED));
    }

    /** A QR code scanned twice within 30 minutes earns once; a scan 30 minutes after the one that earned earns again. */
    @Test
    void rollingDedup_earnsOncePerKeyWithinTheWindow() {
        CreditRule rule = CreditRule.builder("metro", CreditRule.Kind.FIXED_PER_EVENT, "transport.rail.metro")
                .award("52", "52").dedupWithin(Duration.ofMinutes(30), List.of("station")).build();
        CreditResult result = CreditEngine.evaluate(rules(rule), List.of(
                activity("t1", "transport.rail.metro", "1 count", "2024-03-01T23:50", Map.of("station", "A")),
                activity("t2", "transport.rail.metro", "1 count", "2024-03-02T00:19", Map.of("station", "A")),
                activity("t3", "transport.rail.metro", "1 count", "2024-03-02T00:05", Map.of("station", "B")),
                activity("t4", "transport.rail.metro", "1 count", "2024-03-02T00:20", Map.of("station", "A"))));
        assertThat(result.getAwards()).extracting(Award::getActivityId, Award::getOutcome).containsExactly(
                tuple("t1", Award.Outcome.AWARDED),
                tuple("t3", Award.Outcome.AWARDED),
                tuple("t2", Award.Outcome.DUPLICATE),
                tuple("t4", Award.Outcome.AWARDED));
        // a calendar-day dedup would have let t2 earn: it is on the next local day
        assertThat(result.getAwards().get(2).explain()).contains("duplicate: [station] already earned within PT30M"
                + " (activity t1 at 2024-03-01T23:50+08:00)\n");
        assertThat(rule.getDedupWindow()).contains(Duration.ofMinutes(30));
        assertThat(rule.getDedupPeriod()).isEmpty();
        assertThatThrownBy(() -> CreditRule.builder("m", CreditRule.Kind.FIXED_PER_EVENT, "a.b").award("1", "1")
                .dedupWithin(Duration.ZERO, List.of())).hasMessage("A deduplication window must be positive, not PT0S");
    }

    @Test
    void theSameCapTwice_isRefused_ratherThanCountedTwice() {
        assertThatThrownBy(() -> CreditRule.builder("m", CreditRule.Kind.FIXED_PER_EVENT, "a.b").award("1", "1")
                .cap(Cap.of(Period.DAY, Cap.Unit.COUNT, "3")).cap(Cap.of(Period.DAY, Cap.Unit.COUNT, "3")).build())
                .hasMessage("Rule m: the same cap is given twice: [DAY COUNT 3, DAY COUNT 3]");
    }

    @Test
    void invalidRules_areRejectedWithTheRuleId() {
        assertThatThrownBy(() -> CreditRule.builder("r", CreditRule.Kind.AVOIDED_EMISSIONS, "a.b").pointsPerGram("1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Rule r: an avoided-emissions rule needs either a"
                        + " net factor or a baseline and a project factor, and the unit they are per");
        assertThatThrownBy(() -> CreditRule.builder("r", CreditRule.Kind.AVOIDED_EMISSIONS, "a.b")
                .netFactor("1", Unit.KILOMETRE).build())
                .hasMessage("Rule r: an avoided-emissions rule needs a conversion to points (points per gram, 0 for none)");
        assertThatThrownBy(() -> CreditRule.builder("r", CreditRule.Kind.FIXED_PER_EVENT, "a.b").build())
                .hasMessage("Rule r: a fixed-per-event rule needs an award or evidence levels");
        assertThatThrownBy(() -> CreditRule.builder("r", CreditRule.Kind.PER_UNIT, "a.b").countedIn(Unit.COUNT).perUnit("0", "1", "1").build())
                .hasMessage("Rule r: unit size must be positive: 0");
        assertThatThrownBy(() -> CreditRule.builder("r", CreditRule.Kind.PER_UNIT, "a.b").perUnit("1", "1", "1").build())
                .hasMessage("Rule r: a per-unit rule needs the unit it counts in, such as count for steps or min");
        assertThatThrownBy(() -> CreditRule.builder("r", CreditRule.Kind.FIXED_PER_EVENT, "a.b").award("1", null).build())
                .hasMessage("Rule r: the rule gives no points and no conversion from grams to points");
        assertThatThrownBy(() -> CreditRule.builder("r", CreditRule.Kind.FIXED_PER_EVENT, "a.b").award("-1", "1"))
                .hasMessage("An award must not be negative: -1 g, 1 points");
        assertThatThrownBy(() -> Cap.of(Period.DAY, Cap.Unit.COUNT, "-1"))
                .hasMessage("A cap's limit must not be negative: -1");
        assertThatThrownBy(() -> new Promotion("p", BigDecimal.ZERO, Instant.EPOCH, Instant.MAX, Set.of()))
                .hasMessage("Promotion p: multiplier must be positive: 0");
        assertThatThrownBy(() -> new Promotion("p", BigDecimal.ONE, Instant.MAX, Instant.EPOCH, Set.of()))
                .hasMessage("Promotion p: validTo must be after validFrom");
        CreditRule ok = WorkedExamplesTest.shenzhenEbus();
        assertThatThrownBy(() -> RuleSet.of("s", "1", SHANGHAI, List.of(ok, ok), List.of()))
                .hasMessage("Rule set s has two rules with id 'sz-ebus'");
        assertThatThrownBy(() -> RuleSet.of("s", "1", SHANGHAI, List.of(ok), List.of(new Promotion("p", BigDecimal.ONE,
                Instant.EPOCH, Instant.MAX, Set.of("nope"))))).hasMessage("Promotion p applies to rule 'nope', which"
                        + " rule set s does not have");
    }

    @Test
    void conditions() {
        Activity a = activity("a", "a.b", "1 count", "2024-05-01T08:00", Map.of("mode", "metro", "amount_cny", "abc"));
        assertThat(Condition.equalTo("mode", "metro").test(a)).isTrue();
        assertThat(new Condition("mode", Condition.Operator.IN, List.of("bus", "metro")).test(a)).isTrue();
        assertThat(Condition.atLeast("amount_cny", "1").test(a)).isFalse();
        assertThat(new Condition("missing", Condition.Operator.AT_MOST, List.of("1")).test(a)).isFalse();
        assertThat(Condition.atLeast("amount_cny", "1")).hasToString("amount_cny AT_LEAST [1]");
        assertThatThrownBy(() -> new Condition("x", Condition.Operator.IN, List.of())).hasMessage("Condition on 'x' needs a value");
        assertThatThrownBy(() -> Condition.atLeast("x", "one")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the value of a condition on 'x': expected a decimal number, found 'one'");
        assertThat(Condition.atLeast("amount_cny", "1").test(activity("b", "a.b", "1 count", "2024-05-01T08:00",
                Map.of("amount_cny", "1e999999999")))).isFalse();
    }

    /**
     * The keyed sort gives the comparator's order object for object, ties and duplicate ids kept in batch order: over
     * random batches with many equal seconds, equal instants and repeated ids, and batches spanning too long a time
     * for the keys.
     */
    @Test
    void sortChronologically_isTheComparatorsStableOrder() {
        qt().withFixedSeed(20261128L).withExamples(400)
                .forAll(integers().between(0, 300), integers().between(1, 5_000), longs().between(0, Long.MAX_VALUE))
                .checkAssert((size, spread, seed) -> {
                    Random random = new Random(seed);
                    boolean wide = random.nextInt(10) == 0;
                    List<Activity> batch = new ArrayList<>();
                    for (int i = 0; i < size; i++) {
                        long second = wide && i % 2 == 0 ? random.nextLong(-30_000_000_000L, 30_000_000_000L) * 1000
                                : 1_700_000_000L + random.nextInt(spread);
                        batch.add(Activity.builder("a" + random.nextInt(Math.max(1, size / 3))).account("x")
                                .type("t.a").quantity(Quantity.parse("1 count"))
                                .time(Instant.ofEpochSecond(second, random.nextInt(3) * 500_000_000L), SHANGHAI)
                                .region(dev.carbonkit.factor.Region.of("CN")).build());
                    }
                    List<Activity> expected = new ArrayList<>(batch);
                    expected.sort((a, b) -> {
                        int byTime = a.getTime().compareTo(b.getTime());
                        return byTime != 0 ? byTime : a.getId().compareTo(b.getId());
                    });
                    List<Activity> actual = new ArrayList<>(batch);
                    CreditEngine.sortChronologically(actual);
                    assertThat(actual).as("size %d, spread %d, wide %s", size, spread, wide)
                            .usingElementComparator((a, b) -> a == b ? 0 : 1).containsExactlyElementsOf(expected);
                });
    }

    /**
     * Caps, issuance and explanations count the local day in the rule set's zone, whatever zone an activity was
     * recorded in: 15:30 and 16:30 UTC on 1 March are 23:30 on 1 March and 00:30 on 2 March in Shanghai.
     */
    @Test
    void localDay_isTheRuleSetsZones_notTheActivitys() {
        CreditRule once = CreditRule.builder("once-a-day", CreditRule.Kind.FIXED_PER_EVENT, "payment.offline")
                .award("5", "5").cap(Cap.of(Period.DAY, Cap.Unit.COUNT, "1"))
                .issuance(Issuance.nextLocalDayAt(LocalTime.of(7, 0))).build();
        List<Activity> batch = new ArrayList<>();
        for (String[] row : new String[][] {{"u1", "2024-03-01T15:30:00Z", "UTC"}, {"u2", "2024-03-01T16:30:00Z", "UTC"},
            {"u3", "2024-03-01T17:00:00Z", "Europe/London"}, {"u4", "2024-03-02T15:59:00Z", "Asia/Shanghai"}}) {
            batch.add(Activity.builder(row[0]).account("alice").type("payment.offline").quantity(Quantity.parse("1 count"))
                    .time(Instant.parse(row[1]), java.time.ZoneId.of(row[2])).region(dev.carbonkit.factor.Region.of("CN"))
                    .build());
        }
        CreditResult result = CreditEngine.evaluate(rules(once), batch);
        // u1 on 1 March; u2, u3 and u4 on 2 March (u4 at 23:59), so only u2 earns of those
        assertThat(result.getAwards()).extracting(Award::getActivityId, Award::getOutcome).containsExactly(
                tuple("u1", Award.Outcome.AWARDED), tuple("u2", Award.Outcome.AWARDED),
                tuple("u3", Award.Outcome.CAPPED), tuple("u4", Award.Outcome.CAPPED));
        assertThat(result.getPoints()).extracting(entry -> entry.getSchedule().getIssuedAt()).containsExactly(
                Instant.parse("2024-03-01T23:00:00Z"), Instant.parse("2024-03-02T23:00:00Z"));
        assertThat(result.getAwards().get(1).explain()).contains("2024-03-01T16:30:00Z = 2024-03-02 in Asia/Shanghai");
    }
}
