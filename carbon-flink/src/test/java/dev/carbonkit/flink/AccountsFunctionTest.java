package dev.carbonkit.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carbonkit.audit.Receipt;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.credit.CarbonAccounts;
import dev.carbonkit.credit.CreditEngine;
import dev.carbonkit.credit.CreditResult;
import dev.carbonkit.credit.InMemoryLedgerStore;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.factors.BundledRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Accounts kept as activities arrive give CarbonAccounts' ledger: the same receipts when activities arrive out of order
 * within the watermark's bound, at parallelism 1, 2 and 4; the same balances when some arrive late (their awards
 * revised), with the too-late ones reported; and the same receipts, none lost or doubled, when a task fails once and
 * the job is restored from a checkpoint.
 */
class AccountsFunctionTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    private static final String ANT = "cn-alipay-ant-forest";
    private static final RuleSet RULES = BundledRules.ruleSet(ANT);
    private static final Comparator<ActivityLine> IN_TIME = AccountsFunction.IN_TIME;

    static List<ActivityLine> input() throws Exception {
        CarbonPipelineTest.makeInput();
        List<ActivityLine> lines = new ArrayList<>();
        CarbonPipelineTest.rows.stream().filter(row -> row.activity() != null)
                .forEach(row -> lines.add(ActivityLine.of("week.csv", row)));
        return lines;
    }

    private static List<String> collect(DataStream<String> stream) throws Exception {
        return CarbonPipelineTest.collect(stream);
    }

    /** CarbonAccounts fed each account's activities in time order: the ledger receipts, sorted. */
    private static List<String> inProcess(List<ActivityLine> lines) {
        List<ActivityLine> sorted = new ArrayList<>(lines);
        sorted.sort(IN_TIME);
        CarbonAccounts accounts = new CarbonAccounts(RULES, new InMemoryLedgerStore());
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (ActivityLine line : sorted) {
            accounts.award(line.activity());
            seen.put(line.account, true);
        }
        List<String> receipts = new ArrayList<>();
        seen.keySet().forEach(account -> Receipt.ofLedger(accounts, account, null)
                .forEach(receipt -> receipts.add(receipt.toJson())));
        Collections.sort(receipts);
        return receipts;
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void outOfOrderWithinTheBound_givesCarbonAccountsReceipts(int parallelism) throws Exception {
        List<ActivityLine> lines = input();
        List<String> expected = inProcess(lines);
        List<ActivityLine> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new Random(parallelism));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(parallelism);
        DataStream<ActivityLine> stream = env.fromData(shuffled).assignTimestampsAndWatermarks(WatermarkStrategy
                .<ActivityLine>forBoundedOutOfOrderness(Duration.ofDays(60)).withTimestampAssigner((l, t) -> l.time));
        List<String> ledger = collect(CarbonPipeline.accounts(stream, ANT, Duration.ZERO));
        assertThat(ledger).hasSize(expected.size()).isEqualTo(expected);
        // the busy day's capped payments are updates that write nothing
        assertThat(ledger).anySatisfy(receipt -> assertThat(receipt).contains("\"account\":\"acct-busy\"")
                .contains("\"entries\":[]"));
    }

    /** A watermark after every activity, its latest time less a day: late arrivals happen, and at the same places. */
    static final class EveryEvent implements WatermarkGenerator<ActivityLine> {
        private long latest = Long.MIN_VALUE + Duration.ofDays(1).toMillis();

        @Override
        public void onEvent(ActivityLine line, long timestamp, WatermarkOutput output) {
            latest = Math.max(latest, timestamp);
            output.emitWatermark(new Watermark(latest - Duration.ofDays(1).toMillis()));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }

    @Test
    void lateArrivals_areRevisedToTheSameBalances_andTooLateOnesAreReported() throws Exception {
        List<ActivityLine> lines = input();
        // mostly in time order, with some activities moved three days later in the stream and some twenty
        List<ActivityLine> sorted = new ArrayList<>(lines);
        sorted.sort(IN_TIME);
        List<ActivityLine> arriving = new ArrayList<>(sorted);
        Random random = new Random(7);
        for (ActivityLine line : sorted) {
            if (random.nextInt(20) == 0) {
                long delay = Duration.ofDays(random.nextInt(4) == 0 ? 20 : 3).toMillis();
                arriving.remove(line);
                int at = 0;
                while (at < arriving.size() && arriving.get(at).time <= line.time + delay) {
                    at++;
                }
                arriving.add(at, line);
            }
        }
        // which arrive too late: the watermark an activity meets is the latest time before it, less a day
        List<ActivityLine> tooLate = new ArrayList<>();
        long latest = Long.MIN_VALUE;
        for (ActivityLine line : arriving) {
            if (latest != Long.MIN_VALUE && line.time <= latest - Duration.ofDays(8).toMillis()) {
                tooLate.add(line);
            }
            latest = Math.max(latest, line.time);
        }
        assertThat(tooLate).hasSizeGreaterThan(3);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(1);
        DataStream<ActivityLine> stream = env.fromData(arriving).assignTimestampsAndWatermarks(
                WatermarkStrategy.<ActivityLine>forGenerator(context -> new EveryEvent())
                        .withTimestampAssigner((l, t) -> l.time));
        SingleOutputStreamOperator<String> ledger = CarbonPipeline.accounts(stream, ANT, Duration.ofDays(7));
        List<String> reported = collect(ledger.getSideOutput(AccountsFunction.TOO_LATE));
        assertThat(reported).hasSize(tooLate.size()).allSatisfy(problem -> assertThat(problem)
                .startsWith("week.csv:").contains("later than the allowed lateness of PT168H; not awarded"));

        StreamExecutionEnvironment again = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(1);
        List<String> receipts = collect(CarbonPipeline.accounts(again.fromData(arriving).assignTimestampsAndWatermarks(
                WatermarkStrategy.<ActivityLine>forGenerator(context -> new EveryEvent())
                        .withTimestampAssigner((l, t) -> l.time)), ANT, Duration.ofDays(7)));
        // the balances after each account's last update are those of one evaluation of what was awarded
        List<ActivityLine> kept = new ArrayList<>(lines);
        kept.removeAll(tooLate);
        Map<String, List<Activity>> byAccount = new TreeMap<>();
        kept.forEach(line -> byAccount.computeIfAbsent(line.account, k -> new ArrayList<>()).add(line.activity()));
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> last = new TreeMap<>();
        for (String text : receipts) {
            JsonNode receipt = json.readTree(text);
            String account = receipt.get("account").asText();
            int number = Integer.parseInt(receipt.get("update").asText());
            if (!last.containsKey(account) || number > Integer.parseInt(last.get(account).get("update").asText())) {
                last.put(account, receipt);
            }
        }
        assertThat(last.keySet()).isEqualTo(byAccount.keySet());
        AtomicInteger revised = new AtomicInteger();
        for (Map.Entry<String, List<Activity>> account : byAccount.entrySet()) {
            CreditResult result = CreditEngine.evaluate(RULES, account.getValue());
            JsonNode balances = last.get(account.getKey()).get("result");
            assertThat(new BigDecimal(balances.get("grams_balance").asText())).as(account.getKey())
                    .isEqualByComparingTo(result.totalGrams(account.getKey()));
            assertThat(new BigDecimal(balances.get("points_balance").asText())).as(account.getKey())
                    .isEqualByComparingTo(result.totalPoints(account.getKey()));
        }
        receipts.stream().filter(text -> text.contains("\"refers_to\"")).forEach(text -> revised.incrementAndGet());
        assertThat(revised.get()).as("receipts with reversal entries").isPositive();
    }

    /** Throws once, after a number of activities, in the first attempt of the job only. */
    static final class FailOnce implements MapFunction<ActivityLine, ActivityLine> {
        private static final long serialVersionUID = 1L;
        static final AtomicInteger SEEN = new AtomicInteger();
        static volatile boolean failed;

        @Override
        public ActivityLine map(ActivityLine line) throws Exception {
            Thread.sleep(1);
            if (!failed && SEEN.incrementAndGet() == 700) {
                failed = true;
                throw new IllegalStateException("injected failure after 700 activities");
            }
            return line;
        }
    }

    /**
     * The activities shuffled, through a task that fails once, in a job that checkpoints every 100 ms and restarts
     * after a failure, at parallelism 2.
     */
    static DataStream<ActivityLine> failingOnce(List<ActivityLine> lines, long seed) {
        Configuration configuration = new Configuration();
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration)
                .setParallelism(2);
        env.enableCheckpointing(100);
        List<ActivityLine> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new Random(seed));
        FailOnce.SEEN.set(0);
        FailOnce.failed = false;
        return env.fromData(shuffled).map(new FailOnce())
                .assignTimestampsAndWatermarks(WatermarkStrategy.<ActivityLine>forBoundedOutOfOrderness(
                        Duration.ofDays(60)).withTimestampAssigner((l, t) -> l.time));
    }

    @Test
    void aTaskThatFailsOnce_isRestoredFromACheckpoint_andNoReceiptIsLostOrDoubled() throws Exception {
        List<ActivityLine> lines = input();
        List<String> expected = inProcess(lines);
        DataStream<ActivityLine> stream = failingOnce(lines, 11);
        List<String> ledger = collect(CarbonPipeline.accounts(stream, ANT, Duration.ZERO));
        assertThat(FailOnce.failed).as("the failure was injected").isTrue();
        assertThat(ledger).hasSize(expected.size()).isEqualTo(expected);
    }
}
