package dev.daybook.canvas;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.daybook.support.InsertIfAbsent;
import dev.daybook.support.Timestamps;

/** The {@code project_canvas} and {@code canvas_workspace} rows. */
@Repository
class ProjectCanvases {

    private final JdbcTemplate jdbc;
    private final InsertIfAbsent inserts;

    ProjectCanvases(JdbcTemplate jdbc, InsertIfAbsent inserts) {
        this.jdbc = jdbc;
        this.inserts = inserts;
    }

    void ensure(String teamId, long projectId, String channelId, Instant now) {
        inserts.insert("""
                insert into project_canvas (team_id, project_id, channel_id, enabled, changed_seq, rendered_seq,
                                            failures, updated_at)
                values (?, ?, ?, true, 0, 0, 0, ?)
                """, teamId, projectId, channelId, Timestamps.of(now));
    }

    /** Counts a change; an edit already waiting for the minute to pass keeps its time. */
    int bump(String teamId, long projectId, Instant now) {
        return jdbc.update("""
                update project_canvas set changed_seq = changed_seq + 1, updated_at = ?
                 where team_id = ? and project_id = ?
                """, Timestamps.of(now), teamId, projectId);
    }

    /** A rebuild asked for by someone: due now, whatever the minute says, with a clean slate. */
    int rebuild(String teamId, long projectId, Instant now) {
        return jdbc.update("""
                update project_canvas set changed_seq = changed_seq + 1, next_edit_at = null, failures = 0,
                       note = null, updated_at = ?
                 where team_id = ? and project_id = ? and enabled = true
                """, Timestamps.of(now), teamId, projectId);
    }

    /** Takes the project's edit when it is due and nobody holds it: one instance wins. */
    boolean claim(String teamId, long projectId, String token, Instant now, Instant leaseUntil) {
        return jdbc.update("""
                update project_canvas set claim_token = ?, claimed_until = ?, claimed_seq = changed_seq
                 where team_id = ? and project_id = ? and enabled = true and changed_seq > rendered_seq
                   and (next_edit_at is null or next_edit_at <= ?)
                   and (claimed_until is null or claimed_until < ?)
                """, token, Timestamps.of(leaseUntil), teamId, projectId, Timestamps.of(now), Timestamps.of(now)) == 1;
    }

    Optional<CanvasClaim> claimed(String teamId, long projectId, String token) {
        return jdbc.query("""
                select id, team_id, project_id, channel_id, canvas_id, claim_token, claimed_seq, recreated_at, failures
                  from project_canvas where team_id = ? and project_id = ? and claim_token = ?
                """, (rs, n) -> new CanvasClaim(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getLong(7), rs.getObject(8) != null, rs.getInt(9)),
                teamId, projectId, token).stream().findFirst();
    }

    /** The edit is done: the canvas shows the change it took, and the next waits for the interval. */
    int edited(CanvasClaim claim, String canvasId, Instant now, Instant nextEdit) {
        return jdbc.update("""
                update project_canvas set canvas_id = ?, rendered_seq = ?, claim_token = null, claimed_until = null,
                       next_edit_at = ?, failures = 0, note = null, edited_at = ?, updated_at = ?
                 where id = ? and claim_token = ?
                """, canvasId, claim.seq(), Timestamps.of(nextEdit), Timestamps.of(now), Timestamps.of(now),
                claim.id(), claim.token());
    }

    /** The edit did not happen; it stays due, not before {@code notBefore}. */
    int retryLater(CanvasClaim claim, Instant notBefore, boolean countFailure, String note, Instant now) {
        return jdbc.update("""
                update project_canvas set claim_token = null, claimed_until = null, next_edit_at = ?,
                       failures = failures + ?, note = coalesce(?, note), updated_at = ?
                 where id = ? and claim_token = ?
                """, Timestamps.of(notBefore), countFailure ? 1 : 0, note, Timestamps.of(now), claim.id(), claim.token());
    }

    /** The change will not be shown (Slack refused it for good); later changes try again. */
    int gaveUp(CanvasClaim claim, String note, Instant notBefore, Instant now) {
        return jdbc.update("""
                update project_canvas set rendered_seq = ?, claim_token = null, claimed_until = null, next_edit_at = ?,
                       failures = 0, note = ?, updated_at = ?
                 where id = ? and claim_token = ?
                """, claim.seq(), Timestamps.of(notBefore), note, Timestamps.of(now), claim.id(), claim.token());
    }

    /** The canvas was deleted in Slack: forget it, so that the next edit creates it again, and note when. */
    int forget(CanvasClaim claim, Instant now) {
        return jdbc.update("""
                update project_canvas set canvas_id = null, recreated_at = ?, updated_at = ?
                 where id = ? and claim_token = ?
                """, Timestamps.of(now), Timestamps.of(now), claim.id(), claim.token());
    }

    int switchOff(String teamId, long projectId, String note, Instant now) {
        return jdbc.update("""
                update project_canvas set enabled = false, canvas_id = null, claim_token = null, claimed_until = null,
                       rendered_seq = changed_seq, note = ?, updated_at = ?
                 where team_id = ? and project_id = ?
                """, note, Timestamps.of(now), teamId, projectId);
    }

    /** Switched on by someone: a clean slate, and due now. */
    int switchOn(String teamId, long projectId, Instant now) {
        return jdbc.update("""
                update project_canvas set enabled = true, note = null, failures = 0, recreated_at = null,
                       next_edit_at = null, changed_seq = changed_seq + 1, updated_at = ?
                 where team_id = ? and project_id = ? and enabled = false
                """, Timestamps.of(now), teamId, projectId);
    }

    /** Projects whose canvas is due: changed, past its interval, held by nobody. */
    List<DueCanvas> due(Instant now, int limit) {
        return jdbc.query("""
                select c.team_id, c.project_id from project_canvas c
                 where c.enabled = true and c.changed_seq > c.rendered_seq
                   and (c.next_edit_at is null or c.next_edit_at <= ?)
                   and (c.claimed_until is null or c.claimed_until < ?)
                   and not exists (select 1 from canvas_workspace w where w.team_id = c.team_id)
                 order by c.next_edit_at
                """, (rs, n) -> new DueCanvas(rs.getString(1), rs.getLong(2)), Timestamps.of(now), Timestamps.of(now))
                .stream().limit(limit).toList();
    }

    Optional<CanvasState> state(String teamId, long projectId) {
        return jdbc.query("""
                select c.enabled, c.canvas_id, c.note, c.edited_at, w.unavailable_error
                  from project_canvas c left join canvas_workspace w on w.team_id = c.team_id
                 where c.team_id = ? and c.project_id = ?
                """, (rs, n) -> new CanvasState(rs.getBoolean(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                rs.getString(5)), teamId, projectId).stream().findFirst();
    }

    Optional<String> unavailable(String teamId) {
        return jdbc.queryForList("select unavailable_error from canvas_workspace where team_id = ?", String.class, teamId)
                .stream().findFirst();
    }

    /** Notes that the workspace has no channel canvases; true the first time (so it is said once). */
    boolean markUnavailable(String teamId, String error, Instant now) {
        return inserts.insert("insert into canvas_workspace (team_id, unavailable_error, unavailable_at) values (?, ?, ?)",
                teamId, error, Timestamps.of(now));
    }

    int clearUnavailable(String teamId) {
        return jdbc.update("delete from canvas_workspace where team_id = ?", teamId);
    }

    void deleteWorkspace(String teamId) {
        jdbc.update("delete from project_canvas where team_id = ?", teamId);
        jdbc.update("delete from canvas_workspace where team_id = ?", teamId);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
