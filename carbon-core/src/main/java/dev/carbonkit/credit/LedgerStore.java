package dev.carbonkit.credit;

import dev.carbonkit.calc.Activity;
import java.util.List;

/**
 * Where accounts keep their activities and ledger entries: a small interface, so that an application can put
 * them in its own database. {@link CarbonAccounts} serialises the updates of one account, so an implementation
 * needs no locking of its own beyond making each call safe to run concurrently for different accounts.
 * {@link InMemoryLedgerStore} is the implementation in this library.
 */
public interface LedgerStore {

    /**
     * Gets an account's activities, in the order they were added.
     *
     * @param account  the account, not null
     * @return the activities, empty for an unknown account, never null
     */
    List<Activity> activities(String account);

    /**
     * Gets an account's ledger entries, both ledgers, in the order they were written.
     *
     * @param account  the account, not null
     * @return the entries, empty for an unknown account, never null
     */
    List<LedgerEntry> entries(String account);

    /**
     * Records an update of an account: its full list of activities after the update, and the entries to append.
     * Entries are never changed or removed once written; corrections are new entries.
     *
     * @param account  the account, not null
     * @param activities  the account's activities after the update, not null
     * @param appended  the entries to append, not null
     */
    void save(String account, List<Activity> activities, List<LedgerEntry> appended);
}
