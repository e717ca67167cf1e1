package dev.carbonkit.flink;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.cli.ActivityReader;
import java.util.Objects;

/**
 * One row of an activities file as it travels between a job's tasks: the activity as the canonical JSON line that
 * {@code ActivityReader.jsonRow} reads back to an equal activity (numbers as exact decimal text), with its account,
 * instant and id for keying and event time; or the row's problem, naming the file, line and column as {@code carbon}
 * names it. A Flink POJO: a public class with a public no-argument constructor and public fields, so that Flink
 * serialises it field by field, without Kryo.
 */
public class ActivityLine {

    /** The file it was read from, as problems name it. */
    public String source;
    /** Its line in that file, from 1. */
    public long line;
    /** The activity's id, or null for a bad row. */
    public String id;
    /** The activity's account, or null for a bad row. */
    public String account;
    /** The activity's instant, in milliseconds since the epoch (event time); 0 for a bad row. */
    public long time;
    /** The activity as one JSON line, or null for a bad row. */
    public String json;
    /** What is wrong with the row, or null. */
    public String problem;

    /** For Flink. */
    public ActivityLine() {
    }

    /**
     * Makes the line of a row the command's reader gave.
     *
     * @param source  the file name
     * @param row  the row
     * @return the line, never null
     */
    public static ActivityLine of(String source, ActivityReader.Row row) {
        ActivityLine line = new ActivityLine();
        line.source = source;
        line.line = row.line();
        line.problem = row.problem();
        Activity activity = row.activity();
        if (activity != null) {
            line.id = activity.getId();
            line.account = activity.getAccount();
            line.time = activity.getTime().toEpochMilli();
            line.json = ActivityReader.jsonLine(activity);
        }
        return line;
    }

    /**
     * Reads the activity back.
     *
     * @return the activity, equal to the one read from the file
     * @throws IllegalStateException if this is a bad row
     */
    public Activity activity() {
        if (json == null) {
            throw new IllegalStateException("carbon bug: a bad row has no activity: " + problem);
        }
        ActivityReader.Row row = ActivityReader.jsonRow(json, source, line);
        if (row.activity() == null) {
            throw new IllegalStateException("carbon bug: an activity's own JSON line does not read back: " + row.problem());
        }
        return row.activity();
    }

    /**
     * Tells whether the row is bad.
     *
     * @return true if it has a problem and no activity
     */
    public boolean isBad() {
        return problem != null;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ActivityLine other && line == other.line && time == other.time
                && Objects.equals(source, other.source) && Objects.equals(json, other.json)
                && Objects.equals(problem, other.problem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, line, json, problem);
    }

    @Override
    public String toString() {
        return source + ":" + line + ": " + (problem != null ? problem : json);
    }
}
