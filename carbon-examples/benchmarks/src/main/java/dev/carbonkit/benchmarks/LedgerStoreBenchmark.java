package dev.carbonkit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.carbonkit.calc.Activity;
import dev.carbonkit.credit.CarbonAccounts;
import dev.carbonkit.credit.jdbc.JdbcLedgerStore;
import dev.carbonkit.factors.BundledRules;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Awards per second into the durable stores: PostgreSQL 14 (embedded binaries, started by the benchmark) and SQLite
 * (a file, WAL), each behind a HikariCP pool of two connections, as a service would run them. Each invocation awards
 * the next activities of one of 64 accounts (the account days of {@link AccountsBenchmark}, in time order) in one
 * transaction of 1, 10, 100 or 1,000 awards; the score is awards per second. Run, for example:
 * <pre>
 * java -jar carbon-examples/benchmarks/target/benchmarks.jar -f 1 -wi 2 -w 5s -i 3 -r 10s LedgerStoreBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class LedgerStoreBenchmark {

    static final int ACCOUNTS = 64;

    /** The database: postgresql or sqlite. */
    @Param({"postgresql", "sqlite"})
    public String engine;

    private EmbeddedPostgres postgres;
    private Path directory;
    private HikariDataSource pool;
    private CarbonAccounts accounts;
    private final int[] next = new int[ACCOUNTS];
    private int turn;

    /**
     * Starts the database, creates the schema, and warms the code up on an account of its own.
     *
     * @throws IOException if the database cannot be started
     */
    @Setup(Level.Trial)
    public void start() throws IOException {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(2);
        if (engine.equals("postgresql")) {
            postgres = EmbeddedPostgres.start();
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        } else {
            directory = Files.createTempDirectory("carbonkit-bench");
            config.setJdbcUrl("jdbc:sqlite:" + directory.resolve("ledger.db"));
        }
        pool = new HikariDataSource(config);
        accounts = new CarbonAccounts(BundledRules.ruleSet("cn-alipay-ant-forest"), JdbcLedgerStore.open(pool));
    }

    /**
     * Stops the database.
     *
     * @throws IOException if it cannot be stopped
     */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        pool.close();
        if (postgres != null) {
            postgres.close();
        }
    }

    private Object award(int transaction) {
        int account = turn++ % ACCOUNTS;
        List<Activity> batch = new ArrayList<>(transaction);
        for (int i = 0; i < transaction; i++) {
            batch.add(AccountsBenchmark.activity("r" + account, next[account]++));
        }
        return accounts.awardAll(batch);
    }

    /**
     * One award per transaction.
     *
     * @return the awards
     */
    @Benchmark
    @OperationsPerInvocation(1)
    public Object transactionOf1() {
        return award(1);
    }

    /**
     * Ten awards per transaction.
     *
     * @return the awards
     */
    @Benchmark
    @OperationsPerInvocation(10)
    public Object transactionOf10() {
        return award(10);
    }

    /**
     * A hundred awards per transaction.
     *
     * @return the awards
     */
    @Benchmark
    @OperationsPerInvocation(100)
    public Object transactionOf100() {
        return award(100);
    }

    /**
     * A thousand awards per transaction.
     *
     * @return the awards
     */
    @Benchmark
    @OperationsPerInvocation(1000)
    public Object transactionOf1000() {
        return award(1000);
    }
}
