package dev.carbonkit.credit;

import dev.carbonkit.CarbonMath;
import dev.carbonkit.calc.FootprintTotals;
import dev.carbonkit.calc.Rounding;
import dev.carbonkit.internal.Checks;
import dev.carbonkit.internal.DecimalText;
import dev.carbonkit.quantity.Dimension;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One way of earning credit, such as 'Shenzhen metro: 46.7 g CO2e avoided per passenger-km, 1 point per gram'
 * or 'Ant Forest offline payment: 5 g and 5 points per payment of at least 1 yuan, at most 10 a day'.
 * <p>
 * A rule has a {@linkplain Kind kind} that computes the reduction, and modifiers that every kind shares:
 * matching (which activities the rule is about), eligibility, a threshold, deduplication, an exclusive group,
 * caps, conversion to points, and rounding. {@link CreditEngine} documents the order in which they apply.
 * Values carry the source and status of the methodology they come from (SOURCED, DERIVED, UNVERIFIED,
 * CONFLICTING), which every explanation repeats.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class CreditRule {

    /** How a rule computes the reduction of one activity. */
    public enum Kind {
        /** Quantity times (baseline factor minus project factor), or times a net factor; floored at zero. */
        AVOIDED_EMISSIONS,
        /** A fixed reduction and a fixed number of points per event, optionally by evidence level. */
        FIXED_PER_EVENT,
        /** Per unit of quantity, per whole block of units, or by the highest tier reached. */
        PER_UNIT,
        /** Named scenarios, ER = BE - PE - LE, each a sum of quantity-times-factor terms; floored at zero. */
        SCENARIO_DIFFERENCE,
        /**
         * A saving against a baseline: a static per-capita baseline, the account's own trailing daily average, or
         * both, the first the actual quantity is below; the saving times a factor, in grams.
         */
        DYNAMIC_BASELINE,
        /**
         * A budget of emissions per account and local period, as in Lahti's CitiCAP: the activities of the period
         * count against it, and when the period closes, what is left unused is converted to points. Unused budget
         * is not an avoided emission, so the reduction ledger is not credited.
         */
        ALLOWANCE_BUDGET,
        /**
         * The lowest reduction of two or more calculation methods, each written as a rule of its own kind (avoided
         * emissions, fixed per event, per unit or scenario difference, in grams only): the conservative choice, as
         * when a metro trip is credited at the lower of a substitution method and a mean method. The rule's own
         * conditions, caps, rounding and points conversion apply to the reduction chosen.
         */
        MIN_OF;

        /**
         * Tells whether a rule of this kind can be a method of a {@link #MIN_OF} rule: it works out grams from the
         * activity alone (avoided emissions, fixed per event, per unit, scenario difference).
         *
         * @return true if it can
         */
        public boolean isMethodKind() {
            return this == AVOIDED_EMISSIONS || this == FIXED_PER_EVENT || this == PER_UNIT
                    || this == SCENARIO_DIFFERENCE;
        }
    }

    /**
     * The budget of an allowance-budget rule: a total for all participants, divided equally, per local period.
     * A budget per account is a total with one participant.
     */
    public static final class Budget {
        private final FootprintTotals.Period period;
        private final Quantity total;
        private final BigDecimal participants;

        /**
         * Checks the components.
         *
         * @param period  the period
         * @param total  the total, a mass
         * @param participants  the number of participants
         */
        public Budget(FootprintTotals.Period period, Quantity total, BigDecimal participants) {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(participants, "participants");
            if (total.getUnit().getDimension() != Dimension.MASS || total.getAmount().signum() < 0) {
                throw new IllegalArgumentException("A budget is a mass of CO2e, zero or more, not " + total);
            }
            DecimalText.check(participants, "participants of a budget");
            if (participants.signum() <= 0) {
                throw new IllegalArgumentException("A budget is shared by a positive number of participants, not "
                        + participants.toPlainString());
            }
            this.period = period;
            this.total = total;
            this.participants = participants;
        }

        /**
         * Gets each account's budget in grams: the total divided by the participants, exactly, or to
         * {@link CarbonMath#CONTEXT} when the division does not terminate.
         *
         * @return the budget per account in grams, never null
         */
        public BigDecimal gramsPerAccount() {
            BigDecimal grams = total.to(Unit.GRAM).getAmount();
            return CarbonMath.divide(grams, participants);
        }

        /**
         * Gets the local period the budget is for.
         *
         * @return the local period the budget is for, not null
         */
        public FootprintTotals.Period getPeriod() {
            return period;
        }

        /**
         * Gets the total emissions allowed, a mass, not negative.
         *
         * @return the total emissions allowed, a mass, not negative, not null
         */
        public Quantity getTotal() {
            return total;
        }

        /**
         * Gets the number of accounts that share the total, positive.
         *
         * @return the number of accounts that share the total, positive, not null
         */
        public BigDecimal getParticipants() {
            return participants;
        }

        @Override
        public boolean equals(Object obj) {
            return obj == this || obj instanceof Budget other
                    && java.util.Objects.equals(period, other.period)
                            && java.util.Objects.equals(total, other.total)
                            && java.util.Objects.equals(participants, other.participants);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(period, total, participants);
        }

        /**
         * Returns the values in the form {@code Budget[period=..., ...]}.
         *
         * @return the text, never null
         */
        @Override
        public String toString() {
            return "Budget[period=" + period + ", total=" + total + ", participants=" + participants + "]";
        }
    }

    /**
     * The static baseline of a dynamic-baseline rule: a quantity per person, times the number of persons in an
     * activity attribute (such as a household's size), or per account if no attribute is named.
     */
    public static final class StaticBaseline {
        private final Quantity perCapita;
        private final String personsAttribute;

        /**
         * Checks the components.
         *
         * @param perCapita  the baseline per person
         * @param personsAttribute  the attribute, or null
         */
        public StaticBaseline(Quantity perCapita, String personsAttribute) {
            Objects.requireNonNull(perCapita, "perCapita");
            if (perCapita.getAmount().signum() < 0) {
                throw new IllegalArgumentException("A static baseline must not be negative: " + perCapita);
            }
            this.perCapita = perCapita;
            this.personsAttribute = personsAttribute;
        }

        /**
         * Gets the baseline per person, such as '4 kWh', zero or more.
         *
         * @return the baseline per person, such as '4 kWh', zero or more, not null
         */
        public Quantity getPerCapita() {
            return perCapita;
        }

        /**
         * Gets the attribute holding the number of persons.
         *
         * @return the attribute holding the number of persons, or null for one per account
         */
        public String getPersonsAttribute() {
            return personsAttribute;
        }

        @Override
        public boolean equals(Object obj) {
            return obj == this || obj instanceof StaticBaseline other
                    && java.util.Objects.equals(perCapita, other.perCapita)
                            && java.util.Objects.equals(personsAttribute, other.personsAttribute);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(perCapita, personsAttribute);
        }

        /**
         * Returns the values in the form {@code StaticBaseline[perCapita=..., ...]}.
         *
         * @return the text, never null
         */
        @Override
        public String toString() {
            return "StaticBaseline[perCapita=" + perCapita + ", personsAttribute=" + personsAttribute + "]";
        }
    }

    /** The scenarios of a scenario-difference rule. */
    public enum Scenario {
        /** Baseline emissions: what would have been emitted without the activity. */
        BE,
        /** Project emissions: what the activity emitted. */
        PE,
        /** Leakage emissions: what the activity caused elsewhere. */
        LE
    }

    /**
     * A term of a scenario: a quantity times a factor stated per a quantity, such as '5980 g per 22 pkm' (the
     * Beijing commute's car emissions). Stating the factor per the quantity it was published for keeps the
     * arithmetic exact: 22 pkm x 5980 g / 22 pkm is 5980 g, where a per-km factor would not terminate.
     */
    public static final class Term {
        private final String quantityAttribute;
        private final BigDecimal grams;
        private final Quantity per;

        /**
         * Checks the components.
         *
         * @param quantityAttribute  the attribute, or null
         * @param grams  the grams
         * @param per  the quantity
         */
        public Term(String quantityAttribute, BigDecimal grams, Quantity per) {
            Objects.requireNonNull(grams, "grams");
            Objects.requireNonNull(per, "per");
            if (grams.signum() < 0 || per.getAmount().signum() <= 0) {
                throw new IllegalArgumentException("A term needs grams of 0 or more per a positive quantity: "
                        + grams.toPlainString() + " g per " + per);
            }
            this.quantityAttribute = quantityAttribute;
            this.grams = grams;
            this.per = per;
        }

        /**
         * Gets the attribute holding the quantity (text such as '3.3 kWh').
         *
         * @return the attribute holding the quantity (text such as '3.3 kWh'), or null for the activity's own quantity
         */
        public String getQuantityAttribute() {
            return quantityAttribute;
        }

        /**
         * Gets the grams of CO2e of the factor, zero or more.
         *
         * @return the grams of CO2e of the factor, zero or more, not null
         */
        public BigDecimal getGrams() {
            return grams;
        }

        /**
         * Gets the quantity the grams are per, positive.
         *
         * @return the quantity the grams are per, positive, not null
         */
        public Quantity getPer() {
            return per;
        }

        @Override
        public boolean equals(Object obj) {
            return obj == this || obj instanceof Term other
                    && java.util.Objects.equals(quantityAttribute, other.quantityAttribute)
                            && java.util.Objects.equals(grams, other.grams) && java.util.Objects.equals(per, other.per);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(quantityAttribute, grams, per);
        }

        /**
         * Returns the values in the form {@code Term[quantityAttribute=..., ...]}.
         *
         * @return the text, never null
         */
        @Override
        public String toString() {
            return "Term[quantityAttribute=" + quantityAttribute + ", grams=" + grams + ", per=" + per + "]";
        }
    }

    /**
     * A fixed award: grams of CO2e and points, independent of each other (points are not always proportional
     * to grams; Luzhou gives 1 point for 8.2 g of steps and 5 points for 144 g of a clean plate).
     */
    public static final class Fixed {
        private final BigDecimal grams;
        private final BigDecimal points;

        /**
         * Checks the components.
         *
         * @param grams  the grams
         * @param points  the points, or null
         */
        public Fixed(BigDecimal grams, BigDecimal points) {
            Objects.requireNonNull(grams, "grams");
            if (grams.signum() < 0 || points != null && points.signum() < 0) {
                throw new IllegalArgumentException("An award must not be negative: " + grams + " g, " + points
                        + " points");
            }
            this.grams = grams;
            this.points = points;
        }

        /**
         * Gets the reduction, in g CO2e, zero or more.
         *
         * @return the reduction, in g CO2e, zero or more, not null
         */
        public BigDecimal getGrams() {
            return grams;
        }

        /**
         * Gets the points, zero or more.
         *
         * @return the points, zero or more, or null to convert from grams
         */
        public BigDecimal getPoints() {
            return points;
        }

        @Override
        public boolean equals(Object obj) {
            return obj == this || obj instanceof Fixed other
                    && java.util.Objects.equals(grams, other.grams) && java.util.Objects.equals(points, other.points);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(grams, points);
        }

        /**
         * Returns the values in the form {@code Fixed[grams=..., ...]}.
         *
         * @return the text, never null
         */
        @Override
        public String toString() {
            return "Fixed[grams=" + grams + ", points=" + points + "]";
        }
    }

    /**
     * A tier of a per-unit rule: reaching {@code minimum} units earns the fixed award.
     */
    public static final class Tier {
        private final BigDecimal minimum;
        private final Fixed award;
        /**
         * Creates an instance.
         *
         * @param minimum  the units needed, not null
         * @param award  what the tier earns, not null
         */
        public Tier(BigDecimal minimum, Fixed award) {
            this.minimum = minimum;
            this.award = award;
        }


        /**
         * Gets the units needed.
         *
         * @return the units needed, not null
         */
        public BigDecimal getMinimum() {
            return minimum;
        }

        /**
         * Gets the award: what the tier earns.
         *
         * @return what the tier earns, not null
         */
        public Fixed getAward() {
            return award;
        }

        @Override
        public boolean equals(Object obj) {
            return obj == this || obj instanceof Tier other
                    && java.util.Objects.equals(minimum, other.minimum) && java.util.Objects.equals(award, other.award);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(minimum, award);
        }

        /**
         * Returns the values in the form {@code Tier[minimum=..., ...]}.
         *
         * @return the text, never null
         */
        @Override
        public String toString() {
            return "Tier[minimum=" + minimum + ", award=" + award + "]";
        }
    }

    private final String id;
    private final Kind kind;
    private final String activityType;
    private final List<Condition> matching;
    private final List<Condition> eligibility;
    private final Quantity threshold;
    private final List<String> dedupKey;
    private final FootprintTotals.Period dedupPeriod;
    private final Duration dedupWindow;
    private final String exclusiveGroup;
    private final List<String> exclusiveKey;
    private final List<Cap> caps;
    private final BigDecimal pointsPerGram;
    private final Rounding gramsRounding;
    private final Rounding pointsRounding;
    private final FootprintTotals.Period gramsRoundingPeriod;
    private final FootprintTotals.Period pointsRoundingPeriod;
    private final BigDecimal baselineGrams;
    private final BigDecimal projectGrams;
    private final BigDecimal netGrams;
    private final Unit factorPer;
    private final Fixed fixed;
    private final Map<String, Fixed> evidenceLevels;
    private final Unit countedIn;
    private final BigDecimal unitSize;
    private final Fixed perUnit;
    private final List<Tier> tiers;
    private final Map<Scenario, List<Term>> terms;
    private final Rounding factorRounding;
    private final Term savingFactor;
    private final StaticBaseline staticBaseline;
    private final int trailingDays;
    private final Map<String, String> factorSources;
    private final Budget budget;
    private final Term footprintFactor;
    private final Issuance issuance;
    private final String source;
    private final String status;
    /** The methods of a {@link Kind#MIN_OF} rule, in order; empty for every other kind. */
    private final List<CreditRule> methods;

    private CreditRule(Builder b) {
        this.id = b.id;
        this.kind = b.kind;
        this.activityType = Checks.requireActivityType(b.activityType, "activity type of rule %s", id);
        this.matching = List.copyOf(b.matching);
        this.eligibility = List.copyOf(b.eligibility);
        this.threshold = b.threshold;
        this.dedupKey = b.dedupKey == null ? null : List.copyOf(b.dedupKey);
        this.dedupPeriod = b.dedupPeriod;
        this.dedupWindow = b.dedupWindow;
        this.exclusiveGroup = b.exclusiveGroup;
        this.exclusiveKey = b.exclusiveKey == null ? List.of() : List.copyOf(b.exclusiveKey);
        this.caps = List.copyOf(b.caps);
        this.pointsPerGram = b.pointsPerGram;
        this.gramsRounding = b.gramsRounding;
        this.pointsRounding = b.pointsRounding;
        this.gramsRoundingPeriod = b.gramsRoundingPeriod;
        this.pointsRoundingPeriod = b.pointsRoundingPeriod;
        this.baselineGrams = b.baselineGrams;
        this.projectGrams = b.projectGrams;
        this.netGrams = b.netGrams;
        this.factorPer = b.factorPer;
        this.fixed = b.fixed;
        this.evidenceLevels = Collections.unmodifiableMap(new LinkedHashMap<>(b.evidenceLevels));
        this.countedIn = b.countedIn;
        this.unitSize = b.unitSize;
        this.perUnit = b.perUnit;
        this.tiers = List.copyOf(b.tiers);
        Map<Scenario, List<Term>> termCopy = new EnumMap<>(Scenario.class);
        b.terms.forEach((scenario, list) -> termCopy.put(scenario, List.copyOf(list)));
        this.terms = Collections.unmodifiableMap(termCopy);
        this.factorRounding = b.factorRounding;
        this.savingFactor = b.savingFactor;
        this.staticBaseline = b.staticBaseline;
        this.trailingDays = b.trailingDays;
        this.factorSources = Collections.unmodifiableMap(new LinkedHashMap<>(b.factorSources));
        this.budget = b.budget;
        this.footprintFactor = b.footprintFactor;
        this.issuance = b.issuance;
        this.source = b.source;
        this.status = b.status;
        this.methods = List.copyOf(b.methods);
        validate();
    }

    private void validate() {
        switch (kind) {
            case AVOIDED_EMISSIONS -> {
                boolean net = netGrams != null;
                boolean pair = baselineGrams != null && projectGrams != null;
                if (net == pair || factorPer == null) {
                    throw invalid("an avoided-emissions rule needs either a net factor or a baseline and a project"
                            + " factor, and the unit they are per");
                }
                if (pointsPerGram == null) {
                    throw invalid("an avoided-emissions rule needs a conversion to points (points per gram, 0 for none)");
                }
            }
            case FIXED_PER_EVENT -> {
                if (fixed == null && evidenceLevels.isEmpty()) {
                    throw invalid("a fixed-per-event rule needs an award or evidence levels");
                }
            }
            case SCENARIO_DIFFERENCE -> {
                if (terms.getOrDefault(Scenario.BE, List.of()).isEmpty()) {
                    throw invalid("a scenario-difference rule needs baseline (BE) terms");
                }
                if (pointsPerGram == null) {
                    throw invalid("a scenario-difference rule needs a conversion to points (points per gram, 0 for none)");
                }
            }
            case DYNAMIC_BASELINE -> {
                if (savingFactor == null || staticBaseline == null && trailingDays == 0) {
                    throw invalid("a dynamic-baseline rule needs a factor for the saving and a static baseline, a"
                            + " trailing baseline, or both");
                }
                if (staticBaseline != null && staticBaseline.getPerCapita().getUnit().getDimension()
                        != savingFactor.getPer().getUnit().getDimension()) {
                    throw invalid("the static baseline " + staticBaseline.getPerCapita() + " cannot be compared with the"
                            + " factor's unit " + savingFactor.getPer().getUnit());
                }
                if (pointsPerGram == null) {
                    throw invalid("a dynamic-baseline rule needs a conversion to points (points per gram, 0 for none)");
                }
            }
            case ALLOWANCE_BUDGET -> {
                if (budget == null) {
                    throw invalid("an allowance-budget rule needs a budget and its period");
                }
                if (pointsPerGram == null) {
                    throw invalid("an allowance-budget rule needs a price: points per gram of unused budget");
                }
                if (!caps.isEmpty() || dedupKey != null || exclusiveGroup != null || threshold != null) {
                    throw invalid("an allowance-budget rule counts every eligible activity against the budget; caps,"
                            + " deduplication, exclusive groups and thresholds do not apply to it");
                }
            }
            case MIN_OF -> {
                if (methods.size() < 2) {
                    throw invalid("a min-of rule needs two or more methods to take the lowest of");
                }
                for (CreditRule method : methods) {
                    if (!method.kind.isMethodKind()) {
                        throw invalid("method " + method.id + " is " + method.kind + "; a min-of rule's methods are"
                                + " avoided-emissions, fixed-per-event, per-unit or scenario-difference rules");
                    }
                    if (method.givesPoints()) {
                        throw invalid("method " + method.id + " gives points of its own; a min-of rule compares grams,"
                                + " and its own points-per-gram converts the lowest");
                    }
                    if (!method.activityType.equals(activityType)) {
                        throw invalid("method " + method.id + " is about " + method.activityType + ", not "
                                + activityType);
                    }
                }
                if (pointsPerGram == null) {
                    throw invalid("a min-of rule needs a conversion to points (points per gram, 0 for none)");
                }
            }
            case PER_UNIT -> {
                if (perUnit == null == tiers.isEmpty()) {
                    throw invalid("a per-unit rule needs either a per-unit award or tiers");
                }
                if (countedIn == null) {
                    throw invalid("a per-unit rule needs the unit it counts in, such as count for steps or min");
                }
                if (unitSize != null && unitSize.signum() <= 0) {
                    throw invalid("unit size must be positive: " + unitSize.toPlainString());
                }
            }
        }
        if (kind != Kind.ALLOWANCE_BUDGET && (budget != null || footprintFactor != null)) {
            throw invalid("a budget and a footprint factor belong to allowance-budget rules only");
        }
        if (dedupKey != null && dedupPeriod == null && dedupWindow == null) {
            throw invalid("deduplication needs a period or a rolling window");
        }
        if (caps.size() != new HashSet<>(caps).size()) {
            throw invalid("the same cap is given twice: " + caps);
        }
        if (kind != Kind.MIN_OF && !methods.isEmpty()) {
            throw invalid("methods belong to min-of rules only");
        }
        boolean pointsAnywhere = fixed != null && fixed.getPoints() != null || perUnit != null && perUnit.getPoints() != null
                || !tiers.isEmpty() && tiers.stream().allMatch(t -> t.getAward().getPoints() != null)
                || !evidenceLevels.isEmpty() && evidenceLevels.values().stream().allMatch(f -> f.getPoints() != null);
        if (!pointsAnywhere && pointsPerGram == null) {
            throw invalid("the rule gives no points and no conversion from grams to points");
        }
    }

    /** Whether any award of the rule carries points of its own, rather than converting grams. */
    private boolean givesPoints() {
        return fixed != null && fixed.getPoints() != null || perUnit != null && perUnit.getPoints() != null
                || tiers.stream().anyMatch(t -> t.getAward().getPoints() != null)
                || evidenceLevels.values().stream().anyMatch(f -> f.getPoints() != null);
    }

    /**
     * Gets the methods of a {@link Kind#MIN_OF} rule, whose lowest reduction it takes.
     *
     * @return the methods in order, empty for every other kind, never null
     */
    public List<CreditRule> getMethods() {
        return methods;
    }

    private IllegalArgumentException invalid(String message) {
        return new IllegalArgumentException("Rule " + id + ": " + message);
    }

    /**
     * Creates a builder.
     *
     * @param id  the rule's id, such as "sz-metro", not null
     * @param kind  the kind, not null
     * @param activityType  the dotted activity type the rule is about, such as "transport.rail.metro", not null
     * @return a new builder, never null
     */
    public static Builder builder(String id, Kind kind, String activityType) {
        return new Builder(Checks.requireNonBlank(id, "id"), Objects.requireNonNull(kind, "kind"),
                Objects.requireNonNull(activityType, "activityType"));
    }

    //-----------------------------------------------------------------------
    /**
     * Gets the id.
     *
     * @return the id, never null
     */
    public String getId() {
        return id;
    }

    /**
     * Gets the kind.
     *
     * @return the kind, never null
     */
    public Kind getKind() {
        return kind;
    }

    /**
     * Gets the activity type the rule is about.
     *
     * @return the type, never null
     */
    public String getActivityType() {
        return activityType;
    }

    /**
     * Gets the conditions an activity of the type must meet for the rule to be about it at all.
     *
     * @return the conditions, unmodifiable, never null
     */
    public List<Condition> getMatching() {
        return matching;
    }

    /**
     * Gets the conditions a matching activity must meet to earn; failing one earns zero, as INELIGIBLE.
     *
     * @return the conditions, unmodifiable, never null
     */
    public List<Condition> getEligibility() {
        return eligibility;
    }

    /**
     * Gets the minimum quantity; less earns zero, as BELOW_THRESHOLD.
     *
     * @return the threshold, empty if none, never null
     */
    public Optional<Quantity> getThreshold() {
        return Optional.ofNullable(threshold);
    }

    /**
     * Gets the attributes that, with the account and the period, make an award unique.
     *
     * @return the key, empty if the rule does not deduplicate, never null
     */
    public Optional<List<String>> getDedupKey() {
        return Optional.ofNullable(dedupKey);
    }

    /**
     * Gets the local period within which a deduplication key earns once.
     *
     * @return the period, empty if the rule does not deduplicate or uses a rolling window, never null
     */
    public Optional<FootprintTotals.Period> getDedupPeriod() {
        return Optional.ofNullable(dedupPeriod);
    }

    /**
     * Gets the rolling window within which a deduplication key earns once: an activity is a duplicate if the
     * same key earned less than this long before it.
     *
     * @return the window, empty if the rule does not deduplicate or uses a local period, never null
     */
    public Optional<Duration> getDedupWindow() {
        return Optional.ofNullable(dedupWindow);
    }

    /**
     * Gets the exclusive group: of the activities in a group with the same key, the first earns and the others
     * earn zero, as EXCLUDED.
     *
     * @return the group id, empty if none, never null
     */
    public Optional<String> getExclusiveGroup() {
        return Optional.ofNullable(exclusiveGroup);
    }

    /**
     * Gets the attributes that, with the account, identify an activity within the exclusive group.
     *
     * @return the key, unmodifiable, never null
     */
    public List<String> getExclusiveKey() {
        return exclusiveKey;
    }

    /**
     * Gets the caps.
     *
     * @return the caps, unmodifiable, never null
     */
    public List<Cap> getCaps() {
        return caps;
    }

    /**
     * Gets the points earned per gram, where points are converted from grams.
     *
     * @return the ratio, empty if the rule gives points directly, never null
     */
    public Optional<BigDecimal> getPointsPerGram() {
        return Optional.ofNullable(pointsPerGram);
    }

    /**
     * Gets the rounding of grams, at the event stage or, if {@link #getGramsRoundingPeriod()} is set, the period
     * stage.
     *
     * @return the rounding, empty for exact grams, never null
     */
    public Optional<Rounding> getGramsRounding() {
        return Optional.ofNullable(gramsRounding);
    }

    /**
     * Gets the period whose running total the grams rounding applies to (the "period" rounding stage).
     *
     * @return the period, empty when grams are rounded per event, never null
     */
    public Optional<FootprintTotals.Period> getGramsRoundingPeriod() {
        return Optional.ofNullable(gramsRoundingPeriod);
    }

    /**
     * Gets the rounding of points, per event or, if {@link #getPointsRoundingPeriod()} is set, per period.
     *
     * @return the rounding, empty for exact points, never null
     */
    public Optional<Rounding> getPointsRounding() {
        return Optional.ofNullable(pointsRounding);
    }

    /**
     * Gets the period whose running total the points rounding applies to (the "period" rounding stage).
     *
     * @return the period, empty when points are rounded per event, never null
     */
    public Optional<FootprintTotals.Period> getPointsRoundingPeriod() {
        return Optional.ofNullable(pointsRoundingPeriod);
    }

    /**
     * Gets where the rule's values come from.
     *
     * @return the source, empty if not stated, never null
     */
    public Optional<String> getSource() {
        return Optional.ofNullable(source);
    }

    /**
     * Gets the budget of an allowance-budget rule.
     *
     * @return the budget, empty for other kinds, never null
     */
    public Optional<Budget> getBudget() {
        return Optional.ofNullable(budget);
    }

    /**
     * Gets the factor that turns an activity's quantity into emissions for an allowance-budget rule.
     *
     * @return the factor, empty when the activities' quantities are emissions (masses) already, never null
     */
    public Optional<Term> getFootprintFactor() {
        return Optional.ofNullable(footprintFactor);
    }

    /**
     * Gets when the rule's points reach the account.
     *
     * @return the issuance, empty when points count from the activity's instant, never null
     */
    public Optional<Issuance> getIssuance() {
        return Optional.ofNullable(issuance);
    }

    /** The issuance or null, for the engine: an Optional per award was 6 % of what crediting allocated. */
    Issuance issuanceOrNull() {
        return issuance;
    }

    /**
     * Gets the status of the rule's values, such as "SOURCED" or "UNVERIFIED: rounding not published".
     *
     * @return the status, empty if not stated, never null
     */
    public Optional<String> getStatus() {
        return Optional.ofNullable(status);
    }

    BigDecimal baselineGrams() {
        return baselineGrams;
    }

    BigDecimal projectGrams() {
        return projectGrams;
    }

    BigDecimal netGrams() {
        return netGrams;
    }

    Unit factorPer() {
        return factorPer;
    }

    Fixed fixed() {
        return fixed;
    }

    Map<String, Fixed> evidenceLevels() {
        return evidenceLevels;
    }

    Map<Scenario, List<Term>> terms() {
        return terms;
    }

    Rounding factorRounding() {
        return factorRounding;
    }

    Term savingFactor() {
        return savingFactor;
    }

    StaticBaseline staticBaseline() {
        return staticBaseline;
    }

    int trailingDays() {
        return trailingDays;
    }

    /**
     * Gets where factors of the rule came from, by role ("net", "baseline", "project"), such as a catalog factor
     * with its table's digest.
     *
     * @return the sources, in order, unmodifiable, possibly empty, never null
     */
    public Map<String, String> getFactorSources() {
        return factorSources;
    }

    Unit countedIn() {
        return countedIn;
    }

    BigDecimal unitSize() {
        return unitSize;
    }

    Fixed perUnit() {
        return perUnit;
    }

    List<Tier> tiers() {
        return tiers;
    }

    /** The rule's canonical form: every parameter, numbers as plain decimals without trailing zeros. */
    Map<String, Object> canonical() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("id", id);
        form.put("kind", kind.name());
        form.put("activity", activityType);
        form.put("match", conditions(matching));
        form.put("eligibility", conditions(eligibility));
        if (threshold != null) {
            form.put("threshold", threshold.getAmount().stripTrailingZeros().toPlainString() + " " + threshold.getUnit());
        }
        if (dedupKey != null) {
            form.put("dedup", dedupWindow == null ? Map.of("period", dedupPeriod.name(), "key", dedupKey)
                    : Map.of("window", dedupWindow.toString(), "key", dedupKey));
        }
        if (exclusiveGroup != null) {
            form.put("exclusive", Map.of("id", exclusiveGroup, "key", exclusiveKey));
        }
        List<Object> capForms = new ArrayList<>();
        caps.forEach(cap -> capForms.add(cap.getWindow() == null
                ? Map.of("period", cap.span(), "unit", cap.getUnit().name(), "limit", plain(cap.getLimit()), "key", cap.getKey())
                : Map.of("window", cap.getWindow().toString(), "unit", cap.getUnit().name(), "limit", plain(cap.getLimit()),
                        "key", cap.getKey())));
        form.put("caps", capForms);
        put(form, "points_per_gram", pointsPerGram);
        if (gramsRounding != null) {
            form.put("round_grams", gramsRounding + (gramsRoundingPeriod == null ? "" : " per " + gramsRoundingPeriod));
        }
        if (pointsRounding != null) {
            form.put("round_points", pointsRounding + (pointsRoundingPeriod == null ? "" : " per " + pointsRoundingPeriod));
        }
        put(form, "baseline_g", baselineGrams);
        put(form, "project_g", projectGrams);
        put(form, "net_g", netGrams);
        if (factorPer != null) {
            form.put("factor_per", factorPer.getCode());
        }
        if (fixed != null) {
            form.put("award", fixed(fixed));
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidenceLevels.forEach((level, award) -> evidence.put(level, fixed(award)));
        form.put("evidence", evidence);
        if (countedIn != null) {
            form.put("counted_in", countedIn.getCode());
        }
        put(form, "unit_size", unitSize);
        if (perUnit != null) {
            form.put("per_unit", fixed(perUnit));
        }
        List<Object> tierForms = new ArrayList<>();
        tiers.forEach(tier -> tierForms.add(Map.of("minimum", plain(tier.getMinimum()), "award", fixed(tier.getAward()))));
        form.put("tiers", tierForms);
        Map<String, Object> termForms = new LinkedHashMap<>();
        terms.forEach((scenario, list) -> {
            List<Object> forms = new ArrayList<>();
            list.forEach(term -> forms.add(Map.of("quantity", term.getQuantityAttribute() == null ? "" : term.getQuantityAttribute(),
                    "grams", plain(term.getGrams()), "per", plain(term.getPer().getAmount()) + " " + term.getPer().getUnit())));
            termForms.put(scenario.name(), forms);
        });
        form.put("terms", termForms);
        if (factorRounding != null) {
            form.put("round_factors", factorRounding.toString());
        }
        if (savingFactor != null) {
            form.put("saving_factor", Map.of("grams", plain(savingFactor.getGrams()), "per",
                    plain(savingFactor.getPer().getAmount()) + " " + savingFactor.getPer().getUnit()));
        }
        if (staticBaseline != null) {
            form.put("static_baseline", Map.of("per_capita", plain(staticBaseline.getPerCapita().getAmount()) + " "
                    + staticBaseline.getPerCapita().getUnit(), "persons", staticBaseline.getPersonsAttribute() == null ? ""
                            : staticBaseline.getPersonsAttribute()));
        }
        if (trailingDays > 0) {
            form.put("trailing_days", Integer.toString(trailingDays));
        }
        if (!factorSources.isEmpty()) {
            form.put("factor_sources", new LinkedHashMap<>(factorSources));
        }
        if (budget != null) {
            form.put("budget", Map.of("period", budget.getPeriod().name(), "total", plain(budget.getTotal().getAmount()) + " "
                    + budget.getTotal().getUnit(), "participants", plain(budget.getParticipants())));
        }
        if (footprintFactor != null) {
            form.put("footprint_factor", Map.of("grams", plain(footprintFactor.getGrams()), "per",
                    plain(footprintFactor.getPer().getAmount()) + " " + footprintFactor.getPer().getUnit()));
        }
        if (issuance != null) {
            form.put("issuance", issuance.toString());
        }
        if (source != null) {
            form.put("source", source);
        }
        if (status != null) {
            form.put("status", status);
        }
        if (!methods.isEmpty()) {
            List<Object> methodForms = new ArrayList<>();
            methods.forEach(method -> methodForms.add(method.canonical()));
            form.put("methods", methodForms);
        }
        return form;
    }

    private static List<Object> conditions(List<Condition> conditions) {
        List<Object> forms = new ArrayList<>();
        conditions.forEach(c -> forms.add(Map.of("attribute", c.getAttribute(), "operator", c.getOperator().name(),
                "values", c.getValues())));
        return forms;
    }

    private static Map<String, Object> fixed(Fixed award) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("grams", plain(award.getGrams()));
        put(form, "points", award.getPoints());
        return form;
    }

    private static void put(Map<String, Object> form, String key, BigDecimal value) {
        if (value != null) {
            form.put(key, plain(value));
        }
    }

    private static String plain(BigDecimal value) {
        return CarbonMath.normalize(value).toPlainString();
    }

    /**
     * Returns a summary such as "sz-metro (AVOIDED_EMISSIONS, transport.rail.metro)".
     *
     * @return the summary, never null
     */
    @Override
    public String toString() {
        return id + " (" + kind + ", " + activityType + ")";
    }

    //-----------------------------------------------------------------------
    /**
     * Builds a {@link CreditRule}. Not thread-safe.
     */
    public static final class Builder {

        private final String id;
        private final Kind kind;
        private final String activityType;
        private final List<Condition> matching = new ArrayList<>();
        private final List<Condition> eligibility = new ArrayList<>();
        private Quantity threshold;
        private List<String> dedupKey;
        private FootprintTotals.Period dedupPeriod;
        private Duration dedupWindow;
        private String exclusiveGroup;
        private List<String> exclusiveKey;
        private final List<Cap> caps = new ArrayList<>();
        private final Map<String, String> factorSources = new LinkedHashMap<>();
        private Term savingFactor;
        private StaticBaseline staticBaseline;
        private int trailingDays;
        private BigDecimal pointsPerGram;
        private Rounding gramsRounding;
        private Rounding pointsRounding;
        private FootprintTotals.Period gramsRoundingPeriod;
        private FootprintTotals.Period pointsRoundingPeriod;
        private BigDecimal baselineGrams;
        private BigDecimal projectGrams;
        private BigDecimal netGrams;
        private Unit factorPer;
        private Fixed fixed;
        private final Map<String, Fixed> evidenceLevels = new LinkedHashMap<>();
        private Unit countedIn;
        private BigDecimal unitSize;
        private Fixed perUnit;
        private final List<Tier> tiers = new ArrayList<>();
        private final Map<Scenario, List<Term>> terms = new EnumMap<>(Scenario.class);
        private Rounding factorRounding;
        private Issuance issuance;
        private final List<CreditRule> methods = new ArrayList<>();
        private Budget budget;
        private Term footprintFactor;
        private String source;
        private String status;

        /** A number given as text, read by the one number reader, or an IllegalArgumentException naming the rule. */
        private BigDecimal number(String text, String what) {
            return DecimalText.parse(Objects.requireNonNull(text, what), what + " of rule '" + id + "'");
        }

        private Builder(String id, Kind kind, String activityType) {
            this.id = id;
            this.kind = kind;
            this.activityType = activityType;
        }

        /**
         * Adds a matching condition.
         *
         * @param condition  the condition, not null
         * @return this builder
         */
        public Builder matching(Condition condition) {
            matching.add(Objects.requireNonNull(condition, "condition"));
            return this;
        }

        /**
         * Adds an eligibility condition.
         *
         * @param condition  the condition, not null
         * @return this builder
         */
        public Builder eligibility(Condition condition) {
            eligibility.add(Objects.requireNonNull(condition, "condition"));
            return this;
        }

        /**
         * Sets the minimum quantity.
         *
         * @param minimum  the minimum, not null
         * @return this builder
         */
        public Builder threshold(Quantity minimum) {
            this.threshold = Objects.requireNonNull(minimum, "minimum");
            return this;
        }

        /**
         * Earns once per account, key and local period.
         *
         * @param period  the period, not null
         * @param key  the attributes, not null
         * @return this builder
         */
        public Builder dedup(FootprintTotals.Period period, List<String> key) {
            this.dedupPeriod = Objects.requireNonNull(period, "period");
            this.dedupWindow = null;
            this.dedupKey = List.copyOf(key);
            return this;
        }

        /**
         * Earns once per account and key within a rolling window: an activity is a duplicate if the same key earned
         * less than {@code window} before it (the later of two trips scanned twice within 30 minutes, say).
         *
         * @param window  the window, positive, not null
         * @param key  the attributes, not null
         * @return this builder
         */
        public Builder dedupWithin(Duration window, List<String> key) {
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("A deduplication window must be positive, not " + window);
            }
            this.dedupWindow = window;
            this.dedupPeriod = null;
            this.dedupKey = List.copyOf(key);
            return this;
        }

        /**
         * Puts the rule in an exclusive group, first wins.
         *
         * @param group  the group id, not null
         * @param key  the attributes that identify the thing earned for, such as "tripId", not null
         * @return this builder
         */
        public Builder exclusiveGroup(String group, List<String> key) {
            this.exclusiveGroup = Objects.requireNonNull(group, "group");
            this.exclusiveKey = List.copyOf(key);
            return this;
        }

        /**
         * Adds a cap.
         *
         * @param cap  the cap, not null
         * @return this builder
         */
        public Builder cap(Cap cap) {
            caps.add(Objects.requireNonNull(cap, "cap"));
            return this;
        }

        /**
         * Converts grams to points at a ratio.
         *
         * @param ratio  points per gram, zero or more, as a decimal, not null
         * @return this builder
         */
        public Builder pointsPerGram(String ratio) {
            this.pointsPerGram = number(ratio, "points per gram");
            return this;
        }

        /**
         * Rounds grams at the event stage: each event's grams.
         *
         * @param rounding  the rounding, not null
         * @return this builder
         */
        public Builder roundGrams(Rounding rounding) {
            this.gramsRounding = Objects.requireNonNull(rounding, "rounding");
            this.gramsRoundingPeriod = null;
            return this;
        }

        /**
         * Rounds grams at the period stage: the running total of the account's grams under this rule in each local
         * period is rounded, and each event earns what it adds to the rounded total. Events of a day that earn
         * 0.4 g each then give 0, 0, 1 (0.4, 0.8, 1.2 rounded down) instead of 0, 0, 0, and the day's entries
         * always sum to the rounded day total.
         *
         * @param rounding  the rounding, not null
         * @param period  the period of the running total, not null
         * @return this builder
         */
        public Builder roundGramsPerPeriod(Rounding rounding, FootprintTotals.Period period) {
            this.gramsRounding = Objects.requireNonNull(rounding, "rounding");
            this.gramsRoundingPeriod = Objects.requireNonNull(period, "period");
            return this;
        }

        /**
         * Rounds points at the period stage, as {@link #roundGramsPerPeriod} does grams.
         *
         * @param rounding  the rounding, not null
         * @param period  the period of the running total, not null
         * @return this builder
         */
        public Builder roundPointsPerPeriod(Rounding rounding, FootprintTotals.Period period) {
            this.pointsRounding = Objects.requireNonNull(rounding, "rounding");
            this.pointsRoundingPeriod = Objects.requireNonNull(period, "period");
            return this;
        }

        /**
         * Rounds points at the event stage: each event's points, last.
         *
         * @param rounding  the rounding, not null
         * @return this builder
         */
        public Builder roundPoints(Rounding rounding) {
            this.pointsRounding = Objects.requireNonNull(rounding, "rounding");
            this.pointsRoundingPeriod = null;
            return this;
        }

        /**
         * Sets a net factor (avoided emissions): grams of CO2e avoided per unit.
         *
         * @param grams  the grams, as a decimal, not null
         * @param per  the unit, not null
         * @return this builder
         */
        public Builder netFactor(String grams, Unit per) {
            this.netGrams = number(grams, "net grams");
            this.factorPer = Objects.requireNonNull(per, "per");
            return this;
        }

        /**
         * Sets baseline and project factors (avoided emissions): grams per unit of each scenario.
         *
         * @param baseline  the baseline grams, as a decimal, not null
         * @param project  the project grams, as a decimal, not null
         * @param per  the unit, not null
         * @return this builder
         */
        public Builder baselineAndProject(String baseline, String project, Unit per) {
            this.baselineGrams = number(baseline, "baseline grams");
            this.projectGrams = number(project, "project grams");
            this.factorPer = Objects.requireNonNull(per, "per");
            return this;
        }

        /**
         * Sets the fixed award per event.
         *
         * @param grams  the grams, as a decimal, not null
         * @param points  the points, as a decimal, or null to convert from grams
         * @return this builder
         */
        public Builder award(String grams, String points) {
            this.fixed = new Fixed(number(grams, "grams"), points == null ? null : number(points, "points"));
            return this;
        }

        /**
         * Sets the award for one value of the activity's "evidence" attribute.
         *
         * @param evidence  the evidence level, such as "self_checkin", not null
         * @param grams  the grams, as a decimal, not null
         * @param points  the points, as a decimal, or null to convert from grams
         * @return this builder
         */
        public Builder evidence(String evidence, String grams, String points) {
            evidenceLevels.put(Objects.requireNonNull(evidence, "evidence"),
                    new Fixed(number(grams, "grams"), points == null ? null : number(points, "points")));
            return this;
        }

        /**
         * Sets the unit a per-unit rule counts in; the activity's quantity is converted to it exactly, or with
         * the documented context when that does not terminate.
         *
         * @param unit  the unit, such as count for steps, not null
         * @return this builder
         */
        public Builder countedIn(Unit unit) {
            this.countedIn = Objects.requireNonNull(unit, "unit");
            return this;
        }

        /**
         * Sets a per-unit award: per whole block of {@code unitSize} units (blocks round down), or per unit if the
         * size is 1.
         *
         * @param unitSize  the units in a block, such as "500" steps, as a decimal, not null
         * @param grams  the grams per block, as a decimal, not null
         * @param points  the points per block, as a decimal, or null to convert from grams
         * @return this builder
         */
        public Builder perUnit(String unitSize, String grams, String points) {
            this.unitSize = number(unitSize, "unit size");
            this.perUnit = new Fixed(number(grams, "grams"), points == null ? null : number(points, "points"));
            return this;
        }

        /**
         * Adds a tier: reaching the minimum earns the award; the highest tier reached wins.
         *
         * @param minimum  the units needed, as a decimal, not null
         * @param grams  the grams, as a decimal, not null
         * @param points  the points, as a decimal, or null to convert from grams
         * @return this builder
         */
        public Builder tier(String minimum, String grams, String points) {
            tiers.add(new Tier(number(minimum, "tier minimum"), new Fixed(number(grams, "grams"),
                    points == null ? null : number(points, "points"))));
            return this;
        }

        /**
         * Adds a term to a scenario of a scenario-difference rule.
         *
         * @param scenario  the scenario, not null
         * @param term  the term, not null
         * @return this builder
         */
        public Builder term(Scenario scenario, Term term) {
            terms.computeIfAbsent(Objects.requireNonNull(scenario, "scenario"), k -> new ArrayList<>())
                    .add(Objects.requireNonNull(term, "term"));
            return this;
        }

        /**
         * Rounds each term's factor per unit before multiplying (the "factor" rounding stage): for example 5980 g
         * per 22 pkm becomes 271.82 g/pkm at scale 2.
         *
         * @param rounding  the rounding, not null
         * @return this builder
         */
        public Builder roundFactors(Rounding rounding) {
            this.factorRounding = Objects.requireNonNull(rounding, "rounding");
            return this;
        }

        /**
         * Sets the factor that turns a dynamic-baseline rule's saving into grams, such as 581 g per kWh.
         *
         * @param grams  the grams of CO2e, as a decimal, not null
         * @param per  the quantity the grams are per, positive, not null
         * @return this builder
         */
        public Builder savingFactor(String grams, Quantity per) {
            this.savingFactor = new Term(null, number(grams, "grams"), per);
            return this;
        }

        /**
         * Records where one of the rule's factors came from, such as the catalog factor and table digest the
         * loader resolved it from; it is repeated in every explanation and covered by the rule set's digest.
         *
         * @param role  the factor's role, such as "baseline", not null
         * @param reference  where it came from, not null
         * @return this builder
         */
        public Builder factorSource(String role, String reference) {
            factorSources.put(Objects.requireNonNull(role, "role"), Objects.requireNonNull(reference, "reference"));
            return this;
        }

        /**
         * Sets the static baseline of a dynamic-baseline rule, tried first.
         *
         * @param perCapita  the baseline per person, not null
         * @param personsAttribute  the attribute holding the number of persons, or null for one per account
         * @return this builder
         */
        public Builder staticBaseline(Quantity perCapita, String personsAttribute) {
            this.staticBaseline = new StaticBaseline(perCapita, personsAttribute);
            return this;
        }

        /**
         * Sets the trailing baseline of a dynamic-baseline rule, tried after the static one: the average of the
         * account's daily totals over the given number of local days ending the day before the activity's, as in
         * Shenzhen's household electricity method (a 7-day average counted back from the previous day).
         *
         * @param days  the number of days, 1 or more
         * @return this builder
         */
        public Builder trailingBaseline(int days) {
            if (days < 1) {
                throw new IllegalArgumentException("A trailing baseline needs 1 day or more, not " + days);
            }
            this.trailingDays = days;
            return this;
        }

        /**
         * Sets the budget of an allowance-budget rule.
         *
         * @param budget  the budget, not null
         * @return this builder
         */
        public Builder budget(Budget budget) {
            this.budget = Objects.requireNonNull(budget, "budget");
            return this;
        }

        /**
         * Sets the factor that turns the quantity of an activity counted by an allowance-budget rule into grams of
         * CO2e, such as 80 g per pkm for a bus. Without it, the activities' quantities must be masses: footprints
         * computed beforehand, for example by a {@link dev.carbonkit.calc.FootprintEngine}.
         *
         * @param grams  grams of CO2e per {@code per}, zero or more, not null
         * @param per  the quantity the grams are for, such as '1 pkm', not null
         * @return this builder
         */
        public Builder footprintFactor(String grams, Quantity per) {
            this.footprintFactor = new Term(null, number(grams, "grams"), per);
            return this;
        }

        /**
         * Sets when the rule's points reach the account: after a delay or the next local day, collectible after
         * a wait, and lost if not claimed in time.
         *
         * @param issuance  the issuance, not null
         * @return this builder
         */
        public Builder issuance(Issuance issuance) {
            this.issuance = Objects.requireNonNull(issuance, "issuance");
            return this;
        }

        /**
         * Sets the source and status of the rule's values.
         *
         * @param source  where they come from, or null
         * @param status  SOURCED, DERIVED, UNVERIFIED or CONFLICTING, with detail, or null
         * @return this builder
         */
        public Builder provenance(String source, String status) {
            this.source = source;
            this.status = status;
            return this;
        }

        /**
         * Adds a method to a {@link Kind#MIN_OF} rule: a rule of its own kind about the same activity type, whose
         * reduction in grams is compared with the other methods'.
         *
         * @param method  the method, such as the substitution method's avoided-emissions rule, not null
         * @return this builder
         */
        public Builder method(CreditRule method) {
            methods.add(Objects.requireNonNull(method, "method"));
            return this;
        }

        /**
         * Builds the rule.
         *
         * @return the rule, never null
         * @throws IllegalArgumentException if the parameters do not fit the kind, naming the rule
         */
        public CreditRule build() {
            return new CreditRule(this);
        }
    }
}
