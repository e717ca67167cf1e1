package dev.carbonkit.credit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carbonkit.calc.Activity;
import dev.carbonkit.credit.AccountHistories;
import dev.carbonkit.credit.CarbonAccounts;
import dev.carbonkit.credit.CreditEngine;
import dev.carbonkit.credit.CreditResult;
import dev.carbonkit.credit.LedgerEntry;
import dev.carbonkit.credit.LedgerRecord;
import dev.carbonkit.credit.LedgerStoreException;
import dev.carbonkit.credit.RuleSet;
import dev.carbonkit.credit.jdbc.Databases.Database;
import dev.carbonkit.credit.jdbc.Databases.Engine;
import dev.carbonkit.factor.Region;
import dev.carbonkit.quantity.Quantity;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JDBC ledger store against real PostgreSQL and SQLite engines that the build starts: the schema, exact round
 * trips, the same ledgers as a full re-evaluation, concurrent writers with their own connections, and typed errors
 * that write nothing.
 */
class JdbcLedgerStoreTest {

    private static final RuleSet RULES = AccountHistories.everything();

    private static long count(DataSource source, String sql) throws SQLException {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(DataSource source, String sql) throws SQLException {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    //-----------------------------------------------------------------------
    @ParameterizedTest
    @EnumSource(Engine.class)
    void open_createsTheSchemaOnce_andReadsItBack(Engine engine) throws SQLException {
        Database db = engine.create();
        JdbcLedgerStore store = JdbcLedgerStore.open(db.dataSource());
        assertThat(store.getDialect().name()).isEqualTo(engine.name());
        assertThat(count(db.dataSource(), "SELECT version FROM carbonkit_schema WHERE component = 'ledger'")).isEqualTo(1);
        JdbcLedgerStore again = JdbcLedgerStore.open(db.dataSource());
        assertThat(again.read("nobody", 0)).isEmpty();
        assertThat(JdbcLedgerStore.statements(JdbcLedgerStore.schema(store.getDialect())))
                .allSatisfy(sql -> assertThat(sql).doesNotStartWith("--").doesNotEndWith(";"))
                .hasSize(engine == Engine.POSTGRESQL ? 8 : 9);
    }

    /** Activities, with their quantities, zones, attributes and factor ids, and entries read back exactly. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void recordsReadBack_exactly(Engine engine) {
        Database db = engine.create();
        CarbonAccounts accounts = new CarbonAccounts(RULES, JdbcLedgerStore.open(db.dataSource()));
        Random random = new Random(5);
        List<Activity> awarded = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            awarded.add(AccountHistories.randomActivity(random, "a" + i, "alice"));
        }
        awarded.add(Activity.builder("odd").account("alice").type("transport.bus.electric")
                .quantity(Quantity.parse("0.000000012500 pkm")).time(Instant.parse("2024-03-01T10:15:30.123456789Z"),
                        ZoneId.of("Europe/Helsinki")).region(Region.of("FI-18")).factorId("desnz-2024/x_1")
                .attribute("note", "quote \" backslash \\ tab \t newline \n unicode 碳").attribute("a b", "")
                .build());
        accounts.awardAll(awarded);
        accounts.reverse("alice", "a7", "refund R-7");
        accounts.closePeriods("alice", Instant.parse("2024-03-20T00:00:00Z"));
        CarbonAccounts reopened = new CarbonAccounts(RULES, JdbcLedgerStore.open(db.dataSource()));
        assertThat(reopened.activities("alice")).containsExactlyElementsOf(accounts.activities("alice"));
        assertThat(reopened.history("alice")).containsExactlyElementsOf(accounts.history("alice"));
        assertThat(reopened.history("alice")).extracting(LedgerEntry::getAmount)
                .containsExactlyElementsOf(accounts.history("alice").stream().map(LedgerEntry::getAmount).toList());
        assertThat(reopened.closedUpTo("alice")).contains(Instant.parse("2024-03-20T00:00:00Z"));
        List<LedgerRecord> records = JdbcLedgerStore.open(db.dataSource()).read("alice", 0);
        assertThat(records).extracting(LedgerRecord::getSequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, records.size()).boxed().toList());
        assertThat(records).allSatisfy(record -> assertThat(record.getRuleSetDigest()).isEqualTo(RULES.getDigest()));
        assertThat(JdbcLedgerStore.open(db.dataSource()).read("alice", records.size() - 2)).hasSize(2);
    }

    /** The same random histories as the in-memory test: every update writes what a full re-evaluation writes. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void randomHistories_equalFullReevaluation(Engine engine) {
        for (long seed = 1; seed <= 3; seed++) {
            Database db = engine.create();
            AccountHistories.compare(RULES, () -> JdbcLedgerStore.open(db.dataSource()), seed, 50, 15, 13 * 24 * 4);
        }
    }

    /**
     * Four threads, each with its own accounts and store (its own connections, as separate processes would have),
     * award interleaved activities of five shared accounts, with repeats: the ledgers equal one sequential evaluation.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void concurrentWriters_equalASequentialRun(Engine engine) throws Exception {
        Database db = engine.create();
        Random random = new Random(20261204L);
        List<Activity> activities = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            activities.add(AccountHistories.randomActivity(random, "c" + i, "acct" + random.nextInt(5)));
        }
        List<Activity> submitted = new ArrayList<>(activities);
        submitted.addAll(activities.subList(0, 60));
        Collections.shuffle(submitted, random);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<Activity> share = new ArrayList<>();
                for (int i = t; i < submitted.size(); i += 4) {
                    share.add(submitted.get(i));
                }
                futures.add(pool.submit(() -> {
                    CarbonAccounts own = new CarbonAccounts(RULES, JdbcLedgerStore.open(db.dataSource()));
                    for (int i = 0; i < share.size(); i += 3) {
                        own.awardAll(share.subList(i, Math.min(share.size(), i + 3)));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        CarbonAccounts reader = new CarbonAccounts(RULES, JdbcLedgerStore.open(db.dataSource()));
        assertSameLedgers(reader, activities);
    }

    /** Each account's current entries are the batch evaluation's, each entry id once, each activity once. */
    static void assertSameLedgers(CarbonAccounts accounts, List<Activity> activities) {
        Map<String, List<Activity>> byAccount = new HashMap<>();
        activities.forEach(a -> byAccount.computeIfAbsent(a.getAccount(), k -> new ArrayList<>()).add(a));
        for (Map.Entry<String, List<Activity>> account : byAccount.entrySet()) {
            String name = account.getKey();
            CreditResult batch = CreditEngine.evaluate(RULES, account.getValue());
            assertThat(accounts.balance(name, LedgerEntry.Ledger.REDUCTION)).as(name)
                    .isEqualByComparingTo(batch.totalGrams(name));
            assertThat(accounts.balance(name, LedgerEntry.Ledger.POINTS)).as(name)
                    .isEqualByComparingTo(batch.totalPoints(name));
            Map<String, BigDecimal> current = new HashMap<>();
            for (LedgerEntry entry : accounts.history(name)) {
                String base = entry.getId().contains("#") ? entry.getId().substring(0, entry.getId().indexOf('#')) : entry.getId();
                if (entry.getKind() == LedgerEntry.Kind.REVERSAL) {
                    current.remove(base);
                } else if (entry.getKind() == LedgerEntry.Kind.EARNED) {
                    current.put(base, entry.getAmount());
                }
            }
            Map<String, BigDecimal> wanted = new HashMap<>();
            batch.getReductions().forEach(entry -> wanted.put(entry.getId(), entry.getAmount()));
            batch.getPoints().forEach(entry -> wanted.put(entry.getId(), entry.getAmount()));
            assertThat(current).as(name).isEqualTo(wanted);
            assertThat(accounts.history(name)).extracting(LedgerEntry::getId).doesNotHaveDuplicates();
            assertThat(accounts.activities(name)).containsExactlyInAnyOrderElementsOf(account.getValue());
        }
    }

    //-----------------------------------------------------------------------
    @ParameterizedTest
    @EnumSource(Engine.class)
    void anOlderSchema_isRefusedLoudly(Engine engine) throws SQLException {
        Database db = engine.create();
        JdbcLedgerStore.open(db.dataSource());
        execute(db.dataSource(), "UPDATE carbonkit_schema SET version = 0 WHERE component = 'ledger'");
        assertThatThrownBy(() -> JdbcLedgerStore.open(db.dataSource())).isInstanceOf(LedgerStoreException.class)
                .hasMessage("Ledger store (SCHEMA): the database holds ledger schema version 0, and this carbonkit reads"
                        + " and writes version 1 only: migrate it first (docs/ledger-store.md)")
                .extracting(e -> ((LedgerStoreException) e).getReason()).isEqualTo(LedgerStoreException.Reason.SCHEMA);
        execute(db.dataSource(), "UPDATE carbonkit_schema SET version = 2 WHERE component = 'ledger'");
        assertThatThrownBy(() -> JdbcLedgerStore.open(db.dataSource()))
                .hasMessageEndingWith("version 2, and this carbonkit reads and writes version 1 only: it was written by"
                        + " a newer carbonkit");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aForeignTable_ofTheSameName_isRefusedLoudly(Engine engine) throws SQLException {
        Database db = engine.create();
        execute(db.dataSource(), "CREATE TABLE carbonkit_ledger_entry (id INTEGER PRIMARY KEY, amount REAL)");
        assertThatThrownBy(() -> JdbcLedgerStore.open(db.dataSource())).isInstanceOf(LedgerStoreException.class)
                .hasMessage("Ledger store (SCHEMA): the database has [carbonkit_ledger_entry] but no table"
                        + " carbonkit_schema: not a carbonkit ledger of schema version 1, or part of one");
        Database other = engine.create();
        JdbcLedgerStore.open(other.dataSource());
        execute(other.dataSource(), "DROP TABLE carbonkit_activity_event");
        execute(other.dataSource(), "CREATE TABLE carbonkit_activity_event (account TEXT, sequence INTEGER)");
        assertThatThrownBy(() -> JdbcLedgerStore.open(other.dataSource())).hasMessageStartingWith(
                "Ledger store (SCHEMA): table carbonkit_activity_event has no column event, activity_id, activity_type,");
    }

    /** A closed connection: a typed error naming the account and activity, and nothing written. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aClosedConnection_isATypedError_andWritesNothing(Engine engine) throws SQLException {
        Database db = engine.create();
        JdbcLedgerStore.open(db.dataSource());
        Connection closed = db.dataSource().getConnection();
        closed.close();
        DataSource broken = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return closed;
                    }
                    return method.invoke(db.dataSource(), args);
                });
        CarbonAccounts accounts = new CarbonAccounts(RULES, jdbcStoreOver(broken, db));
        Activity activity = AccountHistories.randomActivity(new Random(3), "p1", "alice");
        assertThatThrownBy(() -> accounts.award(activity)).isInstanceOfSatisfying(LedgerStoreException.class, e -> {
            assertThat(e.getReason()).isEqualTo(LedgerStoreException.Reason.UNAVAILABLE);
            assertThat(e.getAccount()).isEqualTo("alice");
            assertThat(e.getActivityId()).isEqualTo("p1");
            assertThat(e.getMessage()).startsWith("Ledger store (UNAVAILABLE), account 'alice', activity 'p1': ");
        });
        assertThat(count(db.dataSource(), "SELECT COUNT(*) FROM carbonkit_activity_event")).isZero();
        assertThat(count(db.dataSource(), "SELECT COUNT(*) FROM carbonkit_ledger_entry")).isZero();
    }

    /** A store over a data source, opened while the real one still answered. */
    private static JdbcLedgerStore jdbcStoreOver(DataSource broken, Database db) {
        JdbcLedgerStore.open(db.dataSource());
        try {
            java.lang.reflect.Constructor<JdbcLedgerStore> constructor = JdbcLedgerStore.class
                    .getDeclaredConstructor(DataSource.class, JdbcLedgerStore.Dialect.class);
            constructor.setAccessible(true);
            return constructor.newInstance(broken, JdbcLedgerStore.Dialect.valueOf(db.engine().name()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A record the database refuses (its sequence number is taken: the account's counter was set back by hand, as a
     * botched restore would): the error names the account and activity, and nothing of the update is written.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aConstraintViolation_isATypedError_andWritesNothing(Engine engine) throws SQLException {
        Database db = engine.create();
        CarbonAccounts accounts = new CarbonAccounts(RULES, JdbcLedgerStore.open(db.dataSource()));
        Activity first = payment("s1", "2024-03-01T02:00:00Z");
        accounts.award(first);
        long events = count(db.dataSource(), "SELECT COUNT(*) FROM carbonkit_activity_event");
        long entries = count(db.dataSource(), "SELECT COUNT(*) FROM carbonkit_ledger_entry");
        execute(db.dataSource(), "UPDATE carbonkit_account SET last_sequence = 1 WHERE account = 'alice'");
        assertThatThrownBy(() -> accounts.award(payment("s2", "2024-03-01T03:00:00Z")))
                .isInstanceOfSatisfying(LedgerStoreException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(LedgerStoreException.Reason.CONFLICT);
                    assertThat(e.getAccount()).isEqualTo("alice");
                    assertThat(e.getActivityId()).isEqualTo("s2");
                    assertThat(e.getMessage()).startsWith("Ledger store (CONFLICT), account 'alice', activity 's2': the"
                            + " store refused the update's records: ");
                });
        assertThat(count(db.dataSource(), "SELECT COUNT(*) FROM carbonkit_activity_event")).isEqualTo(events);
        assertThat(count(db.dataSource(), "SELECT COUNT(*) FROM carbonkit_ledger_entry")).isEqualTo(entries);
        assertThat(count(db.dataSource(), "SELECT last_sequence FROM carbonkit_account")).isEqualTo(1);
        // the accounts still answer from what was written
        assertThat(accounts.activities("alice")).containsExactly(first);
    }

    /** A record missing in the middle (a row removed with the triggers dropped): reading fails, naming the account. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aGapInTheRecords_isCorrupt(Engine engine) throws SQLException {
        Database db = engine.create();
        CarbonAccounts accounts = new CarbonAccounts(RULES, JdbcLedgerStore.open(db.dataSource()));
        accounts.award(payment("s1", "2024-03-01T02:00:00Z"));
        accounts.award(payment("s2", "2024-03-01T03:00:00Z"));
        execute(db.dataSource(), engine == Engine.POSTGRESQL
                ? "DROP TRIGGER carbonkit_ledger_entry_append_only ON carbonkit_ledger_entry"
                : "DROP TRIGGER carbonkit_ledger_entry_no_delete");
        execute(db.dataSource(), "DELETE FROM carbonkit_ledger_entry WHERE sequence = 2");
        assertThatThrownBy(() -> new CarbonAccounts(RULES, JdbcLedgerStore.open(db.dataSource())).history("alice"))
                .isInstanceOfSatisfying(LedgerStoreException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(LedgerStoreException.Reason.CORRUPT);
                    assertThat(e.getMessage()).isEqualTo("Ledger store (CORRUPT), account 'alice': record 2 is missing"
                            + " (the next is 3): the account's records were changed outside carbonkit");
                });
    }

    /**
     * Rows edited by hand with values carbonkit never writes (a decimal of a thousand digits, an exponent of a billion,
     * a quantity of ten thousand characters): reading refuses each at once, as CORRUPT, naming the record.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void hostileValuesInARow_areRefusedBeforeTheyAreParsed(Engine engine) throws SQLException {
        Database db = engine.create();
        CarbonAccounts accounts = new CarbonAccounts(RULES, JdbcLedgerStore.open(db.dataSource()));
        accounts.award(payment("s1", "2024-03-01T02:00:00Z"));
        long next = count(db.dataSource(), "SELECT last_sequence FROM carbonkit_account") + 1;
        String huge = "1" + "0".repeat(1000);
        execute(db.dataSource(), "INSERT INTO carbonkit_ledger_entry (account, sequence, entry_id, kind, ledger,"
                + " activity_id, rule_id, amount, entry_time, rule_set_id, rule_set_digest, table_digests) VALUES ('alice', "
                + next + ", 'x', 'EARNED', 'POINTS', 's1', 'pay', '" + huge + "', '2024-03-01T02:00:00Z', 'x', 'y', '')");
        execute(db.dataSource(), "UPDATE carbonkit_account SET last_sequence = " + next);
        assertThatThrownBy(() -> new CarbonAccounts(RULES, JdbcLedgerStore.open(db.dataSource())).history("alice"))
                .isInstanceOfSatisfying(LedgerStoreException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(LedgerStoreException.Reason.CORRUPT);
                    assertThat(e.getMessage()).isEqualTo("Ledger store (CORRUPT), account 'alice', activity 's1': entry "
                            + next + " (x) cannot be read back: amount holds 1001 characters, more than the 100 carbonkit"
                            + " writes");
                });
        assertThatThrownBy(() -> JdbcLedgerStore.amount("1E+999999999")).hasMessage("amount '1E+999999999' is not a plain"
                + " decimal as carbonkit writes them");
        Database other = engine.create();
        JdbcLedgerStore.open(other.dataSource());
        execute(other.dataSource(), "INSERT INTO carbonkit_account (account, last_sequence) VALUES ('bob', 1)");
        execute(other.dataSource(), "INSERT INTO carbonkit_activity_event (account, sequence, event, activity_id,"
                + " activity_type, quantity, activity_time, zone, region, attributes, rule_set_id, rule_set_digest)"
                + " VALUES ('bob', 1, 'AWARDED', 'q', 'payment.offline', '" + "9".repeat(10_000) + " count',"
                + " '2024-03-01T02:00:00Z', 'UTC', 'CN', '{}', 'x', 'y')");
        assertThatThrownBy(() -> JdbcLedgerStore.open(other.dataSource()).read("bob", 0))
                .hasMessage("Ledger store (CORRUPT), account 'bob', activity 'q': event 1 (AWARDED) cannot be read back:"
                        + " quantity holds 10006 characters, more than the 200 carbonkit writes");
    }

    private static Activity payment(String id, String time) {
        return Activity.builder(id).account("alice").type("payment.offline").quantity(Quantity.parse("1 count"))
                .time(Instant.parse(time), AccountHistories.SHANGHAI).region(Region.of("CN"))
                .attribute("amount_cny", "8").build();
    }

    /** The database itself refuses to change or remove an entry or an event. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void entriesAndEvents_cannotBeUpdatedOrDeleted(Engine engine) throws SQLException {
        Database db = engine.create();
        CarbonAccounts accounts = new CarbonAccounts(RULES, JdbcLedgerStore.open(db.dataSource()));
        accounts.award(payment("x1", "2024-03-01T02:00:00Z"));
        assertThat(count(db.dataSource(), "SELECT COUNT(*) FROM carbonkit_ledger_entry")).isEqualTo(2);
        for (String sql : List.of("UPDATE carbonkit_ledger_entry SET amount = '1000000'",
                "DELETE FROM carbonkit_ledger_entry", "UPDATE carbonkit_activity_event SET activity_id = 'y'",
                "DELETE FROM carbonkit_activity_event")) {
            assertThatThrownBy(() -> execute(db.dataSource(), sql)).as(sql).isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
    }
}
