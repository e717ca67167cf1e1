/**
 * carbonkit's core: exact quantities and units, greenhouse gases and GWP sets, emission factors and their
 * tables and catalogs, factor selection and the footprint engine, and (in {@code dev.carbonkit.io}) the safe
 * YAML loaders of factor tables and rule sets, and (in {@code dev.carbonkit.audit}) receipts, their replay and
 * verification, and (in {@code dev.carbonkit.credit.jdbc}) ledger stores in PostgreSQL or SQLite over plain JDBC. The
 * calculation packages depend on the JDK only; SnakeYAML is used by the io package alone, and Jackson's streaming
 * parser (optional: declared {@code requires static}, checked for before use) by the audit and jdbc packages alone,
 * to read receipts back and ledger records.
 */
module dev.carbonkit.core {
    requires org.yaml.snakeyaml;
    requires static com.fasterxml.jackson.core;
    requires transitive java.sql;

    exports dev.carbonkit;
    exports dev.carbonkit.quantity;
    exports dev.carbonkit.emissions;
    exports dev.carbonkit.factor;
    exports dev.carbonkit.calc;
    exports dev.carbonkit.credit;
    exports dev.carbonkit.credit.jdbc;
    exports dev.carbonkit.io;
    exports dev.carbonkit.audit;
}
