package dev.daybook.projects;

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
 * Upgrading a database from before leads (V20, the last before them): a project is led by the author of its oldest update; a
 * project with no update has no lead (its workspace's admins and owners name one).
 */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
class ProjectLeadsMigrationTests {

    @Test
    void theAuthorOfAProjectsOldestUpdateLeadsIt() throws SQLException {
        TestDatabase database = TestDatabase.current();
        String schema = "leads_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
             Statement sql = connection.createStatement()) {
            sql.execute("create schema " + schema);
        }
        flyway(database, schema, MigrationVersion.fromVersion("20")).migrate();
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
             Statement sql = connection.createStatement()) {
            sql.execute("set schema " + (database.isPostgres() ? "'" + schema + "'" : schema));
            for (int id = 1; id <= 2; id++) {
                sql.execute("insert into project (id, team_id, channel_id, name, default_category, share_mode, archived, "
                        + "created_at) values (" + id + ", 'T1', 'C" + id + "', 'p" + id + "', 'CORE', 'CHANNEL', false, "
                        + "timestamp '2026-11-01 09:00:00')");
            }
            update(sql, 1, "ULATER", "2026-11-24", "2026-11-24 17:00:00");
            update(sql, 2, "UFIRST", "2026-11-23", "2026-11-23 17:00:00");
            update(sql, 3, "ULATER", "2026-11-23", "2026-11-23 18:00:00");
        }

        flyway(database, schema, MigrationVersion.LATEST).migrate();

        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
             Statement sql = connection.createStatement()) {
            sql.execute("set schema " + (database.isPostgres() ? "'" + schema + "'" : schema));
            assertThat(strings(sql, "select coalesce(created_by, '-') from project order by id")).containsExactly("UFIRST", "-");
            assertThat(strings(sql, "select project_id || ':' || user_id || ':' || coalesce(named_by, 'creator') from project_lead"))
                    .containsExactly("1:UFIRST:creator");
            sql.execute("drop schema " + schema + " cascade");
        }
    }

    private static void update(Statement sql, int id, String user, String day, String at) throws SQLException {
        sql.execute("insert into daily_update (id, team_id, project_id, user_id, work_day, source, revision, filed_late, "
                + "created_at, updated_at) values (" + id + ", 'T1', 1, '" + user + "', date '" + day + "', 'SLASH_COMMAND', 1, "
                + "false, timestamp '" + at + "', timestamp '" + at + "')");
    }

    private static Flyway flyway(TestDatabase database, String schema, MigrationVersion target) {
        return Flyway.configure().dataSource(database.url(), database.username(), database.password())
                .schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + (database.isPostgres()
                        ? "postgresql" : "h2"))
                .target(target).load();
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
