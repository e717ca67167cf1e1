package dev.carbonkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.factor.Crosswalk;
import org.junit.jupiter.api.Test;

/** Crosswalks read from YAML, every problem with its position, and each mapping's provenance, its own or the file's. */
class CrosswalkLoaderTest {

    private static final String HEAD = "format: carbonkit-crosswalk/1\ncrosswalk: shop\nfrom: a shop's categories\n"
            + "source: the shop's catalogue, 2024\nstatus: \"DERIVED: our reading\"\nmappings:\n";

    @Test
    void mappings_carryTheirOwnProvenance_orTheFiles() {
        Crosswalk crosswalk = CrosswalkLoader.standard().parse(HEAD + "  - {code: shoes, label: Shoes, type:"
                + " spend.naics.316210}\n  - {code: air, label: Flights, type: spend.naics.481111, source: an airline's"
                + " note, status: SOURCED}\n", "shop.yaml");
        Crosswalk.Mapping shoes = crosswalk.map("shoes").get();
        Crosswalk.Mapping air = crosswalk.map("air").get();
        assertThat(crosswalk.sourceOf(shoes)).isEqualTo("the shop's catalogue, 2024");
        assertThat(crosswalk.statusOf(shoes)).isEqualTo("DERIVED: our reading");
        assertThat(crosswalk.sourceOf(air)).isEqualTo("an airline's note");
        assertThat(crosswalk.statusOf(air)).isEqualTo("SOURCED");
        assertThat(crosswalk).hasToString("shop (a shop's categories to activity types, 2 categories; DERIVED: our"
                + " reading)");
    }

    @Test
    void everyProblem_isPlaced() {
        assertThatThrownBy(() -> CrosswalkLoader.standard().parse(HEAD.replace("status: \"DERIVED: our reading\"\n", "")
                + "  - {code: shoes, label: Shoes, type: spend.naics.316210}\n"
                + "  - {code: shoes, label: Boots, type: spend.naics.316210}\n"
                + "  - {code: hats, label: Hats, type: Spend Hats}\n"
                + "  - {code: bags, typo: x, type: spend.naics.316990}\n", "shop.yaml"))
                .isInstanceOf(CrosswalkException.class)
                .satisfies(e -> assertThat(((CrosswalkException) e).getProblems()).extracting(Object::toString)
                        .containsExactly("shop.yaml:1:1: missing key 'status'",
                                "shop.yaml:7:12: mappings[1].code: category 'shoes' is mapped twice (first at line 6)",
                                "shop.yaml:8:37: mappings[2].type: 'Spend Hats' is not a dotted lower-case activity"
                                        + " type such as 'spend.naics.315220'",
                                "shop.yaml:9:18: mappings[3].typo: unknown key 'typo'; did you mean 'type'?",
                                "shop.yaml:9:5: mappings[3]: missing key 'label'"));
    }
}
