package dev.daybook.runs.tracking;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who in Slack an MLflow user is, per project ({@code mlflow_owner}), as written in the project's
 * settings. Matched ignoring case: MLflow user names are typed by people, and e-mails are kept in
 * lower case by the polling already.
 */
@Repository
public class MlflowOwners {

    /** One line of the mapping: the MLflow user as written, and a Slack user id or e-mail. */
    public record Mapping(String mlflowUser, String slackUser) {
    }

    private final JdbcClient jdbc;

    MlflowOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String key(String mlflowUser) {
        return mlflowUser.strip().toLowerCase(Locale.ROOT);
    }

    /** The project's mapping, in the order it was written. */
    public List<Mapping> of(String teamId, long projectId) {
        return jdbc.sql("select mlflow_user, slack_user from mlflow_owner where team_id = ? and project_id = ? order by position, id")
                .params(teamId, projectId).query((rs, n) -> new Mapping(rs.getString(1), rs.getString(2))).list();
    }

    /** Replaces the project's mapping (in the caller's transaction, so a form saves all of it or none). */
    public void replace(String teamId, long projectId, List<Mapping> mappings) {
        jdbc.sql("delete from mlflow_owner where team_id = ? and project_id = ?").params(teamId, projectId).update();
        int position = 0;
        for (Mapping mapping : mappings) {
            jdbc.sql("insert into mlflow_owner (team_id, project_id, mlflow_user, mlflow_key, slack_user, position) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(teamId, projectId, mapping.mlflowUser().strip(), key(mapping.mlflowUser()),
                            mapping.slackUser().strip(), position++).update();
        }
    }

    /** Who the MLflow user is in Slack for runs of this project, if the project says. */
    public Optional<String> slackUser(String teamId, long projectId, String mlflowUser) {
        return jdbc.sql("select slack_user from mlflow_owner where team_id = ? and project_id = ? and mlflow_key = ?")
                .params(teamId, projectId, key(mlflowUser)).query(String.class).optional();
    }
}
