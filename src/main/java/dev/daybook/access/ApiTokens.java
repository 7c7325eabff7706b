package dev.daybook.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.daybook.support.Timestamps;

/**
 * API tokens scoped to one project, for training scripts. Only a SHA-256 hash is stored: the token is
 * shown once, when it is created, and cannot be read back. Each is listed with who created it, when,
 * and when it was last used, and can be revoked on its own; tokens die with their workspace's
 * uninstall and with their creator's access to the project.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "dbk_";
    /** Who created a token through the admin API rather than in Slack. */
    public static final String ADMIN = "api";
    /** Last use is written at most this often per token, so that reading is not a write each time. */
    static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    /** One token as it is listed: never the token itself, which is not stored. */
    public record TokenInfo(long id, String createdBy, Instant createdAt, Instant lastUsedAt) {
        public boolean createdByAdmin() {
            return ADMIN.equals(createdBy);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates a token for the project and returns it; this is the only time it is seen. */
    @Transactional
    public String create(String teamId, long projectId, String createdBy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("insert into api_token (team_id, project_id, token_hash, created_by, created_at) values (?, ?, ?, ?, ?)")
                .params(teamId, projectId, hash(token), createdBy, Timestamps.of(clock.instant()))
                .update();
        return token;
    }

    /** How many tokens the project has. */
    public int count(String teamId, long projectId) {
        return jdbc.sql("select count(*) from api_token where team_id = ? and project_id = ?")
                .params(teamId, projectId).query(Integer.class).single();
    }

    /** The project's tokens, oldest first. */
    public List<TokenInfo> list(String teamId, long projectId) {
        return jdbc.sql("select id, created_by, created_at, last_used_at from api_token where team_id = ? and project_id = ? order by created_at, id")
                .params(teamId, projectId)
                .query((rs, n) -> new TokenInfo(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4))))
                .list();
    }

    /** Revokes one of the project's tokens; false when the project has no such token. */
    @Transactional
    public boolean revokeOne(String teamId, long projectId, long tokenId) {
        return jdbc.sql("delete from api_token where team_id = ? and project_id = ? and id = ?")
                .params(teamId, projectId, tokenId).update() > 0;
    }

    /** The workspace uninstalled Daybook or revoked its token: every token of it stops at once. */
    @Transactional
    public int revokeWorkspace(String teamId) {
        return jdbc.sql("delete from api_token where team_id = ?").param(teamId).update();
    }

    /** Someone lost access to a project: the tokens they created for it stop. */
    @Transactional
    public int revokeCreatedBy(String teamId, long projectId, String userId) {
        return jdbc.sql("delete from api_token where team_id = ? and project_id = ? and created_by = ?")
                .params(teamId, projectId, userId).update();
    }

    /** The projects for which this person created tokens that still work. */
    public List<Long> projectsWithTokensBy(String teamId, String userId) {
        return jdbc.sql("select distinct project_id from api_token where team_id = ? and created_by = ?")
                .params(teamId, userId).query(Long.class).list();
    }

    /** Withdraws one token, for instance one that could not be shown to the person who created it. */
    @Transactional
    public void revoke(String token) {
        jdbc.sql("delete from api_token where token_hash = ?").param(hash(token)).update();
    }

    /** Withdraws every token of the project, effective at once (tokens are looked up on every request); returns how many. */
    @Transactional
    public int revokeAll(String teamId, long projectId) {
        return jdbc.sql("delete from api_token where team_id = ? and project_id = ?").params(teamId, projectId).update();
    }

    Optional<ApiCaller> caller(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        record Found(long id, ApiCaller caller) {
        }
        Optional<Found> found = jdbc.sql("select id, team_id, project_id from api_token where token_hash = ?")
                .param(hash(token))
                .query((rs, n) -> new Found(rs.getLong(1), new ApiCaller(rs.getString(2), rs.getLong(3))))
                .optional();
        found.ifPresent(f -> {
            Instant now = clock.instant();
            jdbc.sql("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                    .params(Timestamps.of(now), f.id(), Timestamps.of(now.minus(USE_RECORDED_EVERY)))
                    .update();
        });
        return found.map(Found::caller);
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    void deleteWorkspace(String teamId) {
        jdbc.sql("delete from api_token where team_id = ?").param(teamId).update();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
