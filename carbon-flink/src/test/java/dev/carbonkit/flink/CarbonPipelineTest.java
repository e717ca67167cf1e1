package dev.carbonkit.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.audit.Receipt;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.calc.ScoringException;
import dev.carbonkit.cli.ActivityReader;
import dev.carbonkit.credit.CreditEngine;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.factors.BundledRules;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A job on a Flink mini cluster gives, receipt for receipt and byte for byte, what the in-process engine gives for the
 * same input: footprints, and awards account by account, at parallelism 1, 2 and 4, with the input read by the file
 * source in order or given shuffled; bad rows come out beside, with their lines, as the command reports them.
 */
class CarbonPipelineTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    private static final String ANT = "cn-alipay-ant-forest";

    /** 60 accounts in London and Shanghai over 40 days: trips, power, payments; some rows bad. */
    static String csv;
    static List<ActivityReader.Row> rows;

    @BeforeAll
    static void makeInput() throws IOException {
        StringBuilder text = new StringBuilder("id,account,type,quantity,unit,region,time,zone,attr.amount_cny,"
                + "attr.payment,attr.utilityAccountNo\n");
        Random random = new Random(20261208L);
        String[][] kinds = {{"transport.rail.underground", "pkm"}, {"transport.bus.local.average", "pkm"},
            {"home.electricity.grid", "kWh"}, {"payment.offline", "count"}, {"payment.utility", "count"},
            {"transport.car.average.petrol", "mi"}};
        Instant start = Instant.parse("2024-03-01T00:00:00Z");
        for (int i = 0; i < 1200; i++) {
            String account = "acct-" + random.nextInt(60);
            boolean china = account.hashCode() % 2 == 0;
            String[] kind = kinds[random.nextInt(kinds.length)];
            String quantity = kind[1].equals("count") ? "1" : random.nextInt(400) / 10 + "." + random.nextInt(10);
            Instant time = start.plusSeconds(random.nextInt(40 * 24 * 3600));
            text.append("a").append(i).append(',').append(account).append(',').append(kind[0]).append(',')
                    .append(i % 97 == 5 ? "x" + quantity : quantity).append(',').append(kind[1]).append(',')
                    .append(china ? "CN" : "GB").append(',').append(time).append(',')
                    .append(china ? "Asia/Shanghai" : "Europe/London").append(',').append(1 + random.nextInt(30))
                    .append(',').append(random.nextBoolean() ? "alipay" : "cash").append(",u-").append(account)
                    .append('\n');
        }
        // one busy day: more offline payments than Ant Forest's 10 a day, so that caps are exercised across tasks
        for (int i = 0; i < 14; i++) {
            text.append("busy-").append(i).append(",acct-busy,payment.offline,1,count,CN,2024-03-05T0").append(i % 10)
                    .append(":").append(10 + i).append(":00Z,Asia/Shanghai,5,alipay,u-busy\n");
        }
        csv = text.toString();
        rows = new ArrayList<>();
        ActivityReader.Rows reader = ActivityReader.rows(new BufferedReader(new StringReader(csv)), "week.csv", false);
        for (ActivityReader.Row row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        assertThat(rows).filteredOn(row -> row.problem() != null).hasSizeGreaterThan(5);
    }

    /** Runs the job and gives every line of a stream, sorted: tasks interleave their output. */
    @SuppressWarnings("try") // Flink's CloseableIterator.close() declares Exception
    static List<String> collect(DataStream<String> stream) throws Exception {
        List<String> lines = new ArrayList<>();
        try (CloseableIterator<String> it = stream.executeAndCollect()) {
            it.forEachRemaining(lines::add);
        }
        Collections.sort(lines);
        return lines;
    }

    private static List<ActivityLine> shuffled(long seed) {
        List<ActivityLine> lines = new ArrayList<>();
        rows.forEach(row -> lines.add(ActivityLine.of("week.csv", row)));
        Collections.shuffle(lines, new Random(seed));
        return lines;
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void footprints_readFromTheFile_areTheInProcessEnginesReceipts(int parallelism, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("week.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        FootprintEngine engine = Scoring.bundled().engine();
        List<String> expected = new ArrayList<>();
        List<String> unscored = new ArrayList<>();
        for (ActivityReader.Row row : rows) {
            if (row.activity() != null) {
                try {
                    expected.add(Receipt.of(engine.score(row.activity())).toJson());
                } catch (ScoringException failure) {
                    unscored.add("week.csv:" + row.line() + ": " + failure.getMessage());
                }
            }
        }
        Collections.sort(expected);
        Collections.sort(unscored);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(parallelism);
        var scored = CarbonPipeline.score(CarbonPipeline.read(env, file.toString(), Duration.ofHours(1))
                .map(line -> {
                    line.source = "week.csv";
                    return line;
                }), Scoring.bundled());
        assertThat(collect(scored)).hasSize(expected.size()).isEqualTo(expected);
        StreamExecutionEnvironment again = StreamExecutionEnvironment.getExecutionEnvironment()
                .setParallelism(parallelism);
        var rescored = CarbonPipeline.score(CarbonPipeline.read(again, file.toString(), Duration.ofHours(1)),
                Scoring.bundled());
        List<String> bad = collect(rescored.getSideOutput(ScoreFunction.BAD_ROWS));
        List<String> expectedBad = new ArrayList<>();
        rows.stream().filter(row -> row.problem() != null)
                .forEach(row -> expectedBad.add(row.problem().replace("week.csv", file.toString())));
        Collections.sort(expectedBad);
        assertThat(bad).isEqualTo(expectedBad).allSatisfy(problem -> assertThat(problem).contains(":4: quantity:"));
        assertThat(unscored).isNotEmpty();
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void awards_shuffledInput_areTheInProcessEnginesReceipts_accountByAccount(int parallelism) throws Exception {
        RuleSet ant = BundledRules.ruleSet(ANT);
        Map<String, List<Activity>> byAccount = new LinkedHashMap<>();
        rows.stream().filter(row -> row.activity() != null).forEach(row ->
                byAccount.computeIfAbsent(row.activity().getAccount(), k -> new ArrayList<>()).add(row.activity()));
        List<String> expected = new ArrayList<>();
        byAccount.values().forEach(activities -> Receipt.of(CreditEngine.evaluate(ant, activities), ant, activities)
                .forEach(receipt -> expected.add(receipt.toJson())));
        Collections.sort(expected);
        for (RuntimeExecutionMode mode : List.of(RuntimeExecutionMode.STREAMING, RuntimeExecutionMode.BATCH)) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment()
                    .setParallelism(parallelism);
            env.setRuntimeMode(mode);
            List<String> awarded = collect(CarbonPipeline.credit(env.fromData(shuffled(parallelism)), ANT));
            assertThat(awarded).as(mode.name()).hasSize(expected.size()).isEqualTo(expected);
        }
        assertThat(expected).anySatisfy(receipt -> assertThat(receipt).contains("\"outcome\":\"CAPPED\""));
    }
}
