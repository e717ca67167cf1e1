package dev.carbonkit.credit;

import dev.carbonkit.CarbonMath;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.FootprintTotals;
import dev.carbonkit.calc.Rounding;
import dev.carbonkit.credit.CreditState.BudgetKey;
import dev.carbonkit.credit.CreditState.Earned;
import dev.carbonkit.credit.CreditState.Key;
import dev.carbonkit.credit.CreditState.OpenBudget;
import dev.carbonkit.credit.CreditState.Used;
import dev.carbonkit.internal.DecimalText;
import dev.carbonkit.internal.LocalDays;
import dev.carbonkit.factor.ActivityTypes;
import dev.carbonkit.factor.Region;
import dev.carbonkit.quantity.Quantity;
import dev.carbonkit.quantity.Unit;
import dev.carbonkit.quantity.UnitMismatchException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Evaluates activities under a rule set into awards and two ledgers, deterministically.
 * <p>
 * Activities are taken in chronological order (instant, then activity id), whatever order they are given in,
 * so caps, deduplication and exclusive groups are allocated the same way every time; an activity id given
 * twice is evaluated once. Each rule about an activity (its type and matching conditions) is applied in this
 * order, following the reference's section 2.3:
 * <ol>
 * <li>the local date in the rule set's zone, which every period uses;</li>
 * <li>eligibility (else INELIGIBLE), threshold (else BELOW_THRESHOLD), deduplication (else DUPLICATE) and
 * exclusive group, first wins (else EXCLUDED);</li>
 * <li>the raw reduction of the rule's kind, exactly;</li>
 * <li>rounding of grams at the event stage, or at the period stage: the exact running total of the account's
 * grams under the rule in the local period is rounded, and the event earns what it adds to the rounded total;</li>
 * <li>count and grams caps, per-event caps first, then calendar periods shortest first (day, week, month,
 * year), then rolling windows shortest first: a count cap, or a grams cap on a rule with fixed points, earns
 * all or nothing (CAPPED); a grams cap on a rule whose points come from grams trims the grams to what is left
 * (PARTIALLY_CAPPED);</li>
 * <li>points: the rule's fixed points, or grams times points per gram; then promotions, which multiply points
 * only; then points caps, which trim points only; then points rounding, at the event or the period stage as for
 * grams;</li>
 * <li>each cap records what the award finally earned (1 for a count cap if it earned anything, its grams, its
 * points), and the ledger entries are written: a reduction entry for the grams and a points entry linked to
 * it, which carries the rule's {@link Issuance} schedule (when the points are issued, collectible and lost if
 * unclaimed) if it has one.</li>
 * </ol>
 * An allowance-budget rule (step 3) counts each eligible activity's emissions against its account's budget
 * for the local period, as a COUNTED_IN_BUDGET zero. When the sweep reaches the end of a budget period (an
 * activity at or after it, or the end of the batch with {@code closedUpTo}), the period closes before that
 * activity is evaluated: its award, for an activity id "budget:ACCOUNT:FIRST-DAY" at the instant the period
 * ended, converts the unused budget to points (then promotions, points rounding and issuance) and credits no
 * reduction; a period that used its budget or more earns OVER_BUDGET zero, with no penalty. Periods close in
 * the order they end, then by account, then by the rule's place in the rule set.
 * <p>
 * Zero awards are kept, with the reason, so that nothing an account did is silently dropped. An activity whose
 * quantity cannot be counted in a rule's unit (a trip in kWh) earns an INCOMPATIBLE_QUANTITY zero naming the
 * activity and both units, and does not stop the rest of the batch.
 * <p>
 * This class is a holder of static methods and cannot be instantiated; evaluation is a pure function of the
 * rule set and the activities.
 */
public final class CreditEngine {

    /** Per-event caps first, then calendar periods shortest first, then rolling windows shortest first. */
    private static final Comparator<Cap> CAP_ORDER = Comparator
            .comparingInt((Cap cap) -> cap.getWindow() != null ? 2 : cap.getPeriod() != null ? 1 : 0)
            .thenComparing(cap -> cap.getPeriod() == null ? 0 : cap.getPeriod().ordinal())
            .thenComparing(cap -> cap.getWindow() == null ? Duration.ZERO : cap.getWindow());

    private static final Comparator<Activity> CHRONOLOGICAL = (a, b) -> {
        int byTime = a.getTime().compareTo(b.getTime());
        return byTime != 0 ? byTime : a.getId().compareTo(b.getId());
    };

    /** Activities of a batch sorted on primitive keys below this many: an index takes the low 20 bits of a key. */
    private static final int KEYED_SORT_LIMIT = 1 << 20;

    private CreditEngine() {
    }

    /**
     * Sorts activities as {@link #CHRONOLOGICAL} does, and as stably: on long keys (the second, less the batch's
     * first, above the activity's place in the batch), then each run of one second by the comparator. Batches
     * spanning more than 2^43 seconds or holding 2^20 activities or more are sorted by the comparator alone.
     */
    static void sortChronologically(List<Activity> activities) {
        int size = activities.size();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            long second = activities.get(i).getTime().getEpochSecond();
            min = Math.min(min, second);
            max = Math.max(max, second);
        }
        if (size < 2 || size >= KEYED_SORT_LIMIT || max - min >= 1L << 43) {
            activities.sort(CHRONOLOGICAL);
            return;
        }
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = (activities.get(i).getTime().getEpochSecond() - min) << 20 | i;
        }
        Arrays.sort(keys);
        Activity[] sorted = new Activity[size];
        for (int i = 0; i < size; i++) {
            sorted[i] = activities.get((int) (keys[i] & (KEYED_SORT_LIMIT - 1)));
        }
        int start = 0;
        for (int i = 1; i <= size; i++) {
            if (i == size || keys[i] >>> 20 != keys[start] >>> 20) {
                if (i - start > 1) {
                    Arrays.sort(sorted, start, i, CHRONOLOGICAL);
                }
                start = i;
            }
        }
        for (int i = 0; i < size; i++) {
            activities.set(i, sorted[i]);
        }
    }

    /**
     * Evaluates activities under a rule set.
     *
     * @param ruleSet  the rule set, not null
     * @param activities  the activities, in any order, not null
     * @return the awards and ledgers, never null
     * @throws IllegalArgumentException if an activity has no account
     */
    public static CreditResult evaluate(RuleSet ruleSet, Iterable<Activity> activities) {
        return evaluate(ruleSet, activities, null);
    }

    /**
     * Evaluates activities under a rule set, closing the allowance-budget periods that end at or before an instant.
     * <p>
     * A budget period closes when it ends at or before the later of {@code closedUpTo} and the instant of the
     * latest activity given: then its award is written, as of the instant it ended. Periods still open earn
     * nothing yet; their activities are COUNTED_IN_BUDGET either way.
     *
     * @param ruleSet  the rule set, not null
     * @param activities  the activities, in any order, not null
     * @param closedUpTo  the instant up to which budget periods are over, or null for the latest activity's
     * @return the awards and ledgers, never null
     * @throws IllegalArgumentException if an activity has no account
     */
    public static CreditResult evaluate(RuleSet ruleSet, Iterable<Activity> activities, Instant closedUpTo) {
        Objects.requireNonNull(ruleSet, "ruleSet");
        Objects.requireNonNull(activities, "activities");
        // a collection copied at once, not grown an activity at a time (3 % of a batch's time)
        List<Activity> sorted;
        if (activities instanceof Collection<Activity> collection) {
            sorted = new ArrayList<>(collection);
        } else {
            sorted = new ArrayList<>();
            activities.forEach(sorted::add);
        }
        sortChronologically(sorted);
        // the first of each id in time order, sized once: a map that grew and linked its entries cost 10 % of the
        // allocation of a batch
        Set<String> seen = new HashSet<>(Math.max(16, sorted.size() * 4 / 3 + 1));
        List<Activity> unique = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Activity activity = requireAccount(sorted.get(i));
            if (seen.add(activity.getId())) {
                unique.add(activity);
            }
        }
        Sweep sweep = new Sweep(ruleSet, unique.size());
        CreditState state = new CreditState.Plain();
        for (int a = 0; a < unique.size(); a++) {
            sweep.step(unique.get(a), state);
        }
        Instant last = unique.isEmpty() ? null : sorted.get(sorted.size() - 1).getTime();
        Instant until = closedUpTo == null ? last : last == null || closedUpTo.isAfter(last) ? closedUpTo : last;
        if (until != null) {
            sweep.closeBudgets(state, until);
        }
        return new CreditResult(ruleSet.getId(), sweep.awards, sweep.reductions, sweep.points, until);
    }

    /**
     * One pass over activities in time order under a rule set: what it has written (awards and the entries of both
     * ledgers, appended in order), and what it works out once and keeps (rules by type, explanation headers, sorted
     * caps, the last local date and issuance schedule). What activities leave for later ones is the
     * {@link CreditState} each step is given, so that the same sweep can run over a batch's plain maps or over an
     * account's versioned history. Not thread-safe.
     */
    static final class Sweep {
        final RuleSet ruleSet;
        /** What the steps have written; the caller may replace them between steps. */
        List<Award> awards;
        List<LedgerEntry> reductions;
        List<LedgerEntry> points;

        /** The local date last worked out for an activity, and its epoch day. */
        private LocalDate lastDate;
        private long lastDay;
        /** The last schedule of an issuance on the next local day, for the local day it was worked out for. */
        private Issuance lastIssuance;
        private ZoneId lastIssueZone;
        private long lastIssueDay;
        private LedgerEntry.Schedule lastSchedule;
        /** The rule set's rules by activity type, in rule-set order; built on first use. */
        private Map<String, List<CreditRule>> rulesByType;
        /** Per rule, the explanation's first lines (the rule, its rule set, provenance and factor sources). */
        private final Map<CreditRule, List<String>> headers = new HashMap<>();
        /** Per rule, its caps in order: those not on points, then those on points. */
        private final Map<CreditRule, List<List<Cap>>> sortedCaps = new HashMap<>();

        /**
         * Creates a sweep whose lists are sized for an award per activity, and at most an entry of each ledger per
         * award: growing them was a tenth of a batch's allocation (CreditResult copies them).
         */
        Sweep(RuleSet ruleSet, int expected) {
            this.ruleSet = ruleSet;
            this.awards = new ArrayList<>(expected);
            this.reductions = new ArrayList<>(expected);
            this.points = new ArrayList<>(expected);
        }

        /**
         * Evaluates the next activity in time order: closes the budget periods that end at or before it, then applies
         * each rule about it, or writes a NO_RULE award.
         */
        void step(Activity activity, CreditState state) {
            closeBudgets(state, activity.getTime());
            List<CreditRule> rules = rulesAbout(activity);
            if (rules.isEmpty()) {
                Supplier<String> reason = () -> "no rule of " + ruleSet.getId() + " is about " + activity.getType();
                awards.add(new Award(activity.getId(), activity.getAccount(), null, Award.Outcome.NO_RULE,
                        BigDecimal.ZERO, BigDecimal.ZERO, new DeferredSteps(List.of(reason))));
                return;
            }
            for (int i = 0; i < rules.size(); i++) {
                CreditRule rule = rules.get(i);
                Evaluation evaluation = new Evaluation(this, rule, activity, state);
                write(rule, evaluation, evaluation.run());
            }
        }

        /** Keeps an award and writes its ledger entries: grams, and points linked to them with their schedule. */
        private void write(CreditRule rule, Evaluation evaluation, Award award) {
            Activity activity = evaluation.activity;
            awards.add(award);
            String reductionId = null;
            if (award.getGrams().signum() > 0) {
                reductionId = ruleSet.getId() + ":" + activity.getId() + ":" + rule.getId() + ":reduction";
                reductions.add(LedgerEntry.earned(reductionId, LedgerEntry.Ledger.REDUCTION, activity.getAccount(),
                        activity.getId(), rule.getId(), award.getGrams(), activity.getTime(), null, null));
            }
            if (award.getPoints().signum() > 0) {
                Issuance issuance = rule.issuanceOrNull();
                LedgerEntry.Schedule schedule = issuance == null ? null : schedule(issuance, activity.getTime(),
                        evaluation.localDate, ruleSet.getZone());
                points.add(LedgerEntry.earned(ruleSet.getId() + ":" + activity.getId() + ":" + rule.getId() + ":points",
                        LedgerEntry.Ledger.POINTS, activity.getAccount(), activity.getId(), rule.getId(), award.getPoints(),
                        activity.getTime(), reductionId, schedule));
            }
        }

        /**
         * Closes the budget periods that end at or before an instant, earliest first, and writes their awards. Each
         * stands as an activity "budget:ACCOUNT:START" of the rule's type at the instant the period ended, whose
         * quantity is the emissions counted.
         */
        void closeBudgets(CreditState state, Instant until) {
            for (OpenBudget open = state.pollBudget(until); open != null; open = state.pollBudget(until)) {
                Activity period = budgetActivity(ruleSet, open);
                Evaluation evaluation = new Evaluation(this, open.rule, period, state);
                write(open.rule, evaluation, evaluation.closeBudget(open));
            }
        }

        /**
         * The local date of an activity in the rule set's zone: the activity's own local day where its zone is that
         * zone (the usual case, worked out when the activity was built), else time.atZone(zone).toLocalDate(). The
         * date of the last day asked for is kept: activities come in time order, most on the same local day as the
         * one before.
         */
        LocalDate localDate(Activity activity) {
            ZoneId zone = ruleSet.getZone();
            long day = activity.getZone().equals(zone) ? activity.getLocalEpochDay()
                    : LocalDays.epochDay(activity.getTime(), zone);
            if (lastDate == null || lastDay != day) {
                lastDate = LocalDate.ofEpochDay(day);
                lastDay = day;
            }
            return lastDate;
        }

        /**
         * An issuance's schedule for an activity: the same for every activity of one local day when the points are
         * issued on the next local day, so worked out once per day and issuance (equal issuances alike). The local
         * date is the evaluation's own, in the zone given.
         */
        LedgerEntry.Schedule schedule(Issuance issuance, Instant time, LocalDate localDate, ZoneId zone) {
            if (issuance.getNextLocalDayAt() == null) {
                return issuance.schedule(time, zone);
            }
            long day = localDate.toEpochDay();
            // rules of a set often have equal issuances (Ant Forest's rules share one): compared by value
            if (day != lastIssueDay || zone != lastIssueZone || !issuance.equals(lastIssuance)) {
                lastSchedule = issuance.schedule(time, zone);
                lastIssuance = issuance;
                lastIssueZone = zone;
                lastIssueDay = day;
            }
            return lastSchedule;
        }

        /** The rules of the rule set's type that an activity matches, in rule-set order. */
        List<CreditRule> rulesAbout(Activity activity) {
            List<CreditRule> ofType = rulesOfType(activity.getType());
            List<CreditRule> rules = null;
            for (int i = 0; i < ofType.size(); i++) {
                CreditRule rule = ofType.get(i);
                boolean matches = true;
                List<Condition> matching = rule.getMatching();
                for (int j = 0; j < matching.size() && matches; j++) {
                    matches = matching.get(j).test(activity);
                }
                if (rules == null && !matches) {
                    // the first rule the activity does not match: the ones before it, then only the ones it matches
                    rules = new ArrayList<>(ofType.subList(0, i));
                } else if (rules != null && matches) {
                    rules.add(rule);
                }
            }
            // every rule of the type matches, the usual case: the type's own list, not a copy
            return rules == null ? ofType : rules;
        }

        /**
         * The rules about an activity type, whether the activity matches them or not, in rule-set order: the rules
         * about the type itself or, if none, about the nearest type above it that has rules (a rule about
         * {@code transport.bus} is about {@code transport.bus.electric} too, unless the set has a rule about that).
         */
        List<CreditRule> rulesOfType(String type) {
            if (rulesByType == null) {
                Map<String, List<CreditRule>> byType = new HashMap<>();
                for (CreditRule rule : ruleSet.getRules()) {
                    byType.computeIfAbsent(rule.getActivityType(), k -> new ArrayList<>()).add(rule);
                }
                rulesByType = new HashMap<>();
                byType.forEach((t, rules) -> rulesByType.put(t, List.copyOf(rules)));
            }
            List<CreditRule> rules = rulesByType.get(type);
            if (rules == null) {
                rules = List.of();
                for (String above = ActivityTypes.parentOrNull(type); above != null;
                        above = ActivityTypes.parentOrNull(above)) {
                    List<CreditRule> found = rulesByType.get(above);
                    if (found != null) {
                        rules = found;
                        break;
                    }
                }
                rulesByType.put(type, rules);
            }
            return rules;
        }
    }

    /** Checks that an activity has an account, which crediting needs (a footprint does not). */
    static Activity requireAccount(Activity activity) {
        if (!activity.hasAccount()) {
            throw new IllegalArgumentException("Activity '" + activity.getId() + "' has no account; crediting needs"
                    + " one: Activity.builder(id).account(...)");
        }
        return activity;
    }

    /** The activity a closed budget period stands as: "budget:ACCOUNT:START", at the instant the period ended. */
    static Activity budgetActivity(RuleSet ruleSet, OpenBudget open) {
        return Activity.builder(budgetActivityId(open.account(), open.start)).account(open.account())
                .type(open.rule.getActivityType()).quantity(Quantity.of(open.actual, Unit.GRAM))
                .time(open.end(), ruleSet.getZone()).region(Region.GLOBAL).build();
    }

    /** The id of the activity a closed budget period stands as. */
    static String budgetActivityId(String account, LocalDate start) {
        return "budget:" + account + ":" + start;
    }

    /** One rule applied to one activity. */
    private static final class Evaluation {
        private final RuleSet ruleSet;
        private final Sweep sweep;
        private final CreditRule rule;
        private final Activity activity;
        private final CreditState state;
        private final LocalDate localDate;
        /**
         * The explanation so far: lines as text (the rule's header) or as the values to write them from. Sized for
         * the seven lines of the benchmark's usual award, and one spare.
         */
        private final List<Object> steps = new ArrayList<>(8);
        /** The keys of the rule's caps for this activity, by the cap's place in the rule; built when first needed. */
        private Key[] capKeys;
        /** The outcome of a kind that finds nothing to earn. */
        private Award.Outcome nothing = Award.Outcome.BELOW_THRESHOLD;

        Evaluation(Sweep sweep, CreditRule rule, Activity activity, CreditState state) {
            this.ruleSet = sweep.ruleSet;
            this.sweep = sweep;
            this.rule = rule;
            this.activity = activity;
            this.state = state;
            this.localDate = sweep.localDate(activity);
        }

        Award run() {
            step(() -> "activity " + activity.getId() + ": " + activity.getType() + ", " + activity.getQuantity() + ", "
                    + activity.getTime() + " = " + localDate + " in " + ruleSet.getZone());
            header();
            if (!rule.getActivityType().equals(activity.getType())) {
                step(() -> "the rule is about " + rule.getActivityType() + ", and " + activity.getType()
                        + " is under it (no rule of the set is about a type nearer to it)");
            }
            List<Condition> eligibility = rule.getEligibility();
            for (int i = 0; i < eligibility.size(); i++) {
                Condition condition = eligibility.get(i);
                if (!condition.test(activity)) {
                    return zero(Award.Outcome.INELIGIBLE, () -> "not eligible: " + condition + " (the activity has "
                            + activity.getAttributes().getOrDefault(condition.getAttribute(), "no " + condition.getAttribute())
                            + ")");
                }
            }
            if (rule.getThreshold().isPresent()) {
                Quantity minimum = rule.getThreshold().get();
                try {
                    if (activity.getQuantity().isLessThan(minimum)) {
                        return zero(Award.Outcome.BELOW_THRESHOLD, () -> "below the threshold: " + activity.getQuantity()
                                + " < " + minimum);
                    }
                } catch (UnitMismatchException mismatch) {
                    return incompatible("the threshold " + minimum, mismatch);
                }
            }
            if (rule.getDedupWindow().isPresent()) {
                Duration window = rule.getDedupWindow().get();
                Key key = new Key(rule.getId(), activity.getAccount(), values(rule.getDedupKey().get()), null);
                Earned last = (Earned) state.get(CreditState.DEDUP_ROLLING, key);
                if (last != null && activity.getTime().isBefore(last.at().plus(window))) {
                    return zero(Award.Outcome.DUPLICATE, () -> "duplicate: " + rule.getDedupKey().get() + " already earned"
                            + " within " + window + " (activity " + last.activityId() + " at " + local(last.at()) + ")");
                }
                state.put(CreditState.DEDUP_ROLLING, key, new Earned(activity.getTime(), activity.getId()));
            } else if (rule.getDedupKey().isPresent()) {
                FootprintTotals.Period period = rule.getDedupPeriod().get();
                Key key = new Key(rule.getId(), activity.getAccount(), values(rule.getDedupKey().get()),
                        period.startOf(localDate));
                String first = (String) state.get(CreditState.DEDUP, key);
                if (first == null) {
                    state.put(CreditState.DEDUP, key, activity.getId());
                } else {
                    return zero(Award.Outcome.DUPLICATE, () -> "duplicate: " + rule.getDedupKey().get() + " already earned"
                            + " in this " + period.name().toLowerCase(Locale.ROOT) + " (activity " + first + ")");
                }
            }
            if (rule.getExclusiveGroup().isPresent()) {
                // the attributes' names belong to the key: rules of one group may name different attributes
                Key key = new Key(rule.getExclusiveGroup().get(), activity.getAccount(), values(rule.getExclusiveKey()),
                        rule.getExclusiveKey());
                String first = (String) state.get(CreditState.EXCLUSIVE, key);
                if (first == null) {
                    state.put(CreditState.EXCLUSIVE, key, activity.getId());
                } else {
                    return zero(Award.Outcome.EXCLUDED, () -> "excluded: exclusive group " + rule.getExclusiveGroup().get()
                            + " already earned for " + rule.getExclusiveKey() + " (activity " + first + "), first wins");
                }
            }
            if (rule.getKind() == CreditRule.Kind.ALLOWANCE_BUDGET) {
                return countInBudget();
            }
            Raw raw;
            try {
                raw = raw();
            } catch (UnitMismatchException mismatch) {
                return incompatible("the units of rule " + rule.getId(), mismatch);
            }
            if (raw == null) {
                return zero(nothing, lastStep());
            }
            BigDecimal grams = raw.grams;
            if (rule.getGramsRounding().isPresent()) {
                grams = round(grams, "grams", rule.getGramsRounding().get(), rule.getGramsRoundingPeriod().orElse(null));
            }
            boolean trimmed = false;
            boolean earns = grams.signum() > 0 || raw.points != null && raw.points.signum() > 0;
            List<Cap> unitCaps = sortedCaps(false);
            for (int i = 0; i < unitCaps.size(); i++) {
                Cap cap = unitCaps.get(i);
                BigDecimal asked = grams;
                BigDecimal used = used(cap);
                BigDecimal left = cap.getLimit().subtract(used);
                if (cap.getUnit() == Cap.Unit.COUNT) {
                    if (earns && left.compareTo(BigDecimal.ONE) < 0) {
                        return zero(Award.Outcome.CAPPED, () -> "capped: " + cap + " already reached (" + used.toPlainString()
                                + " used)");
                    }
                    step(() -> "cap " + cap + ": " + used.add(earns ? BigDecimal.ONE : BigDecimal.ZERO).toPlainString()
                            + " of " + cap.getLimit().toPlainString() + " used");
                } else {
                    if (grams.compareTo(left) > 0) {
                        if (raw.points != null || left.signum() <= 0) {
                            return zero(Award.Outcome.CAPPED, () -> "capped: " + cap + " cannot take " + asked.toPlainString()
                                    + " g (" + CarbonMath.normalize(left.max(BigDecimal.ZERO)).toPlainString() + " g left)");
                        }
                        step(() -> "cap " + cap + ": trimmed " + asked.toPlainString() + " g to the "
                                + left.toPlainString() + " g left");
                        grams = left;
                        trimmed = true;
                    } else {
                        step(() -> "cap " + cap + ": " + used.add(asked).toPlainString() + " of "
                                + cap.getLimit().toPlainString() + " g used");
                    }
                }
            }
            BigDecimal points = points(grams, raw.points);
            List<Cap> pointCaps = sortedCaps(true);
            for (int i = 0; i < pointCaps.size(); i++) {
                Cap cap = pointCaps.get(i);
                BigDecimal left = cap.getLimit().subtract(used(cap)).max(BigDecimal.ZERO);
                BigDecimal asked = points;
                if (points.compareTo(left) > 0) {
                    if (left.signum() == 0) {
                        return zero(Award.Outcome.CAPPED, () -> "capped: " + cap + " already reached");
                    }
                    step(() -> "cap " + cap + ": trimmed " + asked.toPlainString() + " points to the "
                            + left.toPlainString() + " left");
                    points = left;
                    trimmed = true;
                }
            }
            if (rule.getPointsRounding().isPresent()) {
                points = round(points, "points", rule.getPointsRounding().get(),
                        rule.getPointsRoundingPeriod().orElse(null));
            }
            grams = CarbonMath.normalize(grams);
            points = CarbonMath.normalize(points);
            boolean earned = grams.signum() > 0 || points.signum() > 0;
            List<Cap> caps = rule.getCaps();
            for (int i = 0; i < caps.size(); i++) {
                Cap cap = caps.get(i);
                record(cap, switch (cap.getUnit()) {
                    case COUNT -> earned ? BigDecimal.ONE : BigDecimal.ZERO;
                    case GRAMS -> grams;
                    case POINTS -> points;
                });
            }
            return result(grams, points, trimmed);
        }

        /** Points: the rule's fixed points, or grams times points per gram; then promotions, points only. */
        private BigDecimal points(BigDecimal grams, BigDecimal fixedPoints) {
            BigDecimal points;
            if (fixedPoints != null) {
                points = fixedPoints;
                step(() -> "points: " + fixedPoints.toPlainString() + " (fixed by the rule, not derived from grams)");
            } else {
                BigDecimal ratio = rule.getPointsPerGram().get();
                BigDecimal derived = CarbonMath.normalize(grams.multiply(ratio));
                step(() -> "points: " + grams.toPlainString() + " g x " + ratio.toPlainString() + " point/g = "
                        + derived.toPlainString());
                points = derived;
            }
            List<Promotion> promotions = ruleSet.getPromotions();
            for (int i = 0; i < promotions.size(); i++) {
                Promotion promotion = promotions.get(i);
                if (promotion.appliesTo(rule.getId(), activity.getTime())) {
                    BigDecimal before = points;
                    BigDecimal promoted = CarbonMath.normalize(points.multiply(promotion.getMultiplier()));
                    step(() -> "promotion " + promotion.getId() + " x" + promotion.getMultiplier().toPlainString() + ": "
                            + before.toPlainString() + " -> " + promoted.toPlainString()
                            + " points (the reduction ledger is not touched)");
                    points = promoted;
                }
            }
            return points;
        }

        /** The issuance step, if any, and the result. */
        private Award result(BigDecimal grams, BigDecimal points, boolean trimmed) {
            Issuance issuance = rule.issuanceOrNull();
            if (issuance != null && points.signum() > 0) {
                step(() -> {
                    // the ledger entry's schedule is worked out when it is written; this is the same pure function
                    LedgerEntry.Schedule schedule = issuance.schedule(activity.getTime(), ruleSet.getZone());
                    return "issuance (" + issuance + "): points issued " + local(schedule.getIssuedAt()) + ", collectible from "
                            + local(schedule.getCollectibleAt()) + (schedule.needsClaim() ? ", lost unless claimed before "
                                    + local(schedule.getExpiresAt()) : "") + " (the reduction ledger is not delayed)";
                });
            }
            step(() -> "result: " + grams.toPlainString() + " g CO2e on the reduction ledger, " + points.toPlainString()
                    + " points" + (trimmed ? " (trimmed by a cap)" : ""));
            return new Award(activity.getId(), activity.getAccount(), rule.getId(),
                    trimmed ? Award.Outcome.PARTIALLY_CAPPED : Award.Outcome.AWARDED, grams, points, new DeferredSteps(steps));
        }

        /**
         * Counts an activity's emissions against its account's budget for the local period: its quantity if it is
         * a mass, or its quantity times the rule's footprint factor.
         */
        private Award countInBudget() {
            BigDecimal grams;
            Quantity quantity = activity.getQuantity();
            try {
                CreditRule.Term factor = rule.getFootprintFactor().orElse(null);
                if (factor == null) {
                    grams = CarbonMath.normalize(quantity.to(Unit.GRAM).getAmount());
                    steps.add("emissions: " + quantity + " = " + grams.toPlainString() + " g");
                } else {
                    Quantity inFactorUnit = quantity.to(factor.getPer().getUnit(), CarbonMath.CONTEXT);
                    grams = CarbonMath.divide(inFactorUnit.getAmount().multiply(factor.getGrams()), factor.getPer().getAmount());
                    steps.add("emissions: " + inFactorUnit + " x " + factor.getGrams().toPlainString() + " g per "
                            + factor.getPer() + " = " + grams.toPlainString() + " g");
                }
            } catch (UnitMismatchException mismatch) {
                return incompatible("the budget of rule " + rule.getId() + ", which counts masses of CO2e or the"
                        + " unit of its footprint factor", mismatch);
            }
            CreditRule.Budget budget = rule.getBudget().get();
            LocalDate start = budget.getPeriod().startOf(localDate);
            Instant end = budget.getPeriod().nextStartAfter(localDate).atStartOfDay(ruleSet.getZone()).toInstant();
            BudgetKey key = new BudgetKey(end, activity.getAccount(), ruleSet.getRules().indexOf(rule));
            OpenBudget open = state.budget(key);
            open = (open == null ? new OpenBudget(key, rule, start) : open).plus(activity.getId(), grams);
            state.putBudget(open);
            BigDecimal soFar = open.actual; // the explanation is written later, and the period goes on counting
            steps.add("counted against the budget of the " + budget.getPeriod().name().toLowerCase(Locale.ROOT) + " from "
                    + start + ": " + soFar.toPlainString() + " g of " + budget.gramsPerAccount().toPlainString()
                    + " g so far; the period's award comes when it closes, at " + local(end));
            steps.add("result: 0 g, 0 points (" + Award.Outcome.COUNTED_IN_BUDGET + ")");
            return new Award(activity.getId(), activity.getAccount(), rule.getId(), Award.Outcome.COUNTED_IN_BUDGET,
                    BigDecimal.ZERO, BigDecimal.ZERO, new DeferredSteps(steps));
        }

        /** The award of a closed budget period; this evaluation's activity stands for the period. */
        private Award closeBudget(OpenBudget open) {
            CreditRule.Budget budget = rule.getBudget().get();
            steps.add("budget period of account " + open.account() + ": the " + budget.getPeriod().name().toLowerCase(Locale.ROOT)
                    + " from " + open.start + " to " + budget.getPeriod().nextStartAfter(open.start).minusDays(1) + " in "
                    + ruleSet.getZone() + ", closed at " + local(open.end()));
            header();
            BigDecimal allowed = budget.gramsPerAccount();
            steps.add("budget: " + budget.getTotal() + " for " + budget.getParticipants().toPlainString() + " participant"
                    + (budget.getParticipants().compareTo(BigDecimal.ONE) == 0 ? "" : "s") + " = " + allowed.toPlainString()
                    + " g per account");
            List<String> counted = CreditState.describe(open);
            BigDecimal actual = open.actual;
            steps.add("actual: " + counted.size() + " activit" + (counted.size() == 1 ? "y" : "ies") + " ("
                    + String.join(", ", counted) + ") = " + actual.toPlainString() + " g");
            if (open.actual.compareTo(allowed) >= 0) {
                return zero(Award.Outcome.OVER_BUDGET, "over budget: " + actual.toPlainString() + " g used of "
                        + allowed.toPlainString() + " g; nothing is left to earn, and no penalty is taken");
            }
            BigDecimal unused = CarbonMath.normalize(allowed.subtract(open.actual));
            steps.add("unused: " + allowed.toPlainString() + " - " + actual.toPlainString() + " = "
                    + unused.toPlainString() + " g; unused budget is not an avoided emission, so the reduction ledger is"
                    + " not credited");
            BigDecimal points = points(unused, null);
            if (rule.getPointsRounding().isPresent()) {
                points = round(points, "points", rule.getPointsRounding().get(),
                        rule.getPointsRoundingPeriod().orElse(null));
            }
            return result(BigDecimal.ZERO, CarbonMath.normalize(points), false);
        }

        /** The rule, its rule set and provenance, and the sources of its factors. */
        private void header() {
            List<String> header = sweep.headers.get(rule);
            if (header == null) {
                List<String> lines = new ArrayList<>();
                lines.add("rule " + rule.getId() + " (" + rule.getKind() + ") of " + ruleSet.getId() + " "
                        + ruleSet.getVersion() + " " + ruleSet.getDigest() + rule.getSource().map(s -> "; source: " + s)
                                .orElse("") + rule.getStatus().map(s -> "; status: " + s).orElse(""));
                rule.getFactorSources().forEach((role, reference) -> lines.add("factor " + role + ": " + reference));
                header = List.copyOf(lines);
                sweep.headers.put(rule, header);
            }
            for (int i = 0; i < header.size(); i++) {
                steps.add(header.get(i));
            }
        }

        /** The raw reduction and, for rules with fixed points, the points; null if nothing can be earned. */
        private Raw raw() {
            if (rule.getKind() == CreditRule.Kind.MIN_OF) {
                return lowest();
            }
            return raw(rule);
        }

        /**
         * The lowest reduction of a min-of rule's methods, each worked out and explained in turn; a method that earns
         * nothing (below its lowest tier, an unknown evidence level) is left out, and if every one does, nothing.
         */
        private Raw lowest() {
            List<CreditRule> methods = rule.getMethods();
            Raw lowest = null;
            String chosen = null;
            for (int i = 0; i < methods.size(); i++) {
                CreditRule method = methods.get(i);
                step(() -> "method " + method.getId() + " (" + method.getKind() + ")"
                        + method.getSource().map(source -> "; source: " + source).orElse("")
                        + method.getStatus().map(status -> "; status: " + status).orElse(""));
                Raw raw = raw(method);
                if (raw == null) {
                    step(() -> "method " + method.getId() + " earns nothing and is not compared");
                } else if (lowest == null || raw.grams.compareTo(lowest.grams) < 0) {
                    lowest = raw;
                    chosen = method.getId();
                }
            }
            if (lowest == null) {
                return null;
            }
            BigDecimal grams = lowest.grams;
            String id = chosen;
            step(() -> "the lowest of the methods (conservative): " + id + ", " + grams.toPlainString() + " g");
            return new Raw(grams, null);
        }

        /** The raw reduction of one rule, or of one method of a min-of rule. */
        private Raw raw(CreditRule r) {
            Quantity quantity = activity.getQuantity();
            switch (r.getKind()) {
                case AVOIDED_EMISSIONS -> {
                    Quantity converted = quantity.to(r.factorPer(), CarbonMath.CONTEXT);
                    BigDecimal factor = r.netGrams() != null ? r.netGrams()
                            : r.baselineGrams().subtract(r.projectGrams());
                    BigDecimal grams = CarbonMath.normalize(converted.getAmount().multiply(factor));
                    step(() -> "avoided: " + converted + " x " + (r.netGrams() != null
                            ? "net factor " + factor.toPlainString() + " g/" + r.factorPer()
                            : "baseline " + r.baselineGrams().toPlainString() + " - project "
                                    + r.projectGrams().toPlainString() + " = " + factor.toPlainString() + " g/"
                                    + r.factorPer()) + " = " + grams.toPlainString() + " g");
                    if (grams.signum() < 0) {
                        step(() -> "floored at zero: a negative reduction earns nothing");
                        return new Raw(BigDecimal.ZERO, null);
                    }
                    return new Raw(grams, null);
                }
                case FIXED_PER_EVENT -> {
                    CreditRule.Fixed award = r.fixed();
                    if (!r.evidenceLevels().isEmpty()) {
                        String evidence = activity.getAttributes().get("evidence");
                        CreditRule.Fixed level = evidence == null ? null : r.evidenceLevels().get(evidence);
                        if (level != null) {
                            award = level;
                            step(() -> "evidence " + evidence + ": " + level.getGrams().toPlainString() + " g"
                                    + (level.getPoints() == null ? "" : ", " + level.getPoints().toPlainString() + " points"));
                        } else if (award == null) {
                            step(() -> "evidence '" + evidence + "' earns nothing under this rule; levels: "
                                    + r.evidenceLevels().keySet());
                            return null;
                        }
                    }
                    if (r.evidenceLevels().isEmpty() || award == r.fixed()) {
                        CreditRule.Fixed fixed = award;
                        step(() -> "fixed award per event: " + fixed.getGrams().toPlainString() + " g"
                                + (fixed.getPoints() == null ? "" : ", " + fixed.getPoints().toPlainString() + " points"));
                    }
                    return new Raw(award.getGrams(), award.getPoints());
                }
                case PER_UNIT -> {
                    Quantity counted = quantity.to(r.countedIn(), CarbonMath.CONTEXT);
                    BigDecimal units = counted.getAmount();
                    if (!counted.getUnit().equals(quantity.getUnit())) {
                        step(() -> "counted in " + r.countedIn() + ": " + quantity + " = " + counted);
                    }
                    if (!r.tiers().isEmpty()) {
                        CreditRule.Tier best = null;
                        for (CreditRule.Tier tier : r.tiers()) {
                            if (units.compareTo(tier.getMinimum()) >= 0
                                    && (best == null || tier.getMinimum().compareTo(best.getMinimum()) > 0)) {
                                best = tier;
                            }
                        }
                        if (best == null) {
                            step(() -> "below the lowest tier: " + counted);
                            return null;
                        }
                        CreditRule.Tier reached = best;
                        step(() -> "tier reached: " + counted + " >= " + reached.getMinimum().toPlainString() + " earns "
                                + reached.getAward().getGrams().toPlainString() + " g");
                        return new Raw(best.getAward().getGrams(), best.getAward().getPoints());
                    }
                    BigDecimal size = r.unitSize();
                    BigDecimal blocks = size.compareTo(BigDecimal.ONE) == 0 ? units
                            : units.divide(size, 0, RoundingMode.FLOOR);
                    CreditRule.Fixed per = r.perUnit();
                    BigDecimal grams = CarbonMath.normalize(blocks.multiply(per.getGrams()));
                    BigDecimal points = per.getPoints() == null ? null : CarbonMath.normalize(blocks.multiply(per.getPoints()));
                    step(() -> (size.compareTo(BigDecimal.ONE) == 0 ? units.toPlainString() + " units"
                            : "floor(" + units.toPlainString() + " / " + size.toPlainString() + ") = "
                                    + blocks.toPlainString() + " blocks")
                            + " x " + per.getGrams().toPlainString() + " g = " + grams.toPlainString() + " g"
                            + (points == null ? "" : "; x " + per.getPoints().toPlainString() + " points = "
                                    + points.toPlainString() + " points"));
                    return new Raw(grams, points);
                }
                case SCENARIO_DIFFERENCE -> {
                    Map<CreditRule.Scenario, BigDecimal> totals = new EnumMap<>(CreditRule.Scenario.class);
                    for (CreditRule.Scenario scenario : CreditRule.Scenario.values()) {
                        BigDecimal total = BigDecimal.ZERO;
                        for (CreditRule.Term term : r.terms().getOrDefault(scenario, List.of())) {
                            BigDecimal value = term(r, term, scenario);
                            if (value == null) {
                                return null;
                            }
                            total = total.add(value);
                        }
                        totals.put(scenario, CarbonMath.normalize(total));
                    }
                    BigDecimal grams = CarbonMath.normalize(totals.get(CreditRule.Scenario.BE)
                            .subtract(totals.get(CreditRule.Scenario.PE)).subtract(totals.get(CreditRule.Scenario.LE)));
                    steps.add("ER = BE - PE - LE = " + totals.get(CreditRule.Scenario.BE).toPlainString() + " - "
                            + totals.get(CreditRule.Scenario.PE).toPlainString() + " - "
                            + totals.get(CreditRule.Scenario.LE).toPlainString() + " = " + grams.toPlainString() + " g");
                    if (grams.signum() < 0) {
                        steps.add("floored at zero: a negative reduction earns nothing");
                        return new Raw(BigDecimal.ZERO, null);
                    }
                    return new Raw(grams, null);
                }
                case DYNAMIC_BASELINE -> {
                    return dynamicBaseline();
                }
                default -> throw new IllegalStateException("carbon bug: no raw reduction for kind " + r.getKind());
            }
        }

        /**
         * The saving against the first baseline the actual quantity is below, times the saving factor; records the
         * actual quantity in the account's daily history, which later trailing baselines average.
         */
        private Raw dynamicBaseline() {
            CreditRule.Term factor = rule.savingFactor();
            Unit unit = factor.getPer().getUnit();
            BigDecimal actual = activity.getQuantity().to(unit, CarbonMath.CONTEXT).getAmount();
            // the baseline as a fraction, so that a trailing average is divided once, at the end: 6 x 581 / 7
            BigDecimal baseline = null;
            BigDecimal over = BigDecimal.ONE;
            CreditRule.StaticBaseline fixed = rule.staticBaseline();
            if (fixed != null) {
                BigDecimal perCapita = fixed.getPerCapita().to(unit, CarbonMath.CONTEXT).getAmount();
                BigDecimal persons = fixed.getPersonsAttribute() == null ? BigDecimal.ONE : persons(fixed.getPersonsAttribute());
                if (persons != null) {
                    BigDecimal value = CarbonMath.normalize(perCapita.multiply(persons));
                    steps.add("static baseline: " + perCapita.toPlainString() + " " + unit + " per person x "
                            + persons.toPlainString() + " = " + value.toPlainString() + " " + unit);
                    if (actual.compareTo(value) < 0) {
                        baseline = value;
                    } else {
                        steps.add("actual " + actual.toPlainString() + " " + unit + " is not below the static baseline");
                    }
                }
            }
            if (baseline == null && rule.trailingDays() > 0) {
                int days = rule.trailingDays();
                LocalDate first = localDate.minusDays(days);
                BigDecimal sum = BigDecimal.ZERO;
                LocalDate missing = null;
                for (LocalDate day = first; day.isBefore(localDate); day = day.plusDays(1)) {
                    BigDecimal total = (BigDecimal) state.get(CreditState.DAILY, dailyKey(day));
                    if (total == null) {
                        missing = day;
                        break;
                    }
                    sum = sum.add(total);
                }
                if (missing != null) {
                    LocalDate gap = missing;
                    steps.add("trailing baseline not applicable: the account has no reading on " + gap + " (needs "
                            + days + " days, " + first + " to " + localDate.minusDays(1) + ")");
                } else {
                    BigDecimal average = CarbonMath.divide(sum, BigDecimal.valueOf(days));
                    BigDecimal summed = sum;
                    steps.add("trailing baseline: the average of " + days + " days, " + first + " to "
                            + localDate.minusDays(1) + ", " + summed.toPlainString() + " / " + days + " = "
                            + average.toPlainString() + " " + unit);
                    if (actual.multiply(BigDecimal.valueOf(days)).compareTo(sum) < 0) {
                        baseline = sum;
                        over = BigDecimal.valueOf(days);
                    } else {
                        steps.add("actual " + actual.toPlainString() + " " + unit + " is not below the trailing baseline");
                    }
                }
            }
            Key today = dailyKey(localDate);
            BigDecimal before = (BigDecimal) state.get(CreditState.DAILY, today);
            state.put(CreditState.DAILY, today, before == null ? actual : before.add(actual));
            if (baseline == null) {
                nothing = Award.Outcome.NOT_BELOW_BASELINE;
                steps.add("not below any baseline: " + activity.getQuantity() + " earns nothing");
                return null;
            }
            BigDecimal savingTimesOver = baseline.subtract(actual.multiply(over));
            BigDecimal grams = CarbonMath.divide(savingTimesOver.multiply(factor.getGrams()),
                    over.multiply(factor.getPer().getAmount()));
            String saving = over.compareTo(BigDecimal.ONE) == 0 ? CarbonMath.normalize(savingTimesOver).toPlainString()
                    : "(" + baseline.toPlainString() + " - " + actual.toPlainString() + " x " + over.toPlainString()
                            + ") / " + over.toPlainString();
            steps.add("saving: " + saving + " " + unit + " x " + factor.getGrams().toPlainString() + " g per "
                    + factor.getPer() + " = " + grams.toPlainString() + " g");
            return new Raw(grams, null);
        }

        /** The key of the account's quantity on a local day under this rule. */
        private Key dailyKey(LocalDate day) {
            return new Key(rule.getId(), activity.getAccount(), Key.NO_VALUES, day);
        }

        private BigDecimal persons(String attribute) {
            String text = activity.getAttributes().get(attribute);
            if (text != null && DecimalText.problem(text) == null) {
                BigDecimal persons = new BigDecimal(text);
                if (persons.signum() > 0) {
                    return persons;
                }
            }
            steps.add("static baseline not applicable: attribute '" + attribute + "' should hold the number of persons,"
                    + " and the activity " + (text == null ? "does not have it" : "has " + DecimalText.excerpt(text)));
            return null;
        }

        /** One term in grams: the quantity times the factor, exactly, or with the factor rounded first. */
        private BigDecimal term(CreditRule r, CreditRule.Term term, CreditRule.Scenario scenario) {
            Quantity quantity = activity.getQuantity();
            if (term.getQuantityAttribute() != null) {
                String text = activity.getAttributes().get(term.getQuantityAttribute());
                try {
                    quantity = Quantity.parse(Objects.requireNonNull(text));
                } catch (RuntimeException missingOrBad) {
                    steps.add(scenario + " needs the quantity in attribute '" + term.getQuantityAttribute()
                            + "', which the activity " + (text == null ? "does not have" : "has as '" + text + "'"));
                    return null;
                }
            }
            Quantity inFactorUnit = quantity.to(term.getPer().getUnit(), CarbonMath.CONTEXT);
            BigDecimal value;
            String text;
            if (r.factorRounding() != null) {
                BigDecimal perUnit = r.factorRounding().apply(CarbonMath.divide(term.getGrams(), term.getPer().getAmount()));
                value = CarbonMath.normalize(inFactorUnit.getAmount().multiply(perUnit));
                text = inFactorUnit + " x " + perUnit.toPlainString() + " g/" + term.getPer().getUnit() + " (factor "
                        + term.getGrams().toPlainString() + " g per " + term.getPer() + ", rounded " + r.factorRounding() + ")";
            } else {
                value = CarbonMath.divide(inFactorUnit.getAmount().multiply(term.getGrams()), term.getPer().getAmount());
                text = inFactorUnit + " x " + term.getGrams().toPlainString() + " g per " + term.getPer();
            }
            steps.add(scenario + ": " + text + " = " + value.toPlainString() + " g");
            return value;
        }

        /**
         * Rounds an amount at the event stage, or at the period stage: what the event adds to the rounded running
         * total of its local period, so that a period's entries sum to its rounded total.
         */
        private BigDecimal round(BigDecimal amount, String what, Rounding rounding, FootprintTotals.Period period) {
            if (period == null) {
                BigDecimal rounded = rounding.apply(amount);
                step(() -> what + " rounded at the event stage (" + rounding + "): " + amount.toPlainString() + " -> "
                        + rounded.toPlainString());
                return rounded;
            }
            LocalDate start = period.startOf(localDate);
            Key key = new Key(rule.getId(), activity.getAccount(), new String[] {what}, start);
            Object total = state.get(CreditState.PERIOD_TOTAL, key);
            BigDecimal before = total == null ? BigDecimal.ZERO : (BigDecimal) total;
            BigDecimal after = CarbonMath.normalize(before.add(amount));
            state.put(CreditState.PERIOD_TOTAL, key, after);
            BigDecimal roundedBefore = rounding.apply(before);
            BigDecimal roundedAfter = rounding.apply(after);
            BigDecimal earned = CarbonMath.normalize(roundedAfter.subtract(roundedBefore));
            step(() -> what + " rounded at the period stage (" + rounding + ", " + period.name().toLowerCase(Locale.ROOT)
                    + " from " + start + "): running total " + before.toPlainString() + " + " + amount.toPlainString()
                    + " = " + after.toPlainString() + " -> " + roundedAfter.toPlainString() + ", less "
                    + roundedBefore.toPlainString() + " already rounded = " + earned.toPlainString());
            return earned;
        }

        private String local(Instant instant) {
            return instant.atZone(ruleSet.getZone()).toOffsetDateTime().toString();
        }

        /** The rule's caps on points, or on counts and grams, in {@link #CAP_ORDER}; sorted once per rule. */
        private List<Cap> sortedCaps(boolean onPoints) {
            List<List<Cap>> both = sweep.sortedCaps.computeIfAbsent(rule, r -> List.of(
                    r.getCaps().stream().filter(cap -> cap.getUnit() != Cap.Unit.POINTS).sorted(CAP_ORDER).collect(java.util.stream.Collectors.toList()),
                    r.getCaps().stream().filter(cap -> cap.getUnit() == Cap.Unit.POINTS).sorted(CAP_ORDER).collect(java.util.stream.Collectors.toList())));
            return both.get(onPoints ? 1 : 0);
        }

        /** What earlier awards used of a cap: in this local period, in the rolling window, or nothing per event. */
        private BigDecimal used(Cap cap) {
            if (cap.getWindow() != null) {
                return state.windowSum(capKey(cap), activity.getTime().minus(cap.getWindow()));
            }
            if (cap.getPeriod() == null) {
                return BigDecimal.ZERO;
            }
            Object used = state.get(CreditState.CAP_USED, capKey(cap));
            return used == null ? BigDecimal.ZERO : (BigDecimal) used;
        }

        private void record(Cap cap, BigDecimal amount) {
            if (cap.getWindow() != null) {
                state.windowAdd(capKey(cap), new Used(activity.getTime(), amount));
            } else if (cap.getPeriod() != null) {
                Key key = capKey(cap);
                Object used = state.get(CreditState.CAP_USED, key);
                state.put(CreditState.CAP_USED, key, used == null ? amount : ((BigDecimal) used).add(amount));
            }
        }

        /** The key of what the activity's account used of a cap in its period; built once per cap and evaluation. */
        private Key capKey(Cap cap) {
            int index = rule.getCaps().indexOf(cap);
            if (capKeys == null) {
                capKeys = new Key[rule.getCaps().size()];
            }
            if (capKeys[index] == null) {
                capKeys[index] = new Key(rule.getId(), index, activity.getAccount(), values(cap.getKey()),
                        cap.getPeriod() == null ? null : cap.getPeriod().startOf(localDate));
            }
            return capKeys[index];
        }

        /** The activity's values of some attributes, in order; a missing attribute is null. */
        private String[] values(List<String> attributes) {
            if (attributes.isEmpty()) {
                return Key.NO_VALUES;
            }
            String[] values = new String[attributes.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = activity.getAttributes().get(attributes.get(i));
            }
            return values;
        }

        private Award incompatible(String what, UnitMismatchException mismatch) {
            return zero(Award.Outcome.INCOMPATIBLE_QUANTITY, "incompatible quantity: activity " + activity.getId() + " has "
                    + activity.getQuantity() + ", which cannot be counted against " + what + " (" + mismatch.getMessage()
                    + ")");
        }

        /** A zero award whose reason is known now: the rare outcomes, written at once. */
        private Award zero(Award.Outcome outcome, String reason) {
            steps.add(reason);
            return zero(outcome);
        }

        private Award zero(Award.Outcome outcome, Supplier<String> reason) {
            steps.add(reason);
            return zero(outcome);
        }

        private Award zero(Award.Outcome outcome) {
            steps.add(ZERO_RESULTS[outcome.ordinal()]);
            return new Award(activity.getId(), activity.getAccount(), rule.getId(), outcome, BigDecimal.ZERO,
                    BigDecimal.ZERO, new DeferredSteps(steps));
        }

        /** Adds a line of the explanation, written when first read. */
        private void step(Supplier<String> line) {
            steps.add(line);
        }

        /** Takes back the last line, to give it as a zero award's reason. */
        @SuppressWarnings("unchecked")
        private Supplier<String> lastStep() {
            Object line = steps.remove(steps.size() - 1);
            return line instanceof String text ? () -> text : (Supplier<String>) line;
        }
    }

    /** The last line of a zero award's explanation, by outcome. */
    private static final String[] ZERO_RESULTS = new String[Award.Outcome.values().length];

    static {
        for (Award.Outcome outcome : Award.Outcome.values()) {
            ZERO_RESULTS[outcome.ordinal()] = "result: 0 g, 0 points (" + outcome + ")";
        }
    }

    /** A raw reduction, and the fixed points where the rule gives them. */
    private record Raw(BigDecimal grams, BigDecimal points) {
    }
}
