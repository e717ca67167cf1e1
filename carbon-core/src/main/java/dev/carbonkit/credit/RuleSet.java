package dev.carbonkit.credit;

import dev.carbonkit.CarbonMath;
import dev.carbonkit.internal.CanonicalJson;
import dev.carbonkit.internal.Digests;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A scheme's rules and promotions, with the time zone its days, weeks and months are counted in, such as
 * 'cn.sz.low-carbon-public-transit, version 2021-12-trial, Asia/Shanghai'.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class RuleSet {

    private final String id;
    private final String version;
    private final ZoneId zone;
    private final List<String> sources;
    private final List<CreditRule> rules;
    private final List<Promotion> promotions;
    private final String digest;

    private RuleSet(String id, String version, ZoneId zone, List<String> sources, List<CreditRule> rules,
            List<Promotion> promotions) {
        this.id = id;
        this.version = version;
        this.zone = zone;
        this.sources = List.copyOf(sources);
        this.rules = List.copyOf(rules);
        this.promotions = List.copyOf(promotions);
        Set<String> ids = new HashSet<>();
        for (CreditRule rule : this.rules) {
            if (!ids.add(rule.getId())) {
                throw new IllegalArgumentException("Rule set " + id + " has two rules with id '" + rule.getId() + "'");
            }
        }
        for (Promotion promotion : this.promotions) {
            for (String ruleId : promotion.getAppliesTo()) {
                if (!ids.contains(ruleId)) {
                    throw new IllegalArgumentException("Promotion " + promotion.getId() + " applies to rule '" + ruleId
                            + "', which rule set " + id + " does not have");
                }
            }
        }
        this.digest = Digests.sha256(canonicalForm());
    }

    /**
     * Gets the canonical form whose SHA-256 is the digest: canonical JSON (sorted keys, plain decimal strings)
     * of the id, version, zone, sources, every rule with every parameter and its provenance, and every promotion.
     *
     * @return the canonical JSON text, never null
     */
    public String canonicalForm() {
        List<Object> ruleForms = new ArrayList<>();
        rules.forEach(rule -> ruleForms.add(rule.canonical()));
        List<Object> promotionForms = new ArrayList<>();
        promotions.forEach(p -> promotionForms.add(Map.of("id", p.getId(),
                "multiplier", CarbonMath.normalize(p.getMultiplier()).toPlainString(), "from", p.getValidFrom().toString(),
                "to", p.getValidTo().toString(), "rules", new ArrayList<>(new TreeSet<>(p.getAppliesTo())))));
        return CanonicalJson.write(Map.of("format", "carbonkit-rules/1", "ruleset", id, "version", version,
                "timezone", zone.getId(), "sources", sources, "rules", ruleForms, "promotions", promotionForms));
    }

    /**
     * Gets the content digest, "sha256:" and 64 lower-case hex digits, which every award's explanation names.
     * Changing any rule parameter or provenance, promotion, source, the version or the zone changes it.
     *
     * @return the digest, never null
     */
    public String getDigest() {
        return digest;
    }

    /**
     * Obtains a rule set.
     *
     * @param id  the scheme's id, not null
     * @param version  the version, not null
     * @param zone  the zone the scheme counts days in, not null
     * @param rules  the rules, in order, not null
     * @param promotions  the promotions, not null
     * @return the rule set, never null
     * @throws IllegalArgumentException if two rules share an id, or a promotion names an unknown rule
     */
    public static RuleSet of(String id, String version, ZoneId zone, List<CreditRule> rules, List<Promotion> promotions) {
        return of(id, version, zone, List.of(), rules, promotions);
    }

    /**
     * Obtains a rule set that names where its methodology is published.
     *
     * @param id  the scheme's id, not null
     * @param version  the version, not null
     * @param zone  the zone the scheme counts days in, not null
     * @param sources  where the methodology is published, such as URLs or document titles, in order, not null
     * @param rules  the rules, in order, not null
     * @param promotions  the promotions, not null
     * @return the rule set, never null
     * @throws IllegalArgumentException if two rules share an id, or a promotion names an unknown rule
     */
    public static RuleSet of(String id, String version, ZoneId zone, List<String> sources, List<CreditRule> rules,
            List<Promotion> promotions) {
        return new RuleSet(Objects.requireNonNull(id, "id"), Objects.requireNonNull(version, "version"),
                Objects.requireNonNull(zone, "zone"), Objects.requireNonNull(sources, "sources"),
                Objects.requireNonNull(rules, "rules"), Objects.requireNonNull(promotions, "promotions"));
    }

    /**
     * Gets the id.
     *
     * @return the id, never null
     */
    public String getId() {
        return id;
    }

    /**
     * Gets the version.
     *
     * @return the version, never null
     */
    public String getVersion() {
        return version;
    }

    /**
     * Gets where the methodology is published.
     *
     * @return the sources, in order, possibly empty, never null
     */
    public List<String> getSources() {
        return sources;
    }

    /**
     * Gets the zone the scheme counts days, weeks and months in.
     *
     * @return the zone, never null
     */
    public ZoneId getZone() {
        return zone;
    }

    /**
     * Gets the rules, in order.
     *
     * @return the rules, unmodifiable, never null
     */
    public List<CreditRule> getRules() {
        return rules;
    }

    /**
     * Gets the promotions.
     *
     * @return the promotions, unmodifiable, never null
     */
    public List<Promotion> getPromotions() {
        return promotions;
    }

    /**
     * Returns a summary such as "cn.sz.transit 2021-12-trial (Asia/Shanghai): 2 rules".
     *
     * @return the summary, never null
     */
    @Override
    public String toString() {
        return id + " " + version + " (" + zone + "): " + rules.size() + " rules";
    }
}
