package dev.carbonkit.io;

import dev.carbonkit.UnknownCodeException;
import dev.carbonkit.calc.FootprintTotals;
import dev.carbonkit.calc.Rounding;
import dev.carbonkit.credit.Cap;
import dev.carbonkit.credit.Condition;
import dev.carbonkit.credit.CreditRule;
import dev.carbonkit.credit.Issuance;
import dev.carbonkit.credit.Promotion;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.factor.ActivityTypes;
import dev.carbonkit.factor.EmissionFactor;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.internal.Checks;
import dev.carbonkit.quantity.Dimension;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a credit rule set from YAML in the format of docs/credit-rules-format.md, as strictly and safely as
 * {@link FactorTableLoader} reads tables: every problem of a file (an unknown kind, a cap without a period, a
 * negative factor or award, a promotion that would touch reductions, parameters that do not fit the kind) is
 * reported together, with its line, column and key path, and a rule set with any problem is not returned.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class RuleSetLoader {

    /** The format name a rule file must declare. */
    public static final String FORMAT = "carbonkit-rules/1";

    private static final Set<String> FILE_KEYS = Set.of("format", "ruleset", "version", "timezone", "sources", "rules",
            "promotions");
    private static final Set<String> RULE_KEYS = Set.of("id", "kind", "activity", "match", "eligibility", "threshold",
            "net-factor", "baseline-factor", "project-factor", "award", "evidence", "counted-in", "per-unit", "tiers",
            "dedup", "exclusive-group", "caps", "points-per-gram", "round-grams", "round-points", "terms", "round-factors",
            "saving-factor", "static-baseline", "trailing-baseline", "budget", "footprint-factor", "issuance", "source", "status",
            "methods");
    /** The keys of a method of a min_of rule: how it computes grams, and where its values come from. */
    private static final Set<String> METHOD_KEYS = Set.of("id", "kind", "net-factor", "baseline-factor",
            "project-factor", "award", "evidence", "counted-in", "per-unit", "tiers", "terms", "round-factors", "source",
            "status");
    private static final Set<String> STATIC_BASELINE_KEYS = Set.of("per-capita", "persons");
    private static final Set<String> TRAILING_BASELINE_KEYS = Set.of("days");
    private static final Set<String> TERM_KEYS = Set.of("quantity", "grams", "per", "factor");
    private static final Set<String> SCENARIO_KEYS = Set.of("BE", "PE", "LE");
    private static final Set<String> CONDITION_KEYS = Set.of("attribute", "equals", "in", "at-least", "at-most");
    private static final Set<String> FACTOR_KEYS = Set.of("grams", "per", "factor");
    private static final Set<String> AWARD_KEYS = Set.of("grams", "points");
    private static final Set<String> PER_UNIT_KEYS = Set.of("size", "grams", "points");
    private static final Set<String> TIER_KEYS = Set.of("minimum", "grams", "points");
    private static final Set<String> DEDUP_KEYS = Set.of("period", "window", "key");
    private static final Set<String> GROUP_KEYS = Set.of("id", "key");
    private static final Set<String> CAP_KEYS = Set.of("period", "window", "unit", "limit", "key");
    private static final Set<String> BUDGET_KEYS = Set.of("period", "per-account", "total", "participants");
    private static final Set<String> ISSUANCE_KEYS = Set.of("delay", "next-local-day-at", "collectible-after",
            "expires-after");
    private static final Set<String> ROUNDING_KEYS = Set.of("scale", "mode");
    private static final Set<String> STAGED_ROUNDING_KEYS = Set.of("scale", "mode", "stage", "period");
    private static final Set<String> PROMOTION_KEYS = Set.of("id", "multiplier", "from", "to", "rules", "ledger");

    private final LoadLimits limits;
    private final FactorCatalog catalog;
    private final ActivityTypes types;

    private RuleSetLoader(LoadLimits limits, FactorCatalog catalog, ActivityTypes types) {
        this.limits = limits;
        this.catalog = catalog;
        this.types = types;
    }

    /**
     * Gets a loader with the default limits.
     *
     * @return the loader, never null
     */
    public static RuleSetLoader standard() {
        return new RuleSetLoader(LoadLimits.defaults(), null, null);
    }

    /**
     * Gets a loader with the given limits; {@link #withCatalog} gives one that also resolves factors.
     *
     * @param limits  the limits, not null
     * @return the loader, never null
     */
    public static RuleSetLoader withLimits(LoadLimits limits) {
        return new RuleSetLoader(Objects.requireNonNull(limits, "limits"), null, null);
    }

    /**
     * Returns a loader that resolves factors a rule takes from a catalog, written {@code {factor: <id>}} in
     * place of {@code {grams, per}}, such as {@code baseline-factor: {factor: desnz-2024/4_301_3070_9}}. The
     * factor's published CO2e total is read once, at load time, and the rule records the factor id and its
     * table's digest, which every explanation repeats and the rule set's digest covers: a rule set loaded
     * against a different edition of the table has a different digest.
     *
     * @param factors  the catalog, searched in its order of precedence, not null
     * @return the loader, never null
     */
    public RuleSetLoader withCatalog(FactorCatalog factors) {
        return new RuleSetLoader(limits, Objects.requireNonNull(factors, "factors"), types);
    }

    /**
     * Returns a loader that holds every rule's activity type to a vocabulary: a type the vocabulary does not know (no
     * table has factors for it, it is not declared, and it is not a group above one that is) is a problem at the
     * rule's {@code activity} key, with the known type closest to it, such as {@code transport.rail.metro} with "did
     * you mean 'transport.rail.underground'?" where no rule would ever match an activity a table can score.
     *
     * @param vocabulary  the known activity types, such as {@code BundledFactors.activityTypes()}, not null
     * @return the loader, never null
     */
    public RuleSetLoader withActivityTypes(ActivityTypes vocabulary) {
        return new RuleSetLoader(limits, catalog, Objects.requireNonNull(vocabulary, "vocabulary"));
    }

    /**
     * Loads a rule set from a file.
     *
     * @param file  the YAML file, not null
     * @return the rule set, never null
     * @throws RuleSetException listing every problem in the file
     * @throws IOException if the file cannot be read
     */
    public RuleSet load(Path file) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(Objects.requireNonNull(file, "file"))) {
            return load(in, file.toString());
        }
    }

    /**
     * Loads a rule set from a stream of UTF-8 YAML, which is not closed.
     *
     * @param yaml  the stream, not null
     * @param source  the name to give the source in problems, not null
     * @return the rule set, never null
     * @throws RuleSetException listing every problem in the stream
     * @throws IOException if the stream cannot be read
     */
    public RuleSet load(InputStream yaml, String source) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(yaml, "yaml");
        return NodeReader.io(() -> read(YamlText.of(yaml, limits), source));
    }

    /**
     * Loads a rule set from YAML text.
     *
     * @param yaml  the YAML text, not null
     * @param source  the name to give the source in problems, not null
     * @return the rule set, never null
     * @throws RuleSetException listing every problem in the text
     */
    public RuleSet parse(String yaml, String source) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(source, "source");
        return read(YamlText.of(yaml, limits), source);
    }

    private RuleSet read(java.io.Reader text, String source) {
        return NodeReader.read(text, source, limits, RuleSetException::new,
                "a mapping with format, ruleset, version, timezone and rules",
                (reading, root) -> new RulesReader(reading, catalog, types).read(root));
    }

    private static final class RulesReader extends NodeReader {

        private final FactorCatalog catalog;
        private final ActivityTypes types;

        RulesReader(Reading reading, FactorCatalog catalog, ActivityTypes types) {
            super(reading);
            this.catalog = catalog;
            this.types = types;
        }

        RuleSet read(Node root) {
            Fields file = fields(root, "", FILE_KEYS, "the document");
            if (file == null) {
                return null;
            }
            checkFormat(file, FORMAT);
            String id = text(file, "ruleset", true);
            String version = text(file, "version", true);
            ZoneId zone = code(file, "timezone", true, RulesReader::zone);
            List<String> sources = file.get("sources") == null ? List.of() : texts(file.get("sources"), "sources");
            List<CreditRule> rules = new ArrayList<>();
            Node rulesNode = file.get("rules");
            if (!(rulesNode instanceof SequenceNode sequence)) {
                reading.problem(rulesNode == null ? file.node : rulesNode, "rules", "expected a list of rules");
            } else {
                for (int i = 0; i < sequence.getValue().size(); i++) {
                    CreditRule rule = rule(sequence.getValue().get(i), "rules[" + i + "]");
                    if (rule != null) {
                        rules.add(rule);
                    }
                }
            }
            Set<String> ruleIds = new LinkedHashSet<>();
            if (rulesNode instanceof SequenceNode sequence) {
                for (int i = 0; i < sequence.getValue().size(); i++) {
                    Node idNode = valueOf(sequence.getValue().get(i), "id");
                    if (idNode instanceof ScalarNode scalar && !ruleIds.add(scalar.getValue())) {
                        reading.problem(idNode, "rules[" + i + "].id", "duplicate rule id '" + scalar.getValue() + "'");
                    }
                }
            }
            List<Promotion> promotions = new ArrayList<>();
            Node promotionsNode = file.get("promotions");
            if (promotionsNode instanceof SequenceNode sequence) {
                for (int i = 0; i < sequence.getValue().size(); i++) {
                    Promotion promotion = promotion(sequence.getValue().get(i), "promotions[" + i + "]");
                    if (promotion != null) {
                        for (String ruleId : promotion.getAppliesTo()) {
                            if (!ruleIds.contains(ruleId)) {
                                Node rulesOf = valueOf(sequence.getValue().get(i), "rules");
                                reading.problem(rulesOf, "promotions[" + i + "].rules", "promotion " + promotion.getId()
                                        + " applies to rule '" + ruleId + "', which this rule set does not have; rules: "
                                        + ruleIds);
                            }
                        }
                        promotions.add(promotion);
                    }
                }
            } else if (promotionsNode != null) {
                reading.problem(promotionsNode, "promotions", "expected a list of promotions");
            }
            if (!reading.problems.isEmpty() || id == null || version == null || zone == null) {
                return null;
            }
            try {
                return RuleSet.of(id, version, zone, sources, rules, promotions);
            } catch (IllegalArgumentException invalid) {
                reading.problem(file.node, "", lowerFirst(invalid.getMessage()));
                return null;
            }
        }

        private static ZoneId zone(String text) {
            try {
                return ZoneId.of(text);
            } catch (DateTimeException unknown) {
                throw new UnknownCodeException("time zone", text, null);
            }
        }

        private CreditRule rule(Node node, String path) {
            int before = reading.problems.size();
            Fields rule = fields(node, path, RULE_KEYS, "a rule");
            if (rule == null) {
                return null;
            }
            String id = text(rule, "id", true);
            CreditRule.Kind kind = code(rule, "kind", true, RulesReader::kind);
            if (rule.has("round-factors") && !rule.has("terms")) {
                reading.problem(rule.get("round-factors"), rule.path("round-factors"), "'round-factors' applies to the"
                        + " terms of a scenario_difference rule only");
            }
            String activity = text(rule, "activity", true);
            if (id == null || kind == null || activity == null) {
                return null;
            }
            if (types != null && Checks.isActivityType(activity) && !types.contains(activity)) {
                reading.problem(rule.get("activity"), rule.path("activity"), "unknown activity type '" + activity
                        + "': no table has factors for it and it is not declared"
                        + types.suggest(activity).map(hint -> "; did you mean '" + hint + "'?").orElse(""));
            }
            CreditRule.Builder builder = CreditRule.builder(id, kind, activity);
            conditions(rule, "match").forEach(builder::matching);
            conditions(rule, "eligibility").forEach(builder::eligibility);
            if (rule.has("threshold")) {
                Quantity threshold = code(rule, "threshold", true, RulesReader::quantity);
                if (threshold != null) {
                    builder.threshold(threshold);
                }
            }
            if (rule.has("counted-in")) {
                Unit unit = code(rule, "counted-in", true, Unit::of);
                if (unit != null) {
                    builder.countedIn(unit);
                }
            }
            factors(rule, builder);
            terms(rule, builder);
            baselines(rule, builder);
            budget(rule, builder);
            awards(rule, builder);
            modifiers(rule, builder);
            methods(rule, kind, activity, builder);
            if (reading.problems.size() > before) {
                return null;
            }
            try {
                return builder.build();
            } catch (IllegalArgumentException invalid) {
                reading.problem(node, path, lowerFirst(invalid.getMessage()));
                return null;
            }
        }

        /** The methods of a min_of rule: each a rule of its own kind about the rule's activity type, in grams. */
        private void methods(Fields rule, CreditRule.Kind kind, String activity, CreditRule.Builder builder) {
            Node list = rule.get("methods");
            if (kind != CreditRule.Kind.MIN_OF) {
                if (list != null) {
                    reading.problem(list, rule.path("methods"), "'methods' belong to min_of rules only");
                }
                return;
            }
            if (!(list instanceof SequenceNode sequence)) {
                reading.problem(list == null ? rule.node : list, rule.path("methods"), "a min_of rule needs 'methods',"
                        + " a list of two or more rules to take the lowest reduction of");
                return;
            }
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Node node = sequence.getValue().get(i);
                String path = rule.path("methods") + "[" + i + "]";
                int before = reading.problems.size();
                Fields method = fields(node, path, METHOD_KEYS, "a method");
                if (method == null) {
                    continue;
                }
                String id = text(method, "id", true);
                CreditRule.Kind methodKind = code(method, "kind", true, RulesReader::kind);
                if (id == null || methodKind == null) {
                    continue;
                }
                if (!methodKind.isMethodKind()) {
                    reading.problem(method.get("kind"), method.path("kind"), "a min_of method is avoided_emissions,"
                            + " fixed_per_event, per_unit or scenario_difference, not "
                            + methodKind.name().toLowerCase(Locale.ROOT));
                    continue;
                }
                // a method is about the rule's activity type, and its grams are compared, never converted on their own
                CreditRule.Builder inner = CreditRule.builder(id, methodKind, activity).pointsPerGram("0");
                if (method.has("counted-in")) {
                    Unit unit = code(method, "counted-in", true, Unit::of);
                    if (unit != null) {
                        inner.countedIn(unit);
                    }
                }
                factors(method, inner);
                terms(method, inner);
                awards(method, inner);
                inner.provenance(text(method, "source", false), text(method, "status", false));
                if (reading.problems.size() > before) {
                    continue;
                }
                try {
                    builder.method(inner.build());
                } catch (IllegalArgumentException invalid) {
                    reading.problem(node, path, lowerFirst(invalid.getMessage()));
                }
            }
        }

        private static CreditRule.Kind kind(String text) {
            List<String> kinds = new ArrayList<>();
            for (CreditRule.Kind kind : CreditRule.Kind.values()) {
                String name = kind.name().toLowerCase(Locale.ROOT);
                if (name.equals(text)) {
                    return kind;
                }
                kinds.add(name);
            }
            throw new UnknownCodeException("rule kind", text, Checks.suggest(text, kinds));
        }

        private static Quantity quantity(String text) {
            try {
                return Quantity.parse(text);
            } catch (IllegalArgumentException invalid) {
                throw new UnknownCodeException("quantity", text, null);
            }
        }

        /** A factor: grams of CO2e per unit, and where it came from if a catalog gave it. */
        private record Factor(BigDecimal grams, Unit per, String reference) {
        }

        private void factors(Fields rule, CreditRule.Builder builder) {
            Factor net = factor(rule, "net-factor");
            Factor baseline = factor(rule, "baseline-factor");
            Factor project = factor(rule, "project-factor");
            if (net != null) {
                builder.netFactor(net.grams().toPlainString(), net.per());
                if (net.reference() != null) {
                    builder.factorSource("net", net.reference());
                }
            }
            if (baseline != null && project != null) {
                if (!baseline.per().equals(project.per())) {
                    reading.problem(rule.get("project-factor"), rule.path("project-factor"), "the project factor is per "
                            + project.per() + ", the baseline factor per " + baseline.per() + "; they must be per the"
                            + " same unit");
                }
                builder.baselineAndProject(baseline.grams().toPlainString(), project.grams().toPlainString(),
                        baseline.per());
                if (baseline.reference() != null) {
                    builder.factorSource("baseline", baseline.reference());
                }
                if (project.reference() != null) {
                    builder.factorSource("project", project.reference());
                }
            } else if (rule.has("baseline-factor") != rule.has("project-factor")) {
                reading.problem(rule.node, rule.path, "a baseline factor needs a project factor, and the reverse");
            }
        }

        private void terms(Fields rule, CreditRule.Builder builder) {
            if (!rule.has("terms")) {
                return;
            }
            Fields scenarios = fields(rule.get("terms"), rule.path("terms"), SCENARIO_KEYS, "terms {BE, PE, LE}");
            if (scenarios == null) {
                return;
            }
            for (CreditRule.Scenario scenario : CreditRule.Scenario.values()) {
                Node list = scenarios.get(scenario.name());
                if (list == null) {
                    continue;
                }
                String path = scenarios.path(scenario.name());
                if (!(list instanceof SequenceNode sequence)) {
                    reading.problem(list, path, "expected a list of terms {quantity, grams, per}");
                    continue;
                }
                for (int i = 0; i < sequence.getValue().size(); i++) {
                    Fields term = fields(sequence.getValue().get(i), path + "[" + i + "]", TERM_KEYS, "a term");
                    if (term == null) {
                        continue;
                    }
                    String attribute = text(term, "quantity", false);
                    if (term.has("factor")) {
                        Factor found = catalogOnly(term);
                        if (found != null) {
                            builder.term(scenario, new CreditRule.Term(attribute, found.grams(), Quantity.of(1, found.per())));
                            builder.factorSource(scenario + "[" + i + "]", found.reference());
                        }
                        continue;
                    }
                    BigDecimal grams = nonNegative(term, "grams");
                    Quantity per = code(term, "per", true, RulesReader::perQuantity);
                    if (grams != null && per != null) {
                        if (per.getAmount().signum() <= 0) {
                            reading.problem(term.get("per"), term.path("per"), "'per' must be a positive quantity: " + per);
                        } else {
                            builder.term(scenario, new CreditRule.Term(attribute, grams, per));
                        }
                    }
                }
            }
            Rounding factors = rounding(rule, "round-factors");
            if (factors != null) {
                builder.roundFactors(factors);
            }
        }

        /**
         * A factor per a unit or a quantity ({grams, per: 22 pkm}) or from the catalog ({factor: id}), given to the
         * builder with its role as a factor source when the catalog gave it.
         */
        private void quantityFactor(Fields rule, String key, String role, CreditRule.Builder builder,
                BiConsumer<String, Quantity> set) {
            if (!rule.has(key)) {
                return;
            }
            Fields factor = fields(rule.get(key), rule.path(key), FACTOR_KEYS, "a factor {grams, per} or {factor}");
            if (factor != null && factor.has("factor")) {
                Factor found = catalogOnly(factor);
                if (found != null) {
                    set.accept(found.grams().toPlainString(), Quantity.of(1, found.per()));
                    builder.factorSource(role, found.reference());
                }
            } else if (factor != null) {
                BigDecimal grams = nonNegative(factor, "grams");
                Quantity per = code(factor, "per", true, RulesReader::perQuantity);
                if (per != null && per.getAmount().signum() <= 0) {
                    reading.problem(factor.get("per"), factor.path("per"), "'per' must be a positive quantity: " + per);
                } else if (grams != null && per != null) {
                    set.accept(grams.toPlainString(), per);
                }
            }
        }

        private void budget(Fields rule, CreditRule.Builder builder) {
            quantityFactor(rule, "footprint-factor", "footprint", builder, builder::footprintFactor);
            if (!rule.has("budget")) {
                return;
            }
            Fields budget = fields(rule.get("budget"), rule.path("budget"), BUDGET_KEYS,
                    "a budget {period, per-account} or {period, total, participants}");
            if (budget == null) {
                return;
            }
            FootprintTotals.Period period = code(budget, "period", true, RulesReader::period);
            if (budget.has("per-account") == budget.has("total")) {
                reading.problem(budget.node, budget.path, "a budget is either 'per-account' or a 'total' shared by"
                        + " 'participants'; found " + (budget.has("total") ? "both" : "neither"));
                return;
            }
            String key = budget.has("total") ? "total" : "per-account";
            Quantity total = code(budget, key, true, RulesReader::quantity);
            BigDecimal participants = BigDecimal.ONE;
            if (budget.has("total")) {
                participants = nonNegative(budget, "participants");
                if (participants != null && (participants.signum() == 0 || participants.stripTrailingZeros().scale() > 0)) {
                    reading.problem(budget.get("participants"), budget.path("participants"), "'participants' must be a"
                            + " whole number, 1 or more, not " + participants.toPlainString());
                    return;
                }
            } else if (budget.has("participants")) {
                reading.problem(budget.get("participants"), budget.path("participants"), "'participants' shares a"
                        + " 'total'; a 'per-account' budget is not shared");
                return;
            }
            if (total != null && (total.getUnit().getDimension() != Dimension.MASS || total.getAmount().signum() < 0)) {
                reading.problem(budget.get(key), budget.path(key), "a budget is a mass of CO2e, zero or more, such as"
                        + " 20 kg; found " + total);
                return;
            }
            if (period != null && total != null && participants != null) {
                builder.budget(new CreditRule.Budget(period, total, participants));
            }
        }

        private void baselines(Fields rule, CreditRule.Builder builder) {
            quantityFactor(rule, "saving-factor", "saving", builder, builder::savingFactor);
            if (rule.has("static-baseline")) {
                Fields fixed = fields(rule.get("static-baseline"), rule.path("static-baseline"), STATIC_BASELINE_KEYS,
                        "a static baseline {per-capita, persons}");
                if (fixed != null) {
                    Quantity perCapita = code(fixed, "per-capita", true, RulesReader::quantity);
                    String persons = text(fixed, "persons", false);
                    if (perCapita != null && perCapita.getAmount().signum() < 0) {
                        reading.problem(fixed.get("per-capita"), fixed.path("per-capita"), "a baseline must not be"
                                + " negative: " + perCapita);
                    } else if (perCapita != null) {
                        builder.staticBaseline(perCapita, persons);
                    }
                }
            }
            if (rule.has("trailing-baseline")) {
                Fields trailing = fields(rule.get("trailing-baseline"), rule.path("trailing-baseline"),
                        TRAILING_BASELINE_KEYS, "a trailing baseline {days}");
                BigDecimal days = trailing == null ? null : nonNegative(trailing, "days");
                if (days != null) {
                    if (days.signum() <= 0 || days.stripTrailingZeros().scale() > 0 || days.compareTo(BigDecimal.valueOf(366)) > 0) {
                        reading.problem(trailing.get("days"), trailing.path("days"), "'days' must be a whole number from"
                                + " 1 to 366, not " + days.toPlainString());
                    } else {
                        builder.trailingBaseline(days.intValueExact());
                    }
                }
            }
        }

        /** A unit code ("pkm", meaning 1 pkm) or a quantity ("22 pkm"). */
        private static Quantity perQuantity(String text) {
            return text.indexOf(' ') < 0 ? Quantity.of(1, Unit.of(text)) : quantity(text);
        }

        /** A factor's grams, checked not negative, and its unit; null if absent or invalid. */
        private Factor factor(Fields rule, String key) {
            if (!rule.has(key)) {
                return null;
            }
            Fields factor = fields(rule.get(key), rule.path(key), FACTOR_KEYS, "a factor {grams, per} or {factor}");
            if (factor == null) {
                return null;
            }
            if (factor.has("factor")) {
                return catalogOnly(factor);
            }
            BigDecimal grams = nonNegative(factor, "grams");
            Unit per = code(factor, "per", true, Unit::of);
            return grams == null || per == null ? null : new Factor(grams, per, null);
        }

        /** A catalog factor, refusing grams or per beside it. */
        private Factor catalogOnly(Fields factor) {
            if (factor.has("grams") || factor.has("per")) {
                reading.problem(factor.node, factor.path, "a factor is either {grams, per} or {factor: <id>} from"
                        + " the factor catalog, not both");
                return null;
            }
            return catalogFactor(factor);
        }

        /** A factor of the catalog: its published CO2e total in grams, per its unit, with its provenance. */
        private Factor catalogFactor(Fields factor) {
            String id = text(factor, "factor", true);
            if (id == null) {
                return null;
            }
            if (catalog == null) {
                reading.problem(factor.get("factor"), factor.path("factor"), "the rule takes factor '" + id + "' from"
                        + " a factor catalog, but this loader has none; load with RuleSetLoader.withCatalog(catalog)");
                return null;
            }
            for (FactorTable table : catalog.getTables()) {
                EmissionFactor found = table.getFactor(id).orElse(null);
                if (found == null) {
                    continue;
                }
                Quantity co2e = found.getCo2e().orElse(null);
                if (co2e == null) {
                    reading.problem(factor.get("factor"), factor.path("factor"), "factor '" + id + "' publishes per-gas"
                            + " values only, and a credit rule needs a published CO2e total");
                    return null;
                }
                BigDecimal grams = dev.carbonkit.CarbonMath.normalize(co2e.to(Unit.GRAM).getAmount());
                String reference = id + " = " + co2e + " CO2e/" + found.getPer() + " = " + grams.toPlainString()
                        + " g/" + found.getPer() + ", table " + table.getId() + " " + table.getDigest()
                        + found.getRowId().map(row -> ", row " + row).orElse("")
                        + found.getStatus().map(status -> ", status: " + status).orElse("");
                return new Factor(grams, found.getPer(), reference);
            }
            reading.problem(factor.get("factor"), factor.path("factor"), "no factor '" + id + "' in the catalog's tables "
                    + catalog.getEditions().keySet());
            return null;
        }

        private void awards(Fields rule, CreditRule.Builder builder) {
            if (rule.has("award")) {
                BigDecimal[] award = award(rule.get("award"), rule.path("award"), AWARD_KEYS, null);
                if (award != null) {
                    builder.award(award[0].toPlainString(), plain(award[1]));
                }
            }
            if (rule.has("evidence")) {
                Node node = rule.get("evidence");
                if (node instanceof org.yaml.snakeyaml.nodes.MappingNode mapping) {
                    for (org.yaml.snakeyaml.nodes.NodeTuple tuple : mapping.getValue()) {
                        String level = keyText(tuple, rule.path("evidence"));
                        BigDecimal[] award = award(tuple.getValueNode(), rule.path("evidence") + "." + level, AWARD_KEYS,
                                null);
                        if (level != null && award != null) {
                            builder.evidence(level, award[0].toPlainString(), plain(award[1]));
                        }
                    }
                } else {
                    reading.problem(node, rule.path("evidence"), "expected a mapping of evidence level to award");
                }
            }
            if (rule.has("per-unit")) {
                BigDecimal[] award = award(rule.get("per-unit"), rule.path("per-unit"), PER_UNIT_KEYS, "size");
                if (award != null) {
                    builder.perUnit(award[2].toPlainString(), award[0].toPlainString(), plain(award[1]));
                }
            }
            if (rule.has("tiers")) {
                Node node = rule.get("tiers");
                if (node instanceof SequenceNode sequence) {
                    for (int i = 0; i < sequence.getValue().size(); i++) {
                        BigDecimal[] tier = award(sequence.getValue().get(i), rule.path("tiers") + "[" + i + "]",
                                TIER_KEYS, "minimum");
                        if (tier != null) {
                            builder.tier(tier[2].toPlainString(), tier[0].toPlainString(), plain(tier[1]));
                        }
                    }
                } else {
                    reading.problem(node, rule.path("tiers"), "expected a list of tiers");
                }
            }
        }

        /** grams, points (or null), and the extra key's value; null if invalid. */
        private BigDecimal[] award(Node node, String path, Set<String> keys, String extra) {
            Fields award = fields(node, path, keys, "an award");
            if (award == null) {
                return null;
            }
            BigDecimal grams = nonNegative(award, "grams");
            BigDecimal points = award.has("points") ? nonNegative(award, "points") : null;
            BigDecimal more = extra == null ? BigDecimal.ONE : nonNegative(award, extra);
            if (grams == null || award.has("points") && points == null || more == null) {
                return null;
            }
            return new BigDecimal[] {grams, points, more};
        }

        private BigDecimal nonNegative(Fields fields, String key) {
            BigDecimal value = decimal(fields, key);
            if (value != null && value.signum() < 0) {
                reading.problem(fields.get(key), fields.path(key), "'" + key + "' must not be negative: "
                        + value.toPlainString());
                return null;
            }
            return value;
        }

        private static String plain(BigDecimal value) {
            return value == null ? null : value.toPlainString();
        }

        private void modifiers(Fields rule, CreditRule.Builder builder) {
            if (rule.has("dedup")) {
                Fields dedup = fields(rule.get("dedup"), rule.path("dedup"), DEDUP_KEYS,
                        "a deduplication {period or window, key}");
                if (dedup != null && dedup.has("period") == dedup.has("window")) {
                    reading.problem(dedup.node, rule.path("dedup"), "a deduplication needs either a period (day, week,"
                            + " month or year) or a rolling window (an ISO 8601 duration such as PT30M); found "
                            + (dedup.has("period") ? "both" : "neither"));
                } else if (dedup != null) {
                    List<String> key = dedup.has("key") ? texts(dedup.get("key"), dedup.path("key")) : List.of();
                    if (dedup.has("window")) {
                        Duration window = duration(dedup, "window", false);
                        if (window != null) {
                            builder.dedupWithin(window, key);
                        }
                    } else {
                        FootprintTotals.Period period = code(dedup, "period", true, RulesReader::period);
                        if (period != null) {
                            builder.dedup(period, key);
                        }
                    }
                }
            }
            if (rule.has("exclusive-group")) {
                Fields group = fields(rule.get("exclusive-group"), rule.path("exclusive-group"), GROUP_KEYS,
                        "an exclusive group");
                if (group != null) {
                    String groupId = text(group, "id", true);
                    List<String> key = group.has("key") ? texts(group.get("key"), group.path("key")) : List.of();
                    if (groupId != null) {
                        builder.exclusiveGroup(groupId, key);
                    }
                }
            }
            if (rule.has("caps")) {
                Node node = rule.get("caps");
                if (node instanceof SequenceNode sequence) {
                    for (int i = 0; i < sequence.getValue().size(); i++) {
                        Cap cap = cap(sequence.getValue().get(i), rule.path("caps") + "[" + i + "]");
                        if (cap != null) {
                            builder.cap(cap);
                        }
                    }
                } else {
                    reading.problem(node, rule.path("caps"), "expected a list of caps");
                }
            }
            if (rule.has("points-per-gram")) {
                BigDecimal ratio = nonNegative(rule, "points-per-gram");
                if (ratio != null) {
                    builder.pointsPerGram(ratio.toPlainString());
                }
            }
            Staged grams = stagedRounding(rule, "round-grams");
            if (grams != null && grams.period() == null) {
                builder.roundGrams(grams.rounding());
            } else if (grams != null) {
                builder.roundGramsPerPeriod(grams.rounding(), grams.period());
            }
            Staged points = stagedRounding(rule, "round-points");
            if (points != null && points.period() == null) {
                builder.roundPoints(points.rounding());
            } else if (points != null) {
                builder.roundPointsPerPeriod(points.rounding(), points.period());
            }
            if (rule.has("issuance")) {
                Issuance issuance = issuance(rule.get("issuance"), rule.path("issuance"));
                if (issuance != null) {
                    builder.issuance(issuance);
                }
            }
            builder.provenance(text(rule, "source", false), text(rule, "status", false));
        }

        private Issuance issuance(Node node, String path) {
            Fields fields = fields(node, path, ISSUANCE_KEYS,
                    "an issuance {delay or next-local-day-at, collectible-after, expires-after}");
            if (fields == null) {
                return null;
            }
            if (fields.has("delay") && fields.has("next-local-day-at")) {
                reading.problem(fields.node, path, "an issuance has a delay or a next-local-day-at time, not both");
                return null;
            }
            Duration delay = fields.has("delay") ? duration(fields, "delay", true) : null;
            LocalTime nextDay = null;
            if (fields.has("next-local-day-at")) {
                String text = text(fields, "next-local-day-at", true);
                try {
                    nextDay = text == null ? null : LocalTime.parse(text);
                } catch (DateTimeParseException notATime) {
                    reading.problem(fields.get("next-local-day-at"), fields.path("next-local-day-at"),
                            "expected a local time such as \"07:00\", found '" + text + "'");
                    return null;
                }
            }
            Duration collectible = fields.has("collectible-after") ? duration(fields, "collectible-after", true)
                    : Duration.ZERO;
            Duration expires = fields.has("expires-after") ? duration(fields, "expires-after", false) : null;
            if (fields.has("delay") && delay == null || nextDay == null && fields.has("next-local-day-at")
                    || collectible == null || fields.has("expires-after") && expires == null) {
                return null;
            }
            if (expires != null && expires.compareTo(collectible) <= 0) {
                reading.problem(fields.get("expires-after"), fields.path("expires-after"), "expires-after (" + expires
                        + ") must be longer than collectible-after (" + collectible + "), or nothing could be claimed");
                return null;
            }
            return new Issuance(delay, nextDay, collectible, expires);
        }

        /** An ISO 8601 duration, positive, or zero or positive; null after reporting a problem. */
        private Duration duration(Fields fields, String key, boolean zeroAllowed) {
            String text = text(fields, key, true);
            Duration duration;
            try {
                duration = text == null ? null : Duration.parse(text);
            } catch (DateTimeParseException notADuration) {
                duration = null;
            }
            if (duration == null || duration.isNegative() || duration.isZero() && !zeroAllowed) {
                if (text != null) {
                    reading.problem(fields.get(key), fields.path(key), (zeroAllowed
                            ? "expected an ISO 8601 duration, zero or more, such as PT24H or P7D"
                            : "expected a positive ISO 8601 duration such as PT24H or P7D") + ", found '" + text + "'");
                }
                return null;
            }
            return duration;
        }

        private Cap cap(Node node, String path) {
            Fields cap = fields(node, path, CAP_KEYS, "a cap {period or window, unit, limit}");
            if (cap == null) {
                return null;
            }
            if (cap.has("period") == cap.has("window")) {
                reading.problem(cap.node, path, "a cap needs either a period (day, week, month, year or event) or a"
                        + " rolling window (an ISO 8601 duration such as PT24H or P7D); found " + (cap.has("period")
                                ? "both" : "neither"));
                return null;
            }
            boolean perEvent = cap.has("period") && "event".equalsIgnoreCase(text(cap, "period", true));
            FootprintTotals.Period period = cap.has("period") && !perEvent
                    ? code(cap, "period", true, RulesReader::period) : null;
            Duration window = null;
            if (cap.has("window")) {
                window = duration(cap, "window", false);
                if (window == null) {
                    return null;
                }
            }
            Cap.Unit unit = code(cap, "unit", true, RulesReader::capUnit);
            BigDecimal limit = nonNegative(cap, "limit");
            List<String> key = cap.has("key") ? texts(cap.get("key"), cap.path("key")) : List.of();
            if (period == null && window == null && !perEvent || unit == null || limit == null) {
                return null;
            }
            if (perEvent && unit == Cap.Unit.COUNT) {
                reading.problem(cap.get("unit"), cap.path("unit"), "a per-event cap counts grams or points; one event"
                        + " is always one award");
                return null;
            }
            return new Cap(period, window, unit, limit, key);
        }

        private static FootprintTotals.Period period(String text) {
            return named(text, FootprintTotals.Period.values(), FootprintTotals.Period::name, "period");
        }

        private static Cap.Unit capUnit(String text) {
            return named(text, Cap.Unit.values(), Cap.Unit::name, "cap unit");
        }

        private static <E> E named(String text, E[] values, Function<E, String> name, String kind) {
            List<String> names = new ArrayList<>();
            for (E value : values) {
                String lower = name.apply(value).toLowerCase(Locale.ROOT);
                if (lower.equals(text)) {
                    return value;
                }
                names.add(lower);
            }
            throw new UnknownCodeException(kind, text, Checks.suggest(text, names));
        }

        /** A rounding of grams or points and, at the period stage, its period. */
        private record Staged(Rounding rounding, FootprintTotals.Period period) {
        }

        /** A rounding at the event or the period stage; null if absent or after reporting a problem. */
        private Staged stagedRounding(Fields rule, String key) {
            if (!rule.has(key)) {
                return null;
            }
            Fields fields = fields(rule.get(key), rule.path(key), STAGED_ROUNDING_KEYS,
                    "a rounding {scale, mode, stage, period}");
            if (fields == null) {
                return null;
            }
            Rounding rounding = roundingOf(fields, rule, key);
            FootprintTotals.Period period = roundingPeriod(fields, rule, key);
            return rounding == null ? null : new Staged(rounding, period);
        }

        /** The period of a period-stage rounding; null for the event stage or after reporting a problem. */
        private FootprintTotals.Period roundingPeriod(Fields rounding, Fields rule, String key) {
            String stage = rounding.has("stage") ? text(rounding, "stage", true) : "event";
            if ("period".equals(stage)) {
                if (!rounding.has("period")) {
                    reading.problem(rounding.node, rule.path(key), "a rounding at the period stage needs the period"
                            + " (day, week, month or year) whose running total it rounds");
                    return null;
                }
                return code(rounding, "period", true, RulesReader::period);
            }
            if (!"event".equals(stage)) {
                if (stage != null) {
                    reading.problem(rounding.get("stage"), rounding.path("stage"), "unknown rounding stage '" + stage
                            + "'; " + key + " rounds at the 'event' or 'period' stage (factors round with round-factors)");
                }
                return null;
            }
            if (rounding.has("period")) {
                reading.problem(rounding.get("period"), rounding.path("period"), "a period applies only to the period"
                        + " stage; add 'stage: period' or remove it");
            }
            return null;
        }

        private Rounding rounding(Fields rule, String key) {
            if (!rule.has(key)) {
                return null;
            }
            Fields rounding = fields(rule.get(key), rule.path(key), ROUNDING_KEYS, "a rounding {scale, mode}");
            return rounding == null ? null : roundingOf(rounding, rule, key);
        }

        private Rounding roundingOf(Fields rounding, Fields rule, String key) {
            BigDecimal scale = nonNegative(rounding, "scale");
            RoundingMode mode = code(rounding, "mode", true, text -> named(text.toLowerCase(Locale.ROOT),
                    RoundingMode.values(), RoundingMode::name, "rounding mode"));
            if (scale == null || mode == null) {
                return null;
            }
            try {
                return Rounding.of(scale.intValueExact(), mode);
            } catch (IllegalArgumentException | ArithmeticException invalid) {
                reading.problem(rule.get(key), rule.path(key), lowerFirst(String.valueOf(invalid.getMessage())));
                return null;
            }
        }

        private List<Condition> conditions(Fields rule, String key) {
            List<Condition> conditions = new ArrayList<>();
            if (!rule.has(key)) {
                return conditions;
            }
            Node node = rule.get(key);
            if (!(node instanceof SequenceNode sequence)) {
                reading.problem(node, rule.path(key), "expected a list of conditions such as"
                        + " [{attribute: amount_cny, at-least: 1}]");
                return conditions;
            }
            for (int i = 0; i < sequence.getValue().size(); i++) {
                String path = rule.path(key) + "[" + i + "]";
                Fields condition = fields(sequence.getValue().get(i), path, CONDITION_KEYS, "a condition");
                if (condition == null) {
                    continue;
                }
                String attribute = text(condition, "attribute", true);
                List<String> operators = new ArrayList<>(List.of("equals", "in", "at-least", "at-most"));
                operators.removeIf(operator -> !condition.has(operator));
                if (operators.size() != 1) {
                    reading.problem(condition.node, path, "a condition needs exactly one of equals, in, at-least,"
                            + " at-most; found " + operators);
                    continue;
                }
                String operator = operators.get(0);
                List<String> values = new ArrayList<>();
                if (operator.equals("in")) {
                    values.addAll(texts(condition.get("in"), condition.path("in")));
                } else {
                    values.add(operator.startsWith("at-") ? plain(decimal(condition, operator))
                            : text(condition, operator, true));
                }
                if (attribute != null && !values.isEmpty() && values.stream().allMatch(Objects::nonNull)) {
                    conditions.add(new Condition(attribute, switch (operator) {
                        case "equals" -> Condition.Operator.EQUALS;
                        case "in" -> Condition.Operator.IN;
                        case "at-least" -> Condition.Operator.AT_LEAST;
                        default -> Condition.Operator.AT_MOST;
                    }, values));
                }
            }
            return conditions;
        }

        private List<String> texts(Node node, String path) {
            List<String> values = new ArrayList<>();
            if (!(node instanceof SequenceNode sequence)) {
                reading.problem(node, path, "expected a list of text, found " + kind(node));
                return values;
            }
            for (Node item : sequence.getValue()) {
                if (item instanceof ScalarNode scalar && !Checks.isBlank(scalar.getValue())) {
                    values.add(scalar.getValue());
                } else {
                    reading.problem(item, path, "expected text, found " + kind(item));
                }
            }
            return values;
        }

        private Promotion promotion(Node node, String path) {
            Fields promotion = fields(node, path, PROMOTION_KEYS, "a promotion");
            if (promotion == null) {
                return null;
            }
            String id = text(promotion, "id", true);
            BigDecimal multiplier = decimal(promotion, "multiplier");
            Instant from = code(promotion, "from", true, RulesReader::instant);
            Instant to = code(promotion, "to", true, RulesReader::instant);
            List<String> rules = promotion.has("rules") ? texts(promotion.get("rules"), promotion.path("rules")) : null;
            if (rules == null) {
                reading.problem(promotion.node, path, "missing key 'rules'");
            }
            String ledger = text(promotion, "ledger", false);
            if (ledger != null && !ledger.equals("points")) {
                reading.problem(promotion.get("ledger"), promotion.path("ledger"), "promotions touch the points ledger"
                        + " only; a promotion cannot change reductions (ledger '" + ledger + "')");
                return null;
            }
            if (id == null || multiplier == null || from == null || to == null || rules == null) {
                return null;
            }
            try {
                return new Promotion(id, multiplier, from, to, new LinkedHashSet<>(rules));
            } catch (IllegalArgumentException invalid) {
                reading.problem(node, path, lowerFirst(invalid.getMessage()));
                return null;
            }
        }

        private static Instant instant(String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeException invalid) {
                throw new UnknownCodeException("instant (such as 2024-09-21T16:00:00Z)", text, null);
            }
        }
    }
}
