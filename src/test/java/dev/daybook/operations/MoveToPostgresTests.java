package dev.daybook.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.digest.Digests;
import dev.daybook.digest.IsoWeek;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SyntheticRows;
import dev.daybook.testkit.TestDatabase;

/**
 * From the trial to production: a team's H2 database, with a record of every kind Daybook keeps,
 * copied into an empty PostgreSQL database by {@code java -jar daybook.jar migrate-to-postgres}.
 */
class MoveToPostgresTests extends SlackAppTest {

    @Autowired
    Digests digests;

    @Autowired
    ProjectDirectory projects;

    @Test
    void everyTableOfATrialDatabaseIsCopiedWithItsCountsAndIdsContinueAfterIt() throws Exception {
        TestDatabase trial = TestDatabase.current();
        assumeTrue(!trial.isPostgres(), "the source of the move is H2");
        TestDatabase production = TestDatabase.freshPostgres();
        assumeTrue(production.available() || TestDatabase.postgresRequired(), "no PostgreSQL server answers");
        assertThat(production.available()).as(production.unavailableBecause()).isTrue();
        try {
            aTeamsHistory();
            aRowInEveryOtherTable(trial);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = Commands.run(new String[] {"migrate-to-postgres", "--from", trial.url(), "--from-user", trial.username(),
                    "--from-password", trial.password(), "--to", production.url(), "--to-user", production.username(),
                    "--to-password", production.password()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("every count matches");

            Map<String, Long> there = counts(production);
            Map<String, Long> empty = new TreeMap<>(there);
            empty.values().removeIf(n -> n > 0);
            // Every kind of record made it; only those no test flow leaves behind may be empty.
            assertThat(empty.keySet()).as("tables without rows").isSubsetOf(LEFT_EMPTY);
            assertThat(there).containsKeys("project", "daily_update", "update_item", "update_revision", "person",
                    "blocker", "experiment_run", "run_source", "client_goal", "digest_link", "slack_delivery");

            // New rows in production get ids after the copied ones.
            try (Connection pg = DriverManager.getConnection(production.url(), production.username(), production.password());
                 Statement sql = pg.createStatement()) {
                long maxId = single(sql, "select max(id) from project");
                sql.execute("insert into project (team_id, channel_id, name, default_category, share_mode, archived, created_at) "
                        + "values ('T0MOVED', 'C0MOVED', 'moved', 'CORE', 'CHANNEL', false, current_timestamp)");
                assertThat(single(sql, "select id from project where team_id = 'T0MOVED'")).isGreaterThan(maxId);
                // Items are numbered by a sequence of their own (handed out fifty at a time): it continues too.
                long maxItem = single(sql, "select max(id) from update_item");
                assertThat(single(sql, "select nextval('update_item_seq')")).isGreaterThan(maxItem);
            }
        } finally {
            production.drop();
            removeSyntheticRows(trial);
        }
    }

    @Test
    void aDatabaseThatIsNotEmptyIsRefusedAndNothingIsWritten() throws Exception {
        TestDatabase trial = TestDatabase.current();
        assumeTrue(!trial.isPostgres(), "the source of the move is H2");
        TestDatabase production = TestDatabase.freshPostgres();
        assumeTrue(production.available() || TestDatabase.postgresRequired(), "no PostgreSQL server answers");
        try (Connection pg = DriverManager.getConnection(production.url(), production.username(), production.password());
             Statement sql = pg.createStatement()) {
            sql.execute("create table something_else (id int)");
            assertThatThrownBy(() -> MoveToPostgres.copy(
                    new MoveToPostgres.Database(trial.url(), trial.username(), trial.password()),
                    new MoveToPostgres.Database(production.url(), production.username(), production.password()),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                    .hasMessageContaining("not empty").hasMessageContaining("something_else");
            assertThat(single(sql, "select count(*) from information_schema.tables where table_schema = 'public'"))
                    .isEqualTo(1);
        } finally {
            production.drop();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(Commands.run(new String[] {"migrate-to-postgres", "--from", "jdbc:h2:mem:x"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--from and --to are required");
    }

    /**
     * Tables a synthetic row must not be put in while the shared application runs: its outbox and
     * Quartz would pick them up. Everything else gets a row.
     */
    private static final java.util.Set<String> LEFT_EMPTY = java.util.Set.of("event_publication",
            "event_publication_archive", "qrtz_blob_triggers", "qrtz_calendars", "qrtz_cron_triggers",
            "qrtz_fired_triggers", "qrtz_paused_trigger_grps", "qrtz_scheduler_state", "qrtz_simprop_triggers",
            "qrtz_locks", "qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers");

    private static void aRowInEveryOtherTable(TestDatabase trial) throws SQLException {
        try (Connection h2 = DriverManager.getConnection(trial.url(), trial.username(), trial.password())) {
            SyntheticRows.fillEmptyTables(h2, "public", LEFT_EMPTY);
        }
    }

    private static void removeSyntheticRows(TestDatabase trial) {
        try (Connection h2 = DriverManager.getConnection(trial.url(), trial.username(), trial.password())) {
            SyntheticRows.remove(h2, "public");
        } catch (SQLException ignored) {
            // best effort: the rows belong to a workspace no other test uses
        }
    }

    /** Updates with runs, metrics, goals and blockers, a verification, a token, a summary link, time away. */
    private void aTeamsHistory() {
        String channel = newChannel();
        String ada = newUser();
        String bob = newUser();
        String name = "move-" + channel.toLowerCase();
        slack.user(ada, "Ada Lovelace", "UTC").user(bob, "Bob Builder", "UTC");
        slackRequests.command("/daybook", "goals add f1 | val F1 >= 0.9 | the client's target", channel, name, ada);
        slackRequests.command("/update", "Update: baseline run:abc123 val_f1=0.87 #f1 [core 2h] Next: tune it "
                + "Blockers: need the label guide", channel, name, ada);
        slackRequests.command("/update", "Update: set up the GPU box [adjacent] Next: more", channel, name, bob);
        slack.awaitPosted(channel, 2);
        slackRequests.command("/daybook", "away tomorrow", channel, name, bob);
        var project = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
        digests.newLink(project, IsoWeek.parse("2026-W48").orElseThrow());
    }

    private static Map<String, Long> counts(TestDatabase database) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
             Statement sql = connection.createStatement()) {
            for (String table : MoveToPostgres.tablesInForeignKeyOrder(connection)) {
                counts.put(table, single(sql, "select count(*) from \"" + table + "\""));
            }
        }
        return counts;
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
