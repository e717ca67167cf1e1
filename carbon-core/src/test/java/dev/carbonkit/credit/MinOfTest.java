package dev.carbonkit.credit;

import static dev.carbonkit.credit.WorkedExamplesTest.activity;
import static dev.carbonkit.credit.WorkedExamplesTest.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.carbonkit.io.RuleSetException;
import dev.carbonkit.io.RuleSetLoader;
import dev.carbonkit.quantity.Unit;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** min_of: the lowest reduction of two or more calculation methods, the conservative choice. */
class MinOfTest {

    private static final Path EXAMPLE = Path.of("src/test/resources/rules/valid/min-of.yaml");

    @Test
    void guangzhousMetroTrip_isCreditedAtTheLowerOfItsTwoMethods() throws IOException {
        RuleSet set = RuleSetLoader.standard().load(EXAMPLE);
        Award award = CreditEngine.evaluate(set, List.of(activity("m1", "transport.rail.underground", "1 count",
                "2024-05-01T08:00", Map.of()))).getAwards().get(0);
        assertThat(award.getOutcome()).isEqualTo(Award.Outcome.AWARDED);
        assertThat(award.getGrams()).isEqualByComparingTo("515.5");
        assertThat(award.getPoints()).isEqualByComparingTo("0");
        assertThat(award.explain()).contains("method substitution (FIXED_PER_EVENT); source: 替代法 (substitution)")
                .contains("fixed award per event: 541.9 g")
                .contains("method mean (FIXED_PER_EVENT); source: 均值法 (mean)")
                .contains("fixed award per event: 515.5 g")
                .contains("the lowest of the methods (conservative): mean, 515.5 g");
    }

    @Test
    void theLowerMethod_isChosenForEachActivity_andTheRulesOwnCapsAndPointsApply() {
        CreditRule perKm = CreditRule.builder("per-km", CreditRule.Kind.AVOIDED_EMISSIONS, "transport.rail.underground")
                .netFactor("46.7", Unit.PASSENGER_KILOMETRE).pointsPerGram("0").build();
        CreditRule perTrip = CreditRule.builder("per-trip", CreditRule.Kind.FIXED_PER_EVENT, "transport.rail.underground")
                .award("515.5", null).pointsPerGram("0").build();
        CreditRule lower = CreditRule.builder("metro", CreditRule.Kind.MIN_OF, "transport.rail.underground")
                .method(perKm).method(perTrip).pointsPerGram("0.1").build();
        List<Award> awards = CreditEngine.evaluate(rules(lower), List.of(
                activity("short", "transport.rail.underground", "5 pkm", "2024-05-01T08:00", Map.of()),
                activity("long", "transport.rail.underground", "20 pkm", "2024-05-01T18:00", Map.of()))).getAwards();
        // 5 x 46.7 = 233.5 < 515.5; 20 x 46.7 = 934 > 515.5
        assertThat(awards).extracting(Award::getActivityId, Award::getGrams, Award::getPoints).containsExactly(
                tuple("short", new BigDecimal("233.5"), new BigDecimal("23.35")),
                tuple("long", new BigDecimal("515.5"), new BigDecimal("51.55")));
        assertThat(awards.get(0).explain()).contains("avoided: 5 pkm x net factor 46.7 g/pkm = 233.5 g")
                .contains("the lowest of the methods (conservative): per-km, 233.5 g");
        // the digest covers the methods: another value is another rule set
        CreditRule other = CreditRule.builder("metro", CreditRule.Kind.MIN_OF, "transport.rail.underground")
                .method(perKm).method(CreditRule.builder("per-trip", CreditRule.Kind.FIXED_PER_EVENT,
                        "transport.rail.underground").award("515.6", null).pointsPerGram("0").build())
                .pointsPerGram("0.1").build();
        assertThat(rules(other).getDigest()).isNotEqualTo(rules(lower).getDigest());
    }

    @Test
    void aMinOfRule_needsTwoMethodsInGramsAboutItsOwnType() {
        CreditRule perTrip = CreditRule.builder("per-trip", CreditRule.Kind.FIXED_PER_EVENT, "transport.rail.underground")
                .award("515.5", null).pointsPerGram("0").build();
        assertThatThrownBy(() -> CreditRule.builder("m", CreditRule.Kind.MIN_OF, "transport.rail.underground")
                .method(perTrip).pointsPerGram("0").build()).hasMessage("Rule m: a min-of rule needs two or more"
                        + " methods to take the lowest of");
        CreditRule withPoints = CreditRule.builder("points", CreditRule.Kind.FIXED_PER_EVENT,
                "transport.rail.underground").award("1", "5").build();
        assertThatThrownBy(() -> CreditRule.builder("m", CreditRule.Kind.MIN_OF, "transport.rail.underground")
                .method(perTrip).method(withPoints).pointsPerGram("0").build()).hasMessage("Rule m: method points"
                        + " gives points of its own; a min-of rule compares grams, and its own points-per-gram converts"
                        + " the lowest");
        CreditRule bus = CreditRule.builder("bus", CreditRule.Kind.FIXED_PER_EVENT, "transport.bus")
                .award("1", null).pointsPerGram("0").build();
        assertThatThrownBy(() -> CreditRule.builder("m", CreditRule.Kind.MIN_OF, "transport.rail.underground")
                .method(perTrip).method(bus).pointsPerGram("0").build()).hasMessage("Rule m: method bus is about"
                        + " transport.bus, not transport.rail.underground");
        assertThatThrownBy(() -> CreditRule.builder("f", CreditRule.Kind.FIXED_PER_EVENT, "transport.rail.underground")
                .award("1", "1").method(perTrip).build()).hasMessage("Rule f: methods belong to min-of rules only");
    }

    @Test
    void theLoader_placesEveryProblemOfAMethod() throws IOException {
        String yaml = Files.readString(EXAMPLE).replace("award: {grams: 515.5}", "award: {grams: 515.5, points: 5}")
                .replace("      - id: substitution\n        kind: fixed_per_event",
                        "      - id: substitution\n        kind: dynamic_baseline");
        assertThatThrownBy(() -> RuleSetLoader.standard().parse(yaml, "min-of.yaml"))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).getProblems()).extracting(Object::toString)
                        .containsExactly("min-of.yaml:19:15: rules[0].methods[0].kind: a min_of method is"
                                + " avoided_emissions, fixed_per_event, per_unit or scenario_difference, not"
                                + " dynamic_baseline"));
        String points = Files.readString(EXAMPLE).replace("award: {grams: 515.5}", "award: {grams: 515.5, points: 5}");
        assertThatThrownBy(() -> RuleSetLoader.standard().parse(points, "min-of.yaml"))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).getProblems()).extracting(Object::toString)
                        .containsExactly("min-of.yaml:12:5: rules[0]: rule gz-metro: method mean gives points of its own;"
                                + " a min-of rule compares grams, and its own points-per-gram converts the lowest"));
        String one = Files.readString(EXAMPLE).replace("    methods:", "    method:");
        assertThatThrownBy(() -> RuleSetLoader.standard().parse(one, "min-of.yaml"))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).getProblems()).extracting(Object::toString)
                        .contains("min-of.yaml:17:5: rules[0].method: unknown key 'method'; did you mean 'methods'?"));
    }
}
