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
import dev.daybook.runs.comparison.ComparisonRule;
import dev.daybook.runs.comparison.Measurement;

/** The {@code experiment_run} and {@code run_metric} tables; every query is scoped by workspace. */
@Repository
class Runs {

    private static final String COLUMNS = """
            id, team_id, project_id, source, external_id, name, url, status, params, verification,
            verification_round, verified_by, dispute_reason, reported_by, reported_at, updated_at, started_at,
            finished_at, dataset, dataset_version, data_split, seed, code_version, comparable_by
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
                        limit ?
                        """)
                .params(teamId, projectId, Math.max(0, limit))
                .query(this::row).list());
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
                        select r.id, r.verification, r.verified_at, m.metric_value, %s
                          from run_metric m join experiment_run r on r.id = m.run_id
                         where r.team_id = ? and r.project_id = ? and m.metric_name = ?
                        """.formatted(MEASURED))
                .params(teamId, projectId, metric)
                .query((rs, n) -> metricRow(rs))
                .list();
    }

    /**
     * Like {@link #metricValues}, as things stood at {@code asOf}: each run's value of the metric and its
     * verification state then (with when that state began). Runs without a value by then are left out.
     */
    List<MetricRow> metricValuesAsOf(String teamId, long projectId, String metric, Instant asOf) {
        return jdbc.sql("""
                        select r.id, v.verification, v.changed_at, h.metric_value, %s
                          from run_metric_history h
                          join experiment_run r on r.id = h.run_id
                          join run_verification_history v on v.run_id = r.id
                         where r.team_id = ? and r.project_id = ? and h.metric_name = ?
                           and h.id = (select max(h2.id) from run_metric_history h2
                                        where h2.run_id = h.run_id and h2.metric_name = h.metric_name
                                          and h2.recorded_at <= ?)
                           and v.id = (select max(v2.id) from run_verification_history v2
                                        where v2.run_id = r.id and v2.changed_at <= ?)
                        """.formatted(MEASURED))
                .params(teamId, projectId, metric, Timestamps.of(asOf), Timestamps.of(asOf))
                .query((rs, n) -> metricRow(rs))
                .list();
    }

    /**
     * @param comparableAt when a teammate confirmed the run comparable with goals' references, or null
     */
    record MetricRow(long runId, Verification verification, Instant verifiedAt, double value, Measurement measured,
                     Instant comparableAt) {
    }

    private static final String MEASURED = "r.dataset, r.dataset_version, r.data_split, r.seed, r.code_version, r.comparable_at";

    private static MetricRow metricRow(ResultSet rs) throws SQLException {
        return new MetricRow(rs.getLong(1), Verification.valueOf(rs.getString(2)), instant(rs, 3), rs.getDouble(4),
                new Measurement(rs.getString(5), rs.getString(6), rs.getString(7), (Long) rs.getObject(8, Long.class),
                        rs.getString(9)), instant(rs, 10));
    }

    /** A teammate confirmed the run is comparable with the goals' references though measured otherwise. */
    void comparable(long runId, String by, Instant now) {
        jdbc.sql("update experiment_run set comparable_by = ?, comparable_at = ? where id = ?")
                .params(by, by == null ? null : Timestamps.of(now), runId).update();
    }

    /** A run's setup: what it was measured on and its params, for counting the seeds a setup was run with. */
    record Setup(long runId, ComparisonRule.Measured measured) {
    }

    /** The setups of the project's most recently updated runs. */
    List<Setup> setups(String teamId, long projectId, int limit) {
        return jdbc.sql("""
                        select id, dataset, dataset_version, data_split, seed, code_version, params
                          from experiment_run where team_id = ? and project_id = ?
                         order by updated_at desc, id desc limit ?
                        """)
                .params(teamId, projectId, limit)
                .query((rs, n) -> {
                    String params = rs.getString(7);
                    return new Setup(rs.getLong(1), new ComparisonRule.Measured(new Measurement(rs.getString(2),
                            rs.getString(3), rs.getString(4), (Long) rs.getObject(5, Long.class), rs.getString(6)),
                            params == null ? Map.of() : json.readValue(params, PARAMS)));
                })
                .list();
    }

    void describe(long runId, RunReport report, Instant now) {
        Measurement m = report.measured();
        jdbc.sql("""
                        update experiment_run set
                               name = coalesce(?, name), url = coalesce(?, url), status = coalesce(?, status),
                               started_at = coalesce(?, started_at), finished_at = coalesce(?, finished_at),
                               source = case when ? = 'run' then source else ? end, updated_at = ?,
                               dataset = coalesce(?, dataset), dataset_version = coalesce(?, dataset_version),
                               data_split = coalesce(?, data_split), seed = coalesce(?, seed),
                               code_version = coalesce(?, code_version)
                         where id = ?
                        """)
                .params(report.name(), report.url(), report.status(), ts(report.startedAt()), ts(report.finishedAt()),
                        report.source(), report.source(), Timestamps.of(now), m.dataset(), m.datasetVersion(),
                        m.split(), m.seed(), m.codeVersion(), runId)
                .update();
    }

    void params(long runId, Map<String, String> params) {
        jdbc.sql("update experiment_run set params = ? where id = ?")
                .params(params.isEmpty() ? null : json.writeValueAsString(new TreeMap<>(params)), runId).update();
    }

    /** Sets the run's current value of a metric, said by {@code sourceId}, and keeps it in the history. */
    void metric(String teamId, long runId, String name, double value, long sourceId, Instant now) {
        int updated = jdbc.sql("update run_metric set metric_value = ?, recorded_at = ? where run_id = ? and metric_name = ?")
                .params(value, Timestamps.of(now), runId, name).update();
        if (updated == 0) {
            jdbc.sql("insert into run_metric (run_id, team_id, metric_name, metric_value, recorded_at) values (?, ?, ?, ?, ?)")
                    .params(runId, teamId, name, value, Timestamps.of(now)).update();
        }
        history(teamId, runId, name, value, sourceId, now);
    }

    /** Whether the latest entry of the metric's history is this value. */
    boolean historyShows(long runId, String name, double value) {
        return jdbc.sql("""
                        select metric_value from run_metric_history where run_id = ? and metric_name = ?
                         order by recorded_at desc, id desc limit 1
                        """)
                .params(runId, name).query(Double.class).optional().filter(v -> v == value).isPresent();
    }

    void history(String teamId, long runId, String name, double value, long sourceId, Instant now) {
        jdbc.sql("""
                        insert into run_metric_history (run_id, team_id, metric_name, metric_value, recorded_at, source_id)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(runId, teamId, name, value, Timestamps.of(now), sourceId).update();
    }

    /** The run no longer has a value of this metric: nothing that is left says one. */
    void removeMetric(long runId, String name) {
        jdbc.sql("delete from run_metric where run_id = ? and metric_name = ?").params(runId, name).update();
    }

    // ---- sources: who said what about a run ----------------------------------------------------

    /** One source's value of one metric. */
    record Said(long sourceId, String origin, Long updateId, String person, String metric, Double value,
                Instant recordedAt) {
    }

    /** The source with this origin for the run, created when it is new; its id. */
    long source(String teamId, long runId, String origin, Long updateId, String person, Instant now) {
        inserts.insert("""
                insert into run_source (team_id, run_id, origin, update_id, reported_by, created_at)
                values (?, ?, ?, ?, ?, ?)
                """, teamId, runId, origin, updateId, person, Timestamps.of(now));
        return jdbc.sql("select id from run_source where run_id = ? and origin = ?").params(runId, origin)
                .query(Long.class).single();
    }

    /** Everything the run's sources say, one row per source and metric (a source that names no metric has one row without). */
    List<Said> said(long runId) {
        return jdbc.sql("""
                        select s.id, s.origin, s.update_id, s.reported_by, m.metric_name, m.metric_value, m.recorded_at
                          from run_source s left join run_source_metric m on m.source_id = s.id
                         where s.run_id = ?
                         order by s.created_at, s.id, m.metric_name
                        """)
                .param(runId)
                .query((rs, n) -> new Said(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class),
                        rs.getString(4), rs.getString(5), (Double) rs.getObject(6, Double.class), instant(rs, 7)))
                .list();
    }

    /** Sets what a source says of a metric; true when that changed it. An unchanged value keeps its time. */
    boolean sourceMetric(String teamId, long sourceId, String name, double value, Instant now) {
        int changed = jdbc.sql("""
                        update run_source_metric set metric_value = ?, recorded_at = ?
                         where source_id = ? and metric_name = ? and metric_value <> ?
                        """)
                .params(value, Timestamps.of(now), sourceId, name, value).update();
        if (changed > 0) {
            return true;
        }
        return inserts.insert("""
                insert into run_source_metric (source_id, team_id, metric_name, metric_value, recorded_at)
                values (?, ?, ?, ?, ?)
                """, sourceId, teamId, name, value, Timestamps.of(now));
    }

    /** The source no longer says this metric: its value, and the history of it, go. */
    void removeSourceMetric(long sourceId, String name) {
        jdbc.sql("delete from run_source_metric where source_id = ? and metric_name = ?").params(sourceId, name).update();
        jdbc.sql("delete from run_metric_history where source_id = ? and metric_name = ?").params(sourceId, name).update();
    }

    /** Withdraws a source with everything it said, its part of the history included. */
    void deleteSource(long sourceId) {
        jdbc.sql("delete from run_metric_history where source_id = ?").param(sourceId).update();
        jdbc.sql("delete from run_source where id = ?").param(sourceId).update();
    }

    /** The runs an update is a source of, as (source id, run id). */
    /** The updates that named the run, latest first. */
    List<Long> updatesNaming(String teamId, long runId) {
        return jdbc.sql("select update_id from run_source where team_id = ? and run_id = ? and update_id is not null"
                        + " order by created_at desc, id desc")
                .params(teamId, runId).query(Long.class).list();
    }

    List<long[]> sourcesOfUpdate(String teamId, long updateId) {
        return jdbc.sql("select id, run_id from run_source where team_id = ? and update_id = ? order by run_id")
                .params(teamId, updateId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
    }

    void reportedBy(long runId, String person) {
        jdbc.sql("update experiment_run set reported_by = ? where id = ?").params(person, runId).update();
    }

    void touch(long runId, Instant now) {
        jdbc.sql("update experiment_run set updated_at = ? where id = ?").params(Timestamps.of(now), runId).update();
    }

    /** Deletes a run nothing says anything about any more, with its metrics, history and sources. */
    void delete(long runId) {
        jdbc.sql("delete from run_metric_history where run_id = ?").param(runId).update();
        jdbc.sql("delete from run_verification_history where run_id = ?").param(runId).update();
        jdbc.sql("delete from run_metric where run_id = ?").param(runId).update();
        jdbc.sql("delete from run_source where run_id = ?").param(runId).update();
        jdbc.sql("delete from experiment_run where id = ?").param(runId).update();
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
        jdbc.sql("delete from run_source_metric where team_id = ?").param(teamId).update();
        jdbc.sql("delete from run_source where team_id = ?").param(teamId).update();
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
        List<Long> ids = runs.stream().map(RunView::id).toList();
        Map<Long, Map<String, Double>> metrics = new HashMap<>();
        jdbc.sql("select run_id, metric_name, metric_value from run_metric where run_id in (:ids) order by metric_name")
                .param("ids", ids)
                .query(rs -> {
                    metrics.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getDouble(3));
                });
        Map<Long, Map<Long, ValueReporters.Source>> sources = new HashMap<>();
        record Row(long runId, long sourceId, String person, String metric, Double value) {
        }
        jdbc.sql("""
                        select s.run_id, s.id, s.reported_by, m.metric_name, m.metric_value
                          from run_source s left join run_source_metric m on m.source_id = s.id
                         where s.run_id in (:ids) order by s.created_at, s.id
                        """)
                .param("ids", ids)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        (Double) rs.getObject(5, Double.class)))
                .list()
                .forEach(row -> sources.computeIfAbsent(row.runId(), k -> new LinkedHashMap<>())
                        .merge(row.sourceId(), new ValueReporters.Source(row.person(),
                                        row.metric() == null ? Map.of() : Map.of(row.metric(), row.value())),
                                (a, b) -> {
                                    Map<String, Double> both = new HashMap<>(a.metrics());
                                    both.putAll(b.metrics());
                                    return new ValueReporters.Source(a.person(), both);
                                }));
        return runs.stream().map(r -> {
            Map<String, Double> current = metrics.getOrDefault(r.id(), Map.of());
            List<ValueReporters.Source> said = List.copyOf(sources.getOrDefault(r.id(), Map.of()).values());
            return r.withValues(current, List.copyOf(ValueReporters.of(current, said)));
        }).toList();
    }

    private RunView row(ResultSet rs, int n) throws SQLException {
        String params = rs.getString("params");
        RunView.Tracked tracked = new RunView.Tracked(rs.getString("source"), rs.getString("external_id"),
                rs.getString("name"), rs.getString("url"), rs.getString("status"), instant(rs, "started_at"),
                instant(rs, "finished_at"));
        RunView.Check check = new RunView.Check(Verification.valueOf(rs.getString("verification")),
                rs.getInt("verification_round"), rs.getString("verified_by"), rs.getString("dispute_reason"),
                rs.getString("comparable_by"));
        RunView.Reported reported = new RunView.Reported(rs.getString("reported_by"), instant(rs, "reported_at"),
                instant(rs, "updated_at"));
        Measurement measured = new Measurement(rs.getString("dataset"), rs.getString("dataset_version"),
                rs.getString("data_split"), (Long) rs.getObject("seed", Long.class), rs.getString("code_version"));
        return new RunView(rs.getLong("id"), rs.getString("team_id"), rs.getLong("project_id"), tracked, Map.of(),
                params == null ? Map.of() : json.readValue(params, PARAMS), measured, check, reported, List.of());
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
