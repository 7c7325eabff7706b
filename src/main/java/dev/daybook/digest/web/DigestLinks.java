package dev.daybook.digest.web;

import dev.daybook.digest.IsoWeek;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.daybook.support.Timestamps;

/**
 * Links to summary web pages: a random token of 256 bits, of which only the SHA-256 hash is stored,
 * with an expiry and a revocation mark.
 */
@Repository
public class DigestLinks {

    /** What a valid link opens. */
    public record Target(String teamId, long projectId, IsoWeek week) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    DigestLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes a new link; returns its token, which is not kept anywhere but in the link itself. */
    public String create(String teamId, long projectId, IsoWeek week, Instant now, Instant expires) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("""
                insert into digest_link (team_id, project_id, iso_week, token_hash, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?)
                """, teamId, projectId, week.toString(), hash(token), Timestamps.of(now), Timestamps.of(expires));
        return token;
    }

    /** The summary a token opens at {@code now}; empty for a token that is unknown, expired or revoked. */
    public Optional<Target> open(String token, Instant now) {
        if (token == null || token.length() != 43 || !token.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        return jdbc.query("""
                select team_id, project_id, iso_week from digest_link
                 where token_hash = ? and revoked_at is null and expires_at > ?
                """, (rs, n) -> new Target(rs.getString(1), rs.getLong(2), IsoWeek.parse(rs.getString(3)).orElseThrow()),
                hash(token), Timestamps.of(now)).stream().findFirst();
    }

    /** Revokes every working link to the project's summaries; how many there were. */
    public int revokeAll(String teamId, long projectId, Instant now) {
        return jdbc.update("""
                update digest_link set revoked_at = ? where team_id = ? and project_id = ? and revoked_at is null and expires_at > ?
                """, Timestamps.of(now), teamId, projectId, Timestamps.of(now));
    }

    public void deleteWorkspace(String teamId) {
        jdbc.update("delete from digest_link where team_id = ?", teamId);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
