package dev.carbonkit.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.audit.Receipt;
import dev.carbonkit.credit.CarbonAccounts;
import dev.carbonkit.credit.InMemoryLedgerStore;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.credit.jdbc.JdbcLedgerStore;
import dev.carbonkit.factors.BundledRules;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Ledgers written by a job to a database through the JDBC ledger store (SQLite in a file, two tasks, each keeping at
 * most eight accounts in memory) are CarbonAccounts' ledgers, read back from the database afterwards; with a task that
 * fails once and a restore from a checkpoint, each award is in the database once.
 */
class JdbcLedgersTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    private static final String ANT = "cn-alipay-ant-forest";

    private static SQLiteDataSource sqlite(String file) {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        return source;
    }

    @Test
    void theDatabaseHoldsCarbonAccountsLedgers_eachAwardOnce_afterAFailureAndARestore(@TempDir Path dir)
            throws Exception {
        List<ActivityLine> lines = AccountsFunctionTest.input();
        RuleSet ant = BundledRules.ruleSet(ANT);
        List<ActivityLine> sorted = new ArrayList<>(lines);
        sorted.sort(AccountsFunction.IN_TIME);
        CarbonAccounts expected = new CarbonAccounts(ant, new InMemoryLedgerStore());
        TreeSet<String> names = new TreeSet<>();
        for (ActivityLine line : sorted) {
            expected.award(line.activity());
            names.add(line.account);
        }
        String file = dir.resolve("ledgers.db").toString();
        DataStream<ActivityLine> stream = AccountsFunctionTest.failingOnce(lines, 5);
        List<String> given = CarbonPipelineTest.collect(CarbonPipeline.accounts(stream, ANT, Duration.ZERO,
                Ledgers.jdbc(() -> sqlite(file), 8)));
        assertThat(AccountsFunctionTest.FailOnce.failed).as("the failure was injected").isTrue();

        CarbonAccounts stored = new CarbonAccounts(ant, JdbcLedgerStore.open(sqlite(file)));
        List<String> inDatabase = new ArrayList<>();
        List<String> inProcess = new ArrayList<>();
        for (String account : names) {
            Receipt.ofLedger(stored, account, null).forEach(receipt -> inDatabase.add(receipt.toJson()));
            Receipt.ofLedger(expected, account, null).forEach(receipt -> inProcess.add(receipt.toJson()));
            assertThat(stored.history(account)).as(account).isEqualTo(expected.history(account));
        }
        assertThat(inDatabase).isEqualTo(inProcess);
        Collections.sort(inProcess);
        assertThat(given).isEqualTo(inProcess);
    }
}
