package dev.daybook.goals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.daybook.support.InsertIfAbsent;
import dev.daybook.support.Timestamps;

/** The {@code client_goal} table; every query is scoped by workspace. */
@Repository
class Goals {

    private static final String COLUMNS =
            "id, team_id, project_id, slug, statement, client, metric_name, comparator, target, due_date, status, "
            + "reference_dataset, reference_split";

    private final JdbcClient jdbc;
    private final InsertIfAbsent inserts;

    Goals(JdbcClient jdbc, InsertIfAbsent inserts) {
        this.jdbc = jdbc;
        this.inserts = inserts;
    }

    List<GoalView> all(String teamId, long projectId) {
        return jdbc.sql("select " + COLUMNS + " from client_goal where team_id = ? and project_id = ? order by due_date, slug")
                .params(teamId, projectId).query(this::row).list();
    }

    Optional<GoalView> bySlug(String teamId, long projectId, String slug) {
        return jdbc.sql("select " + COLUMNS + " from client_goal where team_id = ? and project_id = ? and slug = ?")
                .params(teamId, projectId, slug).query(this::row).optional();
    }

    Optional<GoalView> byId(String teamId, long id) {
        return jdbc.sql("select " + COLUMNS + " from client_goal where team_id = ? and id = ?")
                .params(teamId, id).query(this::row).optional();
    }

    /** False when the project has a goal with this slug already. */
    boolean insert(String teamId, long projectId, GoalView goal, Instant now) {
        GoalTarget t = goal.target();
        return inserts.insert("""
                insert into client_goal (team_id, project_id, slug, statement, client, metric_name, comparator, target,
                                         due_date, status, created_at, updated_at, reference_dataset, reference_split)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, teamId, projectId, goal.slug(), goal.statement(), goal.client(), t == null ? null : t.metric(),
                t == null ? null : t.comparison().symbol(), t == null ? null : t.value(), goal.due(),
                goal.status().name(), Timestamps.of(now), Timestamps.of(now), goal.referenceDataset(),
                goal.referenceSplit());
    }

    void update(String teamId, long id, GoalView goal, Instant now) {
        GoalTarget t = goal.target();
        jdbc.sql("""
                        update client_goal set slug = ?, statement = ?, client = ?, metric_name = ?, comparator = ?,
                               target = ?, due_date = ?, status = ?, updated_at = ?, reference_dataset = ?,
                               reference_split = ?
                         where team_id = ? and id = ?
                        """)
                .params(goal.slug(), goal.statement(), goal.client(), t == null ? null : t.metric(),
                        t == null ? null : t.comparison().symbol(), t == null ? null : t.value(), goal.due(),
                        goal.status().name(), Timestamps.of(now), goal.referenceDataset(), goal.referenceSplit(),
                        teamId, id)
                .update();
    }

    void deleteWorkspace(String teamId) {
        jdbc.sql("delete from client_goal where team_id = ?").param(teamId).update();
    }

    private GoalView row(ResultSet rs, int n) throws SQLException {
        String metric = rs.getString("metric_name");
        GoalTarget target = metric == null ? null : new GoalTarget(metric,
                GoalTarget.Comparison.of(rs.getString("comparator")), rs.getDouble("target"));
        return new GoalView(rs.getLong("id"), rs.getString("team_id"), rs.getLong("project_id"), rs.getString("slug"),
                rs.getString("statement"), rs.getString("client"), target, rs.getObject("due_date", LocalDate.class),
                GoalStatus.valueOf(rs.getString("status")), rs.getString("reference_dataset"),
                rs.getString("reference_split"));
    }
}
