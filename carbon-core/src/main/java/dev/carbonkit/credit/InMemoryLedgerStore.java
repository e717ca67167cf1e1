package dev.carbonkit.credit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link LedgerStore} in memory, for tests, devices and small services: what it holds is lost with the process.
 * <p>
 * This class is thread-safe: an account's updates run one at a time, and what an update appends is added when it
 * returns, all at once, or not at all if it throws.
 */
public final class InMemoryLedgerStore implements LedgerStore {

    private final Map<String, List<LedgerRecord>> accounts = new ConcurrentHashMap<>();

    /**
     * Creates an empty store.
     */
    public InMemoryLedgerStore() {
        // no accounts yet
    }

    @Override
    public List<LedgerRecord> read(String account, long after) {
        Objects.requireNonNull(account, "account");
        List<LedgerRecord> records = accounts.get(account);
        if (records == null) {
            return List.of();
        }
        synchronized (records) {
            return after >= records.size() ? List.of() : List.copyOf(records.subList((int) after, records.size()));
        }
    }

    @Override
    public <T> T update(String account, Update<T> update) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(update, "update");
        List<LedgerRecord> records = accounts.computeIfAbsent(account, k -> new ArrayList<>());
        synchronized (records) {
            List<LedgerRecord> pending = new ArrayList<>();
            T result = update.apply(new Transaction() {
                @Override
                public List<LedgerRecord> read(long after) {
                    return after >= records.size() ? List.of()
                            : List.copyOf(records.subList((int) after, records.size()));
                }

                @Override
                public long append(RuleSet ruleSet, List<AccountEvent> events, List<LedgerEntry> entries) {
                    String digest = ruleSet.getDigest();
                    long sequence = records.size() + pending.size();
                    for (AccountEvent event : events) {
                        pending.add(LedgerRecord.of(++sequence, event, digest));
                    }
                    for (LedgerEntry entry : entries) {
                        pending.add(LedgerRecord.of(++sequence, entry, digest));
                    }
                    return sequence;
                }
            });
            records.addAll(pending);
            return result;
        }
    }
}
