package dev.daybook.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.daybook.support.Timestamps;

/**
 * API tokens scoped to one project, for training scripts. Only a SHA-256 hash is stored: the token is
 * shown once, when it is created, and cannot be read back.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "dbk_";
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
        return jdbc.sql("select team_id, project_id from api_token where token_hash = ?")
                .param(hash(token))
                .query((rs, n) -> new ApiCaller(rs.getString(1), rs.getLong(2)))
                .optional();
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
