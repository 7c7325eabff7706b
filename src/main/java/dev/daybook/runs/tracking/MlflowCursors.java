package dev.daybook.runs.tracking;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.daybook.support.InsertIfAbsent;
import dev.daybook.support.Timestamps;

/**
 * The experiments a project watches ({@code tracking_server.watched_experiments}) and where polling
 * each stands ({@code mlflow_cursor}): the latest end time of a run already recorded, and the latest
 * look's error, if it failed.
 */
@Repository
public class MlflowCursors {

    /** One watched experiment of a project. {@code lastEndTime} is in MLflow's milliseconds. */
    public record Cursor(String teamId, long projectId, String experimentId, long lastEndTime, String lastError,
                         Instant lastErrorAt, Instant polledAt) {
    }

    private final JdbcClient jdbc;
    private final InsertIfAbsent inserts;

    MlflowCursors(JdbcClient jdbc, InsertIfAbsent inserts) {
        this.jdbc = jdbc;
        this.inserts = inserts;
    }

    /** The experiment ids the project watches, in the order they were typed; empty without a server. */
    public List<String> watched(String teamId, long projectId) {
        String stored = jdbc.sql("select watched_experiments from tracking_server where team_id = ? and project_id = ?")
                .params(teamId, projectId).query(String.class).optional().orElse(null);
        return stored == null || stored.isBlank() ? List.of()
                : Arrays.stream(stored.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList();
    }

    /**
     * Sets the watched experiments (the project's server row must exist). An experiment newly watched
     * starts from {@code since}: runs that finished before it was named are not fetched. One no longer
     * watched loses its cursor, so naming it again later starts afresh.
     */
    public void watch(String teamId, long projectId, List<String> experimentIds, Instant since) {
        jdbc.sql("update tracking_server set watched_experiments = ? where team_id = ? and project_id = ?")
                .params(experimentIds.isEmpty() ? null : String.join(",", experimentIds), teamId, projectId).update();
        for (Cursor cursor : cursors(teamId, projectId)) {
            if (!experimentIds.contains(cursor.experimentId())) {
                jdbc.sql("delete from mlflow_cursor where team_id = ? and project_id = ? and experiment_id = ?")
                        .params(teamId, projectId, cursor.experimentId()).update();
            }
        }
        for (String id : experimentIds) {
            inserts.insert("insert into mlflow_cursor (team_id, project_id, experiment_id, last_end_time) values (?, ?, ?, ?)",
                    teamId, projectId, id, since.toEpochMilli());
        }
    }

    public List<Cursor> cursors(String teamId, long projectId) {
        return jdbc.sql("select team_id, project_id, experiment_id, last_end_time, last_error, last_error_at, polled_at "
                        + "from mlflow_cursor where team_id = ? and project_id = ? order by id")
                .params(teamId, projectId).query(MlflowCursors::cursor).list();
    }

    /** Every watched experiment of every project that has a tracking server, project by project. */
    public List<Cursor> all() {
        return jdbc.sql("""
                        select c.team_id, c.project_id, c.experiment_id, c.last_end_time, c.last_error, c.last_error_at, c.polled_at
                          from mlflow_cursor c join tracking_server s on s.team_id = c.team_id and s.project_id = c.project_id
                         where s.watched_experiments is not null
                         order by c.team_id, c.project_id, c.id
                        """).query(MlflowCursors::cursor).list();
    }

    /** A page was recorded: the next look asks for runs that ended after {@code endTime} (never moves back). */
    public void advance(String teamId, long projectId, String experimentId, long endTime, Instant now) {
        jdbc.sql("""
                        update mlflow_cursor set last_end_time = case when last_end_time > ? then last_end_time else ? end,
                               last_error = null, last_error_at = null, gone_at = null, polled_at = ?
                         where team_id = ? and project_id = ? and experiment_id = ?
                        """)
                .params(endTime, endTime, Timestamps.of(now), teamId, projectId, experimentId).update();
    }

    public void failed(String teamId, long projectId, String experimentId, String error, Instant now) {
        String kept = error.length() > 500 ? error.substring(0, 500) : error;
        jdbc.sql("update mlflow_cursor set last_error = ?, last_error_at = ?, polled_at = ? "
                        + "where team_id = ? and project_id = ? and experiment_id = ?")
                .params(kept, Timestamps.of(now), Timestamps.of(now), teamId, projectId, experimentId).update();
    }

    /**
     * MLflow says the experiment does not exist: noted like any failed look, and marked gone. True only
     * for the look that found it gone first (since it was watched, or since a look that worked), so
     * that its leads are told once per disappearance, however many looks and instances follow.
     */
    public boolean gone(String teamId, long projectId, String experimentId, String error, Instant now) {
        failed(teamId, projectId, experimentId, error, now);
        return jdbc.sql("update mlflow_cursor set gone_at = ? where team_id = ? and project_id = ? and experiment_id = ? "
                        + "and gone_at is null")
                .params(Timestamps.of(now), teamId, projectId, experimentId).update() == 1;
    }

    public void deleteWorkspace(String teamId) {
        jdbc.sql("delete from mlflow_run_ask where team_id = ?").param(teamId).update();
        jdbc.sql("delete from mlflow_owner where team_id = ?").param(teamId).update();
        jdbc.sql("delete from mlflow_cursor where team_id = ?").param(teamId).update();
    }

    private static Cursor cursor(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Cursor(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                instant(rs, 6), instant(rs, 7));
    }

    static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
