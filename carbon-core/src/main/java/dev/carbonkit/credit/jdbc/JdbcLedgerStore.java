package dev.carbonkit.credit.jdbc;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.credit.AccountEvent;
import dev.carbonkit.credit.CreditRule;
import dev.carbonkit.credit.LedgerEntry;
import dev.carbonkit.credit.LedgerRecord;
import dev.carbonkit.credit.LedgerStore;
import dev.carbonkit.credit.LedgerStoreException;
import dev.carbonkit.credit.LedgerStoreException.Reason;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.factor.Region;
import dev.carbonkit.internal.CanonicalJson;
import dev.carbonkit.internal.Libraries;
import dev.carbonkit.quantity.Quantity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A {@link LedgerStore} in a relational database through plain JDBC: PostgreSQL or SQLite, with the driver and
 * connection pool the application chooses. The schema (version {@value #SCHEMA_VERSION}) is documented in
 * docs/ledger-store.md and shipped as {@link #schema(Dialect)}; {@link #open} creates it in a database that has none
 * of its tables and otherwise checks that the database holds this version, failing loudly if not.
 * <p>
 * Each account's records are append-only rows (database triggers refuse UPDATE and DELETE on them), in two tables
 * that share the account's sequence numbers: activity events, and ledger entries with the rule set's digest and the
 * digests of the factor tables the rule took its factors from. An activity can be awarded once and reversed once, and
 * an entry id written once: the database refuses a second, so that no process can double an award even without
 * carbonkit's locks. Decimals are stored exactly (PostgreSQL NUMERIC, SQLite text) and instants as ISO-8601 text.
 * <p>
 * An update runs in one transaction holding the account: in PostgreSQL the account's row is locked ({@code SELECT ...
 * FOR UPDATE}), in SQLite the database is ({@code BEGIN IMMEDIATE}, retried while another writer holds it). Any
 * number of processes can share the database.
 * <p>
 * This class is immutable and thread-safe; every call takes a connection from the data source and gives it back.
 */
public final class JdbcLedgerStore implements LedgerStore {

    /** The version of the schema this class reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    /** The databases this store runs on. */
    public enum Dialect {
        /** PostgreSQL 12 or later. */
        POSTGRESQL("PostgreSQL", "ledger-postgresql.sql"),
        /** SQLite 3.24 or later. */
        SQLITE("SQLite", "ledger-sqlite.sql");

        private final String productName;
        private final String resource;

        Dialect(String productName, String resource) {
            this.productName = productName;
            this.resource = resource;
        }
    }

    /** The tables of the schema, and the columns each must have. */
    private static final Map<String, List<String>> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("carbonkit_schema", List.of("component", "version"));
        TABLES.put("carbonkit_account", List.of("account", "last_sequence"));
        TABLES.put("carbonkit_activity_event", List.of("account", "sequence", "event", "activity_id", "activity_type",
                "quantity", "activity_time", "zone", "region", "factor_id", "attributes", "reason", "rule_set_id",
                "rule_set_digest", "written_at"));
        TABLES.put("carbonkit_ledger_entry", List.of("account", "sequence", "entry_id", "kind", "ledger", "activity_id",
                "rule_id", "amount", "entry_time", "reduction_entry_id", "refers_to", "reason", "issued_at",
                "collectible_at", "expires_at", "rule_set_id", "rule_set_digest", "table_digests", "written_at"));
    }

    private static final String INSERT_EVENT = "INSERT INTO carbonkit_activity_event (account, sequence, event,"
            + " activity_id, activity_type, quantity, activity_time, zone, region, factor_id, attributes, reason,"
            + " rule_set_id, rule_set_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_ENTRY = "INSERT INTO carbonkit_ledger_entry (account, sequence, entry_id, kind,"
            + " ledger, activity_id, rule_id, amount, entry_time, reduction_entry_id, refers_to, reason, issued_at,"
            + " collectible_at, expires_at, rule_set_id, rule_set_digest, table_digests)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_EVENTS = "SELECT sequence, event, activity_id, activity_type, quantity,"
            + " activity_time, zone, region, factor_id, attributes, reason, rule_set_digest"
            + " FROM carbonkit_activity_event WHERE account = ? AND sequence > ? ORDER BY sequence";
    private static final String SELECT_ENTRIES = "SELECT sequence, entry_id, kind, ledger, activity_id, rule_id, amount,"
            + " entry_time, reduction_entry_id, refers_to, reason, issued_at, collectible_at, expires_at,"
            + " rule_set_digest FROM carbonkit_ledger_entry WHERE account = ? AND sequence > ? ORDER BY sequence";

    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    /** The longest texts a record is read back from, checked before they are parsed. */
    private static final int MAX_AMOUNT = 100;
    private static final int MAX_INSTANT = 64;
    private static final int MAX_QUANTITY = 200;
    private static final int MAX_ATTRIBUTES = 1 << 20;
    /** The PostgreSQL advisory lock that creating the schema holds: "carbonkit" in ASCII. */
    private static final long SCHEMA_LOCK = 0x636172626f6e6bL;
    /** How long an update waits for SQLite's write lock in all before giving up. */
    private static final long SQLITE_LOCK_WAIT_MILLIS = 60_000;

    private final DataSource dataSource;
    private final Dialect dialect;
    /** The digests of the tables each rule took factors from, by rule set digest and rule id. */
    private final Map<String, Map<String, String>> tableDigests = new java.util.concurrent.ConcurrentHashMap<>();

    private JdbcLedgerStore(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /**
     * Opens a store in a database: creates the schema if the database has none of its tables, else checks that it
     * holds this version of it.
     *
     * @param dataSource  where connections come from, not null
     * @return the store, never null
     * @throws LedgerStoreException if the database cannot be reached ({@link Reason#UNAVAILABLE}), is neither
     *  PostgreSQL nor SQLite, or holds a schema of another version, part of one, or tables of the same names that are
     *  not this schema's ({@link Reason#SCHEMA})
     */
    public static JdbcLedgerStore open(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Libraries.requireJackson("The JDBC ledger store");
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = dialectOf(connection);
            JdbcLedgerStore store = new JdbcLedgerStore(dataSource, dialect);
            store.prepare(connection);
            return store;
        } catch (SQLException e) {
            throw failure(e, null, null, "cannot open the ledger store");
        }
    }

    /**
     * Gets the SQL that creates the schema in a database of a dialect: the statements {@link #open} runs, one after
     * another, separated by blank lines.
     *
     * @param dialect  the database, not null
     * @return the SQL, never null
     */
    public static String schema(Dialect dialect) {
        Objects.requireNonNull(dialect, "dialect");
        try (InputStream in = JdbcLedgerStore.class.getResourceAsStream(dialect.resource)) {
            if (in == null) {
                throw new IllegalStateException("carbon bug: the schema " + dialect.resource + " is not in the jar");
            }
            return new String(dev.carbonkit.internal.Streams.readUpTo(in, Integer.MAX_VALUE - 8), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Gets the database the store runs on.
     *
     * @return the dialect, never null
     */
    public Dialect getDialect() {
        return dialect;
    }

    private static Dialect dialectOf(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        for (Dialect dialect : Dialect.values()) {
            if (dialect.productName.equalsIgnoreCase(product)) {
                return dialect;
            }
        }
        throw new LedgerStoreException(Reason.SCHEMA, null, null, "the database is " + product
                + "; the ledger store runs on PostgreSQL and SQLite", null);
    }

    /** Creates the schema in a database without it, or checks the one there. */
    private void prepare(Connection connection) throws SQLException {
        Map<String, Set<String>> found = tables(connection);
        if (found.size() < TABLES.size()) {
            // none, or some of them: another process may be creating them now (the tables are looked at one by one,
            // so this look may have seen the database before and after its commit); looked at again under the lock
            create(connection);
            found = tables(connection);
        }
        for (Map.Entry<String, List<String>> table : TABLES.entrySet()) {
            Set<String> columns = found.get(table.getKey());
            if (columns == null) {
                throw new LedgerStoreException(Reason.SCHEMA, null, null, "the database has " + found.keySet()
                        + " but no table " + table.getKey() + ": not a carbonkit ledger of schema version "
                        + SCHEMA_VERSION + ", or part of one", null);
            }
            List<String> missing = new ArrayList<>();
            for (String column : table.getValue()) {
                if (!columns.contains(column)) {
                    missing.add(column);
                }
            }
            if (!missing.isEmpty()) {
                throw new LedgerStoreException(Reason.SCHEMA, null, null, "table " + table.getKey()
                        + " has no column " + String.join(", ", missing) + ": it is not the table of a carbonkit ledger"
                        + " of schema version " + SCHEMA_VERSION, null);
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version FROM carbonkit_schema WHERE component = 'ledger'");
                ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                throw new LedgerStoreException(Reason.SCHEMA, null, null,
                        "carbonkit_schema has no version for component 'ledger'", null);
            }
            int version = rows.getInt(1);
            if (version != SCHEMA_VERSION) {
                throw new LedgerStoreException(Reason.SCHEMA, null, null, "the database holds ledger schema version "
                        + version + ", and this carbonkit reads and writes version " + SCHEMA_VERSION + " only"
                        + (version < SCHEMA_VERSION ? ": migrate it first (docs/ledger-store.md)"
                                : ": it was written by a newer carbonkit"), null);
            }
        }
    }

    /** The schema's tables the database has, with their columns. */
    private Map<String, Set<String>> tables(Connection connection) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            // a statement first, so that the connection sees the schema as committed now: SQLite's table_info, behind
            // the driver's metadata, answers from the connection's cached schema (seen: a table another connection
            // had just created, missing)
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM sqlite_master")) {
                rows.next();
            }
        }
        Map<String, Set<String>> found = new LinkedHashMap<>();
        DatabaseMetaData meta = connection.getMetaData();
        for (String table : TABLES.keySet()) {
            Set<String> columns = columns(meta, table);
            if (!columns.isEmpty()) {
                found.put(table, columns);
            }
        }
        return found;
    }

    private static Set<String> columns(DatabaseMetaData meta, String table) throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (ResultSet rows = meta.getColumns(null, null, table, null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    /**
     * Creates the schema, in one transaction that holds every other process opening the database at the same time
     * (PostgreSQL: a transaction-scoped advisory lock; SQLite: the write lock), unless one of them created it first.
     */
    private void create(Connection connection) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            beginImmediate(connection);
        } else {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
            }
        }
        try (Statement statement = connection.createStatement()) {
            if (tables(connection).isEmpty()) {
                for (String sql : statements(schema(dialect))) {
                    statement.execute(sql);
                }
            }
            commit(connection);
        } catch (SQLException | RuntimeException e) {
            rollback(connection, e);
            throw e;
        }
        if (dialect == Dialect.SQLITE) {
            // readers do not block the writer, nor it them (a database in memory stays as it is); the switch needs the
            // database to itself, so where another process is opening it at the same moment, that one makes it
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
            } catch (SQLException e) {
                if (!isBusy(e)) {
                    throw e;
                }
            }
        }
    }

    /** The statements of a schema file: blocks separated by blank lines, comment lines left out. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        for (String block : sql.split("\\R\\s*\\R")) {
            StringBuilder text = new StringBuilder();
            for (String line : block.split("\\R")) {
                if (!line.trim().startsWith("--")) {
                    text.append(line).append('\n');
                }
            }
            String statement = text.toString().trim();
            if (statement.endsWith(";")) {
                statement = statement.substring(0, statement.length() - 1);
            }
            if (!statement.isEmpty()) {
                statements.add(statement);
            }
        }
        return statements;
    }

    //-----------------------------------------------------------------------
    @Override
    public List<LedgerRecord> read(String account, long after) {
        Objects.requireNonNull(account, "account");
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, account, after);
        } catch (SQLException e) {
            throw failure(e, account, null, "cannot read the account's records");
        }
    }

    @Override
    public <T> T update(String account, Update<T> update) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(update, "update");
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw failure(e, account, null, "cannot get a connection");
        }
        try (Connection c = connection) {
            long last = begin(c, account);
            Writer writer = new Writer(c, account, last);
            T result;
            try {
                result = update.apply(writer);
                writer.flush();
                writer.close();
                if (writer.sequence != last) {
                    try (PreparedStatement set = c.prepareStatement(
                            "UPDATE carbonkit_account SET last_sequence = ? WHERE account = ?")) {
                        set.setLong(1, writer.sequence);
                        set.setString(2, account);
                        set.executeUpdate();
                    }
                }
                commit(c);
            } catch (SQLException | RuntimeException | Error e) {
                rollback(c, e);
                throw e;
            }
            return result;
        } catch (SQLException e) {
            throw failure(e, account, null, "the update was not written");
        }
    }

    /** Begins a transaction holding the account, and gives its last sequence number. */
    private long begin(Connection connection, String account) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            beginImmediate(connection);
        } else {
            connection.setAutoCommit(false);
        }
        try {
            if (dialect == Dialect.SQLITE) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO carbonkit_account (account, last_sequence) VALUES (?, 0) ON CONFLICT DO NOTHING")) {
                    insert.setString(1, account);
                    insert.executeUpdate();
                }
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT last_sequence FROM carbonkit_account WHERE account = ?")) {
                    select.setString(1, account);
                    return single(select);
                }
            }
            // one round trip: the account's row made if new, and locked (an upsert locks the row it touches)
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO carbonkit_account (account,"
                    + " last_sequence) VALUES (?, 0) ON CONFLICT (account) DO UPDATE SET last_sequence ="
                    + " carbonkit_account.last_sequence RETURNING last_sequence")) {
                upsert.setString(1, account);
                return single(upsert);
            }
        } catch (SQLException | RuntimeException e) {
            rollback(connection, e);
            throw e;
        }
    }

    private static long single(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                throw new SQLException("carbonkit_account has no row for the account after inserting it");
            }
            return rows.getLong(1);
        }
    }

    /**
     * Takes SQLite's write lock at the start of the transaction, so that two writers never both read and then both
     * try to write; waits and tries again while another connection holds it.
     */
    private static void beginImmediate(Connection connection) throws SQLException {
        long deadline = System.nanoTime() + SQLITE_LOCK_WAIT_MILLIS * 1_000_000;
        long pause = 1;
        while (true) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                return;
            } catch (SQLException e) {
                if (!isBusy(e) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the database's write lock", interrupted);
            }
            pause = Math.min(pause * 2, 50);
        }
    }

    private static boolean isBusy(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return code == 5 || code == 6 || String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
    }

    private void commit(Connection connection) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("COMMIT");
            }
        } else {
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    private void rollback(Connection connection, Throwable cause) {
        try {
            if (connection.isClosed()) {
                return;
            }
            if (dialect == Dialect.SQLITE) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ROLLBACK");
                }
            } else {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** One account's transaction: reads, and appends with the next sequence numbers. */
    private final class Writer implements Transaction {
        private final Connection connection;
        private final String account;
        long sequence;
        /** The inserts appended to and not yet sent: sent in one batch each before a read, and before the commit. */
        private PreparedStatement events;
        private PreparedStatement entries;
        private int pending;
        /** The activity the first record not yet sent is about, to name it if the database refuses the batch. */
        private String firstPending;

        Writer(Connection connection, String account, long sequence) {
            this.connection = connection;
            this.account = account;
            this.sequence = sequence;
        }

        @Override
        public List<LedgerRecord> read(long after) {
            flush();
            try {
                return JdbcLedgerStore.this.read(connection, account, after);
            } catch (SQLException e) {
                throw failure(e, account, null, "cannot read the account's records");
            }
        }

        @Override
        public long append(RuleSet ruleSet, List<AccountEvent> newEvents, List<LedgerEntry> newEntries) {
            Objects.requireNonNull(ruleSet, "ruleSet");
            String activityId = newEvents.isEmpty() ? newEntries.isEmpty() ? null : newEntries.get(0).getActivityId()
                    : newEvents.get(0).getActivityId();
            try {
                long next = sequence;
                if (!newEvents.isEmpty()) {
                    if (events == null) {
                        events = connection.prepareStatement(INSERT_EVENT);
                    }
                    for (AccountEvent event : newEvents) {
                        bindEvent(events, ++next, event, ruleSet);
                        events.addBatch();
                    }
                }
                if (!newEntries.isEmpty()) {
                    if (entries == null) {
                        entries = connection.prepareStatement(INSERT_ENTRY);
                    }
                    Map<String, String> digests = digestsOf(ruleSet);
                    for (LedgerEntry entry : newEntries) {
                        bindEntry(entries, ++next, entry, ruleSet, digests);
                        entries.addBatch();
                    }
                }
                if (pending == 0) {
                    firstPending = activityId;
                }
                pending += newEvents.size() + newEntries.size();
                sequence = next;
                return next;
            } catch (SQLException e) {
                throw failure(e, account, activityId, "the store refused the update's records");
            }
        }

        /** Sends the inserts appended so far. */
        void flush() {
            if (pending == 0) {
                return;
            }
            try {
                if (events != null) {
                    events.executeBatch();
                }
                if (entries != null) {
                    entries.executeBatch();
                }
                pending = 0;
            } catch (SQLException e) {
                throw failure(e, account, firstPending, "the store refused the update's records");
            }
        }

        /** Closes the inserts' statements. */
        void close() throws SQLException {
            if (events != null) {
                events.close();
            }
            if (entries != null) {
                entries.close();
            }
        }

        private void bindEvent(PreparedStatement insert, long sequence, AccountEvent event, RuleSet ruleSet)
                throws SQLException {
            insert.setString(1, account);
            insert.setLong(2, sequence);
            insert.setString(3, event.getKind().name());
            insert.setString(4, event.getActivityId());
            Activity activity = event.getActivity();
            text(insert, 5, activity == null ? null : activity.getType());
            text(insert, 6, activity == null ? null : activity.getQuantity().toString());
            text(insert, 7, event.getTime() == null ? null : event.getTime().toString());
            text(insert, 8, activity == null ? null : activity.getZone().getId());
            text(insert, 9, activity == null ? null : activity.getRegion().getCode());
            text(insert, 10, activity == null ? null : activity.getFactorId().orElse(null));
            text(insert, 11, activity == null ? null
                    : CanonicalJson.write(new LinkedHashMap<String, Object>(activity.getAttributes())));
            text(insert, 12, event.getReason());
            insert.setString(13, ruleSet.getId());
            insert.setString(14, ruleSet.getDigest());
        }

        private void bindEntry(PreparedStatement insert, long sequence, LedgerEntry entry, RuleSet ruleSet,
                Map<String, String> digests) throws SQLException {
            insert.setString(1, account);
            insert.setLong(2, sequence);
            insert.setString(3, entry.getId());
            insert.setString(4, entry.getKind().name());
            insert.setString(5, entry.getLedger().name());
            insert.setString(6, entry.getActivityId());
            insert.setString(7, entry.getRuleId());
            if (dialect == Dialect.POSTGRESQL) {
                insert.setBigDecimal(8, entry.getAmount());
            } else {
                insert.setString(8, decimal(entry.getAmount()));
            }
            insert.setString(9, entry.getTime().toString());
            text(insert, 10, entry.getReductionEntryId());
            text(insert, 11, entry.getRefersTo());
            text(insert, 12, entry.getReason());
            LedgerEntry.Schedule schedule = entry.getSchedule();
            text(insert, 13, schedule == null ? null : schedule.getIssuedAt().toString());
            text(insert, 14, schedule == null ? null : schedule.getCollectibleAt().toString());
            text(insert, 15, schedule == null || schedule.getExpiresAt() == null ? null : schedule.getExpiresAt().toString());
            insert.setString(16, ruleSet.getId());
            insert.setString(17, ruleSet.getDigest());
            insert.setString(18, digests.getOrDefault(entry.getRuleId(), ""));
        }
    }

    private static void text(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    /** An exact decimal as text that reads back to the same value and scale. */
    static String decimal(BigDecimal value) {
        return value.scale() < 0 ? value.toString() : value.toPlainString();
    }

    /**
     * The digests of the factor tables each rule of a rule set took factors from, as the rule's factor sources name
     * them (a rule set loaded with a catalog names the table and its digest for each factor), space-separated and
     * sorted; empty for a rule whose factors are its own.
     */
    private Map<String, String> digestsOf(RuleSet ruleSet) {
        return tableDigests.computeIfAbsent(ruleSet.getDigest(), k -> {
            Map<String, String> byRule = new HashMap<>();
            for (CreditRule rule : ruleSet.getRules()) {
                Set<String> digests = new TreeSet<>();
                for (String reference : rule.getFactorSources().values()) {
                    Matcher matcher = DIGEST.matcher(reference);
                    while (matcher.find()) {
                        digests.add(matcher.group());
                    }
                }
                byRule.put(rule.getId(), String.join(" ", digests));
            }
            return byRule;
        });
    }

    //-----------------------------------------------------------------------
    private List<LedgerRecord> read(Connection connection, String account, long after) throws SQLException {
        List<LedgerRecord> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_EVENTS)) {
            select.setString(1, account);
            select.setLong(2, after);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(event(rows, account));
                }
            }
        }
        List<LedgerRecord> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_ENTRIES)) {
            select.setString(1, account);
            select.setLong(2, after);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows, account));
                }
            }
        }
        List<LedgerRecord> records = new ArrayList<>(events.size() + entries.size());
        int e = 0;
        int n = 0;
        while (e < events.size() || n < entries.size()) {
            if (n == entries.size() || e < events.size()
                    && events.get(e).getSequence() < entries.get(n).getSequence()) {
                records.add(events.get(e++));
            } else {
                records.add(entries.get(n++));
            }
        }
        for (int i = 0; i < records.size(); i++) {
            long expected = after + i + 1;
            if (records.get(i).getSequence() != expected) {
                throw new LedgerStoreException(Reason.CORRUPT, account, null, "record " + expected + " is missing (the"
                        + " next is " + records.get(i).getSequence() + "): the account's records were changed outside"
                        + " carbonkit", null);
            }
        }
        return records;
    }

    private static LedgerRecord event(ResultSet rows, String account) throws SQLException {
        long sequence = rows.getLong("sequence");
        String kind = rows.getString("event");
        String activityId = rows.getString("activity_id");
        try {
            AccountEvent event = switch (AccountEvent.Kind.valueOf(kind)) {
                case AWARDED -> {
                    Activity.Builder builder = Activity.builder(activityId).account(account)
                            .type(rows.getString("activity_type"))
                            .quantity(Quantity.parse(bounded(rows.getString("quantity"), MAX_QUANTITY, "quantity")))
                            .time(instant(rows.getString("activity_time")), ZoneId.of(bounded(rows.getString("zone"),
                                    MAX_INSTANT, "zone")))
                            .region(Region.of(rows.getString("region")));
                    String factor = rows.getString("factor_id");
                    if (factor != null) {
                        builder.factorId(factor);
                    }
                    AttributesJson.attributes(bounded(rows.getString("attributes"), MAX_ATTRIBUTES, "attributes"))
                            .forEach(builder::attribute);
                    yield AccountEvent.awarded(builder.build());
                }
                case REVERSED -> AccountEvent.reversed(activityId, rows.getString("reason"));
                case CLOSED -> AccountEvent.closed(instant(rows.getString("activity_time")));
            };
            return LedgerRecord.of(sequence, event, rows.getString("rule_set_digest"));
        } catch (RuntimeException e) {
            throw new LedgerStoreException(Reason.CORRUPT, account, activityId, "event " + sequence + " (" + kind
                    + ") cannot be read back: " + e.getMessage(), e);
        }
    }

    private LedgerRecord entry(ResultSet rows, String account) throws SQLException {
        long sequence = rows.getLong("sequence");
        String id = rows.getString("entry_id");
        String activityId = rows.getString("activity_id");
        try {
            // the text of the decimal in both databases (PostgreSQL's NUMERIC as written), bounded before it is parsed
            BigDecimal amount = amount(rows.getString("amount"));
            String issued = rows.getString("issued_at");
            String expires = rows.getString("expires_at");
            LedgerEntry.Schedule schedule = issued == null ? null : new LedgerEntry.Schedule(instant(issued),
                    instant(rows.getString("collectible_at")), expires == null ? null : instant(expires));
            LedgerEntry entry = new LedgerEntry(id, LedgerEntry.Kind.valueOf(rows.getString("kind")),
                    LedgerEntry.Ledger.valueOf(rows.getString("ledger")), account, activityId,
                    rows.getString("rule_id"), amount, instant(rows.getString("entry_time")),
                    rows.getString("reduction_entry_id"), rows.getString("refers_to"), rows.getString("reason"),
                    schedule);
            return LedgerRecord.of(sequence, entry, rows.getString("rule_set_digest"));
        } catch (RuntimeException e) {
            throw new LedgerStoreException(Reason.CORRUPT, account, activityId, "entry " + sequence + " (" + id
                    + ") cannot be read back: " + e.getMessage(), e);
        }
    }

    /**
     * A text read back, no longer than carbonkit writes it: the bound comes before any parsing, so that a row edited
     * by hand (a decimal of a million digits, a huge exponent) is refused at once instead of costing its parse.
     */
    private static String bounded(String text, int max, String column) {
        if (text != null && text.length() > max) {
            throw new IllegalArgumentException(column + " holds " + text.length() + " characters, more than the " + max
                    + " carbonkit writes");
        }
        return text;
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(bounded(text, MAX_INSTANT, "an instant"));
    }

    /** An entry's amount: a plain decimal of at most 100 characters, as carbonkit writes them (scale 0 to 100). */
    static BigDecimal amount(String text) {
        BigDecimal amount = new BigDecimal(bounded(text, MAX_AMOUNT, "amount"));
        if (amount.scale() < 0 || amount.scale() > MAX_AMOUNT) {
            throw new IllegalArgumentException("amount '" + text + "' is not a plain decimal as carbonkit writes them");
        }
        return amount;
    }

    /** A typed failure from a JDBC one: a refused record is a conflict, a missing table a schema problem. */
    private static LedgerStoreException failure(SQLException e, String account, String activityId, String what) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode() & 0xff;
        Reason reason;
        if (state.startsWith("23") || code == 19) {
            reason = Reason.CONFLICT;
        } else if (state.startsWith("42") || String.valueOf(e.getMessage()).contains("no such table")) {
            reason = Reason.SCHEMA;
        } else {
            reason = Reason.UNAVAILABLE;
        }
        return new LedgerStoreException(reason, account, activityId, what + ": " + e.getMessage()
                + (state.isEmpty() ? "" : " (SQL state " + state + ")"), e);
    }
}
