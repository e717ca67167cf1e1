package dev.carbonkit.flink;

import dev.carbonkit.cli.ActivityReader;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The parts of a carbonkit job on Flink, to put together as a job needs them: read activities, score them, credit
 * them per account. Each part gives what the in-process engine gives for the same input, receipt for receipt.
 * <p>
 * This class is a holder of static methods and cannot be instantiated.
 */
public final class CarbonPipeline {

    private CarbonPipeline() {
    }

    /**
     * Reads an activities file (CSV or JSON Lines, told by its extension as {@code carbon} tells it), each row with its
     * event time, activities allowed to arrive out of order by up to a bound.
     *
     * @param env  the environment, not null
     * @param file  the file, not null
     * @param outOfOrder  how far out of time order activities may arrive, not null
     * @return the rows, bad ones included (with their problems), never null
     */
    public static DataStream<ActivityLine> read(StreamExecutionEnvironment env, String file, Duration outOfOrder) {
        boolean json = ActivityReader.isJson(file, "");
        FileSource<ActivityLine> source = FileSource.forRecordStreamFormat(new ActivityLineFormat(file, json),
                new Path(file)).build();
        return env.fromSource(source, WatermarkStrategy.<ActivityLine>forBoundedOutOfOrderness(outOfOrder)
                .withTimestampAssigner((line, previous) -> line.time), "activities " + file);
    }

    /**
     * Scores activities: each one's receipt, in canonical JSON; bad rows to {@link ScoreFunction#BAD_ROWS}, activities
     * that cannot be scored to {@link ScoreFunction#UNSCORED} ({@code getSideOutput} on the result).
     *
     * @param lines  the rows, not null
     * @param scoring  how to score, not null
     * @return the footprint receipts, never null
     */
    public static SingleOutputStreamOperator<String> score(DataStream<ActivityLine> lines, Scoring scoring) {
        return lines.process(new ScoreFunction(scoring)).name("score");
    }

    /**
     * Credits activities under a bundled rule set, account by account (keyed by account): each award's receipt, in
     * canonical JSON. Bad rows are left out (scoring reports them).
     *
     * @param lines  the rows, not null
     * @param ruleSetId  the bundled rule set's id, not null
     * @return the award receipts, never null
     */
    public static SingleOutputStreamOperator<String> credit(DataStream<ActivityLine> lines, String ruleSetId) {
        return byAccount(lines).process(new CreditFunction(ruleSetId)).name("credit " + ruleSetId);
    }

    /**
     * Keeps accounts under a bundled rule set as activities arrive, keyed by account: each update's ledger receipt, in
     * canonical JSON; activities later than the allowed lateness to {@link AccountsFunction#TOO_LATE}. Bad rows are
     * left out (scoring reports them).
     *
     * @param lines  the rows, with event time and watermarks, not null
     * @param ruleSetId  the bundled rule set's id, not null
     * @param allowedLateness  how long after the watermark an activity is still awarded, not null
     * @return the ledger receipts, never null
     */
    public static SingleOutputStreamOperator<String> accounts(DataStream<ActivityLine> lines, String ruleSetId,
            Duration allowedLateness) {
        return accounts(lines, ruleSetId, allowedLateness, Ledgers.inMemory());
    }

    /**
     * Keeps accounts as {@link #accounts(DataStream, String, Duration)} does, their ledgers where a {@link Ledgers}
     * says, such as a database through the JDBC ledger store.
     *
     * @param lines  the rows, with event time and watermarks, not null
     * @param ruleSetId  the bundled rule set's id, not null
     * @param allowedLateness  how long after the watermark an activity is still awarded, not null
     * @param ledgers  where the ledgers are kept, not null
     * @return the ledger receipts, never null
     */
    public static SingleOutputStreamOperator<String> accounts(DataStream<ActivityLine> lines, String ruleSetId,
            Duration allowedLateness, Ledgers ledgers) {
        return byAccount(lines).process(new AccountsFunction(ruleSetId, allowedLateness, ledgers))
                .name("accounts " + ruleSetId);
    }

    /** The readable rows (scoring reports the bad ones), keyed by account. */
    private static KeyedStream<ActivityLine, String> byAccount(DataStream<ActivityLine> lines) {
        return lines.filter(line -> !line.isBad()).name("readable rows").keyBy(line -> line.account);
    }
}
