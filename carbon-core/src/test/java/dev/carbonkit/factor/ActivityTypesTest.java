package dev.carbonkit.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.Fixtures;
import dev.carbonkit.io.ActivityTypesException;
import dev.carbonkit.io.ActivityTypesLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The vocabulary of activity types: the hierarchy by dots, the known types, and the declared ones read from YAML. */
class ActivityTypesTest {

    @Test
    void theHierarchy_isTheDottedPrefix() {
        assertThat(ActivityTypes.parent("transport.bus.electric")).contains("transport.bus");
        assertThat(ActivityTypes.parent("transport")).isEmpty();
        assertThat(ActivityTypes.isUnder("transport.bus.electric", "transport.bus")).isTrue();
        assertThat(ActivityTypes.isUnder("transport.bus", "transport.bus")).isTrue();
        assertThat(ActivityTypes.isUnder("transport.busway", "transport.bus")).isFalse();
        assertThat(ActivityTypes.isUnder("transport.bus", "transport.bus.electric")).isFalse();
    }

    @Test
    void known_areTheTypesWithFactors_theDeclared_andTheGroupsAboveThem() {
        ActivityTypes types = ActivityTypes.of(FactorCatalog.of(Fixtures.desnz2024()))
                .withDeclared(Map.of("payment.offline", "a payment made with a phone"));
        assertThat(types.contains("transport.rail.underground")).isTrue();
        assertThat(types.hasFactors("transport.rail.underground")).isTrue();
        assertThat(types.contains("transport.rail")).isTrue();
        assertThat(types.hasFactors("transport.rail")).isFalse();
        assertThat(types.contains("payment")).isTrue();
        assertThat(types.contains("transport.rail.metro")).isFalse();
        assertThat(types.getDeclared()).containsExactly(Map.entry("payment.offline", "a payment made with a phone"));
        assertThat(types.nearestWithFactors("transport.rail.underground.night")).contains("transport.rail.underground");
        assertThat(types.nearestWithFactors("payment.offline")).isEmpty();
        assertThat(types.unknown(java.util.List.of("payment.offline", "transport.rail.metro", "transport")))
                .containsExactly("transport.rail.metro");
        assertThat(types.suggest("transport.rail.undergound")).contains("transport.rail.underground");
        assertThat(types.suggest("rail.underground")).contains("transport.rail.underground");
        assertThat(types.suggest("zzz")).isEmpty();
        assertThatThrownBy(() -> types.withDeclared(Map.of("Payment", "x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Payment'");
        assertThatThrownBy(() -> types.withDeclared(Map.of("payment.cash", " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Declared activity type 'payment.cash' needs a"
                        + " meaning");
    }

    @Test
    void declaredTypes_areReadFromYaml_withEveryProblemPositioned() {
        ActivityTypes read = ActivityTypesLoader.standard().parse("format: carbonkit-activity-types/1\ntypes:\n"
                + "  - {type: action.clean_plate, meaning: a meal finished}\n", "types.yaml");
        assertThat(read.getDeclared()).containsExactly(Map.entry("action.clean_plate", "a meal finished"));
        assertThatThrownBy(() -> ActivityTypesLoader.standard().parse("format: carbonkit-activity-types/2\ntypes:\n"
                + "  - {type: action.clean_plate, meaning: a meal finished}\n"
                + "  - {type: action.clean_plate, meaning: again}\n"
                + "  - {type: Action.Bag, meaning: x}\n"
                + "  - {type: action.bag, meening: x}\n", "types.yaml"))
                .isInstanceOf(ActivityTypesException.class)
                .satisfies(e -> assertThat(((ActivityTypesException) e).getProblems()).extracting(Object::toString)
                        .containsExactly(
                                "types.yaml:1:9: format: unsupported format 'carbonkit-activity-types/2'; this version"
                                        + " of carbonkit reads 'carbonkit-activity-types/1'",
                                "types.yaml:4:12: types[1].type: type 'action.clean_plate' is declared twice (first at"
                                        + " line 3)",
                                "types.yaml:5:12: types[2].type: 'Action.Bag' is not a dotted lower-case key such as"
                                        + " 'action.clean_plate'",
                                "types.yaml:6:24: types[3].meening: unknown key 'meening'; did you mean 'meaning'?",
                                "types.yaml:6:5: types[3]: missing key 'meaning'"));
    }
}
