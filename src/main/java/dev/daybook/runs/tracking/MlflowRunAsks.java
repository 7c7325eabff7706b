package dev.daybook.runs.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.daybook.support.InsertIfAbsent;
import dev.daybook.support.Timestamps;

/**
 * Runs found by polling MLflow whose owner is to be asked to mention them ({@code mlflow_run_ask}): one
 * row per run, so a run found again is never asked about twice.
 */
@Repository
public class MlflowRunAsks {

    /** An ask still open: the run, its project and who ran it. */
    public record Open(long id, long projectId, long runId, String owner) {
    }

    /** A team's owner with asks to hand over. */
    public record Owner(String teamId, String owner) {
    }

    private final JdbcClient jdbc;
    private final InsertIfAbsent inserts;

    MlflowRunAsks(JdbcClient jdbc, InsertIfAbsent inserts) {
        this.jdbc = jdbc;
        this.inserts = inserts;
    }

    /** Notes that the run's owner is to be asked; false when the run was found (and noted) before. */
    public boolean note(String teamId, long projectId, long runId, String owner, Instant now) {
        return inserts.insert("insert into mlflow_run_ask (team_id, project_id, run_id, owner, found_at) values (?, ?, ?, ?, ?)",
                teamId, projectId, runId, owner, Timestamps.of(now));
    }

    /**
     * Owners with open asks not handed over since {@code handedBefore} (never, or a day ago: an ask that
     * came after the owner's DM of the day waits for the next day's), marked handed at {@code now}.
     */
    public List<Owner> handOver(Instant handedBefore, Instant now) {
        List<Owner> owners = jdbc.sql("""
                        select distinct team_id, owner from mlflow_run_ask
                         where outcome is null and (handed_at is null or handed_at <= ?)
                         order by team_id, owner
                        """).param(Timestamps.of(handedBefore)).query((rs, n) -> new Owner(rs.getString(1), rs.getString(2))).list();
        for (Owner owner : owners) {
            jdbc.sql("update mlflow_run_ask set handed_at = ? where team_id = ? and owner = ? and outcome is null "
                            + "and (handed_at is null or handed_at <= ?)")
                    .params(Timestamps.of(now), owner.teamId(), owner.owner(), Timestamps.of(handedBefore)).update();
        }
        return owners;
    }

    /**
     * Closes the owner's open asks about runs {@code userId} named in an update already, as
     * {@code mentioned}: nobody asks a person about a run they wrote about.
     */
    public int settleMentioned(String teamId, String owner, String userId) {
        return jdbc.sql("""
                        update mlflow_run_ask set outcome = 'mentioned', slack_user = ?
                         where team_id = ? and owner = ? and outcome is null
                           and exists (select 1 from run_source s where s.run_id = mlflow_run_ask.run_id
                                        and s.origin like 'update:%' and s.reported_by = ?)
                        """).params(userId, teamId, owner, userId).update();
    }

    /** The projects where the owner has open asks, in id order. */
    public List<Long> openProjects(String teamId, String owner) {
        return jdbc.sql("select distinct project_id from mlflow_run_ask where team_id = ? and owner = ? and outcome is null "
                        + "order by project_id")
                .params(teamId, owner).query(Long.class).list();
    }

    /**
     * Marks the owner's open asks in these projects as listed in the DM of {@code day} to {@code userId},
     * and returns every ask of that DM (a retry of the same day lists the same runs).
     */
    public List<Open> claimFor(String teamId, String owner, String userId, LocalDate day, List<Long> projectIds) {
        for (long projectId : projectIds) {
            jdbc.sql("update mlflow_run_ask set outcome = 'asked', asked_on = ?, slack_user = ? "
                            + "where team_id = ? and owner = ? and project_id = ? and outcome is null")
                    .params(day, userId, teamId, owner, projectId).update();
        }
        return jdbc.sql("select id, project_id, run_id, owner from mlflow_run_ask where team_id = ? and owner = ? "
                        + "and outcome = 'asked' and asked_on = ? and slack_user = ? order by project_id, found_at, id")
                .params(teamId, owner, day, userId)
                .query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4))).list();
    }

    /**
     * Nobody in Slack is the owner for these projects (no mapping, and no Slack user has the e-mail):
     * their open asks there are closed, so Slack is not asked about them daily.
     */
    public int settleWithoutSlackUser(String teamId, String owner, List<Long> projectIds) {
        int settled = 0;
        for (long projectId : projectIds) {
            settled += jdbc.sql("update mlflow_run_ask set outcome = 'no_slack_user' "
                            + "where team_id = ? and owner = ? and project_id = ? and outcome is null")
                    .params(teamId, owner, projectId).update();
        }
        return settled;
    }

    /** How the run's ask stands: null when it has none or it is open. */
    public String outcome(String teamId, long runId) {
        return jdbc.sql("select outcome from mlflow_run_ask where team_id = ? and run_id = ?").params(teamId, runId)
                .query(String.class).optional().orElse(null);
    }
}
