package dev.daybook.runs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.daybook.support.InsertIfAbsent;
import dev.daybook.support.Timestamps;

/** The {@code experiment_run} and {@code run_metric} tables; every query is scoped by workspace. */
@Repository
class Runs {

    private static final String COLUMNS = """
            id, team_id, project_id, source, external_id, name, url, status, params, verification,
            verification_round, verified_by, dispute_reason, reported_by, reported_at, updated_at, started_at,
            finished_at
            """;
    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final InsertIfAbsent inserts;
    private final JsonMapper json = JsonMapper.builder().build();

    Runs(JdbcClient jdbc, InsertIfAbsent inserts) {
        this.jdbc = jdbc;
        this.inserts = inserts;
    }

    /** Creates the run unless it exists; true when it was created. */
    boolean insertIfAbsent(String teamId, long projectId, String externalId, String source, String reportedBy,
                           Instant now) {
        return inserts.insert("""
                insert into experiment_run (team_id, project_id, external_id, source, reported_by, reported_at,
                                            updated_at, verification, verification_round, tracker_attempts)
                values (?, ?, ?, ?, ?, ?, ?, 'NOT_NEEDED', 0, 0)
                """, teamId, projectId, externalId, source, reportedBy, Timestamps.of(now), Timestamps.of(now));
    }

    /** The run, locked for the rest of the transaction, so concurrent reports of it apply one after the other. */
    Optional<RunView> lock(String teamId, long projectId, String externalId) {
        return jdbc.sql("select " + COLUMNS + " from experiment_run where team_id = ? and project_id = ? and external_id = ? for update")
                .params(teamId, projectId, externalId)
                .query(this::row).optional().map(this::withMetrics);
    }

    Optional<RunView> lock(String teamId, long runId) {
        return jdbc.sql("select " + COLUMNS + " from experiment_run where team_id = ? and id = ? for update")
                .params(teamId, runId)
                .query(this::row).optional().map(this::withMetrics);
    }

    Optional<RunView> find(String teamId, long runId) {
        return jdbc.sql("select " + COLUMNS + " from experiment_run where team_id = ? and id = ?")
                .params(teamId, runId)
                .query(this::row).optional().map(this::withMetrics);
    }

    Optional<RunView> find(String teamId, long projectId, String externalId) {
        return jdbc.sql("select " + COLUMNS + " from experiment_run where team_id = ? and project_id = ? and external_id = ?")
                .params(teamId, projectId, externalId)
                .query(this::row).optional().map(this::withMetrics);
    }

    List<RunView> recent(String teamId, long projectId, int limit) {
        return withMetrics(jdbc.sql("select " + COLUMNS + """
                         from experiment_run where team_id = ? and project_id = ?
                        order by updated_at desc, id desc
                        """)
                .params(teamId, projectId)
                .query(this::row).list().stream().limit(limit).toList());
    }

    List<RunView> between(String teamId, long projectId, Instant from, Instant to) {
        return withMetrics(jdbc.sql("select " + COLUMNS + """
                         from experiment_run where team_id = ? and project_id = ?
                          and ((reported_at >= ? and reported_at < ?) or (updated_at >= ? and updated_at < ?))
                        order by updated_at desc, id desc
                        """)
                .params(teamId, projectId, Timestamps.of(from), Timestamps.of(to), Timestamps.of(from), Timestamps.of(to))
                .query(this::row).list());
    }

    /** Every value of a metric in a project, with the run's state; for "best so far" and "best verified". */
    List<MetricRow> metricValues(String teamId, long projectId, String metric) {
        return jdbc.sql("""
                        select r.id, r.verification, r.verified_at, m.metric_value
                          from run_metric m join experiment_run r on r.id = m.run_id
                         where r.team_id = ? and r.project_id = ? and m.metric_name = ?
                        """)
                .params(teamId, projectId, metric)
                .query((rs, n) -> new MetricRow(rs.getLong(1), Verification.valueOf(rs.getString(2)),
                        instant(rs, 3), rs.getDouble(4)))
                .list();
    }

    /**
     * Like {@link #metricValues}, as things stood at {@code asOf}: each run's value of the metric and its
     * verification state then (with when that state began). Runs without a value by then are left out.
     */
    List<MetricRow> metricValuesAsOf(String teamId, long projectId, String metric, Instant asOf) {
        return jdbc.sql("""
                        select r.id, v.verification, v.changed_at, h.metric_value
                          from run_metric_history h
                          join experiment_run r on r.id = h.run_id
                          join run_verification_history v on v.run_id = r.id
                         where r.team_id = ? and r.project_id = ? and h.metric_name = ?
                           and h.id = (select max(h2.id) from run_metric_history h2
                                        where h2.run_id = h.run_id and h2.metric_name = h.metric_name
                                          and h2.recorded_at <= ?)
                           and v.id = (select max(v2.id) from run_verification_history v2
                                        where v2.run_id = r.id and v2.changed_at <= ?)
                        """)
                .params(teamId, projectId, metric, Timestamps.of(asOf), Timestamps.of(asOf))
                .query((rs, n) -> new MetricRow(rs.getLong(1), Verification.valueOf(rs.getString(2)),
                        instant(rs, 3), rs.getDouble(4)))
                .list();
    }

    record MetricRow(long runId, Verification verification, Instant verifiedAt, double value) {
    }

    void describe(long runId, RunReport report, Instant now) {
        jdbc.sql("""
                        update experiment_run set
                               name = coalesce(?, name), url = coalesce(?, url), status = coalesce(?, status),
                               started_at = coalesce(?, started_at), finished_at = coalesce(?, finished_at),
                               source = case when ? = 'run' then source else ? end,
                               reported_by = coalesce(reported_by, ?), updated_at = ?
                         where id = ?
                        """)
                .params(report.name(), report.url(), report.status(), ts(report.startedAt()), ts(report.finishedAt()),
                        report.source(), report.source(), report.reportedBy(), Timestamps.of(now), runId)
                .update();
    }

    void params(long runId, Map<String, String> params) {
        jdbc.sql("update experiment_run set params = ? where id = ?")
                .params(params.isEmpty() ? null : json.writeValueAsString(new TreeMap<>(params)), runId).update();
    }

    void metric(String teamId, long runId, String name, double value, Instant now) {
        int updated = jdbc.sql("update run_metric set metric_value = ?, recorded_at = ? where run_id = ? and metric_name = ?")
                .params(value, Timestamps.of(now), runId, name).update();
        if (updated == 0) {
            jdbc.sql("insert into run_metric (run_id, team_id, metric_name, metric_value, recorded_at) values (?, ?, ?, ?, ?)")
                    .params(runId, teamId, name, value, Timestamps.of(now)).update();
        }
        jdbc.sql("insert into run_metric_history (run_id, team_id, metric_name, metric_value, recorded_at) values (?, ?, ?, ?, ?)")
                .params(runId, teamId, name, value, Timestamps.of(now)).update();
    }

    void verification(long runId, Verification state, int round, String by, String reason, Instant now) {
        jdbc.sql("""
                        update experiment_run set verification = ?, verification_round = ?, verified_by = ?,
                               verified_at = ?, dispute_reason = ?
                         where id = ?
                        """)
                .params(state.name(), round, by, by == null ? null : Timestamps.of(now), reason, runId)
                .update();
        jdbc.sql("""
                        insert into run_verification_history (run_id, team_id, verification, changed_at)
                        select id, team_id, ?, ? from experiment_run where id = ?
                        """)
                .params(state.name(), Timestamps.of(now), runId)
                .update();
    }

    int trackerAttempt(long runId) {
        jdbc.sql("update experiment_run set tracker_attempts = tracker_attempts + 1 where id = ?").params(runId).update();
        return jdbc.sql("select tracker_attempts from experiment_run where id = ?").params(runId).query(Integer.class).single();
    }

    void trackerFetched(long runId, Instant now) {
        jdbc.sql("update experiment_run set tracker_fetched_at = ?, tracker_attempts = 0 where id = ?")
                .params(Timestamps.of(now), runId).update();
    }

    void deleteWorkspace(String teamId) {
        jdbc.sql("delete from run_metric_history where team_id = ?").param(teamId).update();
        jdbc.sql("delete from run_verification_history where team_id = ?").param(teamId).update();
        jdbc.sql("delete from run_metric where team_id = ?").param(teamId).update();
        jdbc.sql("delete from experiment_run where team_id = ?").param(teamId).update();
    }

    private RunView withMetrics(RunView run) {
        return withMetrics(List.of(run)).get(0);
    }

    private List<RunView> withMetrics(List<RunView> runs) {
        if (runs.isEmpty()) {
            return runs;
        }
        Map<Long, Map<String, Double>> metrics = new HashMap<>();
        jdbc.sql("select run_id, metric_name, metric_value from run_metric where run_id in (:ids) order by metric_name")
                .param("ids", runs.stream().map(RunView::id).toList())
                .query(rs -> {
                    metrics.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getDouble(3));
                });
        return runs.stream().map(r -> new RunView(r.id(), r.teamId(), r.projectId(), r.source(), r.externalId(),
                r.name(), r.url(), r.status(), metrics.getOrDefault(r.id(), Map.of()), r.params(), r.verification(),
                r.verificationRound(), r.verifiedBy(), r.disputeReason(), r.reportedBy(), r.reportedAt(),
                r.updatedAt(), r.startedAt(), r.finishedAt())).toList();
    }

    private RunView row(ResultSet rs, int n) throws SQLException {
        String params = rs.getString("params");
        return new RunView(rs.getLong("id"), rs.getString("team_id"), rs.getLong("project_id"), rs.getString("source"),
                rs.getString("external_id"), rs.getString("name"), rs.getString("url"), rs.getString("status"),
                Map.of(), params == null ? Map.of() : json.readValue(params, PARAMS),
                Verification.valueOf(rs.getString("verification")), rs.getInt("verification_round"),
                rs.getString("verified_by"), rs.getString("dispute_reason"), rs.getString("reported_by"),
                instant(rs, "reported_at"), instant(rs, "updated_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : Timestamps.of(instant);
    }
}
