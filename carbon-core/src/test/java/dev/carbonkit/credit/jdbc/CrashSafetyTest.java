package dev.carbonkit.credit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.credit.AccountHistories;
import dev.carbonkit.credit.CarbonAccounts;
import dev.carbonkit.credit.jdbc.Databases.Database;
import dev.carbonkit.credit.jdbc.Databases.Engine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A writing process (a separate JVM) killed in the middle of a batch, with a transaction's records appended but not
 * committed: the store is reopened, the whole batch sent again, and no award is lost, none doubled, and every
 * account's ledger is entry for entry the ledger of a run that never crashed.
 */
class CrashSafetyTest {

    private static final int HANG = 6;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aWriterKilledMidBatch_loosesNothingAndDoublesNothing(Engine engine) throws Exception {
        Database crashed = engine.create();
        JdbcLedgerStore.open(crashed.dataSource());
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LedgerWriterMain.class.getName(), crashed.url(),
                String.valueOf(HANG)).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                if (line.equals("appended")) {
                    writer.destroyForcibly();
                    break;
                }
            }
        } finally {
            writer.destroyForcibly();
            assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(output).as("the writer's output").contains("committed " + (HANG - 1), "appended")
                .doesNotContain("committed " + HANG);
        // what the killed transaction appended is not there: the first HANG slices' activities, each once
        List<Activity> batch = LedgerWriterMain.batch();
        long distinct = batch.subList(0, HANG * LedgerWriterMain.SLICE).stream().distinct().count();
        assertThat(count(crashed, "SELECT COUNT(*) FROM carbonkit_activity_event")).isEqualTo(distinct);

        // reopened, and the whole batch sent again
        CarbonAccounts resent = new CarbonAccounts(AccountHistories.everything(),
                JdbcLedgerStore.open(crashed.dataSource()));
        for (int from = 0; from < batch.size(); from += LedgerWriterMain.SLICE) {
            resent.awardAll(batch.subList(from, Math.min(batch.size(), from + LedgerWriterMain.SLICE)));
        }
        // a run that never crashed
        Database clean = engine.create();
        CarbonAccounts once = new CarbonAccounts(AccountHistories.everything(), JdbcLedgerStore.open(clean.dataSource()));
        for (int from = 0; from < batch.size(); from += LedgerWriterMain.SLICE) {
            once.awardAll(batch.subList(from, Math.min(batch.size(), from + LedgerWriterMain.SLICE)));
        }
        for (int a = 0; a < 4; a++) {
            String account = "acct" + a;
            assertThat(resent.history(account)).as(account).containsExactlyElementsOf(once.history(account));
            assertThat(resent.activities(account)).as(account).containsExactlyElementsOf(once.activities(account));
        }
        JdbcLedgerStoreTest.assertSameLedgers(resent, batch.stream().distinct().toList());
        assertThat(count(crashed, "SELECT COUNT(*) FROM carbonkit_activity_event"))
                .isEqualTo(batch.stream().distinct().count());
    }

    private static long count(Database db, String sql) throws Exception {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
