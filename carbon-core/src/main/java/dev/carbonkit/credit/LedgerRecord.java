package dev.carbonkit.credit;

import java.util.Objects;

/**
 * One record of an account in a {@link LedgerStore}, as read back: an {@link AccountEvent} or a
 * {@link LedgerEntry}, its place in the account's records (a sequence number, increasing in the order written), and
 * the digest of the rule set the update that wrote it ran under.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class LedgerRecord {

    private final long sequence;
    private final AccountEvent event;
    private final LedgerEntry entry;
    private final String ruleSetDigest;

    private LedgerRecord(long sequence, AccountEvent event, LedgerEntry entry, String ruleSetDigest) {
        if (sequence < 1) {
            throw new IllegalArgumentException("A record's sequence number must be positive: " + sequence);
        }
        this.sequence = sequence;
        this.event = event;
        this.entry = entry;
        this.ruleSetDigest = Objects.requireNonNull(ruleSetDigest, "ruleSetDigest");
    }

    /**
     * Obtains the record of an event.
     *
     * @param sequence  the record's place in the account's records, from 1, increasing in the order written
     * @param event  the event, not null
     * @param ruleSetDigest  the digest of the rule set the update ran under, not null
     * @return the record, never null
     */
    public static LedgerRecord of(long sequence, AccountEvent event, String ruleSetDigest) {
        return new LedgerRecord(sequence, Objects.requireNonNull(event, "event"), null, ruleSetDigest);
    }

    /**
     * Obtains the record of a ledger entry.
     *
     * @param sequence  the record's place in the account's records, from 1, increasing in the order written
     * @param entry  the entry, not null
     * @param ruleSetDigest  the digest of the rule set the update ran under, not null
     * @return the record, never null
     */
    public static LedgerRecord of(long sequence, LedgerEntry entry, String ruleSetDigest) {
        return new LedgerRecord(sequence, null, Objects.requireNonNull(entry, "entry"), ruleSetDigest);
    }

    /**
     * Gets the record's place in the account's records.
     *
     * @return the sequence number, from 1
     */
    public long getSequence() {
        return sequence;
    }

    /**
     * Gets the event.
     *
     * @return the event, or null if the record is an entry
     */
    public AccountEvent getEvent() {
        return event;
    }

    /**
     * Gets the entry.
     *
     * @return the entry, or null if the record is an event
     */
    public LedgerEntry getEntry() {
        return entry;
    }

    /**
     * Gets the digest of the rule set the update that wrote the record ran under.
     *
     * @return the digest, "sha256:" and 64 hex digits, never null
     */
    public String getRuleSetDigest() {
        return ruleSetDigest;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof LedgerRecord other && sequence == other.sequence && Objects.equals(event, other.event)
                && Objects.equals(entry, other.entry) && ruleSetDigest.equals(other.ruleSetDigest);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequence) * 31 + Objects.hash(event, entry);
    }

    /**
     * Returns a summary such as "#3 AWARDED p1".
     *
     * @return the summary, never null
     */
    @Override
    public String toString() {
        return "#" + sequence + " " + (event != null ? event : entry.getId() + " " + entry.getAmount().toPlainString());
    }
}
