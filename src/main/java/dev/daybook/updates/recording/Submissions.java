package dev.daybook.updates.recording;

import dev.daybook.updates.RecordUpdate;
import dev.daybook.updates.UpdateSource;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.daybook.support.Timestamps;

/**
 * The {@code update_submission} rows: updates acknowledged to their authors and not yet derived into
 * the day's update. Plain JDBC, since the acknowledgement path is one insert and nothing more.
 */
@Component
public class Submissions {

    /** An acknowledged update, with the day and project decided when it was acknowledged. */
    public record Submission(long id, RecordUpdate request, String eventId, long projectId, LocalDate day, boolean filedLate,
                      Instant receivedAt) {
    }

    /** A person with acknowledged updates waiting. */
    public record Author(String teamId, String userId) {
    }

    private final JdbcClient jdbc;

    Submissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(RecordUpdate request, String rawText, String eventId, long projectId, LocalDate day, boolean late,
                Instant receivedAt) {
        jdbc.sql("""
                insert into update_submission (team_id, user_id, channel_id, channel_name, source, raw_text, posted_at,
                                               message_ts, thread_ts, event_id, project_id, work_day, filed_late,
                                               received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(request.teamId(), request.userId(), request.channelId(), request.channelName(),
                        request.source().name(), rawText, Timestamps.of(request.postedAt()), request.messageTs(),
                        request.threadTs(), eventId, projectId, day, late, Timestamps.of(receivedAt))
                .update();
    }

    /** Whether anyone in the workspace has an update acknowledged and not yet derived. */
    public boolean anyPending(String teamId) {
        return !jdbc.sql(teamId == null ? "select id from update_submission fetch first 1 rows only"
                        : "select id from update_submission where team_id = ? fetch first 1 rows only")
                .params(teamId == null ? List.of() : List.of(teamId)).query(Long.class).list().isEmpty();
    }

    /** Who has updates waiting in a workspace, or (teamId null) anywhere. */
    public List<Author> pendingAuthors(String teamId) {
        return jdbc.sql(teamId == null ? "select distinct team_id, user_id from update_submission"
                        : "select distinct team_id, user_id from update_submission where team_id = ?")
                .params(teamId == null ? List.of() : List.of(teamId))
                .query((rs, n) -> new Author(rs.getString(1), rs.getString(2))).list();
    }

    /** Whether the person has an update acknowledged and not yet derived. */
    public boolean anyPendingOf(String teamId, String userId) {
        return !jdbc.sql("select id from update_submission where team_id = ? and user_id = ? fetch first 1 rows only")
                .params(teamId, userId).query(Long.class).list().isEmpty();
    }

    /** Who has updates waiting in a project. */
    public List<Author> pendingAuthorsIn(String teamId, long projectId) {
        return jdbc.sql("select distinct team_id, user_id from update_submission where team_id = ? and project_id = ?")
                .params(teamId, projectId).query((rs, n) -> new Author(rs.getString(1), rs.getString(2))).list();
    }

    /** Who has the message waiting, when it is an acknowledged post not yet derived. */
    public Optional<Author> authorOfMessage(String teamId, String channelId, String messageTs) {
        return jdbc.sql("""
                select team_id, user_id from update_submission where team_id = ? and channel_id = ? and message_ts = ?
                fetch first 1 rows only""").params(teamId, channelId, messageTs)
                .query((rs, n) -> new Author(rs.getString(1), rs.getString(2))).optional();
    }

    /**
     * The person's waiting submissions, oldest first, read without locking them: what the day will hold
     * once they are derived, for an answer that does not wait for that.
     */
    public List<Submission> waitingOf(String teamId, String userId) {
        return jdbc.sql("select * from update_submission where team_id = ? and user_id = ? order by id")
                .params(teamId, userId).query(Submissions::read).list();
    }

    /** The ids of the person's waiting submissions, oldest first. */
    public List<Long> waiting(String teamId, String userId) {
        return jdbc.sql("select id from update_submission where team_id = ? and user_id = ? order by id")
                .params(teamId, userId).query(Long.class).list();
    }

    /**
     * Locks one submission until the transaction ends; empty when it has been derived (and deleted) in
     * the meantime, by another thread or instance.
     */
    public Optional<Submission> lock(long id) {
        return jdbc.sql("select * from update_submission where id = ? for update").param(id)
                .query(Submissions::read).optional();
    }

    public void delete(long id) {
        jdbc.sql("delete from update_submission where id = ?").param(id).update();
    }

    private static Submission read(ResultSet rs, int row) throws SQLException {
        RecordUpdate request = new RecordUpdate(rs.getString("team_id"), rs.getString("channel_id"),
                rs.getString("channel_name"), rs.getString("user_id"), rs.getString("raw_text"),
                UpdateSource.valueOf(rs.getString("source")), rs.getObject("posted_at", OffsetDateTime.class).toInstant(),
                rs.getString("message_ts"), rs.getString("thread_ts"), RecordUpdate.Intent.REPLACE);
        return new Submission(rs.getLong("id"), request, rs.getString("event_id"), rs.getLong("project_id"),
                rs.getObject("work_day", LocalDate.class), rs.getBoolean("filed_late"),
                rs.getObject("received_at", OffsetDateTime.class).toInstant());
    }
}
