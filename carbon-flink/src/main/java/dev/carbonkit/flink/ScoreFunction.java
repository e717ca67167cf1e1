package dev.carbonkit.flink;

import dev.carbonkit.audit.Receipt;
import dev.carbonkit.calc.FootprintEngine;
import dev.carbonkit.calc.ScoringException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Scores each activity and gives its receipt, in the core's canonical JSON ({@code Receipt.toJson()}), byte for byte
 * what the in-process engine gives. A bad row goes to {@link #BAD_ROWS}, and an activity the catalog or the policy
 * cannot score to {@link #UNSCORED}, each with its file and line as {@code carbon score} reports them: never dropped.
 */
public final class ScoreFunction extends ProcessFunction<ActivityLine, String> {

    private static final long serialVersionUID = 1L;

    /** Rows that could not be read, as "file:line:column: problem". */
    public static final OutputTag<String> BAD_ROWS = new OutputTag<>("bad-rows") { };
    /** Activities that could not be scored, as "file:line: Activity 'id': why". */
    public static final OutputTag<String> UNSCORED = new OutputTag<>("unscored") { };

    private final Scoring scoring;
    private transient FootprintEngine engine;

    /**
     * Creates the function.
     *
     * @param scoring  how to score, not null
     */
    public ScoreFunction(Scoring scoring) {
        this.scoring = scoring;
    }

    @Override
    public void open(OpenContext context) {
        engine = scoring.engine();
    }

    @Override
    public void processElement(ActivityLine line, Context context, Collector<String> out) {
        if (line.isBad()) {
            context.output(BAD_ROWS, line.problem);
            return;
        }
        try {
            out.collect(Receipt.of(engine.score(line.activity())).toJson());
        } catch (ScoringException unscorable) {
            context.output(UNSCORED, line.source + ":" + line.line + ": " + unscorable.getMessage());
        }
    }
}
