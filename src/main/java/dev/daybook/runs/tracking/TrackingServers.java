package dev.daybook.runs.tracking;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.daybook.support.InsertIfAbsent;
import dev.daybook.support.Secrets;
import dev.daybook.runs.TrackingServer;

/**
 * The {@code tracking_server} table: at most one MLflow server per project. The token is kept sealed
 * with {@link Secrets} (AES-256-GCM under {@code DAYBOOK_ENCRYPTION_KEY}, bound to the workspace).
 */
@Repository
public class TrackingServers {

    private final JdbcClient jdbc;
    private final InsertIfAbsent inserts;
    private final Secrets secrets;

    TrackingServers(JdbcClient jdbc, InsertIfAbsent inserts, Secrets secrets) {
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.secrets = secrets;
    }

    /**
     * The project's server. A stored token that no key opens (the key changed without the old one
     * listed, or none is set) is not an error here: the server comes back marked
     * {@link TrackingServer#tokenUnreadable()}, so that settings still open and say so.
     */
    public Optional<TrackingServer> find(String teamId, long projectId) {
        return jdbc.sql("select url, token from tracking_server where team_id = ? and project_id = ?")
                .params(teamId, projectId)
                .query((rs, n) -> {
                    String url = rs.getString(1);
                    String stored = rs.getString(2);
                    if (stored == null) {
                        return new TrackingServer(url, null);
                    }
                    return secrets.tryOpen(stored, teamId)
                            .map(token -> new TrackingServer(url, token))
                            .orElseGet(() -> new TrackingServer(url, null, true));
                })
                .optional();
    }

    /** Projects whose stored token no key opens, as (team, project id), for health details. */
    public List<String> needingToken() {
        return jdbc.sql("select team_id, project_id from tracking_server where token is not null "
                        + "and token_unreadable_at is not null order by team_id, project_id")
                .query((rs, n) -> rs.getString(1) + "/" + rs.getLong(2)).list();
    }

    public void save(String teamId, long projectId, TrackingServer server) {
        if (server == null) {
            // the watched experiments go with the server
            jdbc.sql("delete from mlflow_cursor where team_id = ? and project_id = ?").params(teamId, projectId).update();
            jdbc.sql("delete from tracking_server where team_id = ? and project_id = ?").params(teamId, projectId).update();
            return;
        }
        String token = server.token() == null ? null : secrets.seal(server.token(), teamId);
        if (!inserts.insert("insert into tracking_server (team_id, project_id, url, token) values (?, ?, ?, ?)",
                teamId, projectId, server.url(), token)) {
            jdbc.sql("update tracking_server set url = ?, token = ?, token_unreadable_at = null "
                            + "where team_id = ? and project_id = ?")
                    .params(server.url(), token, teamId, projectId).update();
        }
    }

    /**
     * Sets the server's address. Its token is kept (as stored, sealed or not) only when the address is
     * the same server's: a token is never sent to an address it was not given for.
     */
    public void saveAddress(String teamId, long projectId, String url) {
        if (!inserts.insert("insert into tracking_server (team_id, project_id, url, token) values (?, ?, ?, ?)",
                teamId, projectId, url, null)) {
            String stored = jdbc.sql("select url from tracking_server where team_id = ? and project_id = ? for update")
                    .params(teamId, projectId).query(String.class).single();
            if (sameAddress(stored, url)) {
                jdbc.sql("update tracking_server set url = ? where team_id = ? and project_id = ?")
                        .params(url, teamId, projectId).update();
            } else {
                jdbc.sql("update tracking_server set url = ?, token = null, token_unreadable_at = null "
                                + "where team_id = ? and project_id = ?")
                        .params(url, teamId, projectId).update();
            }
        }
    }

    /** Whether two addresses are the same server: case of the scheme and host, and a trailing slash, aside. */
    public static boolean sameAddress(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return canonical(a).equals(canonical(b));
    }

    private static String canonical(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url.strip());
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return (uri.getScheme() + "://" + uri.getRawAuthority()).toLowerCase(java.util.Locale.ROOT) + path;
        } catch (IllegalArgumentException e) {
            return url.strip();
        }
    }

    /** What a start did with the stored tokens. */
    public record Sealed(int sealed, int unreadable) {
    }

    /**
     * Seals tokens stored in plain text (before they were encrypted) or under a previous key. A token
     * no key opens is marked (its project must enter it again) instead of failing the start; one that
     * opens again has its mark cleared.
     */
    public Sealed sealStoredTokens(java.time.Instant now) {
        record Stored(long id, String teamId, String token, boolean marked) {
        }
        List<Stored> stored = jdbc.sql("select id, team_id, token, token_unreadable_at from tracking_server "
                        + "where token is not null")
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4) != null))
                .list();
        int sealed = 0;
        int unreadable = 0;
        for (Stored s : stored) {
            Optional<String> token = secrets.tryOpen(s.token(), s.teamId());
            if (token.isEmpty()) {
                unreadable++;
                if (!s.marked()) {
                    jdbc.sql("update tracking_server set token_unreadable_at = ? where id = ? and token = ?")
                            .params(java.sql.Timestamp.from(now), s.id(), s.token()).update();
                }
            } else if (secrets.needsSealing(s.token())) {
                sealed += jdbc.sql("update tracking_server set token = ?, token_unreadable_at = null where id = ? and token = ?")
                        .params(secrets.seal(token.get(), s.teamId()), s.id(), s.token())
                        .update();
            } else if (s.marked()) {
                jdbc.sql("update tracking_server set token_unreadable_at = null where id = ?").param(s.id()).update();
            }
        }
        return new Sealed(sealed, unreadable);
    }

    public void deleteWorkspace(String teamId) {
        jdbc.sql("delete from tracking_server where team_id = ?").param(teamId).update();
    }
}
