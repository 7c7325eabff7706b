package dev.daybook.runs;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.daybook.support.InsertIfAbsent;

/** The {@code tracking_server} table: at most one MLflow server per project. */
@Repository
class TrackingServers {

    private final JdbcClient jdbc;
    private final InsertIfAbsent inserts;

    TrackingServers(JdbcClient jdbc, InsertIfAbsent inserts) {
        this.jdbc = jdbc;
        this.inserts = inserts;
    }

    Optional<TrackingServer> find(String teamId, long projectId) {
        return jdbc.sql("select url, token from tracking_server where team_id = ? and project_id = ?")
                .params(teamId, projectId)
                .query((rs, n) -> new TrackingServer(rs.getString(1), rs.getString(2)))
                .optional();
    }

    void save(String teamId, long projectId, TrackingServer server) {
        if (server == null) {
            jdbc.sql("delete from tracking_server where team_id = ? and project_id = ?").params(teamId, projectId).update();
            return;
        }
        if (!inserts.insert("insert into tracking_server (team_id, project_id, url, token) values (?, ?, ?, ?)",
                teamId, projectId, server.url(), server.token())) {
            jdbc.sql("update tracking_server set url = ?, token = ? where team_id = ? and project_id = ?")
                    .params(server.url(), server.token(), teamId, projectId).update();
        }
    }

    void deleteWorkspace(String teamId) {
        jdbc.sql("delete from tracking_server where team_id = ?").param(teamId).update();
    }
}
