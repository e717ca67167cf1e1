package dev.carbonkit.credit;

import dev.carbonkit.calc.Activity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link CarbonAccounts} did before it became incremental (#15), kept as the reference the incremental accounts
 * are held to: every update re-evaluates the account's whole history with {@link CreditEngine#evaluate} and appends
 * the reversals and revisions that make the ledger match. One account, in memory, single-threaded.
 */
final class FullReevaluation {

    private final RuleSet ruleSet;
    private final List<Activity> activities = new ArrayList<>();
    private final List<Instant> closes = new ArrayList<>();
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final Map<String, String> reversed = new HashMap<>();

    FullReevaluation(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    List<LedgerEntry> entries() {
        return entries;
    }

    List<Activity> activities() {
        return activities;
    }

    /** Awards an activity; null if the account has it already or had it reversed (nothing written). */
    List<Award> award(Activity activity) {
        for (Activity known : activities) {
            if (known.getId().equals(activity.getId())) {
                return null;
            }
        }
        if (reversed.containsKey(activity.getId())) {
            return null;
        }
        activities.add(activity);
        CreditResult result = update("activity " + activity.getId() + " was awarded");
        return result.getAwards().stream().filter(award -> award.getActivityId().equals(activity.getId())).toList();
    }

    List<LedgerEntry> reverse(String activityId, String reason) {
        if (!activities.removeIf(activity -> activity.getId().equals(activityId))) {
            throw new IllegalArgumentException("no activity " + activityId);
        }
        reversed.put(activityId, reason);
        int before = entries.size();
        update("activity " + activityId + " was reversed: " + reason);
        return List.copyOf(entries.subList(before, entries.size()));
    }

    List<LedgerEntry> closePeriods(Instant at) {
        Instant closed = closedUpTo();
        if (closed != null && !at.isAfter(closed)) {
            return List.of();
        }
        closes.add(at);
        int before = entries.size();
        update("budget periods were closed up to " + at);
        return List.copyOf(entries.subList(before, entries.size()));
    }

    Instant closedUpTo() {
        Instant closed = null;
        for (Instant at : closes) {
            if (closed == null || at.isAfter(closed)) {
                closed = at;
            }
        }
        return closed;
    }

    CreditResult evaluate() {
        return CreditEngine.evaluate(ruleSet, activities, closedUpTo());
    }

    private CreditResult update(String cause) {
        CreditResult result = evaluate();
        Map<String, LedgerEntry> effective = effective(entries);
        Map<String, LedgerEntry> wanted = new LinkedHashMap<>();
        result.getReductions().forEach(entry -> wanted.put(entry.getId(), entry));
        result.getPoints().forEach(entry -> wanted.put(entry.getId(), entry));
        Map<String, Integer> revisions = new HashMap<>();
        entries.stream().filter(entry -> entry.getKind() != LedgerEntry.Kind.CLAIM)
                .forEach(entry -> revisions.merge(base(entry.getId()), 1, Integer::sum));
        List<LedgerEntry> appended = new ArrayList<>();
        for (Map.Entry<String, LedgerEntry> current : effective.entrySet()) {
            LedgerEntry want = wanted.get(current.getKey());
            if (want == null || want.getAmount().compareTo(current.getValue().getAmount()) != 0) {
                LedgerEntry entry = current.getValue();
                String id = base(entry.getId()) + "#" + revisions.merge(base(entry.getId()), 1, Integer::sum);
                appended.add(new LedgerEntry(id, LedgerEntry.Kind.REVERSAL, entry.getLedger(), entry.getAccount(),
                        entry.getActivityId(), entry.getRuleId(), entry.getAmount().negate(), entry.getTime(),
                        entry.getReductionEntryId(), entry.getId(), "reversed because " + cause, entry.getSchedule()));
            }
        }
        for (Map.Entry<String, LedgerEntry> want : wanted.entrySet()) {
            LedgerEntry current = effective.get(want.getKey());
            if (current == null || want.getValue().getAmount().compareTo(current.getAmount()) != 0) {
                LedgerEntry entry = want.getValue();
                if (revisions.containsKey(want.getKey())) {
                    String id = base(entry.getId()) + "#" + revisions.merge(base(entry.getId()), 1, Integer::sum);
                    appended.add(new LedgerEntry(id, LedgerEntry.Kind.EARNED, entry.getLedger(), entry.getAccount(),
                            entry.getActivityId(), entry.getRuleId(), entry.getAmount(), entry.getTime(), entry.getReductionEntryId(),
                            null, "re-evaluated because " + cause, entry.getSchedule()));
                } else {
                    appended.add(entry);
                }
            }
        }
        entries.addAll(appended);
        return result;
    }

    private static Map<String, LedgerEntry> effective(List<LedgerEntry> entries) {
        Map<String, LedgerEntry> current = new LinkedHashMap<>();
        for (LedgerEntry entry : entries) {
            String base = base(entry.getId());
            if (entry.getKind() == LedgerEntry.Kind.CLAIM) {
                continue;
            }
            if (entry.isReversal()) {
                current.remove(base);
            } else {
                current.put(base, entry);
            }
        }
        return current;
    }

    private static String base(String id) {
        int hash = id.indexOf('#');
        return hash < 0 ? id : id.substring(0, hash);
    }
}
