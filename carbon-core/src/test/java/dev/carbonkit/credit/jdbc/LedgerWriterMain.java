package dev.carbonkit.credit.jdbc;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.credit.AccountHistories;
import dev.carbonkit.credit.CarbonAccounts;
import dev.carbonkit.credit.LedgerRecord;
import dev.carbonkit.credit.LedgerStore;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The writing process of the crash test: awards a fixed batch of activities into a database, a transaction per slice
 * of {@value #SLICE}, printing "committed N" after each. In slice {@code hang}, once every record of the slice is
 * appended and before it commits, it prints "appended" and waits to be killed.
 */
public final class LedgerWriterMain {

    static final int SLICE = 20;

    private LedgerWriterMain() {
    }

    /** The batch: 300 activities of four accounts, in and out of time order, some given twice. */
    static List<Activity> batch() {
        Random random = new Random(20261204L);
        List<Activity> activities = new ArrayList<>();
        for (int i = 0; i < 260; i++) {
            activities.add(AccountHistories.randomActivity(random, "w" + i, "acct" + random.nextInt(4)));
        }
        for (int i = 0; i < 40; i++) {
            activities.add(activities.get(random.nextInt(260)));
        }
        return activities;
    }

    /**
     * Runs the writer.
     *
     * @param args  the JDBC URL, and the slice to hang in (-1 for none)
     */
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int hang = Integer.parseInt(args[1]);
        PrintStream out = System.out;
        LedgerStore real = JdbcLedgerStore.open(Databases.dataSource(url));
        AtomicInteger slice = new AtomicInteger();
        LedgerStore hanging = new LedgerStore() {
            @Override
            public List<LedgerRecord> read(String account, long after) {
                return real.read(account, after);
            }

            @Override
            public <T> T update(String account, Update<T> update) {
                return real.update(account, transaction -> {
                    T result = update.apply(transaction);
                    if (slice.get() == hang) {
                        out.println("appended");
                        out.flush();
                        try {
                            Thread.sleep(120_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return result;
                });
            }
        };
        CarbonAccounts accounts = new CarbonAccounts(AccountHistories.everything(), hanging);
        List<Activity> batch = batch();
        for (int from = 0; from < batch.size(); from += SLICE) {
            accounts.awardAll(batch.subList(from, Math.min(batch.size(), from + SLICE)));
            out.println("committed " + slice.getAndIncrement());
            out.flush();
        }
        out.println("done");
    }
}
