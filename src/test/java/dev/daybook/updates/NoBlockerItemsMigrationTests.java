package dev.daybook.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.daybook.testkit.DatabaseAvailable;
import dev.daybook.testkit.TestDatabase;

/**
 * Upgrading a database that holds updates written before "none" meant no blocker: the "none" items
 * go, the updates keep that they had a Blockers part, real blockers stay.
 */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
class NoBlockerItemsMigrationTests {

    @Test
    void noneItemsWrittenBeforeAreNoLongerBlockersAndStillSayThePartWasThere() throws SQLException {
        TestDatabase database = TestDatabase.current();
        String schema = "upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
             Statement sql = connection.createStatement()) {
            sql.execute("create schema " + schema);
        }
        Flyway at = flyway(database, schema, MigrationVersion.fromVersion("11"));
        at.migrate();
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
             Statement sql = connection.createStatement()) {
            sql.execute("set schema " + (database.isPostgres() ? "'" + schema + "'" : schema));
            sql.execute("insert into project (id, team_id, channel_id, name, default_category, share_mode, archived, "
                    + "created_at) values (1, 'T1', 'C1', 'acme', 'CORE', 'CHANNEL', false, current_timestamp)");
            for (int id = 1; id <= 2; id++) {
                sql.execute("insert into daily_update (id, team_id, project_id, user_id, work_day, source, revision, "
                        + "filed_late, created_at, updated_at) values (" + id + ", 'T1', 1, 'U1', date '2026-11-2" + id
                        + "', 'SLASH_COMMAND', 1, false, current_timestamp, current_timestamp)");
            }
            item(sql, 1, 1, 0, "UPDATE", "trained the model");
            item(sql, 2, 1, 1, "BLOCKER", "None.");
            item(sql, 3, 2, 0, "UPDATE", "tuned it");
            item(sql, 4, 2, 1, "BLOCKER", "need the label guide");
            item(sql, 5, 2, 2, "BLOCKER", "暂无");
        }

        flyway(database, schema, MigrationVersion.LATEST).migrate();

        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
             Statement sql = connection.createStatement()) {
            sql.execute("set schema " + (database.isPostgres() ? "'" + schema + "'" : schema));
            assertThat(strings(sql, "select text from update_item where section = 'BLOCKER' order by id"))
                    .containsExactly("need the label guide");
            assertThat(strings(sql, "select cast(blockers_stated as varchar) from daily_update order by id"))
                    .allMatch(v -> v.equalsIgnoreCase("true"));
            sql.execute("drop schema " + schema + " cascade");
        }
    }

    private static Flyway flyway(TestDatabase database, String schema, MigrationVersion target) {
        return Flyway.configure().dataSource(database.url(), database.username(), database.password())
                .schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + (database.isPostgres()
                        ? "postgresql" : "h2"))
                .target(target).load();
    }

    private static void item(Statement sql, int id, int update, int position, String section, String text)
            throws SQLException {
        sql.execute("insert into update_item (id, update_id, team_id, position, section, text, category, "
                + "category_tagged, hours) values (" + id + ", " + update + ", 'T1', " + position + ", '" + section
                + "', '" + text + "', 'CORE', false, null)");
    }

    private static List<String> strings(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
