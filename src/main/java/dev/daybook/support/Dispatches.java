package dev.daybook.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages the scheduler sends to a person at most once per (person, day, kind): a reminder, a
 * follow-up, a planning note. The row is inserted in the same transaction that publishes the work,
 * so of several instances deciding at the same moment exactly one publishes it (as a
 * {@link ScheduledMessageDue}); the Slack edge records how it ended ({@link #finish}).
 */
@Component
public class Dispatches {

    private final InsertIfAbsent inserts;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Dispatches(InsertIfAbsent inserts, JdbcTemplate jdbc, Clock clock) {
        this.inserts = inserts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the decision to send; the id when this call made it, empty when it had been made before. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> record(String teamId, String userId, LocalDate day, String kind, Instant dueAt) {
        boolean inserted = inserts.insert("""
                insert into scheduled_dispatch (team_id, user_id, dispatch_day, kind, due_at, created_at)
                values (?, ?, ?, ?, ?, ?)
                """, teamId, userId, day, kind, Timestamps.of(dueAt), Timestamps.of(clock.instant()));
        if (!inserted) {
            return Optional.empty();
        }
        return Optional.of(jdbc.queryForObject("""
                select id from scheduled_dispatch where team_id = ? and user_id = ? and dispatch_day = ? and kind = ?
                """, Long.class, teamId, userId, day, kind));
    }

    /** Whether the decision to send this was made already (sent or not). */
    @Transactional(readOnly = true)
    public boolean exists(String teamId, String userId, LocalDate day, String kind) {
        Integer count = jdbc.queryForObject("""
                select count(*) from scheduled_dispatch
                 where team_id = ? and user_id = ? and dispatch_day = ? and kind = ?
                """, Integer.class, teamId, userId, day, kind);
        return count != null && count > 0;
    }

    /** The kinds recorded for a person's day. */
    @Transactional(readOnly = true)
    public List<String> kinds(String teamId, String userId, LocalDate day) {
        return jdbc.queryForList("""
                select kind from scheduled_dispatch where team_id = ? and user_id = ? and dispatch_day = ? order by id
                """, String.class, teamId, userId, day);
    }

    /** The dispatch is done: {@code outcome} says how (sent, skipped, refused). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void finish(long id, String outcome) {
        jdbc.update("update scheduled_dispatch set finished_at = ?, outcome = ? where id = ?",
                Timestamps.of(clock.instant()), outcome, id);
    }

    /** How a dispatch ended, if it did: {@code sent}, {@code skipped}, ... */
    @Transactional(readOnly = true)
    public Optional<String> outcome(String teamId, String userId, LocalDate day, String kind) {
        return jdbc.queryForList("""
                select outcome from scheduled_dispatch
                 where team_id = ? and user_id = ? and dispatch_day = ? and kind = ? and finished_at is not null
                """, String.class, teamId, userId, day, kind).stream().findFirst();
    }

    /** Every decision recorded for days from {@code day} on, as {@link #key} strings, to check many people at once. */
    @Transactional(readOnly = true)
    public Set<String> recordedSince(LocalDate day) {
        Set<String> keys = new HashSet<>();
        jdbc.query("select team_id, user_id, dispatch_day, kind from scheduled_dispatch where dispatch_day >= ?",
                (java.sql.ResultSet rs) -> {
                    keys.add(key(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4)));
                }, day);
        return keys;
    }

    public static String key(String teamId, String userId, LocalDate day, String kind) {
        return teamId + "/" + userId + "/" + day + "/" + kind;
    }
}
