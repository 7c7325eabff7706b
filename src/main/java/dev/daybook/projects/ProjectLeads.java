package dev.daybook.projects;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.daybook.support.InsertIfAbsent;
import dev.daybook.support.Timestamps;

/**
 * A project's leads, as Daybook stores them: the person who created the project and the people a lead
 * named. (Workspace admins and owners lead every project as well; only Slack can say who they are.)
 * Leads change the project's settings, post its summary, revoke its links and manage its API tokens.
 */
@Service
@Transactional(readOnly = true)
public class ProjectLeads {

    /** Enough for any team; a longer list is a sign of a script, not of people. */
    public static final int MOST_LEADS = 50;

    /** What became of a request to stop someone leading. */
    public enum Removal { REMOVED, NOT_A_LEAD, LAST_LEAD }

    /** What became of a request to name someone a lead. */
    public enum Addition { ADDED, ALREADY_A_LEAD, TOO_MANY }

    /** A lead, and who named them: null when they created the project. */
    public record Lead(String userId, String namedBy) {
        public boolean createdTheProject() {
            return namedBy == null;
        }
    }

    private final JdbcClient jdbc;
    private final InsertIfAbsent inserts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProjectLeads(JdbcClient jdbc, InsertIfAbsent inserts, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.events = events;
        this.clock = clock;
    }

    /** The project's leads in the order they became leads. */
    public List<Lead> of(String teamId, long projectId) {
        return jdbc.sql("select user_id, named_by from project_lead where team_id = ? and project_id = ? order by named_at, id")
                .params(teamId, projectId)
                .query((rs, n) -> new Lead(rs.getString(1), rs.getString(2)))
                .list();
    }

    public boolean isLead(String teamId, long projectId, String userId) {
        return userId != null && jdbc.sql("select count(*) from project_lead where team_id = ? and project_id = ? and user_id = ?")
                .params(teamId, projectId, userId).query(Integer.class).single() > 0;
    }

    /** Who created the project, when Daybook knows. */
    public Optional<String> creator(String teamId, long projectId) {
        return jdbc.sql("select created_by from project where team_id = ? and id = ?")
                .params(teamId, projectId).query(String.class).optional();
    }

    @Transactional
    public Addition add(String teamId, long projectId, String userId, String namedBy) {
        if (isLead(teamId, projectId, userId)) {
            return Addition.ALREADY_A_LEAD;
        }
        if (of(teamId, projectId).size() >= MOST_LEADS) {
            return Addition.TOO_MANY;
        }
        boolean added = inserts.insert("""
                insert into project_lead (team_id, project_id, user_id, named_by, named_at) values (?, ?, ?, ?, ?)
                """, teamId, projectId, userId, namedBy, Timestamps.of(clock.instant()));
        return added ? Addition.ADDED : Addition.ALREADY_A_LEAD;
    }

    /**
     * Stops someone leading the project; the last stored lead stays (a project without one could be
     * changed only by workspace admins). Publishes {@link ProjectLeadRemoved}, which takes the API tokens
     * they created for the project with it.
     */
    @Transactional
    public Removal remove(String teamId, long projectId, String userId) {
        List<Lead> leads = jdbc.sql("select user_id, named_by from project_lead where team_id = ? and project_id = ? for update")
                .params(teamId, projectId)
                .query((rs, n) -> new Lead(rs.getString(1), rs.getString(2)))
                .list();
        if (leads.stream().noneMatch(l -> l.userId().equals(userId))) {
            return Removal.NOT_A_LEAD;
        }
        if (leads.size() == 1) {
            return Removal.LAST_LEAD;
        }
        jdbc.sql("delete from project_lead where team_id = ? and project_id = ? and user_id = ?")
                .params(teamId, projectId, userId).update();
        events.publishEvent(new ProjectLeadRemoved(teamId, projectId, userId));
        return Removal.REMOVED;
    }

    /** Records who created a project that has just been opened, as its first lead. */
    @Transactional
    void created(String teamId, long projectId, String userId) {
        if (userId == null || userId.isBlank()) {
            return;
        }
        jdbc.sql("update project set created_by = ? where team_id = ? and id = ? and created_by is null")
                .params(userId, teamId, projectId).update();
        inserts.insert("""
                insert into project_lead (team_id, project_id, user_id, named_by, named_at) values (?, ?, ?, null, ?)
                """, teamId, projectId, userId, Timestamps.of(clock.instant()));
    }

    void deleteWorkspace(String teamId) {
        jdbc.sql("delete from project_lead where team_id = ?").param(teamId).update();
    }
}
