package dev.carbonkit.flink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A runnable job: an activities file in, footprint receipts, award receipts, ledger receipts and reports of bad rows
 * and unscored activities out, as JSON Lines part files under an output folder ({@code footprints/},
 * {@code awards-RULESET/}, {@code ledgers-RULESET/}, {@code bad-rows/}, {@code unscored/}). carbon-flink/README.md
 * shows how to run it from Maven on a local mini cluster and how to submit it to a cluster.
 * <pre>
 * CarbonJob INPUT --out DIR [--rules RULESET]... [--accounts RULESET]... [--parallelism N]
 * </pre>
 */
public final class CarbonJob {

    private CarbonJob() {
    }

    /**
     * Runs the job.
     *
     * @param args  the input file, {@code --out DIR}, optionally {@code --rules RULESET} (awards),
     *  {@code --accounts RULESET} (ledgers) and {@code --parallelism N}
     * @throws Exception if the job fails
     */
    public static void main(String[] args) throws Exception {
        String input = null;
        String out = null;
        List<String> rules = new ArrayList<>();
        List<String> ledgers = new ArrayList<>();
        int parallelism = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = args[++i];
                case "--rules" -> rules.add(args[++i]);
                case "--accounts" -> ledgers.add(args[++i]);
                case "--parallelism" -> parallelism = Integer.parseInt(args[++i]);
                default -> input = args[i];
            }
        }
        if (input == null || out == null) {
            System.err.println("usage: CarbonJob INPUT --out DIR [--rules RULESET]... [--accounts RULESET]..."
                    + " [--parallelism N]");
            System.exit(2);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        // a file is a bounded input: re-scoring a history, in batch mode (sorted by key and time, no checkpoints)
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        if (parallelism > 0) {
            env.setParallelism(parallelism);
        }
        DataStream<ActivityLine> lines = CarbonPipeline.read(env, input, Duration.ofHours(1));
        SingleOutputStreamOperator<String> footprints = CarbonPipeline.score(lines, Scoring.bundled());
        sink(footprints, out, "footprints");
        sink(footprints.getSideOutput(ScoreFunction.BAD_ROWS), out, "bad-rows");
        sink(footprints.getSideOutput(ScoreFunction.UNSCORED), out, "unscored");
        for (String ruleSet : rules) {
            sink(CarbonPipeline.credit(lines, ruleSet), out, "awards-" + ruleSet);
        }
        for (String ruleSet : ledgers) {
            // in batch mode every activity of an account is awarded in time order, none is late
            sink(CarbonPipeline.accounts(lines, ruleSet, Duration.ZERO), out, "ledgers-" + ruleSet);
        }
        long start = System.nanoTime();
        env.execute("carbonkit " + input);
        System.out.printf("done in %d ms; receipts and reports under %s%n", (System.nanoTime() - start) / 1_000_000,
                out);
    }

    private static void sink(DataStream<String> lines, String out, String name) {
        lines.sinkTo(FileSink.forRowFormat(new Path(out, name), new SimpleStringEncoder<String>("UTF-8")).build())
                .name(name);
    }
}
