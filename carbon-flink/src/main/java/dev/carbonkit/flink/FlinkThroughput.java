package dev.carbonkit.flink;

import dev.carbonkit.audit.Receipt;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.calc.ScoringException;
import dev.carbonkit.cli.ActivityReader;
import dev.carbonkit.credit.CarbonAccounts;
import dev.carbonkit.credit.InMemoryLedgerStore;
import dev.carbonkit.factors.BundledRules;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Measures a job's throughput on this machine: the synthetic year of a number of residents, read, scored and kept as
 * accounts under Ant Forest's rules, at parallelism 1 and 2 on a local cluster in this JVM, against the same work in
 * process on one thread. A benchmark run, not a test; docs/performance.md holds the figures.
 * <pre>
 * mvn -B -q -pl carbon-flink -am package -DskipTests
 * cd carbon-flink
 * for mode in in-process 1 2; do
 *   mvn -B -q exec:exec -Dexec.mainClass=dev.carbonkit.flink.FlinkThroughput -Dexec.args="2000 $mode"; done
 * </pre>
 */
public final class FlinkThroughput {

    private static final String RULES = "cn-alipay-ant-forest";

    private FlinkThroughput() {
    }

    /**
     * Runs the measurement.
     *
     * @param args  the number of residents (2,000 by default), and {@code in-process} (the default) or the job's
     *  parallelism
     * @throws Exception if a job fails
     */
    public static void main(String[] args) throws Exception {
        int residents = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        String mode = args.length > 1 ? args[1] : "in-process";
        Path file = Files.createTempFile("carbon-year-", ".csv");
        long activities = SyntheticYear.write(file, residents);
        // one measurement per JVM: a mini cluster's threads, caches and garbage would colour the next one
        long nanos = mode.equals("in-process") ? inProcess(file) : job(file, Integer.parseInt(mode));
        System.out.printf(Locale.ROOT, "%,d activities of %,d residents, a year; %s: %,d ms, %,.0f activities/s%n",
                activities, residents, mode.equals("in-process") ? "in process, one thread" : "flink, parallelism "
                        + mode, nanos / 1_000_000, activities * 1e9 / nanos);
        Files.delete(file);
    }

    /** The same work in process: read, score, award every account's activities in time order. */
    private static long inProcess(Path file) throws Exception {
        long start = System.nanoTime();
        List<Activity> all = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ActivityReader.Rows rows = ActivityReader.rows(reader, file.toString(), false);
            for (ActivityReader.Row row = rows.next(); row != null; row = rows.next()) {
                all.add(row.activity());
            }
        }
        FootprintEngine engine = Scoring.bundled().engine();
        long sink = 0;
        for (Activity activity : all) {
            try {
                sink += Receipt.of(engine.score(activity)).toJson().length();
            } catch (ScoringException unscored) {
                sink++;
            }
        }
        all.sort(Comparator.comparing(Activity::getTime).thenComparing(Activity::getId));
        CarbonAccounts accounts = new CarbonAccounts(BundledRules.ruleSet(RULES), new InMemoryLedgerStore());
        Set<String> names = new LinkedHashSet<>();
        for (Activity activity : all) {
            accounts.award(activity);
            names.add(activity.getAccount());
        }
        for (String account : names) {
            sink += Receipt.ofLedger(accounts, account, null).size();
        }
        long nanos = System.nanoTime() - start;
        if (sink == 42) {
            System.out.println();
        }
        return nanos;
    }

    /** The job on a local cluster: read, score, keep accounts, results discarded; the whole run timed. */
    private static long job(Path file, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        DataStream<ActivityLine> lines = CarbonPipeline.read(env, file.toString(), Duration.ofHours(1));
        CarbonPipeline.score(lines, Scoring.bundled()).sinkTo(new DiscardingSink<>());
        CarbonPipeline.accounts(lines, RULES, Duration.ZERO).sinkTo(new DiscardingSink<>());
        long start = System.nanoTime();
        env.execute("throughput");
        return System.nanoTime() - start;
    }
}
