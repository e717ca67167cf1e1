package dev.carbonkit.flink;

import dev.carbonkit.audit.Receipt;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.credit.CreditEngine;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.factors.BundledRules;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Credits each account's activities under a rule set, keyed by account: an account's activities are kept in Flink's
 * keyed state (checkpointed with the job) until the end of the input, then evaluated in time order by the core's
 * {@code CreditEngine}, exactly as {@code carbon credits} evaluates an account, and each award given as its receipt
 * in canonical JSON. Re-scoring a history (a bounded input, STREAMING or BATCH execution mode) gives the in-process
 * engine's receipts, whatever the order the activities arrive in and however many tasks share the accounts.
 * <p>
 * This is the bounded form: an account is evaluated once its input is complete. Awarding as activities arrive, with
 * late arrivals reversed as {@code CarbonAccounts} reverses them, is not built yet (docs/flink.md).
 */
public final class CreditFunction extends KeyedProcessFunction<String, ActivityLine, String> {

    private static final long serialVersionUID = 1L;

    private final String ruleSetId;
    private transient RuleSet ruleSet;
    private transient ListState<ActivityLine> activities;

    /**
     * Creates the function.
     *
     * @param ruleSetId  a bundled rule set's id, not null
     */
    public CreditFunction(String ruleSetId) {
        BundledRules.ruleSet(ruleSetId);
        this.ruleSetId = ruleSetId;
    }

    @Override
    public void open(OpenContext context) {
        ruleSet = BundledRules.ruleSet(ruleSetId);
        activities = getRuntimeContext().getListState(new ListStateDescriptor<>("activities", ActivityLine.class));
    }

    @Override
    public void processElement(ActivityLine line, Context context, Collector<String> out) throws Exception {
        activities.add(line);
        // one timer per account: at the end of the input the watermark passes every timestamp
        context.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<String> out) throws Exception {
        List<Activity> history = new ArrayList<>();
        for (ActivityLine line : activities.get()) {
            history.add(line.activity());
        }
        for (Receipt receipt : Receipt.of(CreditEngine.evaluate(ruleSet, history), ruleSet, history)) {
            out.collect(receipt.toJson());
        }
        activities.clear();
    }
}
