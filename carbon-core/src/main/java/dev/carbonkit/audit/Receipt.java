package dev.carbonkit.audit;

import dev.carbonkit.CarbonMath;
import dev.carbonkit.Version;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.internal.CanonicalJson;
import dev.carbonkit.internal.Libraries;
import dev.carbonkit.calc.CalculationPolicy;
import dev.carbonkit.calc.Fallback;
import dev.carbonkit.calc.Footprint;
import dev.carbonkit.calc.Step;
import dev.carbonkit.credit.Award;
import dev.carbonkit.credit.CarbonAccounts;
import dev.carbonkit.credit.CreditResult;
import dev.carbonkit.credit.LedgerEntry;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.factor.RegionHierarchy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The record of one calculation, such as the footprint of a trip or the award of a metro ride under a rule set:
 * its inputs, the policy, the engine's version, the tables or rule set used with their digests, each step with
 * its numbers, and the result, as canonical JSON (docs/receipt-format.md). Anyone with the same tables or rule
 * set can replay it with {@link ReceiptVerifier} and get the same bytes.
 * <p>
 * Every value is a string, an array, an object or null: numbers are plain decimal strings, exactly as computed,
 * instants are UTC, keys are sorted, and nothing depends on the default locale or time zone. A receipt's text is its identity:
 * two receipts are equal when their texts are.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class Receipt {

    /** The format a receipt declares on its own, outside a chained file. */
    public static final String FORMAT = "carbonkit-receipt/1";

    /**
     * The format of a line of a chained receipts file: a receipt of {@value #FORMAT} with a {@code chain} link to the
     * line before it, or the file's end line (docs/receipt-format.md).
     */
    public static final String CHAINED_FORMAT = "carbonkit-receipt/2";

    /**
     * Where a receipt stands in a chained file: its place (from 1) and the digest of the line before it (for the
     * first, the digest of no bytes, {@link ReceiptChain#GENESIS}).
     */
    public static final class Link {
        private final long sequence;
        private final String previous;

        /**
         * Checks the components.
         *
         * @param sequence  the place
         * @param previous  the previous line's digest
         */
        public Link(long sequence, String previous) {
            if (sequence < 1) {
                throw new IllegalArgumentException("A receipt's place in its chain starts at 1: " + sequence);
            }
            Objects.requireNonNull(previous, "previous");
            this.sequence = sequence;
            this.previous = previous;
        }

        /**
         * Gets the receipt's place in its file, from 1.
         *
         * @return the receipt's place in its file, from 1
         */
        public long getSequence() {
            return sequence;
        }

        /**
         * Gets the previous: "sha256:" and the hex SHA-256 of the previous line's bytes.
         *
         * @return "sha256:" and the hex SHA-256 of the previous line's bytes, not null
         */
        public String getPrevious() {
            return previous;
        }

        @Override
        public boolean equals(Object obj) {
            return obj == this || obj instanceof Link other
                    && sequence == other.sequence && java.util.Objects.equals(previous, other.previous);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(sequence, previous);
        }

        /**
         * Returns the values in the form {@code Link[sequence=..., ...]}.
         *
         * @return the text, never null
         */
        @Override
        public String toString() {
            return "Link[sequence=" + sequence + ", previous=" + previous + "]";
        }
    }

    /** What a receipt records. */
    public enum Kind {
        /** The footprint of one activity. */
        FOOTPRINT,
        /** What one activity earned under one rule (or under no rule), or the award of a closed budget period. */
        AWARD,
        /**
         * One update of an account's ledger (an activity awarded or reversed, budget periods closed, points claimed)
         * with every entry it wrote, or points lost unclaimed.
         */
        LEDGER
    }

    private static final String FORMAT_VALUE = "\"" + FORMAT + "\"";
    private static final String CHAINED_FORMAT_VALUE = "\"" + CHAINED_FORMAT + "\"";

    private final Map<String, Object> tree;
    /** The canonical text; for a receipt read from a file, made when first asked for (the single-check idiom). */
    private String json;
    /**
     * Where a chain link goes in the text (before the first key after "chain", with its comma) and where the format's
     * value starts, so that a writer splices a chained line instead of writing it again; -1 if not known.
     */
    private final int chainAt;
    private final int formatAt;

    private Receipt(Map<String, Object> tree, String json, int chainAt, int formatAt) {
        this.tree = tree;
        this.json = json;
        this.chainAt = chainAt;
        this.formatAt = formatAt;
    }

    /** Makes a receipt of a tree, writing its canonical text and noting where a chain link would go. */
    static Receipt made(Map<String, Object> tree) {
        StringBuilder out = new StringBuilder(2048).append('{');
        int chainAt = -1;
        int formatAt = -1;
        boolean first = true;
        for (Map.Entry<String, Object> entry : CanonicalJson.sorted(tree).entrySet()) {
            String key = entry.getKey();
            if (chainAt < 0 && key.compareTo("chain") > 0) {
                chainAt = out.length();
            }
            if (!first) {
                out.append(',');
            }
            CanonicalJson.writeString(key, out);
            out.append(':');
            if (key.equals("format") && FORMAT.equals(entry.getValue())) {
                formatAt = out.length();
            }
            CanonicalJson.write(entry.getValue(), out);
            first = false;
        }
        if (chainAt < 0) {
            chainAt = out.length();
        }
        out.append('}');
        boolean linkable = formatAt > 0 && !tree.containsKey("chain");
        return new Receipt(tree, out.toString(), linkable ? chainAt : -1, linkable ? formatAt : -1);
    }

    //-----------------------------------------------------------------------
    /**
     * Makes the receipt of a footprint, with the policy it was scored under ({@link Footprint#getPolicy()}).
     *
     * @param footprint  the footprint, not null
     * @return the receipt, never null
     */
    public static Receipt of(Footprint footprint) {
        Objects.requireNonNull(footprint, "footprint");
        CalculationPolicy policy = footprint.getPolicy();
        Activity activity = footprint.getActivity();
        Map<String, Object> tree = header("footprint", activity.getId(), activity.getAccount(), activity);
        tree.put("policy", policy(policy));
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("id", footprint.getTableId());
        table.put("digest", footprint.getTableDigest());
        tree.put("table", table);
        tree.put("factor", footprint.getFactor().getId());
        if (!footprint.getMoneyTables().isEmpty()) {
            // only a footprint whose money was converted has the key, so that every other receipt is as it was
            List<Object> money = new ArrayList<>();
            for (dev.carbonkit.factor.MoneyTable moneyTable : footprint.getMoneyTables()) {
                Map<String, Object> named = new LinkedHashMap<>();
                named.put("id", moneyTable.getId());
                named.put("digest", moneyTable.getDigest());
                money.add(named);
            }
            tree.put("money", money);
        }
        List<Object> steps = new ArrayList<>();
        for (Step step : footprint.getExplanation().getSteps()) {
            steps.add(step.toString());
        }
        tree.put("steps", steps);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("co2e_kg", plain(footprint.getCo2e()));
        Map<String, Object> gases = new LinkedHashMap<>();
        footprint.getEmissions().getMasses().forEach((gas, kg) -> gases.put(gas.getCode(), plain(kg)));
        result.put("gases_kg", gases);
        result.put("gwp", footprint.getGwpSet().map(Enum::name).orElse(null));
        List<Object> fallbacks = new ArrayList<>();
        for (Fallback fallback : footprint.getFallbacks()) {
            fallbacks.add(fallback.toString());
        }
        result.put("fallbacks", fallbacks);
        result.put("presented_kg", footprint.getPresentedCo2e().map(Receipt::plain).orElse(null));
        tree.put("result", result);
        return made(tree);
    }

    /**
     * Makes the receipt of a footprint, checking that the policy given is the one it was scored under: a receipt
     * records the policy its replay uses, and one that named another policy could not be reproduced.
     *
     * @param footprint  the footprint, not null
     * @param policy  the policy it was scored under, such as {@code engine.getPolicy()}, not null
     * @return the receipt, never null
     * @throws IllegalArgumentException if the footprint was scored under another policy
     */
    public static Receipt of(Footprint footprint, CalculationPolicy policy) {
        Objects.requireNonNull(footprint, "footprint");
        Objects.requireNonNull(policy, "policy");
        if (!policy.equals(footprint.getPolicy())) {
            throw new IllegalArgumentException("Footprint of activity '" + footprint.getActivity().getId()
                    + "' was scored under " + footprint.getPolicy() + ", not " + policy + "; a receipt naming another"
                    + " policy could not be replayed: use Receipt.of(footprint)");
        }
        return of(footprint);
    }

    /**
     * Makes the receipts of a credit evaluation: one per award, in the result's order.
     *
     * @param result  the result of {@code CreditEngine.evaluate}, not null
     * @param ruleSet  the rule set it was evaluated under, not null
     * @param activities  the activities it was evaluated from, not null
     * @return the receipts, never null
     * @throws IllegalArgumentException if an award names an activity that is not among the activities
     */
    public static List<Receipt> of(CreditResult result, RuleSet ruleSet, Iterable<Activity> activities) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(ruleSet, "ruleSet");
        Objects.requireNonNull(activities, "activities");
        Map<String, Activity> byId = new HashMap<>();
        for (Activity activity : activities) {
            byId.putIfAbsent(activity.getId(), activity);
        }
        Instant until = result.getClosedUpTo();
        Map<String, String> entryIds = new HashMap<>();
        for (LedgerEntry entry : result.getReductions()) {
            entryIds.put(entry.getActivityId() + "|" + entry.getRuleId() + "|reduction", entry.getId());
        }
        for (LedgerEntry entry : result.getPoints()) {
            entryIds.put(entry.getActivityId() + "|" + entry.getRuleId() + "|points", entry.getId());
        }
        List<Receipt> receipts = new ArrayList<>(result.getAwards().size());
        for (Award award : result.getAwards()) {
            Activity activity = byId.get(award.getActivityId());
            if (activity == null && award.getRuleId() != null && !award.getActivityId().startsWith("budget:")) {
                throw new IllegalArgumentException("Award of activity '" + award.getActivityId() + "' under rule "
                        + award.getRuleId() + " names an activity that is not among the activities given");
            }
            Map<String, Object> tree = header("award", award.getActivityId(), award.getAccount(), activity);
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("id", ruleSet.getId());
            set.put("version", ruleSet.getVersion());
            set.put("digest", ruleSet.getDigest());
            tree.put("ruleset", set);
            tree.put("rule", award.getRuleId());
            tree.put("closed_up_to", until == null ? null : until.toString());
            tree.put("steps", new ArrayList<>(award.getSteps()));
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("outcome", award.getOutcome().name());
            outcome.put("grams", plain(award.getGrams()));
            outcome.put("points", plain(award.getPoints()));
            outcome.put("reduction_entry", entryIds.get(award.getActivityId() + "|" + award.getRuleId() + "|reduction"));
            outcome.put("points_entry", entryIds.get(award.getActivityId() + "|" + award.getRuleId() + "|points"));
            tree.put("result", outcome);
            receipts.add(made(tree));
        }
        return receipts;
    }

    /** The keys every receipt has: format, kind, engine, id, account and activity (null for a budget period). */
    static Map<String, Object> header(String kind, String id, String account, Activity activity) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("format", FORMAT);
        tree.put("kind", kind);
        tree.put("engine", Version.ENGINE);
        tree.put("id", id);
        tree.put("account", account);
        tree.put("activity", activity == null ? null : activity(activity));
        return tree;
    }

    /**
     * Makes the receipts of an account's awards as its ledgers stand: one per award of its current activities,
     * with the closing instant of its budget periods. A reversed activity has none; {@link #ofLedger} has every update
     * of the ledger, reversals with their reasons among them.
     *
     * @param accounts  the accounts, not null
     * @param account  the account, not null
     * @return the receipts, never null
     */
    public static List<Receipt> of(CarbonAccounts accounts, String account) {
        Objects.requireNonNull(accounts, "accounts");
        return of(accounts.evaluate(account), accounts.getRuleSet(), accounts.activities(account));
    }

    /**
     * Makes the receipts of an account's ledger as its store holds it: one per update, in the order written, with the
     * event (an activity awarded with the activity, an activity reversed with the reason, budget periods closed, points
     * claimed) and every entry the update wrote, and the balances after it; then, if {@code asOf} is given, one per
     * points entry lost unclaimed by that instant. A reversal's entries name the entry each cancels and why.
     * {@link ReceiptVerifier} replays them in order under the rule set and compares every entry. Take them while the
     * account is not being updated; they are read from one read of the store.
     *
     * @param accounts  the accounts, not null
     * @param account  the account, not null
     * @param asOf  the instant to report points lost unclaimed by, or null for none
     * @return the receipts, in the order of the account's updates, never null
     * @throws dev.carbonkit.credit.LedgerStoreException if the store cannot be read
     */
    public static List<Receipt> ofLedger(CarbonAccounts accounts, String account, Instant asOf) {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(account, "account");
        return LedgerReceipts.of(accounts, account, asOf);
    }

    /**
     * Makes the receipts of the updates of an account's ledger after the first {@code seen}, as a stream processor
     * that has given out the receipts of those already gives out the new ones: each the same receipt, numbered the
     * same, as {@link #ofLedger(CarbonAccounts, String, Instant) ofLedger(accounts, account, null)} gives.
     *
     * @param accounts  the accounts, not null
     * @param account  the account, not null
     * @param seen  how many updates' receipts were given out already, zero or more
     * @return the receipts of the later updates, in order, never null
     * @throws dev.carbonkit.credit.LedgerStoreException if the store cannot be read
     */
    public static List<Receipt> ofLedgerAfter(CarbonAccounts accounts, String account, int seen) {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(account, "account");
        if (seen < 0) {
            throw new IllegalArgumentException("seen must be zero or more: " + seen);
        }
        return LedgerReceipts.of(accounts, account, null, seen);
    }

    static Map<String, Object> activity(Activity activity) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("id", activity.getId());
        tree.put("account", activity.getAccount());
        tree.put("type", activity.getType());
        tree.put("quantity", activity.getQuantity().getAmount().toPlainString() + " " + activity.getQuantity().getUnit());
        tree.put("time", activity.getTime().toString());
        tree.put("zone", activity.getZone().getId());
        tree.put("region", activity.getRegion().getCode());
        tree.put("factor", activity.getFactorId().orElse(null));
        tree.put("attributes", activity.getAttributes().isEmpty() ? Map.of()
                : new LinkedHashMap<String, Object>(new TreeMap<>(activity.getAttributes())));
        return tree;
    }

    static Map<String, Object> policy(CalculationPolicy policy) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("gwp", policy.getGwpSet().name());
        List<Object> fallbacks = new ArrayList<>();
        for (Fallback.Kind kind : Fallback.Kind.values()) {
            if (policy.allows(kind)) {
                fallbacks.add(kind.name());
            }
        }
        tree.put("fallbacks", fallbacks);
        tree.put("regions", policy.getRegionHierarchy().equals(RegionHierarchy.standard()) ? "standard"
                : policy.getRegionHierarchy().toString());
        Map<String, Object> rounding = null;
        if (policy.getRounding().isPresent()) {
            rounding = new LinkedHashMap<>();
            rounding.put("scale", Integer.toString(policy.getRounding().get().getScale()));
            rounding.put("mode", policy.getRounding().get().getMode().name());
        }
        tree.put("rounding", rounding);
        if (!policy.getProxies().isEmpty()) {
            // only a policy that names a proxy has the key, so that every other receipt is as it was
            Map<String, Object> proxies = new LinkedHashMap<>();
            policy.getProxies().forEach((group, region) -> proxies.put(group, region.getCode()));
            tree.put("proxies", proxies);
        }
        return tree;
    }

    private static String plain(BigDecimal value) {
        return CarbonMath.normalize(value).toPlainString();
    }

    //-----------------------------------------------------------------------
    /**
     * Reads a receipt from its JSON text.
     *
     * @param json  the text of one receipt, not null
     * @return the receipt, never null
     * @throws ReceiptFormatException if the text is not JSON, holds numbers or booleans, repeats a key, or does
     *  not declare {@value #FORMAT} and a known kind
     */
    public static Receipt parse(String json) {
        return checked(parseObject(Objects.requireNonNull(json, "json")));
    }

    /**
     * Reads one JSON object of text, arrays, objects and nulls: a receipt's, or a chained file's end line. Jackson's
     * parser does the reading, in a class of its own, so that a receipt can be made and written without jackson-core
     * on the class path (an app that scores on a phone), and only reading one needs it.
     */
    static Map<String, Object> parseObject(String json) {
        Libraries.requireJackson("Reading a receipt");
        return ReceiptJson.parseObject(json);
    }

    /** Checks a tree read from JSON and makes the receipt of it. */
    static Receipt checked(Map<String, Object> map) {
        Object format = map.get("format");
        if (CHAINED_FORMAT.equals(format)) {
            checkLink(map.get("chain"));
        } else if (!FORMAT.equals(format)) {
            throw new ReceiptFormatException(1, 1, "not a receipt of format " + FORMAT + " or " + CHAINED_FORMAT
                    + ": format is " + describeValue(format));
        } else if (map.containsKey("chain")) {
            throw new ReceiptFormatException(1, 1, "a receipt of format " + FORMAT + " has no chain link; a chained"
                    + " line declares " + CHAINED_FORMAT);
        }
        Object kind = map.get("kind");
        if (!"footprint".equals(kind) && !"award".equals(kind) && !"ledger".equals(kind)) {
            throw new ReceiptFormatException(1, 1, "unknown receipt kind " + describeValue(kind)
                    + "; expected footprint, award or ledger");
        }
        for (String key : List.of("id", "account")) {
            if (!(map.get(key) instanceof String)) {
                throw new ReceiptFormatException(1, 1, "the receipt's '" + key + "' must be text, found "
                        + describeValue(map.get(key)));
            }
        }
        return new Receipt(map, null, -1, -1);
    }

    /** Checks a chained line's link: the previous line's digest, and a place from 1. */
    private static void checkLink(Object chain) {
        if (!(chain instanceof Map<?, ?> link) || link.size() != 2 || !(link.get("previous") instanceof String previous)
                || !(link.get("sequence") instanceof String sequence)) {
            throw new ReceiptFormatException(1, 1, "a line of format " + CHAINED_FORMAT + " needs a chain link"
                    + " {previous, sequence}, found " + (chain == null ? "none" : CanonicalJson.write(chain)));
        }
        if (!ReceiptChain.isDigest(previous)) {
            throw new ReceiptFormatException(1, 1, "the chain link's previous digest is not \"sha256:\" and 64 lower-case"
                    + " hex digits: '" + previous + "'");
        }
        if (!sequence.matches("[1-9][0-9]{0,17}")) {
            throw new ReceiptFormatException(1, 1, "the chain link's sequence is not a whole number from 1: '"
                    + sequence + "'");
        }
    }

    private static String describeValue(Object value) {
        return value == null ? "missing" : value instanceof String text ? "'" + text + "'" : "not text";
    }

    //-----------------------------------------------------------------------
    /**
     * Gets what the receipt records.
     *
     * @return the kind, never null
     */
    public Kind getKind() {
        Object kind = tree.get("kind");
        return "footprint".equals(kind) ? Kind.FOOTPRINT : "award".equals(kind) ? Kind.AWARD : Kind.LEDGER;
    }

    /**
     * Gets the id of the activity the receipt is about (for a budget period, "budget:ACCOUNT:FIRST-DAY"; for a ledger
     * update, "ledger:ACCOUNT:N").
     *
     * @return the id, never null
     */
    public String getId() {
        return (String) tree.get("id");
    }

    /**
     * Gets the account.
     *
     * @return the account, never null
     */
    public String getAccount() {
        return (String) tree.get("account");
    }

    /**
     * Gets a text value by its path of keys, such as "result.co2e_kg", "table.digest" or "ruleset.id".
     *
     * @param path  the keys, separated by dots, not null
     * @return the value, empty if there is none or it is not text, never null
     */
    public Optional<String> get(String path) {
        Object value = tree;
        for (String key : Objects.requireNonNull(path, "path").split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            value = map.get(key);
        }
        return value instanceof String text ? Optional.of(text) : Optional.empty();
    }

    /**
     * Gets the money tables a footprint's money was converted with, each id with the digest the receipt names.
     *
     * @return the digests by table id, sorted, empty if the money was not converted, never null
     */
    public java.util.SortedMap<String, String> getMoneyTables() {
        java.util.SortedMap<String, String> tables = new TreeMap<>();
        if (tree.get("money") instanceof List<?> list) {
            for (Object each : list) {
                if (each instanceof Map<?, ?> named) {
                    tables.put(String.valueOf(named.get("id")), String.valueOf(named.get("digest")));
                }
            }
        }
        return tables;
    }

    /**
     * Gets the explanation's steps as the receipt records them.
     *
     * @return the steps, never null
     */
    public List<String> getSteps() {
        List<String> steps = new ArrayList<>();
        if (tree.get("steps") instanceof List<?> list) {
            list.forEach(step -> steps.add(String.valueOf(step)));
        }
        return steps;
    }

    Map<String, Object> tree() {
        return tree;
    }

    /**
     * Gets the receipt's link to the line before it, if it was read from a chained file.
     *
     * @return the link, empty for a receipt of {@value #FORMAT}, never null
     */
    public Optional<Link> getLink() {
        if (!(tree.get("chain") instanceof Map<?, ?> chain)) {
            return Optional.empty();
        }
        return Optional.of(new Link(Long.parseLong((String) chain.get("sequence")), (String) chain.get("previous")));
    }

    /**
     * Gets the receipt on its own, as {@code Receipt.of} made it: of format {@value #FORMAT}, without the link a
     * chained file gave it.
     *
     * @return the receipt without its link, this receipt if it has none, never null
     */
    public Receipt withoutLink() {
        if (!tree.containsKey("chain")) {
            return this;
        }
        Map<String, Object> own = new LinkedHashMap<>(tree);
        own.remove("chain");
        own.put("format", FORMAT);
        return made(Collections.unmodifiableMap(own));
    }

    /**
     * This receipt as a line of a chained file: format 2, and the link. The text is spliced from this receipt's (the
     * link put in its sorted place, the format replaced), which gives the canonical text of the chained tree
     * ({@code ReceiptChainTest} holds the two to each other) without writing every value again.
     */
    Receipt toChained(long sequence, String previous) {
        Map<String, Object> chained = new LinkedHashMap<>(tree);
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("previous", previous);
        link.put("sequence", Long.toString(sequence));
        chained.put("chain", Collections.unmodifiableMap(link));
        chained.put("format", CHAINED_FORMAT);
        Map<String, Object> linked = Collections.unmodifiableMap(chained);
        if (chainAt < 0) {
            return made(linked);
        }
        String own = toJson();
        String sequenceText = Long.toString(sequence);
        StringBuilder out = new StringBuilder(own.length() + 110 + sequenceText.length());
        out.append(own, 0, chainAt);
        boolean firstKey = chainAt == 1;
        out.append(firstKey ? "" : ",").append("\"chain\":{\"previous\":");
        CanonicalJson.writeString(previous, out);
        out.append(",\"sequence\":\"").append(sequenceText).append("\"}").append(firstKey ? "," : "");
        out.append(own, chainAt, formatAt).append(CHAINED_FORMAT_VALUE)
                .append(own, formatAt + FORMAT_VALUE.length(), own.length());
        return new Receipt(linked, out.toString(), -1, -1);
    }

    /** The canonical text of this receipt as a line of a chained file. */
    String toChainedJson(long sequence, String previous) {
        return toChained(sequence, previous).toJson();
    }

    /**
     * Gets the canonical JSON text of the receipt, on one line.
     *
     * @return the text, never null
     */
    public String toJson() {
        String text = json;
        if (text == null) {
            text = CanonicalJson.write(tree);
            json = text;
        }
        return text;
    }

    /**
     * Gets the canonical JSON text as UTF-8 bytes.
     *
     * @return the bytes, a new array, never null
     */
    public byte[] toBytes() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Receipt other && toJson().equals(other.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    /**
     * Returns the canonical JSON text.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return toJson();
    }

}
