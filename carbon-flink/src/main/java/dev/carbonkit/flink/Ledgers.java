package dev.carbonkit.flink;

import dev.carbonkit.credit.CarbonAccounts;
import dev.carbonkit.credit.InMemoryLedgerStore;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.credit.jdbc.JdbcLedgerStore;
import java.io.Serializable;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Where the accounts a job keeps write their ledgers: in each task's memory (rebuilt from Flink's keyed state after a
 * restore), or in a database through the core's JDBC ledger store (PostgreSQL or SQLite), where a platform reads them.
 * It travels to the tasks as a recipe; each task opens its own store when it opens.
 * <p>
 * With a database, a task keeps at most a bounded number of accounts in memory (the others are read back from the
 * database when next used), and after a restore the activities awarded since the last checkpoint arrive again and
 * are awarded again, which {@code CarbonAccounts} does idempotently: the database holds each award once.
 */
public abstract class Ledgers implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Makes the data source a task connects through: serializable, so that it can travel to the tasks. */
    @FunctionalInterface
    public interface DataSourceFactory extends Serializable {
        /**
         * Makes the data source.
         *
         * @return the data source, never null
         */
        DataSource create();
    }

    Ledgers() {
    }

    /**
     * Gets ledgers kept in each task's memory.
     *
     * @return the ledgers, never null
     */
    public static Ledgers inMemory() {
        return new InMemory();
    }

    /**
     * Gets ledgers kept in a database through {@code JdbcLedgerStore}, each task keeping at most some accounts in
     * memory.
     *
     * @param dataSource  makes the data source, not null
     * @param accountsInMemory  how many accounts a task keeps in memory at most, positive
     * @return the ledgers, never null
     */
    public static Ledgers jdbc(DataSourceFactory dataSource, int accountsInMemory) {
        if (accountsInMemory < 1) {
            throw new IllegalArgumentException("Accounts in memory must be positive: " + accountsInMemory);
        }
        return new Jdbc(Objects.requireNonNull(dataSource, "dataSource"), accountsInMemory);
    }

    /** Opens the accounts a task keeps. */
    abstract CarbonAccounts open(RuleSet ruleSet);

    /** Whether the ledgers outlive the task, so that a restore need not rebuild them from keyed state. */
    abstract boolean isDurable();

    private static final class InMemory extends Ledgers {
        private static final long serialVersionUID = 1L;

        @Override
        CarbonAccounts open(RuleSet ruleSet) {
            return new CarbonAccounts(ruleSet, new InMemoryLedgerStore());
        }

        @Override
        boolean isDurable() {
            return false;
        }
    }

    private static final class Jdbc extends Ledgers {
        private static final long serialVersionUID = 1L;
        private final DataSourceFactory dataSource;
        private final int accountsInMemory;

        Jdbc(DataSourceFactory dataSource, int accountsInMemory) {
            this.dataSource = dataSource;
            this.accountsInMemory = accountsInMemory;
        }

        @Override
        CarbonAccounts open(RuleSet ruleSet) {
            return new CarbonAccounts(ruleSet, JdbcLedgerStore.open(dataSource.create()), accountsInMemory);
        }

        @Override
        boolean isDurable() {
            return true;
        }
    }
}
