package dev.daybook.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes history straight into Daybook's tables (after Daybook's Flyway has created them): projects,
 * people, and for each person one update with five items and its revision on every working day.
 * Writing years of history through Slack would take longer than the benchmark itself.
 */
final class Seeder implements AutoCloseable {

    static final String TEAM = SlackStandIn.TEAM_ID;

    private static final String[][] ITEMS = {
            {"UPDATE", "cleaned the invoice texts; 12% of rows had mismatched currencies", "CORE", "3"},
            {"UPDATE", "ULMFiT baseline: val F1 0.87 (run mlflow:1a2b3c), BERT needs too much compute", "CORE", "2"},
            {"UPDATE", "read the label-noise paper", "ADJACENT", "1"},
            {"NEXT", "fix the currency mismatch, then rerun the baseline", "CORE", null},
            {"BLOCKER", "need the client's label guide for the \"other\" class", "CORE", null},
    };

    private final Connection connection;
    private final boolean postgresql;
    private final Timestamp now = Timestamp.from(Instant.now());
    private long nextUpdateId;
    private long nextItemId;
    private long nextRevisionId;

    Seeder(Databases database) throws SQLException {
        this.connection = database.connect();
        this.postgresql = database.kind().equals("PostgreSQL");
        connection.setAutoCommit(false);
        nextUpdateId = max("daily_update") + 1_000_000;
        nextItemId = max("update_item") + 1_000_000;
        nextRevisionId = max("update_revision") + 1_000_000;
    }

    /** A project channel; returns its id. */
    long project(String channelId, String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into project (team_id, channel_id, name, default_category, share_mode, archived, created_at)
                values (?, ?, ?, 'CORE', 'CHANNEL', false, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, TEAM);
            insert.setString(2, channelId);
            insert.setString(3, name);
            insert.setTimestamp(4, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * People whose profile is fresh (no Slack lookup needed), in UTC, working Monday to Friday, or every
     * day with {@code reminderAt} set and their settings saved (so reminders come to them even without updates).
     */
    void people(List<String> userIds, LocalTime reminderAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into person (team_id, user_id, display_name, time_zone, working_days, refreshed_at, created_at,
                                    reminder_time, settings_saved_at)
                values (?, ?, ?, 'UTC', ?, ?, ?, ?, ?)""")) {
            for (String user : userIds) {
                insert.setString(1, TEAM);
                insert.setString(2, user);
                insert.setString(3, "Person " + user);
                insert.setString(4, reminderAt == null ? "MON,TUE,WED,THU,FRI" : "MON,TUE,WED,THU,FRI,SAT,SUN");
                insert.setTimestamp(5, now);
                insert.setTimestamp(6, now);
                insert.setString(7, reminderAt == null ? null : reminderAt.toString());
                insert.setTimestamp(8, reminderAt == null ? null : now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        connection.commit();
    }

    /** One update a working day for each person in the project, from {@code first} to {@code last}; returns how many. */
    int updates(long projectId, String channelId, List<String> userIds, LocalDate first, LocalDate last) throws SQLException {
        int count = 0;
        try (PreparedStatement update = connection.prepareStatement("""
                insert into daily_update (id, team_id, project_id, user_id, work_day, source, revision, filed_late,
                                          created_at, updated_at)
                values (?, ?, ?, ?, ?, 'SLASH_COMMAND', 1, false, ?, ?)""");
             PreparedStatement item = connection.prepareStatement("""
                insert into update_item (id, update_id, team_id, position, section, text, category, category_tagged, hours)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement revision = connection.prepareStatement("""
                insert into update_revision (id, update_id, team_id, number, source, raw_text, channel_id, created_at)
                values (?, ?, ?, 1, 'SLASH_COMMAND', ?, ?, ?)""")) {
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                Timestamp at = Timestamp.from(day.atTime(17, 0).toInstant(ZoneOffset.UTC));
                for (String user : userIds) {
                    long id = nextUpdateId++;
                    update.setLong(1, id);
                    update.setString(2, TEAM);
                    update.setLong(3, projectId);
                    update.setString(4, user);
                    update.setObject(5, day);
                    update.setTimestamp(6, at);
                    update.setTimestamp(7, at);
                    update.addBatch();
                    for (int i = 0; i < ITEMS.length; i++) {
                        item.setLong(1, nextItemId++);
                        item.setLong(2, id);
                        item.setString(3, TEAM);
                        item.setInt(4, i);
                        item.setString(5, ITEMS[i][0]);
                        item.setString(6, ITEMS[i][1] + " (" + day + ")");
                        item.setString(7, ITEMS[i][2]);
                        item.setBoolean(8, ITEMS[i][3] != null);
                        item.setObject(9, ITEMS[i][3] == null ? null : Double.valueOf(ITEMS[i][3]));
                        item.addBatch();
                    }
                    revision.setLong(1, nextRevisionId++);
                    revision.setLong(2, id);
                    revision.setString(3, TEAM);
                    revision.setString(4, SlackTraffic.FIVE_ITEMS_COMMAND);
                    revision.setString(5, channelId);
                    revision.setTimestamp(6, at);
                    revision.addBatch();
                    count++;
                }
                if (count % 500 < userIds.size()) {
                    flush(update, item, revision);
                }
            }
            flush(update, item, revision);
        }
        return count;
    }

    private void flush(PreparedStatement... batches) throws SQLException {
        for (PreparedStatement batch : batches) {
            batch.executeBatch();
        }
        connection.commit();
    }

    /**
     * Moves the identity columns and the item sequence past the seeded ids, so that Daybook's own inserts never collide with
     * them; on PostgreSQL, then vacuums and analyzes, as a database that grew over years would have been,
     * so that autovacuum does not do it in the middle of a measurement.
     */
    void finish() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("alter table daily_update alter column id restart with " + (nextUpdateId + 1));
            // Items take their ids from a sequence (fifty at a time), not an identity column.
            s.execute("alter sequence update_item_seq restart with " + (nextItemId + 1));
            s.execute("alter table update_revision alter column id restart with " + (nextRevisionId + 1));
        }
        connection.commit();
        if (postgresql) {
            connection.setAutoCommit(true); // VACUUM runs outside a transaction
            try (Statement s = connection.createStatement()) {
                s.execute("vacuum analyze");
            }
            connection.setAutoCommit(false);
        }
    }

    private long max(String table) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("select coalesce(max(id), 0) from " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
