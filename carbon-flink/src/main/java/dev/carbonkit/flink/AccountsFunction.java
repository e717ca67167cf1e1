package dev.carbonkit.flink;

import dev.carbonkit.audit.Receipt;
import dev.carbonkit.credit.CarbonAccounts;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.factors.BundledRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keeps accounts as activities arrive, keyed by account, with {@code CarbonAccounts}' semantics: an activity is
 * awarded when the watermark passes its time (so that activities out of order within the watermark's bound are
 * awarded in time order); one that arrives after that but within the allowed lateness is awarded at once, and the
 * account's ledger is revised as {@code CarbonAccounts} revises it (the reversal and revision entries it writes); one
 * later still goes to {@link #TOO_LATE}, reported with its file and line, never dropped silently. Each update of an
 * account gives its ledger receipt ({@code Receipt.ofLedger}), in canonical JSON.
 * <p>
 * State: the activities waiting for the watermark, how many receipts were given out and, for ledgers kept in memory
 * ({@link Ledgers#inMemory()}), the account's awarded activities in the order they were awarded (its event log, as
 * canonical JSON lines, so decimals stay exact); all Flink keyed state, checkpointed with the job. In memory, the
 * ledger is rebuilt from the log after a restore, the same entries since the engine is deterministic, and a task holds
 * the ledgers of all its accounts. In a database ({@link Ledgers#jdbc}), the ledger is the database's, a task keeps a
 * bounded number of accounts in memory, and activities given again after a restore are awarded idempotently.
 */
public final class AccountsFunction extends KeyedProcessFunction<String, ActivityLine, String> {

    private static final long serialVersionUID = 1L;

    /** Activities that arrived after their time had passed the watermark by more than the allowed lateness. */
    public static final OutputTag<String> TOO_LATE = new OutputTag<>("too-late") { };

    /** Time order, then id: the order in which activities of the same account are awarded. */
    static final Comparator<ActivityLine> IN_TIME = Comparator.<ActivityLine>comparingLong(line -> line.time)
            .thenComparing(line -> line.id);

    private final String ruleSetId;
    private final long allowedLateness;
    private final Ledgers ledgers;
    private transient RuleSet ruleSet;
    /** The activities waiting for the watermark, by their time: a timer takes its own time's, in one look-up. */
    private transient MapState<Long, List<ActivityLine>> waiting;
    private transient ListState<ActivityLine> awarded;
    private transient ValueState<Integer> given;
    private transient CarbonAccounts accounts;
    private transient Set<String> loaded;

    /**
     * Creates the function.
     *
     * @param ruleSetId  a bundled rule set's id, not null
     * @param allowedLateness  how long after the watermark has passed an activity's time it is still awarded, not null
     */
    public AccountsFunction(String ruleSetId, Duration allowedLateness) {
        this(ruleSetId, allowedLateness, Ledgers.inMemory());
    }

    /**
     * Creates the function, its ledgers kept where a {@link Ledgers} says.
     *
     * @param ruleSetId  a bundled rule set's id, not null
     * @param allowedLateness  how long after the watermark has passed an activity's time it is still awarded, not null
     * @param ledgers  where the ledgers are kept, not null
     */
    public AccountsFunction(String ruleSetId, Duration allowedLateness, Ledgers ledgers) {
        BundledRules.ruleSet(ruleSetId);
        this.ruleSetId = ruleSetId;
        this.allowedLateness = allowedLateness.toMillis();
        this.ledgers = java.util.Objects.requireNonNull(ledgers, "ledgers");
    }

    @Override
    public void open(OpenContext context) {
        ruleSet = BundledRules.ruleSet(ruleSetId);
        waiting = getRuntimeContext().getMapState(new MapStateDescriptor<>("waiting", Types.LONG,
                Types.LIST(TypeInformation.of(ActivityLine.class))));
        awarded = getRuntimeContext().getListState(new ListStateDescriptor<>("awarded", ActivityLine.class));
        given = getRuntimeContext().getState(new ValueStateDescriptor<>("receipts-given", Integer.class));
        accounts = ledgers.open(ruleSet);
        loaded = new HashSet<>();
    }

    @Override
    public void processElement(ActivityLine line, Context context, Collector<String> out) throws Exception {
        long watermark = context.timerService().currentWatermark();
        if (line.time > watermark) {
            List<ActivityLine> at = waiting.get(line.time);
            List<ActivityLine> more = at == null ? new ArrayList<>(1) : new ArrayList<>(at);
            more.add(line);
            waiting.put(line.time, more);
            context.timerService().registerEventTimeTimer(line.time);
        } else if (line.time > watermark - allowedLateness) {
            award(context.getCurrentKey(), List.of(line), out);
        } else {
            context.output(TOO_LATE, line.source + ":" + line.line + ": activity '" + line.id + "' of "
                    + Instant.ofEpochMilli(line.time) + " arrived when the watermark was "
                    + Instant.ofEpochMilli(watermark) + ", later than the allowed lateness of "
                    + Duration.ofMillis(allowedLateness) + "; not awarded");
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<String> out) throws Exception {
        List<ActivityLine> at = waiting.get(timestamp);
        if (at == null) {
            return;
        }
        waiting.remove(timestamp);
        List<ActivityLine> ready = new ArrayList<>(at);
        // timers fire in time order; activities of the same instant in the order of their ids
        ready.sort(IN_TIME);
        award(context.getCurrentKey(), ready, out);
    }

    /** Awards activities to the account in order, and gives out the receipts of the updates they made. */
    private void award(String account, List<ActivityLine> lines, Collector<String> out) throws Exception {
        if (!ledgers.isDurable() && loaded.add(account)) {
            // after a restore: the ledger in memory again from the account's log, as it was awarded
            for (ActivityLine line : awarded.get()) {
                accounts.award(line.activity());
            }
        }
        for (ActivityLine line : lines) {
            // in a database, an activity awarded before a failure and given again after the restore changes nothing
            accounts.award(line.activity());
            if (!ledgers.isDurable()) {
                awarded.add(line);
            }
        }
        Integer before = given.value();
        List<Receipt> receipts = Receipt.ofLedgerAfter(accounts, account, before == null ? 0 : before);
        for (Receipt receipt : receipts) {
            out.collect(receipt.toJson());
        }
        given.update((before == null ? 0 : before) + receipts.size());
    }
}
