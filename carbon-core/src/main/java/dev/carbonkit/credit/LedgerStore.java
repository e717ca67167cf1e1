package dev.carbonkit.credit;

import java.util.List;

/**
 * Where accounts keep what happened to them: per account, an append-only sequence of records, each an
 * {@link AccountEvent} (an activity awarded or reversed, budget periods closed) or a {@link LedgerEntry}. Nothing is
 * ever changed or removed; corrections are new entries. {@link CarbonAccounts} rebuilds an account from its records
 * and appends to them one update at a time.
 * <p>
 * An implementation runs each {@link #update} in one transaction that no other update of the same account, in this
 * process or any other sharing the store, can interleave with, and that writes all of its records or none.
 * {@link InMemoryLedgerStore} keeps records in memory; {@code dev.carbonkit.credit.jdbc.JdbcLedgerStore} keeps them in
 * PostgreSQL or SQLite.
 * <p>
 * Implementations must be thread-safe.
 */
public interface LedgerStore {

    /**
     * Reads an account's records written after a sequence number, in the order written.
     *
     * @param account  the account, not null
     * @param after  the sequence number of the last record already read, 0 for all
     * @return the records, empty for an unknown account, never null
     * @throws LedgerStoreException if the store cannot be read
     */
    List<LedgerRecord> read(String account, long after);

    /**
     * Runs an update of an account in one transaction, holding the account against every other update of it: the
     * update reads what was written since it last read, then appends. If the update throws, or the transaction
     * cannot commit, nothing it appended is kept.
     *
     * @param <T>  the type of the update's result
     * @param account  the account, not null
     * @param update  the update, not null
     * @return what the update returned
     * @throws LedgerStoreException if the store cannot be read or written, or refuses a record (such as an entry id
     *  already written): nothing is written then
     */
    <T> T update(String account, Update<T> update);

    /**
     * An update of one account, run by {@link LedgerStore#update}.
     *
     * @param <T>  the type of its result
     */
    @FunctionalInterface
    interface Update<T> {
        /**
         * Runs the update.
         *
         * @param transaction  the account's transaction, not null
         * @return the result
         */
        T apply(Transaction transaction);
    }

    /** One account's side of an update: read what is there, append to it. Valid only while the update runs. */
    interface Transaction {

        /**
         * Reads the account's records written after a sequence number, including those of other processes committed
         * before this transaction began.
         *
         * @param after  the sequence number of the last record already read, 0 for all
         * @return the records, in order, never null
         */
        List<LedgerRecord> read(long after);

        /**
         * Appends events, then entries, written under a rule set.
         *
         * @param ruleSet  the rule set the update runs under, whose digest each record keeps, not null
         * @param events  the events, in order, not null
         * @param entries  the entries, in order, not null
         * @return the sequence number of the last record of the account after the append
         */
        long append(RuleSet ruleSet, List<AccountEvent> events, List<LedgerEntry> entries);
    }
}
