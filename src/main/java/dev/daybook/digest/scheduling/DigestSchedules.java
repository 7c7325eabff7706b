package dev.daybook.digest.scheduling;

import dev.daybook.digest.DigestSchedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.daybook.support.InsertIfAbsent;
import dev.daybook.support.Timestamps;

/** The {@code digest_schedule} rows: a project's own digest channel, day and time. */
@Repository
public class DigestSchedules {

    private final JdbcTemplate jdbc;
    private final InsertIfAbsent inserts;

    DigestSchedules(JdbcTemplate jdbc, InsertIfAbsent inserts) {
        this.jdbc = jdbc;
        this.inserts = inserts;
    }

    public Optional<DigestSchedule> find(String teamId, long projectId) {
        return jdbc.query("""
                select channel_id, digest_weekday, digest_time from digest_schedule where team_id = ? and project_id = ?
                """, (rs, n) -> new DigestSchedule(rs.getString(1), DayOfWeek.valueOf(rs.getString(2)),
                rs.getObject(3, LocalTime.class)), teamId, projectId).stream().findFirst();
    }

    /** Inside the caller's transaction. */
    public void save(String teamId, long projectId, DigestSchedule schedule, String userId, Instant now) {
        boolean inserted = inserts.insert("""
                insert into digest_schedule (team_id, project_id, channel_id, digest_weekday, digest_time, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """, teamId, projectId, schedule.channelId(), schedule.day().name(), schedule.time(), userId,
                Timestamps.of(now));
        if (!inserted) {
            jdbc.update("""
                    update digest_schedule set channel_id = ?, digest_weekday = ?, digest_time = ?, updated_by = ?, updated_at = ?
                     where team_id = ? and project_id = ?
                    """, schedule.channelId(), schedule.day().name(), schedule.time(), userId, Timestamps.of(now),
                    teamId, projectId);
        }
    }

    void deleteWorkspace(String teamId) {
        jdbc.update("delete from digest_schedule where team_id = ?", teamId);
    }
}
