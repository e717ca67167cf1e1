package dev.carbonkit.benchmarks;

import dev.carbonkit.credit.CarbonAccounts;
import dev.carbonkit.credit.InMemoryLedgerStore;
import dev.carbonkit.credit.LedgerEntry;
import dev.carbonkit.factors.BundledRules;
import java.util.Locale;

/**
 * The heap an account keeps per activity, in memory: the account of {@link AccountsBenchmark} built with 10,000 and
 * then with a given number of activities, the heap used after a full collection measured with and without it. Run:
 * <pre>
 * java -Xmx8g -cp carbon-examples/benchmarks/target/benchmarks.jar dev.carbonkit.benchmarks.AccountMemory 1000000
 * </pre>
 * It counts the book that {@code CarbonAccounts} keeps (steps, state histories, current entries, the entries' log) and
 * the store's records; the activities themselves, which an application holds anyway, are counted too.
 */
public final class AccountMemory {

    private AccountMemory() {
    }

    /**
     * Measures.
     *
     * @param args  the number of activities (default 100,000)
     */
    public static void main(String[] args) {
        int awards = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long empty = used();
        CarbonAccounts accounts = new CarbonAccounts(BundledRules.ruleSet("cn-alipay-ant-forest"), new InMemoryLedgerStore());
        long start = used();
        for (int i = 0; i < awards; i++) {
            accounts.award(AccountsBenchmark.activity("alice", i));
        }
        long full = used();
        int entries = accounts.history("alice").size();
        System.out.printf(Locale.ROOT, "%,d activities, %,d entries, balance %s g: %,d bytes retained, %,d per activity"
                + " (%,d before the accounts were made)%n", awards, entries,
                accounts.balance("alice", LedgerEntry.Ledger.REDUCTION).toPlainString(), full - start,
                (full - start) / awards, start - empty);
    }

    private static long used() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
