package dev.carbonkit.credit;

import dev.carbonkit.calc.Activity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link LedgerStore} in memory, for tests, devices and small services.
 * <p>
 * This class is thread-safe: each account's data is replaced as a whole, immutable snapshot.
 */
public final class InMemoryLedgerStore implements LedgerStore {

    private record Account(List<Activity> activities, List<LedgerEntry> entries) {
    }

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    /**
     * Creates an empty store.
     */
    public InMemoryLedgerStore() {
        // no accounts yet
    }

    @Override
    public List<Activity> activities(String account) {
        Account data = accounts.get(account);
        return data == null ? List.of() : data.activities();
    }

    @Override
    public List<LedgerEntry> entries(String account) {
        Account data = accounts.get(account);
        return data == null ? List.of() : data.entries();
    }

    @Override
    public void save(String account, List<Activity> activities, List<LedgerEntry> appended) {
        accounts.compute(account, (key, old) -> {
            List<LedgerEntry> entries = new ArrayList<>(old == null ? List.of() : old.entries());
            entries.addAll(appended);
            return new Account(List.copyOf(activities), List.copyOf(entries));
        });
    }
}
