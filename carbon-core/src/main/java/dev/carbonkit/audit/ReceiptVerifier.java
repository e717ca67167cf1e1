package dev.carbonkit.audit;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.internal.CanonicalJson;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.Fallback;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.calc.Rounding;
import dev.carbonkit.credit.CarbonAccounts;
import dev.carbonkit.credit.CreditEngine;
import dev.carbonkit.credit.CreditResult;
import dev.carbonkit.credit.InMemoryLedgerStore;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.emissions.GwpSet;
import dev.carbonkit.factor.FactorCatalog;
import dev.carbonkit.factor.FactorTable;
import dev.carbonkit.factor.Region;
import dev.carbonkit.quantity.Quantity;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Replays receipts against the factor tables and rule sets an auditor holds, and says of each whether it is
 * reproduced, byte for byte, or what differs.
 * <p>
 * A footprint receipt is replayed on its own: its activity and policy are rebuilt from the receipt and scored with
 * the verifier's catalog, after checking that the catalog has the receipt's table with the same digest. Award
 * receipts are replayed together, per rule set: the activities they carry are evaluated again under the
 * verifier's rule set of that id (same digest), up to the latest {@code closed_up_to} among them, and each award
 * is compared with its receipt. Ledger receipts are replayed per account: their events, in order, on fresh accounts
 * under the verifier's rule set, and every update's entries and balances are compared. Award and ledger receipts are
 * therefore held until the end of the input; footprint receipts are verified as they come, in constant memory. The
 * engine version a receipt names is not compared.
 * <p>
 * This class is immutable and thread-safe; {@link #verifyAll} keeps its state in the call.
 */
public final class ReceiptVerifier {

    private static final int MAX_DIFFERENCES = 20;

    private final FactorCatalog catalog;
    private final Map<String, RuleSet> ruleSets = new HashMap<>();
    /** An engine per policy, keyed by the receipt's policy object (maps and lists compare by content). */
    private final Map<Object, FootprintEngine> engines = new ConcurrentHashMap<>();

    /** The money tables footprints' money was converted with, by id. */
    private final Map<String, dev.carbonkit.factor.MoneyTable> moneyTables = new HashMap<>();

    private ReceiptVerifier(FactorCatalog catalog, Collection<RuleSet> ruleSets,
            Collection<dev.carbonkit.factor.MoneyTable> moneyTables) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        for (RuleSet ruleSet : ruleSets) {
            this.ruleSets.put(ruleSet.getId(), ruleSet);
        }
        for (dev.carbonkit.factor.MoneyTable table : moneyTables) {
            this.moneyTables.put(table.getId(), table);
        }
    }

    /**
     * Returns a copy that also has money tables, to replay footprints whose money was converted with them (a receipt
     * names each with its digest).
     *
     * @param tables  the money tables, not null
     * @return the verifier, never null
     */
    public ReceiptVerifier withMoneyTables(Collection<dev.carbonkit.factor.MoneyTable> tables) {
        List<dev.carbonkit.factor.MoneyTable> all = new java.util.ArrayList<>(moneyTables.values());
        all.addAll(Objects.requireNonNull(tables, "tables"));
        return new ReceiptVerifier(catalog, ruleSets.values(), all);
    }

    /**
     * Creates a verifier.
     *
     * @param catalog  the factor tables to replay footprints with, not null
     * @param ruleSets  the rule sets to replay awards with, not null
     * @return the verifier, never null
     */
    public static ReceiptVerifier of(FactorCatalog catalog, Collection<RuleSet> ruleSets) {
        return new ReceiptVerifier(catalog, List.copyOf(ruleSets), List.of());
    }

    //-----------------------------------------------------------------------
    /**
     * Verifies one footprint receipt.
     *
     * @param receipt  a footprint receipt, not null
     * @return what the replay found, never null
     * @throws IllegalArgumentException if the receipt is an award's or a ledger update's, which are replayed with
     *  {@link #verifyAll}
     */
    public Verification verify(Receipt receipt) {
        if (receipt.getKind() != Receipt.Kind.FOOTPRINT) {
            throw new IllegalArgumentException("Receipts of kind " + receipt.getKind().name().toLowerCase(Locale.ROOT)
                    + " depend on the account's other activities and updates; verify them with verifyAll: "
                    + receipt.getId());
        }
        String tableId = receipt.get("table.id").orElse("");
        String digest = receipt.get("table.digest").orElse("");
        FactorTable table = catalog.getTable(tableId).orElse(null);
        if (table == null) {
            return found(receipt, Verification.Status.MISSING_TABLE, "the receipt names table '" + tableId + "' "
                    + digest + ", which the verifier's catalog does not have; it has " + catalog.getDigests().keySet());
        }
        if (!table.getDigest().equals(digest)) {
            return found(receipt, Verification.Status.DIGEST_MISMATCH, "table " + tableId + ": the receipt names "
                    + digest + ", the verifier has " + table.getDigest());
        }
        List<dev.carbonkit.factor.MoneyTable> money = new java.util.ArrayList<>();
        if (receipt.tree().get("money") instanceof List<?> named) {
            for (Object each : named) {
                Map<?, ?> entry = each instanceof Map<?, ?> map ? map : Map.of();
                String id = String.valueOf(entry.get("id"));
                String moneyDigest = String.valueOf(entry.get("digest"));
                dev.carbonkit.factor.MoneyTable moneyTable = moneyTables.get(id);
                if (moneyTable == null) {
                    return found(receipt, Verification.Status.MISSING_TABLE, "the receipt names money table '" + id
                            + "' " + moneyDigest + ", which the verifier does not have; it has "
                            + new java.util.TreeSet<>(moneyTables.keySet()));
                }
                if (!moneyTable.getDigest().equals(moneyDigest)) {
                    return found(receipt, Verification.Status.DIGEST_MISMATCH, "money table " + id + ": the receipt names "
                            + moneyDigest + ", the verifier has " + moneyTable.getDigest());
                }
                money.add(moneyTable);
            }
        }
        Receipt replay;
        try {
            Object policyTree = receipt.tree().get("policy");
            // an engine per policy and money tables
            Object key = money.isEmpty() ? policyTree : java.util.Arrays.asList(policyTree, money);
            FootprintEngine engine = policyTree == null ? null : engines.get(key);
            if (engine == null) {
                engine = FootprintEngine.of(policy(policyTree), catalog).withMoneyTables(money);
                engines.putIfAbsent(key, engine);
            }
            replay = Receipt.of(engine.score(activity(receipt.tree().get("activity"))));
        } catch (RuntimeException unreplayable) {
            return found(receipt, Verification.Status.NOT_REPLAYABLE, String.valueOf(unreplayable.getMessage()));
        }
        return compare(receipt, replay);
    }

    /**
     * Verifies receipts of every kind: footprints as they come, awards and ledger updates once the input has been read.
     *
     * @param receipts  the receipts, in any order, not null
     * @param each  receives every verification: footprints in input order, then awards in input order, then ledger
     *  receipts by account, not null
     * @return the count of each status, never null
     */
    public Map<Verification.Status, Long> verifyAll(Iterable<Receipt> receipts, Consumer<Verification> each) {
        Objects.requireNonNull(each, "each");
        Map<Verification.Status, Long> counts = new EnumMap<>(Verification.Status.class);
        for (Verification.Status status : Verification.Status.values()) {
            counts.put(status, 0L);
        }
        Consumer<Verification> counting = verification -> {
            counts.merge(verification.getStatus(), 1L, Long::sum);
            each.accept(verification);
        };
        Map<String, List<Receipt>> awards = new LinkedHashMap<>();
        Map<List<String>, List<Receipt>> ledgers = new LinkedHashMap<>();
        for (Receipt receipt : receipts) {
            if (receipt.getKind() == Receipt.Kind.FOOTPRINT) {
                counting.accept(verify(receipt));
            } else if (receipt.getKind() == Receipt.Kind.AWARD) {
                awards.computeIfAbsent(receipt.get("ruleset.id").orElse(""), k -> new ArrayList<>()).add(receipt);
            } else {
                ledgers.computeIfAbsent(List.of(receipt.get("ruleset.id").orElse(""), receipt.getAccount()),
                        k -> new ArrayList<>()).add(receipt);
            }
        }
        awards.forEach((ruleSetId, group) -> verifyAwards(ruleSetId, group, counting));
        ledgers.forEach((key, group) -> verifyLedger(key.get(0), key.get(1), group, counting));
        return counts;
    }

    /**
     * Replays an account's ledger receipts: their events, in the order of their updates, on fresh accounts under the
     * verifier's rule set, and compares every receipt the replay makes, entries and balances included.
     */
    private void verifyLedger(String ruleSetId, String account, List<Receipt> group, Consumer<Verification> each) {
        RuleSet ruleSet = ruleSets.get(ruleSetId);
        Map<Receipt, String> unreplayable = new HashMap<>();
        Map<String, Receipt> replays = new LinkedHashMap<>();
        if (ruleSet != null) {
            CarbonAccounts replay = new CarbonAccounts(ruleSet, new InMemoryLedgerStore());
            Instant asOf = null;
            for (Receipt receipt : group) {
                try {
                    asOf = later(asOf, receipt.get("as_of").orElse(null));
                    if (unreplayable.isEmpty()) {
                        apply(replay, account, receipt);
                    }
                } catch (RuntimeException bad) {
                    unreplayable.put(receipt, String.valueOf(bad.getMessage()));
                }
            }
            if (unreplayable.isEmpty()) {
                for (Receipt made : Receipt.ofLedger(replay, account, asOf)) {
                    replays.put(made.getId(), made);
                }
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        group.forEach(receipt -> ids.add(receipt.getId()));
        List<String> unrecorded = new ArrayList<>();
        replays.forEach((id, made) -> {
            if (!ids.contains(id)) {
                unrecorded.add(id + " (" + made.getSteps().get(0) + ")");
            }
        });
        for (int i = 0; i < group.size(); i++) {
            Receipt receipt = group.get(i);
            Verification unmatched = ruleSetProblem(receipt, ruleSetId, ruleSet);
            if (unmatched != null) {
                each.accept(unmatched);
            } else if (!unreplayable.isEmpty()) {
                each.accept(found(receipt, Verification.Status.NOT_REPLAYABLE, unreplayable.containsKey(receipt)
                        ? unreplayable.get(receipt) : "another update of account " + account + " cannot be replayed,"
                                + " and updates depend on those before them: " + unreplayable.values().iterator().next()));
            } else if (!replays.containsKey(receipt.getId())) {
                each.accept(found(receipt, Verification.Status.INCOMPLETE, "the replay of the " + group.size()
                        + " ledger receipts of account " + account + " gives no " + receipt.getId()));
            } else if (i == group.size() - 1 && !unrecorded.isEmpty()) {
                each.accept(found(receipt, Verification.Status.INCOMPLETE, "the replay of account " + account
                        + "'s updates also gives what no receipt records: " + String.join(", ", unrecorded)));
            } else {
                each.accept(compare(receipt, replays.get(receipt.getId())));
            }
        }
    }

    /** Replays one ledger receipt's event; points lost unclaimed are not events, they follow from the schedules. */
    private static void apply(CarbonAccounts replay, String account, Receipt receipt) {
        String kind = receipt.get("event.kind").orElse("");
        switch (kind) {
            case "AWARDED" -> replay.award(activity(receipt.tree().get("activity")));
            case "REVERSED" -> replay.reverse(account, receipt.get("event.activity_id").orElseThrow(() ->
                    new IllegalArgumentException("the reversal names no activity")), receipt.get("event.reason")
                    .orElseThrow(() -> new IllegalArgumentException("the reversal gives no reason")));
            case "CLOSED" -> replay.closePeriods(account, instant(receipt, "event.at"));
            case "CLAIMED" -> replay.claim(account, receipt.get("event.entry").orElseThrow(() ->
                    new IllegalArgumentException("the claim names no entry")), instant(receipt, "event.at"));
            case "EXPIRED" -> {
                // follows from the schedule and the instant the receipts were made as of
            }
            default -> throw new IllegalArgumentException("unknown ledger event '" + kind + "'");
        }
    }

    private static Instant instant(Receipt receipt, String path) {
        return Instant.parse(receipt.get(path).orElseThrow(() -> new IllegalArgumentException("the receipt has no '"
                + path + "'")));
    }

    private static Instant later(Instant known, String text) {
        if (text == null) {
            return known;
        }
        Instant at = Instant.parse(text);
        return known == null || at.isAfter(known) ? at : known;
    }

    private void verifyAwards(String ruleSetId, List<Receipt> group, Consumer<Verification> each) {
        RuleSet ruleSet = ruleSets.get(ruleSetId);
        List<Activity> activities = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        Instant closedUpTo = null;
        Map<Receipt, String> unreplayable = new HashMap<>();
        for (Receipt receipt : group) {
            Object activity = receipt.tree().get("activity");
            try {
                if (activity != null && ids.add(receipt.getId())) {
                    activities.add(activity(activity));
                }
                String closed = receipt.get("closed_up_to").orElse(null);
                if (closed != null && (closedUpTo == null || Instant.parse(closed).isAfter(closedUpTo))) {
                    closedUpTo = Instant.parse(closed);
                }
            } catch (RuntimeException bad) {
                unreplayable.put(receipt, String.valueOf(bad.getMessage()));
            }
        }
        Map<String, Receipt> replays = new HashMap<>();
        if (ruleSet != null && unreplayable.isEmpty()) {
            CreditResult result = CreditEngine.evaluate(ruleSet, activities, closedUpTo);
            for (Receipt replay : Receipt.of(result, ruleSet, activities)) {
                replays.put(key(replay), replay);
            }
        }
        for (Receipt receipt : group) {
            Verification unmatched = ruleSetProblem(receipt, ruleSetId, ruleSet);
            if (unmatched != null) {
                each.accept(unmatched);
            } else if (!unreplayable.isEmpty()) {
                each.accept(found(receipt, Verification.Status.NOT_REPLAYABLE, unreplayable.containsKey(receipt)
                        ? unreplayable.get(receipt) : "another receipt of rule set " + ruleSetId
                                + " cannot be replayed, and awards depend on each other: " + unreplayable.values()
                                .iterator().next()));
            } else {
                Receipt replay = replays.get(key(receipt));
                each.accept(replay == null ? found(receipt, Verification.Status.INCOMPLETE, "the replay of the "
                        + activities.size() + " activities in these receipts gives no award of " + receipt.getId()
                        + " under rule " + receipt.get("rule").orElse("(none)") + "; the receipts of activities it"
                        + " depends on may be missing") : compare(receipt, replay));
            }
        }
    }

    /** What is wrong with the verifier's rule set of a receipt's id: none, or another digest; null if nothing. */
    private Verification ruleSetProblem(Receipt receipt, String ruleSetId, RuleSet ruleSet) {
        String digest = receipt.get("ruleset.digest").orElse("");
        if (ruleSet == null) {
            return found(receipt, Verification.Status.MISSING_RULE_SET, "the receipt names rule set '" + ruleSetId + "' "
                    + digest + ", which the verifier does not have; it has " + new TreeSet<>(ruleSets.keySet()));
        }
        if (!ruleSet.getDigest().equals(digest)) {
            return found(receipt, Verification.Status.DIGEST_MISMATCH, "rule set " + ruleSetId + ": the receipt names "
                    + digest + ", the verifier has " + ruleSet.getDigest());
        }
        return null;
    }

    private static String key(Receipt receipt) {
        return receipt.getId() + "|" + receipt.get("rule").orElse("");
    }

    //-----------------------------------------------------------------------
    private static Verification found(Receipt receipt, Verification.Status status, String detail) {
        return new Verification(receipt.getId(), receipt.getAccount(), receipt.getKind(),
                receipt.get("rule").orElse(null), status, List.of(), detail);
    }

    private static Verification compare(Receipt receipt, Receipt replay) {
        List<Verification.Difference> differences = new ArrayList<>();
        Map<String, Object> expected = new LinkedHashMap<>(receipt.tree());
        Map<String, Object> actual = new LinkedHashMap<>(replay.tree());
        // the engine's version is not compared; a chained line's link and format belong to its file, not to the
        // calculation (the chain is checked by the reader)
        for (String key : List.of("engine", "chain", "format")) {
            expected.remove(key);
            actual.remove(key);
        }
        if (!expected.equals(actual)) {
            diff("", expected, actual, differences);
        }
        if (differences.isEmpty()) {
            return new Verification(receipt.getId(), receipt.getAccount(), receipt.getKind(),
                    receipt.get("rule").orElse(null), Verification.Status.REPRODUCED, List.of(), "");
        }
        String more = differences.size() > MAX_DIFFERENCES ? (differences.size() - MAX_DIFFERENCES) + " more differences"
                + " not listed" : "";
        return new Verification(receipt.getId(), receipt.getAccount(), receipt.getKind(), receipt.get("rule").orElse(null),
                Verification.Status.MISMATCH, differences.subList(0, Math.min(MAX_DIFFERENCES, differences.size())), more);
    }

    private static void diff(String path, Object expected, Object actual, List<Verification.Difference> out) {
        if (expected instanceof Map<?, ?> left && actual instanceof Map<?, ?> right) {
            Set<Object> keys = new TreeSet<>(left.keySet().stream().map(String::valueOf).collect(java.util.stream.Collectors.toList()));
            right.keySet().forEach(key -> keys.add(String.valueOf(key)));
            for (Object key : keys) {
                diff(path.isEmpty() ? String.valueOf(key) : path + "." + key, left.get(key), right.get(key), out);
            }
        } else if (expected instanceof List<?> left && actual instanceof List<?> right) {
            for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
                diff(path + "[" + i + "]", i < left.size() ? left.get(i) : null, i < right.size() ? right.get(i) : null,
                        out);
            }
        } else if (!Objects.equals(expected, actual)) {
            out.add(new Verification.Difference(path, text(expected), text(actual)));
        }
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof String text ? text : CanonicalJson.write(value);
    }

    //-----------------------------------------------------------------------
    /** Rebuilds an activity from a receipt's "activity" object; throws if it cannot be. */
    static Activity activity(Object tree) {
        Map<?, ?> map = map(tree, "activity");
        Activity.Builder builder = Activity.builder(string(map, "id")).account(string(map, "account"))
                .type(string(map, "type")).quantity(Quantity.parse(string(map, "quantity")))
                .time(Instant.parse(string(map, "time")), ZoneId.of(string(map, "zone")))
                .region(Region.of(string(map, "region")));
        if (map.get("factor") != null) {
            builder.factorId(string(map, "factor"));
        }
        map(map.get("attributes"), "activity.attributes").forEach((name, value) ->
                builder.attribute(String.valueOf(name), String.valueOf(value)));
        return builder.build();
    }

    /** Rebuilds a policy from a receipt's "policy" object; throws if it cannot be. */
    static CalculationPolicy policy(Object tree) {
        Map<?, ?> map = map(tree, "policy");
        Set<Fallback.Kind> fallbacks = EnumSet.noneOf(Fallback.Kind.class);
        if (!(map.get("fallbacks") instanceof List<?> list)) {
            throw new IllegalArgumentException("the receipt's policy has no list of fallbacks");
        }
        list.forEach(kind -> fallbacks.add(Fallback.Kind.valueOf(String.valueOf(kind))));
        if (!"standard".equals(map.get("regions"))) {
            throw new IllegalArgumentException("the receipt's policy uses region groups of its own ("
                    + map.get("regions") + "); only the standard hierarchy can be replayed");
        }
        CalculationPolicy policy = CalculationPolicy.defaults().withGwpSet(GwpSet.of(string(map, "gwp")))
                .withAllowedFallbacks(fallbacks);
        if (map.get("rounding") != null) {
            Map<?, ?> rounding = map(map.get("rounding"), "policy.rounding");
            policy = policy.withRounding(Rounding.of(Integer.parseInt(string(rounding, "scale")),
                    RoundingMode.valueOf(string(rounding, "mode"))));
        }
        if (map.get("proxies") != null) {
            // a proxy allows the PROXY fallback; a receipt whose list leaves it out replays to another policy
            for (Map.Entry<?, ?> proxy : map(map.get("proxies"), "policy.proxies").entrySet()) {
                policy = policy.withProxy(String.valueOf(proxy.getKey()),
                        dev.carbonkit.factor.Region.of(String.valueOf(proxy.getValue())));
            }
            policy = policy.withAllowedFallbacks(fallbacks);
        }
        return policy;
    }

    private static Map<?, ?> map(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException("the receipt's " + what + " is not an object");
    }

    private static String string(Map<?, ?> map, String key) {
        if (map.get(key) instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("the receipt has no text '" + key + "'");
    }
}
