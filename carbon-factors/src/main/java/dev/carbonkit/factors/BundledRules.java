package dev.carbonkit.factors;

import dev.carbonkit.UnknownCodeException;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.io.RuleSetLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The credit rule sets bundled with carbonkit: published carbon-inclusion methodologies and app schemes, each
 * with its sources and a status on every rule (SOURCED, DERIVED, UNVERIFIED, CONFLICTING), such as
 * {@code BundledRules.ruleSet("cn-alipay-ant-forest")}.
 * <p>
 * Values the reference marks ILLUSTRATIVE are never shipped; where a scheme publishes no points conversion,
 * its rules convert no grams to points (points per gram 0) rather than invent one. docs/bundled-rule-sets.md
 * lists what each set holds and what it leaves out. The sets are loaded once, on first use, and are immutable.
 * <p>
 * This class is a holder of static methods and cannot be instantiated.
 */
public final class BundledRules {

    /** The ids of the bundled rule sets. */
    public static final List<String> RULE_SET_IDS = List.of("cn-sz-low-carbon-public-transit", "cn-alipay-ant-forest",
            "alibaba-cloud-energy-expert", "cn-bj-maas-green-travel", "cn-wuhan-tantan-planet", "cn-wuhan-wutan-jianghu",
            "cn-luzhou-lvya");

    private static final String FOLDER = "dev/carbonkit/factors/rules/";

    private BundledRules() {
    }

    /** Loads the rule sets once, on first use. */
    private static final class Holder {
        static final Map<String, RuleSet> RULE_SETS = load();
    }

    private static Map<String, RuleSet> load() {
        RuleSetLoader loader = RuleSetLoader.standard();
        Map<String, RuleSet> sets = new LinkedHashMap<>();
        for (String id : RULE_SET_IDS) {
            String resource = FOLDER + id + ".yaml";
            try (InputStream in = BundledRules.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("carbon bug: bundled rule set " + resource + " is missing");
                }
                sets.put(id, loader.load(in, resource));
            } catch (IOException e) {
                throw new UncheckedIOException("carbon bug: bundled rule set " + resource + " cannot be read", e);
            }
        }
        return Map.copyOf(sets);
    }

    /**
     * Gets one bundled rule set.
     *
     * @param ruleSetId  the rule set's id, one of {@link #RULE_SET_IDS}, not null
     * @return the rule set, never null
     * @throws UnknownCodeException if no bundled rule set has that id, with the closest id as a hint
     */
    public static RuleSet ruleSet(String ruleSetId) {
        Objects.requireNonNull(ruleSetId, "ruleSetId");
        if (!RULE_SET_IDS.contains(ruleSetId)) {
            throw UnknownCodeException.of("bundled rule set", ruleSetId, RULE_SET_IDS);
        }
        return Holder.RULE_SETS.get(ruleSetId);
    }
}
