package dev.daybook.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.daybook.testkit.DatabaseAvailable;
import dev.daybook.testkit.SyntheticRows;
import dev.daybook.testkit.TestDatabase;

/**
 * Upgrading Daybook: a database at the previous release's schema, with a row in every table, is
 * migrated to the latest schema by Flyway, as the new release does at start, and keeps its data.
 */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
class UpgradeTests {

    @Test
    void aDatabaseOfThePreviousSchemaWithARecordOfEveryKindMigratesToTheLatestAndKeepsIt() throws SQLException {
        TestDatabase database = TestDatabase.current();
        String schema = "upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection connection = connect(database); Statement sql = connection.createStatement()) {
            sql.execute("create schema " + schema);
        }
        try {
            MigrationVersion previous = previousVersion(database, schema);
            flyway(database, schema, previous).migrate();

            Map<String, Long> before;
            try (Connection connection = connect(database)) {
                Set<String> skip = new HashSet<>(Arrays.asList("flyway_schema_history"));
                skip.addAll(tables(connection, schema).keySet().stream().filter(t -> t.startsWith("qrtz_")).toList());
                SyntheticRows.fillEmptyTables(connection, schema, skip);
                before = tables(connection, schema);
            }
            before.entrySet().removeIf(e -> e.getKey().startsWith("qrtz_") || e.getKey().equals("flyway_schema_history"));
            assertThat(before.values()).as("a row in every table of the previous schema").allMatch(n -> n > 0);

            var result = flyway(database, schema, MigrationVersion.LATEST).migrate();
            assertThat(result.success).isTrue();

            try (Connection connection = connect(database)) {
                Map<String, Long> after = tables(connection, schema);
                before.forEach((table, rows) -> assertThat(after.get(table)).as("rows of %s after the upgrade", table)
                        .isGreaterThanOrEqualTo(rows));
            }
        } finally {
            try (Connection connection = connect(database); Statement sql = connection.createStatement()) {
                sql.execute("drop schema " + schema + " cascade");
            }
        }
    }

    /** The version before the newest migration: the schema the previous release left. */
    private static MigrationVersion previousVersion(TestDatabase database, String schema) {
        MigrationInfo[] all = flyway(database, schema, MigrationVersion.LATEST).info().all();
        assertThat(all.length).isGreaterThan(1);
        return all[all.length - 2].getVersion();
    }

    private static Map<String, Long> tables(Connection connection, String schema) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE", "BASE TABLE"});
             Statement sql = connection.createStatement()) {
            while (rows.next()) {
                String table = rows.getString("TABLE_NAME");
                try (ResultSet count = sql.executeQuery("select count(*) from \"" + schema + "\".\"" + table + "\"")) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        }
        return counts;
    }

    private static Connection connect(TestDatabase database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.username(), database.password());
    }

    private static Flyway flyway(TestDatabase database, String schema, MigrationVersion target) {
        return Flyway.configure().dataSource(database.url(), database.username(), database.password())
                .schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + (database.isPostgres()
                        ? "postgresql" : "h2"))
                .target(target).load();
    }
}
