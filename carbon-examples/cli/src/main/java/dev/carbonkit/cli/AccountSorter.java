package dev.carbonkit.cli;

import dev.carbonkit.calc.Activity;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Groups activities by account, each account's in time order (then in the order read), holding at most a given
 * number in memory: when the buffer is full it is sorted and written to a temporary file as JSON Lines (a run), and the
 * runs are merged at the end. An account's activities are then given together, accounts in the order of their ids,
 * so that each account is credited on its own: an award depends only on its own account's activities. The temporary
 * files are deleted when the sorter is closed.
 */
final class AccountSorter implements Closeable {

    /** Account, then instant; the sort is stable, so equal keys keep the order read. */
    private static final Comparator<Activity> ORDER = Comparator.comparing(Activity::getAccount)
            .thenComparing(Activity::getTime);

    private final int capacity;
    private final List<Activity> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private java.time.Instant latest;

    AccountSorter(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The sort buffer holds 1 or more activities: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds an activity; writes a run when the buffer is full. */
    void add(Activity activity) throws IOException {
        if (latest == null || activity.getTime().isAfter(latest)) {
            latest = activity.getTime();
        }
        buffer.add(activity);
        if (buffer.size() >= capacity) {
            spill();
        }
    }

    /**
     * The latest instant of every activity added: one evaluation of them all would close budget periods up to it, so
     * each account is evaluated up to it too.
     */
    java.time.Instant latest() {
        return latest;
    }

    /** How many runs were written to disk. */
    int runs() {
        return runs.size();
    }

    private void spill() throws IOException {
        buffer.sort(ORDER);
        Path run = Files.createTempFile("carbon-credits-", ".jsonl");
        runs.add(run);
        try (BufferedWriter out = Files.newBufferedWriter(run, StandardCharsets.UTF_8)) {
            for (Activity activity : buffer) {
                out.write(ActivityReader.jsonLine(activity));
                out.write('\n');
            }
        }
        buffer.clear();
    }

    /** Gives each account's activities, in time order, accounts by id; memory holds the buffer and one account. */
    void forEachAccount(Consumer<List<Activity>> each) throws IOException {
        if (runs.isEmpty()) {
            buffer.sort(ORDER);
            group(buffer.iterator(), each);
            return;
        }
        if (!buffer.isEmpty()) {
            spill();
        }
        List<Run> open = new ArrayList<>();
        try {
            PriorityQueue<Run> heads = new PriorityQueue<>(Comparator.comparing((Run run) -> run.head, ORDER)
                    .thenComparingInt(run -> run.index));
            for (int i = 0; i < runs.size(); i++) {
                Run run = new Run(i, Files.newBufferedReader(runs.get(i), StandardCharsets.UTF_8), runs.get(i));
                open.add(run);
                if (run.advance()) {
                    heads.add(run);
                }
            }
            java.util.Iterator<Activity> merged = new java.util.Iterator<>() {
                @Override
                public boolean hasNext() {
                    return !heads.isEmpty();
                }

                @Override
                public Activity next() {
                    Run run = heads.poll();
                    Activity activity = run.head;
                    if (run.advance()) {
                        heads.add(run);
                    }
                    return activity;
                }
            };
            group(merged, each);
        } finally {
            for (Run run : open) {
                run.in.close();
            }
        }
    }

    private static void group(java.util.Iterator<Activity> sorted, Consumer<List<Activity>> each) {
        List<Activity> account = new ArrayList<>();
        while (sorted.hasNext()) {
            Activity activity = sorted.next();
            if (!account.isEmpty() && !account.get(0).getAccount().equals(activity.getAccount())) {
                each.accept(account);
                account = new ArrayList<>();
            }
            account.add(activity);
        }
        if (!account.isEmpty()) {
            each.accept(account);
        }
    }

    /** One run being merged: its reader and the activity at its head. */
    private static final class Run {
        final int index;
        final BufferedReader in;
        final Path file;
        long line;
        Activity head;

        Run(int index, BufferedReader in, Path file) {
            this.index = index;
            this.in = in;
            this.file = file;
        }

        boolean advance() {
            try {
                String text = in.readLine();
                if (text == null) {
                    head = null;
                    return false;
                }
                line++;
                ActivityReader.Row row = ActivityReader.jsonRow(text, file.toString(), line);
                if (row.activity() == null) {
                    throw new IllegalStateException("carbon bug: an activity written to a sort run does not read back: "
                            + row.problem());
                }
                head = row.activity();
                return true;
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (Path run : runs) {
            Files.deleteIfExists(run);
        }
        runs.clear();
        buffer.clear();
    }
}
