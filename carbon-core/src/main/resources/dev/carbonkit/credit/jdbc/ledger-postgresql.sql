-- carbonkit ledger store, schema version 1, PostgreSQL (docs/ledger-store.md).
-- Append-only: rows of carbonkit_activity_event and carbonkit_ledger_entry are never updated or deleted (the
-- triggers below refuse it); corrections are reversal entries. The only row ever updated is an account's row in
-- carbonkit_account, which holds the account's last sequence number and is the lock that serialises its updates.
-- Decimals are NUMERIC (exact); instants are ISO-8601 text (nanoseconds kept, which TIMESTAMPTZ would cut to
-- microseconds).

CREATE TABLE carbonkit_schema (
    component TEXT PRIMARY KEY,
    version INTEGER NOT NULL
);

CREATE TABLE carbonkit_account (
    account TEXT PRIMARY KEY,
    last_sequence BIGINT NOT NULL CHECK (last_sequence >= 0)
);

CREATE TABLE carbonkit_activity_event (
    account TEXT NOT NULL,
    sequence BIGINT NOT NULL CHECK (sequence > 0),
    event TEXT NOT NULL CHECK (event IN ('AWARDED', 'REVERSED', 'CLOSED')),
    activity_id TEXT NOT NULL,
    activity_type TEXT,
    quantity TEXT,
    activity_time TEXT,
    zone TEXT,
    region TEXT,
    factor_id TEXT,
    attributes TEXT,
    reason TEXT,
    rule_set_id TEXT NOT NULL,
    rule_set_digest TEXT NOT NULL,
    written_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (account, sequence),
    UNIQUE (account, event, activity_id),
    CHECK (event <> 'AWARDED' OR (activity_type IS NOT NULL AND quantity IS NOT NULL AND activity_time IS NOT NULL
        AND zone IS NOT NULL AND region IS NOT NULL AND attributes IS NOT NULL)),
    CHECK (event <> 'REVERSED' OR reason IS NOT NULL),
    CHECK (event <> 'CLOSED' OR activity_time IS NOT NULL)
);

CREATE TABLE carbonkit_ledger_entry (
    account TEXT NOT NULL,
    sequence BIGINT NOT NULL CHECK (sequence > 0),
    entry_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('EARNED', 'REVERSAL', 'CLAIM')),
    ledger TEXT NOT NULL CHECK (ledger IN ('REDUCTION', 'POINTS')),
    activity_id TEXT NOT NULL,
    rule_id TEXT NOT NULL,
    amount NUMERIC NOT NULL,
    entry_time TEXT NOT NULL,
    reduction_entry_id TEXT,
    refers_to TEXT,
    reason TEXT,
    issued_at TEXT,
    collectible_at TEXT,
    expires_at TEXT,
    rule_set_id TEXT NOT NULL,
    rule_set_digest TEXT NOT NULL,
    table_digests TEXT NOT NULL,
    written_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (account, sequence),
    UNIQUE (account, entry_id),
    CHECK ((kind = 'EARNED') = (refers_to IS NULL))
);

CREATE FUNCTION carbonkit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'carbonkit: % is append-only; correct an entry with a reversal entry', TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER carbonkit_activity_event_append_only BEFORE UPDATE OR DELETE ON carbonkit_activity_event
    FOR EACH ROW EXECUTE FUNCTION carbonkit_append_only();

CREATE TRIGGER carbonkit_ledger_entry_append_only BEFORE UPDATE OR DELETE ON carbonkit_ledger_entry
    FOR EACH ROW EXECUTE FUNCTION carbonkit_append_only();

INSERT INTO carbonkit_schema (component, version) VALUES ('ledger', 1);
